"""The trainer thread's end of a run: measured against the model in use, then saved by policy."""

import dataclasses
import queue
import threading
from pathlib import Path

import numpy as np
import pytest

from mnist_arcade.messages import BatchProgress, DataReady, RunJudged, TrainingFinished
from mnist_arcade.ml.model_files import load_model
from mnist_arcade.ml.trainer import run_training
from mnist_arcade.ml.training import PRESETS

TINY = dataclasses.replace(
    PRESETS["seed"], train_samples=300, validation_samples=60, batch_size=30, epochs=3
)


@pytest.fixture(autouse=True)
def tiny_seed_preset(monkeypatch):
    import mnist_arcade.ml.training as training

    monkeypatch.setitem(training.PRESETS, "seed", TINY)


def drain(messages: queue.Queue) -> list:
    posted = []
    while not messages.empty():
        posted.append(messages.get_nowait())
    return posted


def run(small_mnist_file, tmp_path, stop=None, **options):
    messages = queue.Queue()
    run_training(
        "seed",
        messages,
        stop or threading.Event(),
        data_path=small_mnist_file,
        save_path=tmp_path / "in_use.keras",
        aside_path=tmp_path / "aside.keras",
        **options,
    )
    return drain(messages)


def save_zeros_model(path):
    """A saved model that reads every digit as 0 (about 10%): any trained run beats it."""
    from mnist_arcade.ml.model import build_model
    from mnist_arcade.ml.model_files import save_model_atomic

    model = build_model()
    model.set_weights([np.zeros_like(w) for w in model.get_weights()])
    save_model_atomic(model, path)


def test_a_finished_run_better_than_the_saved_model_is_saved_as_it(small_mnist_file, tmp_path):
    save_zeros_model(tmp_path / "in_use.keras")
    posted = run(small_mnist_file, tmp_path)
    ready = posted[0]
    assert isinstance(ready, DataReady) and ready.source == str(small_mnist_file)
    judged = posted[-1]
    assert isinstance(judged, RunJudged) and judged.adopted
    assert judged.candidate_accuracy > judged.incumbent_accuracy
    assert judged.saved_path == str(tmp_path / "in_use.keras")
    assert not (tmp_path / "aside.keras").exists()
    assert judged.library_path and Path(judged.library_path).is_file()
    saved = load_model(tmp_path / "in_use.keras")
    for mine, theirs in zip(judged.weights, saved.get_weights(), strict=True):
        np.testing.assert_array_equal(mine, theirs)


def test_a_run_worse_than_the_shipped_model_is_kept_aside(small_mnist_file, tmp_path):
    posted = run(small_mnist_file, tmp_path, incumbent_weights=load_model_weights())
    judged = posted[-1]
    assert isinstance(judged, RunJudged) and not judged.adopted
    assert judged.incumbent_accuracy > judged.candidate_accuracy
    assert "kept aside" in judged.reason
    assert (tmp_path / "aside.keras").is_file() and not (tmp_path / "in_use.keras").exists()


def test_a_stopped_run_is_kept_aside_even_with_no_model_in_use(small_mnist_file, tmp_path):
    stop = threading.Event()
    real = queue.Queue()
    real_put = real.put

    class Spy(queue.Queue):
        def put(self, item, block=True, timeout=None):
            real_put(item)
            if isinstance(item, BatchProgress) and item.epoch == 2:
                stop.set()

    spy = Spy()
    run_training(
        "seed",
        spy,
        stop,
        data_path=small_mnist_file,
        save_path=tmp_path / "in_use.keras",
        aside_path=tmp_path / "aside.keras",
    )
    posted = drain(real)
    finished = next(m for m in posted if isinstance(m, TrainingFinished))
    assert finished.stopped_early and finished.epochs_done == 1
    judged = posted[-1]
    assert isinstance(judged, RunJudged) and not judged.adopted and "stopped" in judged.reason
    assert (tmp_path / "aside.keras").is_file() and not (tmp_path / "in_use.keras").exists()


def test_closing_the_game_mid_run_saves_nothing(small_mnist_file, tmp_path):
    stop, abandon = threading.Event(), threading.Event()
    real = queue.Queue()

    class Spy(queue.Queue):
        def put(self, item, block=True, timeout=None):
            real.put(item)
            if isinstance(item, BatchProgress) and item.epoch == 2:
                abandon.set()
                stop.set()

    run_training(
        "seed",
        Spy(),
        stop,
        data_path=small_mnist_file,
        abandon=abandon,
        save_path=tmp_path / "in_use.keras",
        aside_path=tmp_path / "aside.keras",
    )
    assert not any(isinstance(m, RunJudged) for m in drain(real))
    assert list(tmp_path.iterdir()) == []


def load_model_weights():
    from mnist_arcade import paths

    return load_model(paths.shipped_model_path()).get_weights()


def test_a_stop_while_drawings_are_made_ends_the_run_at_once(
    small_mnist_file, tmp_path, monkeypatch
):
    """The full preset draws thousands of practice digits before its first epoch; a stop (or
    closing the game) must not wait for them."""
    import mnist_arcade.ml.training as training
    from mnist_arcade.messages import DataProgress

    drawing = dataclasses.replace(
        training.PRESETS["full"],
        style_drawings=3000,
        redrawn_digits=0,
        small_redrawn=0,
        non_digits=0,
        validation_drawings=0,
        pen_replays=0,
        small_pen_replays=0,
        epochs=1,
    )
    monkeypatch.setitem(training.PRESETS, "full", drawing)
    stop = threading.Event()
    real = queue.Queue()

    class Spy(queue.Queue):
        def put(self, item, block=True, timeout=None):
            real.put(item)
            if isinstance(item, DataProgress) and item.done >= 250:
                stop.set()

    run_training(
        "full",
        Spy(),
        stop,
        data_path=small_mnist_file,
        save_path=tmp_path / "in_use.keras",
        aside_path=tmp_path / "aside.keras",
    )
    posted = drain(real)
    progress = [m for m in posted if isinstance(m, DataProgress)]
    assert progress and progress[0].total == 3000 and progress[-1].done < 3000
    assert not any(isinstance(m, (RunJudged, TrainingFinished)) for m in posted)
    assert list(tmp_path.iterdir()) == []


def test_a_run_stopped_in_its_first_epochs_leaves_no_file_behind(
    small_mnist_file, tmp_path, isolated_user_folder
):
    """T, then 2 a second later, used to leave a one-second run in the library (issue 22)."""
    stop = threading.Event()
    real = queue.Queue()

    class Spy(queue.Queue):
        def put(self, item, block=True, timeout=None):
            real.put(item)
            if isinstance(item, BatchProgress) and item.epoch == 2:
                stop.set()  # one epoch of thirty done: a tenth would be three

    run_training(
        "seed",
        Spy(),
        stop,
        data_path=small_mnist_file,
        epochs=30,
        save_path=tmp_path / "in_use.keras",
        aside_path=tmp_path / "aside.keras",
    )
    posted = drain(real)
    finished = next(m for m in posted if isinstance(m, TrainingFinished))
    assert finished.stopped_early and finished.epochs_done == 1
    assert not any(isinstance(m, RunJudged) for m in posted)
    assert not (tmp_path / "aside.keras").exists() and not (tmp_path / "in_use.keras").exists()
    kept = [p for p in isolated_user_folder.rglob("*") if p.is_file()]
    assert kept == []  # no library file either
