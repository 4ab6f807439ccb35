"""A real pygame window on SDL's dummy driver, with the shipped model loaded."""

import time

import pygame
import pytest

from mnist_arcade.game.app import App, open_window
from mnist_arcade.game.model_service import ModelService
from mnist_arcade.game.training_session import TrainingSession


@pytest.fixture
def screen():
    pygame.init()
    yield open_window()
    pygame.quit()


@pytest.fixture
def make_app(screen, small_mnist_file, tmp_path):
    """Build an App; ``load=True`` waits for the real model, as a player would after launch."""
    apps = []

    def make(load: bool = True, **training_options) -> App:
        model = ModelService()
        model.start()
        if load:
            assert model.wait(120), "the model did not load"
        training_options.setdefault("data_path", str(small_mnist_file))
        training_options.setdefault("save_path", str(tmp_path / "trained.keras"))
        if training_options["save_path"] is None:  # the game's default: the user folder
            del training_options["save_path"]
        app = App(screen, model, TrainingSession(**training_options))
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.shutdown()


def run_until(app, condition, seconds: float = 120.0) -> bool:
    """Run paced frames (the game's own 60 FPS clock, which sleeps between frames as the real
    loop does, leaving the trainer thread its share of the CPU) until ``condition()`` holds."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        app.frame()
    return True


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
