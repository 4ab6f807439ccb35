"""Drive a real App as a player does: post real pygame events, run frames, wait for answers.

Shared by the game tests and the random player (:mod:`testing_support.random_events`). Waiting
is by condition, never by a fixed sleep: ``run_until`` runs the game's own paced frames until
something holds; ``settle`` waits for the engine (deterministically, with the fake engine).
"""

from __future__ import annotations

import time

import pygame

from testing_support.fake_engine import FakeEngine


def run_until(app, condition, seconds: float = 120.0) -> bool:
    """Run paced frames (the game's own 60 FPS clock, which sleeps between frames as the real
    loop does, leaving the trainer thread its share of the CPU) until ``condition()`` holds."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        app.frame()
    return True


def fake_engine(app) -> FakeEngine | None:
    """The fake engine answering ``app``'s model client, or None for the real engine."""
    engine = getattr(app.context.model.starter, "__self__", None)
    return engine if isinstance(engine, FakeEngine) else None


def settle(app, seconds: float = 10.0) -> bool:
    """Run frames until the engine has answered everything asked so far (with a fake engine:
    wait for its answers, then one frame picks them up; no clock involved)."""
    context = app.context
    engine = fake_engine(app)
    if engine is not None:
        for _ in range(10):  # an answer can lead to one more request (a preview, say)
            seen = len(engine.seen)
            if not engine.answered_all(seconds):
                return False
            app.frame(1 / 60)  # picks up every answer given so far
            if len(engine.seen) == seen and not context.readings.awaiting:
                return True  # nothing new was asked while those answers were picked up
        return False
    return run_until(
        app, lambda: context.model.requests_waiting == 0 and not context.readings.awaiting, seconds
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
