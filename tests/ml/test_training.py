"""Real training on a few hundred real digits: messages, stopping, saving."""

import dataclasses
import queue
import threading

import numpy as np
import pytest

from mnist_arcade.dataset import load_npz
from mnist_arcade.messages import (
    BatchProgress,
    DataReady,
    EpochResult,
    ModelSaved,
    TrainingFinished,
    TrainingStarted,
    WeightsSnapshot,
)
from mnist_arcade.ml.background import run_training
from mnist_arcade.ml.store import load_model
from mnist_arcade.ml.training import PRESETS, select_training_data, train

TINY = dataclasses.replace(
    PRESETS["seed"], train_samples=300, validation_samples=100, batch_size=30, epochs=2
)


@pytest.fixture(scope="module")
def tiny_data(small_mnist_file):
    return select_training_data(load_npz(small_mnist_file), TINY)


def test_epoch_messages_carry_the_keras_metric_names(tiny_data):
    posted = []
    model, finished = train(TINY, tiny_data, posted.append, seed=0)
    epochs = [m for m in posted if isinstance(m, EpochResult)]
    assert [m.epoch for m in epochs] == [1, 2]
    assert set(epochs[0].logs) >= {"accuracy", "loss", "val_accuracy", "val_loss"}
    batches = [m for m in posted if isinstance(m, BatchProgress)]
    assert len(batches) == 2 * 10 and batches[-1].batches_per_epoch == 10
    assert all(b.samples_per_second > 0 for b in batches)
    snapshots = [m for m in posted if isinstance(m, WeightsSnapshot)]
    assert len(snapshots) == 2
    assert isinstance(posted[0], TrainingStarted) and posted[-1] is finished
    assert not finished.stopped_early and finished.epochs_done == 2
    for mine, theirs in zip(finished.weights, model.get_weights(), strict=True):
        np.testing.assert_array_equal(mine, theirs)


def test_training_learns_from_real_digits(small_mnist_file):
    data = load_npz(small_mnist_file)
    preset = dataclasses.replace(TINY, train_samples=600, validation_samples=200, epochs=8)
    posted = []
    _, finished = train(preset, select_training_data(data, preset), posted.append, seed=0)
    epochs = [m for m in posted if isinstance(m, EpochResult)]
    assert epochs[-1].logs["loss"] < epochs[0].logs["loss"]
    assert finished.best_val_accuracy > 0.6  # chance is 0.1


def test_stop_takes_effect_after_the_current_batch(tiny_data):
    stop = threading.Event()
    posted = []

    def post(message):
        posted.append(message)
        if isinstance(message, BatchProgress) and message.batch == 3:
            stop.set()

    _, finished = train(TINY, tiny_data, post, stop, seed=0)
    batches = [m for m in posted if isinstance(m, BatchProgress)]
    assert [(b.epoch, b.batch) for b in batches] == [(1, 1), (1, 2), (1, 3)]
    assert finished.stopped_early and finished.epochs_done == 0
    assert not any(isinstance(m, EpochResult) for m in posted)  # no half-epoch metrics
    assert finished.weights  # the weights so far are kept


def test_background_run_finds_data_trains_and_saves(small_mnist_file, tmp_path, monkeypatch):
    import mnist_arcade.ml.training as training

    monkeypatch.setitem(training.PRESETS, "seed", TINY)
    messages = queue.Queue()
    target = tmp_path / "saved.keras"
    run_training("seed", messages, threading.Event(), data_path=small_mnist_file, save_path=target)
    posted = []
    while not messages.empty():
        posted.append(messages.get_nowait())
    ready = posted[0]
    assert isinstance(ready, DataReady) and ready.train_samples == 300
    assert ready.source == str(small_mnist_file)
    assert isinstance(posted[-1], ModelSaved) and posted[-1].path == str(target)
    finished = next(m for m in posted if isinstance(m, TrainingFinished))
    saved = load_model(target)
    for mine, theirs in zip(finished.weights, saved.get_weights(), strict=True):
        np.testing.assert_array_equal(mine, theirs)


def test_seed_preset_is_the_tutorials_run():
    seed = PRESETS["seed"]
    assert (seed.train_samples, seed.validation_samples, seed.batch_size, seed.epochs) == (
        1000,
        200,
        500,
        50,
    )
    full = PRESETS["full"]
    assert full.train_samples is None and full.augment
