"""A seeded random player through the real loop: nothing raises, and a good model stays good.

The stream (``testing_support/random_events.py``, shared with ``benchmarks/bench_reliability.py``,
which runs a longer one) presses every key the scenes answer, draws anywhere, resizes and goes
fullscreen, starts and stops training at random moments, and launches the game with broken
``--model`` files. The keys that put a kept model in use on purpose (Enter on the training
screen, N on the board) are left out, so every launch that starts with a good model must end
with one.
"""

import dataclasses

import numpy as np
import pygame
import pytest

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.ml import training
from testing_support.closing import close
from testing_support.game_input import post_key, run_until
from testing_support.random_events import (
    RandomPlayer,
    Tally,
    play_launch,
    thread_exceptions_counted,
    wind_down,
    write_odd_models,
)

SEED = 7
LAUNCHES = (  # (what --model points at, events); None: the saved or shipped model
    (None, 800),
    ("same names, other sizes", 400),
    ("NaN weights", 400),
    ("corrupt file", 400),
)
GOOD = 0.98  # a model that reads this share of MNIST test digits right is a good one


def mnist_test_accuracy(weights, mnist, count=500) -> float:
    """What the model with ``weights`` reads right of the first ``count`` MNIST test digits."""
    from mnist_arcade.ml.model import build_model
    from mnist_arcade.ml.predictor import Predictor

    model = build_model()
    model.set_weights(weights)
    images = mnist_digits_as_input(mnist.x_test[:count])
    read = Predictor(model).probabilities(images).argmax(axis=1)
    return float(np.mean(read == mnist.y_test[:count]))


@pytest.fixture
def pygame_started():
    pygame.init()
    yield
    pygame.quit()


@pytest.fixture
def small_full_preset(monkeypatch):
    """The full preset with a few hundred drawings instead of 57,000 and no pen replays, so it
    starts in a second or two in CI; the path (drawings, augmentation, calibration) is the same
    (the pen replays' own path is tested in tests/ml/test_pen_inputs.py)."""
    full = training.PRESETS["full"]
    monkeypatch.setitem(
        training.PRESETS,
        "full",
        dataclasses.replace(
            full,
            style_drawings=200,
            redrawn_digits=60,
            small_redrawn=20,
            non_digits=60,
            validation_drawings=20,
            pen_replays=0,
            small_pen_replays=0,
        ),
    )


@pytest.mark.slow
def test_a_random_event_stream_raises_nothing_and_keeps_a_good_model(
    pygame_started, small_full_preset, small_mnist_file, mnist, tmp_path
):
    odd_models = write_odd_models(tmp_path / "odd_models")
    player = RandomPlayer(SEED, choose_models=False, idle_seconds=(0.02, 0.2))
    tally = Tally()
    good_launches = []  # (kind, accuracy at the end) of launches that began with a good model
    with thread_exceptions_counted(tally):
        for kind, events in LAUNCHES:
            model_path = None if kind is None else str(odd_models[kind])
            app, observer = play_launch(
                player,
                tally,
                events,
                model_path,
                str(small_mnist_file),
                kind or "saved or shipped model",
                epochs=1,
            )
            first = observer.first_in_use
            if first is not None and mnist_test_accuracy(first.weights, mnist) >= GOOD:
                # Let a run finish and be judged, then read the model in use.
                settled = wind_down(app, tally, observer, stop=False)
                assert settled, f"launch {kind}: training or the engine never went idle"
                good_launches.append((kind, mnist_test_accuracy(app.context.model.weights, mnist)))
            close(app, tally)  # as the player closing the window, maybe in the middle of a run

    assert tally.events >= 2000
    assert tally.exceptions == [], "\n".join(tally.exceptions)
    assert [c for c in tally.closes if c.threads_left] == []  # every close ended every thread
    # the stream did train more than once, and stopped a run (how often depends on the path
    # the seeded stream takes through the scenes, which every change to a scene moves)
    assert tally.runs["started"] >= 2 and tally.runs["stop asked"] >= 1, tally.runs
    assert good_launches, "no launch began with a good model"
    for kind, accuracy in good_launches:
        assert accuracy >= GOOD, f"launch {kind}: the model in use now reads {accuracy:.1%}"


@pytest.mark.slow
def test_closing_the_game_as_a_run_starts_saves_nothing_and_leaves_no_thread(make_app):
    """The hardest moment to close: the run is inside model.fit's first batch, which TensorFlow
    cannot interrupt. Closing waits for that batch (the window already gone), so when it
    returns no thread is left, nothing was saved and no half-written file remains."""
    from mnist_arcade import paths

    app = make_app(real=True, save_path=None, aside_path=None)
    post_key(pygame.K_t)
    post_key(pygame.K_SPACE)  # T opens the screen; Space starts a run
    assert run_until(app, lambda: app.context.training.started is not None, 60)
    tally = Tally()
    assert close(app, tally), tally.closes
    assert tally.exceptions == []
    left = sorted(p.name for p in paths.user_dir().rglob("*")) if paths.user_dir().exists() else []
    assert left == []  # no model saved, no temporary file
