"""A real pygame window on SDL's dummy driver, with the real engine and the shipped model."""

import time

import pygame
import pytest

from mnist_arcade.game.app import App
from mnist_arcade.game.context import GameContext
from mnist_arcade.game.services.model_client import ModelClient
from mnist_arcade.game.services.training_session import TrainingSession
from mnist_arcade.game.window import Window


@pytest.fixture
def window():
    pygame.init()
    yield Window()
    pygame.quit()


@pytest.fixture
def make_app(window, small_mnist_file, tmp_path):
    """Build an App; ``load=True`` waits for the real model, as a player would after launch."""
    apps = []

    def make(
        load: bool = True,
        model_path=None,
        training: TrainingSession | None = None,
        **training_options,
    ) -> App:
        model = ModelClient(model_path)
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


def run_until(app, condition, seconds: float = 120.0) -> bool:
    """Run paced frames (the game's own 60 FPS clock, which sleeps between frames as the real
    loop does, leaving the trainer thread its share of the CPU) until ``condition()`` holds."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        app.frame()
    return True


def settle(app, seconds: float = 10.0) -> bool:
    """Run frames until the engine has answered everything asked so far."""
    context = app.context
    return run_until(
        app, lambda: context.model._requests.empty() and not context.readings.awaiting, seconds
    )


def post_key(key):
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))


def post_stroke(points, button=1):
    """A real mouse stroke: button down at the first point, motion through the rest, up."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=points[0], button=button))
    for point in points[1:]:
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=point, rel=(0, 0), buttons=(1, 0, 0))
        )
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=points[-1], button=button))


def read_board(app):
    """Press P and run frames until the engine's answer is on screen."""
    post_key(pygame.K_p)
    app.frame(1 / 60)
    assert settle(app)
    app.frame(1 / 60)
