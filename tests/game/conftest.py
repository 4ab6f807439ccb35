"""A real pygame window on SDL's dummy driver, with a fake engine or the real shipped model.

``make_app()`` answers readings with :class:`testing_support.fake_engine.FakeEngine` (the
game's network in numpy with made-up weights: real shapes, no TensorFlow, milliseconds).
``make_app(real=True)`` starts the real engine on the shipped model, for the end-to-end tests
whose outcome depends on what the real network reads or on the model files it writes.
"""

import pygame
import pytest

from mnist_arcade.game.app import App
from mnist_arcade.game.context import GameContext
from mnist_arcade.game.services.model_client import ModelClient
from mnist_arcade.game.services.training_session import TrainingSession
from mnist_arcade.game.window import Window
from testing_support.fake_engine import FakeEngine


@pytest.fixture
def window():
    """The game's window on the dummy driver. pygame stays initialised from test to test
    (``pygame.quit`` costs about 30 ms, a tenth of a quick test); what a test could leave
    behind is cleared instead: queued events, and the display's mode, set anew by Window."""
    pygame.init()
    pygame.event.clear()
    yield Window()
    if pygame.display.get_init():  # a test that closed the window closed the display too
        pygame.event.clear()


@pytest.fixture
def make_app(window, small_mnist_file, tmp_path):
    """Build an App; ``load=True`` waits for the model, as a player would after launch;
    ``real=True`` reads with the real engine and the shipped model (else a fake engine)."""
    apps = []

    def make(
        load: bool = True,
        model_path=None,
        training: TrainingSession | None = None,
        real: bool = False,
        engine: FakeEngine | None = None,
        **training_options,
    ) -> App:
        if real or model_path is not None:
            model = ModelClient(model_path)
        else:
            model = ModelClient(starter=(engine or FakeEngine()).start)
        model.start()
        if load:
            assert model.wait(120), "the model did not load"
        training_options.setdefault("data_path", str(small_mnist_file))
        training_options.setdefault("save_path", str(tmp_path / "trained.keras"))
        training_options.setdefault("aside_path", str(tmp_path / "aside.keras"))
        for option in ("save_path", "aside_path"):
            if training_options[option] is None:  # the game's default: the user folder
                del training_options[option]
        training = training or TrainingSession(**training_options)
        app = App(window, GameContext(model, training))
        apps.append(app)
        app.frame(1 / 60)  # pick up the "ready" news, as the first frame of the game does
        return app

    yield make
    for app in apps:  # let every thread leave TensorFlow before the interpreter exits
        app.context.training.shutdown(60)
        app.context.model.shutdown(60)
