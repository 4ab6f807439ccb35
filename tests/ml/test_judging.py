"""The one judge-and-save: a run is judged against the *saved* model, read again under the folder
lock, and saved with its library copy both or neither (issue 18, items 1-4; issue 19)."""

import dataclasses
import errno
import queue
import shutil
import tempfile
import threading
from pathlib import Path

import numpy as np
import pytest

from mnist_arcade import paths
from mnist_arcade.messages import BatchProgress, RunJudged, TrainingFailed
from mnist_arcade.ml.model import build_model
from mnist_arcade.ml.model_files import load_model, save_model_atomic
from mnist_arcade.ml.trainer import run_training
from mnist_arcade.ml.training import PRESETS, train
from mnist_arcade.player_files.model_library import library_dir, library_models

TINY = dataclasses.replace(
    PRESETS["seed"], train_samples=300, validation_samples=60, batch_size=30, epochs=3
)


@pytest.fixture(autouse=True)
def tiny_seed_preset(monkeypatch):
    import mnist_arcade.ml.training as training

    monkeypatch.setitem(training.PRESETS, "seed", TINY)


def zeros_weights() -> list:
    return [np.zeros_like(w) for w in build_model().get_weights()]  # reads every digit as 0


def save_zeros_model(path: Path) -> None:
    model = build_model()
    model.set_weights(zeros_weights())
    save_model_atomic(model, path)


def play_and_train(small_mnist_file, messages=None, **options) -> list:
    """T in a game: the run goes to the player's own slots (no save_path given)."""
    messages = messages or queue.Queue()
    run_training("seed", messages, threading.Event(), data_path=small_mnist_file, **options)
    posted = []
    while not messages.empty():
        posted.append(messages.get_nowait())
    return posted


def test_play_model_x_then_t_never_replaces_the_better_saved_model(small_mnist_file):
    """`play --model X` (X reads 10%), T: the run beats X but not the saved model, so the saved
    model stays; the old code judged against X and saved the run over it."""
    paths.user_dir().mkdir(parents=True)
    shutil.copyfile(paths.shipped_model_path(), paths.user_model_path())  # reads ~99%
    before = paths.user_model_path().read_bytes()
    posted = play_and_train(small_mnist_file, incumbent_weights=zeros_weights())
    judged = posted[-1]
    assert isinstance(judged, RunJudged) and not judged.adopted
    assert "your saved model" in judged.reason and judged.incumbent_accuracy > 0.9
    assert paths.user_model_path().read_bytes() == before
    assert paths.kept_aside_model_path().is_file()


def test_the_saved_model_is_read_again_at_judge_time(small_mnist_file):
    """Another copy of the game saves a better model while this run trains: the run must beat
    that one, not the poor model that was saved when it started."""
    paths.user_dir().mkdir(parents=True)
    save_zeros_model(paths.user_model_path())
    real = queue.Queue()

    class AnotherCopySaves(queue.Queue):
        def put(self, item, block=True, timeout=None):
            real.put(item)
            if isinstance(item, BatchProgress) and item.epoch == 2 and item.batch == 1:
                shutil.copyfile(paths.shipped_model_path(), paths.user_model_path())

    play_and_train(small_mnist_file, AnotherCopySaves(), incumbent_weights=zeros_weights())
    judged = list(real.queue)[-1]
    assert isinstance(judged, RunJudged) and not judged.adopted
    assert judged.incumbent_accuracy > 0.9
    assert paths.user_model_path().read_bytes() == paths.shipped_model_path().read_bytes()


def test_a_full_disk_in_the_library_leaves_the_saved_model_and_names_the_fallback(
    small_mnist_file, monkeypatch
):
    """Old code: the slot was replaced, then the library copy failed, and the game said
    "Training failed". Now neither is written, and the run is in the temporary folder."""
    paths.user_dir().mkdir(parents=True)
    save_zeros_model(paths.user_model_path())
    before = paths.user_model_path().read_bytes()
    real_mkstemp = tempfile.mkstemp

    def full_library(*args, **kwargs):
        if Path(kwargs.get("dir", "")) == library_dir():
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", full_library)
    posted = play_and_train(small_mnist_file)
    judged = posted[-1]
    assert isinstance(judged, RunJudged), judged
    assert not judged.adopted and "No space left on device" in judged.problem
    fallback = Path(judged.saved_path)
    assert fallback.parent == Path(tempfile.gettempdir()) and str(fallback) in judged.problem
    try:
        load_model(fallback)  # the run is there, whole
    finally:
        fallback.unlink()
    assert paths.user_model_path().read_bytes() == before and library_models() == []


def test_a_user_folder_that_is_a_file_is_said_before_training_in_one_plain_sentence(
    small_mnist_file,
):
    paths.user_dir().parent.mkdir(parents=True, exist_ok=True)
    paths.user_dir().write_text("not a folder")
    posted = play_and_train(small_mnist_file)
    failed = posted[-1]
    assert isinstance(failed, TrainingFailed)
    assert f"{paths.user_dir()} is a file, not a folder" in failed.message
    assert not failed.message.lower().startswith("training failed")
    assert not any(isinstance(m, BatchProgress) for m in posted)  # no run to lose


def test_a_stop_before_the_first_batch_ends_training_without_running_a_batch(
    small_mnist_file,
):
    """A close that comes before the first batch must not wait for Keras to build and run
    it (seconds on a busy machine): the trainer thread left at close in bench_reliability."""
    from mnist_arcade.dataset import load_npz
    from mnist_arcade.ml.training import select_training_data

    data = select_training_data(load_npz(small_mnist_file), TINY)
    stop = threading.Event()
    stop.set()
    posted = []
    _, finished = train(TINY, data, posted.append, stop)
    assert finished.epochs_done == 0
    assert not any(isinstance(m, BatchProgress) for m in posted)
