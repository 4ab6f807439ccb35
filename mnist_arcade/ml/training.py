"""Training runs: the presets, the data they use, and a Keras callback that reports progress.

Progress leaves ``model.fit`` only through :class:`ProgressCallback`, which hands small messages
(:mod:`mnist_arcade.messages`) to a ``post`` function and stops training after the current batch
when a ``threading.Event`` is set. The same code serves the game's background trainer (``post``
puts on a queue) and the ``mnist-arcade train`` command.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from mnist_arcade.dataset import MnistData
from mnist_arcade.messages import (
    BatchProgress,
    EpochResult,
    TrainingFinished,
    TrainingStarted,
    WeightsSnapshot,
)
from mnist_arcade.ml.augment import augmented_dataset
from mnist_arcade.ml.backend import keras
from mnist_arcade.ml.model import NUM_CLASSES, build_model, compile_model

Post = Callable[[object], None]


@dataclass(frozen=True)
class Preset:
    """How much data, how many epochs, and whether to augment."""

    name: str
    description: str
    epochs: int
    batch_size: int
    train_samples: int | None  # None: every training digit
    validation_samples: int | None  # None: the whole held-out validation pool
    augment: bool
    learning_rate: float
    cosine_decay: bool  # anneal the learning rate to zero over the run


PRESETS = {
    "seed": Preset(
        "seed",
        "the tutorial's run: 1000 digits, 200 to validate, batch 500, 50 epochs",
        epochs=50,
        batch_size=500,
        train_samples=1000,
        validation_samples=200,
        augment=False,
        learning_rate=1e-3,
        cosine_decay=False,
    ),
    "full": Preset(
        "full",
        "all training digits but the held-out tenth, augmented to look hand-drawn",
        epochs=30,
        batch_size=128,
        train_samples=None,
        validation_samples=None,
        augment=True,
        learning_rate=4e-3,
        cosine_decay=True,
    ),
}


@dataclass(frozen=True)
class TrainingData:
    """Float images (N, 28, 28, 1) in [0, 1] and one-hot labels, ready for ``fit``."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray


def to_float_images(images: np.ndarray) -> np.ndarray:
    """uint8 (N, 28, 28) -> float32 (N, 28, 28, 1) in [0, 1], the network's input."""
    return (np.asarray(images, dtype=np.float32) / 255.0)[..., None]


def one_hot(labels: np.ndarray) -> np.ndarray:
    return np.eye(NUM_CLASSES, dtype=np.float32)[np.asarray(labels, dtype=np.int64)]


VALIDATION_FRACTION = 0.1  # the last tenth of the training digits, as Keras' validation_split


def split_point(data: MnistData) -> int:
    """Index where the held-out validation pool starts in ``data.x_train``."""
    return len(data.x_train) - max(1, round(len(data.x_train) * VALIDATION_FRACTION))


def validation_pool(data: MnistData) -> tuple[np.ndarray, np.ndarray]:
    """The held-out validation digits (uint8 images, labels): the last tenth of the training
    digits, as Keras' ``validation_split`` takes it. No preset ever trains on them, so every run,
    and the model in use, can be measured on them; the test set is left for the final report."""
    start = split_point(data)
    return data.x_train[start:], data.y_train[start:]


def select_training_data(data: MnistData, preset: Preset, seed: int = 0) -> TrainingData:
    """The preset's slice of the data: a fixed random sample, so runs are comparable.

    Training digits come from the first nine tenths of ``x_train``; validation digits from the
    held-out pool (:func:`validation_pool`), never from the test set.
    """
    rng = np.random.default_rng(seed)
    start = split_point(data)
    train_order = rng.permutation(start)[: preset.train_samples]
    x_pool, y_pool = validation_pool(data)
    val_order = rng.permutation(len(x_pool))[: preset.validation_samples]
    return TrainingData(
        to_float_images(data.x_train[train_order]),
        one_hot(data.y_train[train_order]),
        to_float_images(x_pool[val_order]),
        one_hot(y_pool[val_order]),
    )


class StopTraining(Exception):
    """Raised inside ``fit`` to skip validating an epoch that was cut short by a stop."""


class ProgressCallback(keras.callbacks.Callback):
    """Posts batch progress, epoch logs and weight snapshots; obeys a stop event."""

    def __init__(
        self, post: Post, stop_event: threading.Event, epochs: int, batch_size: int
    ) -> None:
        super().__init__()
        self.post = post
        self.stop_event = stop_event
        self.epochs = epochs
        self.batch_size = batch_size
        self.batches_per_epoch = 0
        self.epochs_done = 0
        self.history: list[dict[str, float]] = []
        self._epoch_start = 0.0

    def on_train_begin(self, logs=None):
        self.batches_per_epoch = self.params.get("steps") or 0
        if self.stop_event.is_set():
            self.model.stop_training = True

    def on_epoch_begin(self, epoch, logs=None):
        self._epoch_start = time.perf_counter()

    def on_train_batch_end(self, batch, logs=None):
        elapsed = max(time.perf_counter() - self._epoch_start, 1e-9)
        self.post(
            BatchProgress(
                epoch=self.epochs_done + 1,
                batch=batch + 1,
                batches_per_epoch=self.batches_per_epoch,
                samples_per_second=(batch + 1) * self.batch_size / elapsed,
            )
        )
        if self.stop_event.is_set():
            self.model.stop_training = True  # Keras stops after this batch

    def on_test_begin(self, logs=None):
        if self.stop_event.is_set():
            # Keras validates even an epoch cut short by stop_training; for a tiny network that
            # costs more than a batch (the first time it also traces the test step), and the
            # player asked to stop now. The weights so far stay in the model.
            raise StopTraining

    def on_epoch_end(self, epoch, logs=None):
        logs = {key: float(value) for key, value in (logs or {}).items()}
        self.history.append(logs)
        self.epochs_done = epoch + 1
        seconds = time.perf_counter() - self._epoch_start
        self.post(EpochResult(epoch + 1, self.epochs, logs, seconds))
        self.post(WeightsSnapshot(epoch + 1, self.model.get_weights()))


def learning_rate_for(preset: Preset, steps: int):
    if not preset.cosine_decay:
        return preset.learning_rate
    return keras.optimizers.schedules.CosineDecay(preset.learning_rate, decay_steps=steps)


def train(
    preset: Preset,
    data: TrainingData,
    post: Post,
    stop_event: threading.Event | None = None,
    *,
    epochs: int | None = None,
    seed: int | None = None,
    verbose: int = 0,
) -> tuple[keras.Model, TrainingFinished]:
    """Train a fresh model with ``preset`` on ``data``; return it and a summary message.

    The summary is also posted. A set ``stop_event`` ends training after the current batch;
    the weights learned so far are kept.
    """
    stop_event = stop_event or threading.Event()
    epochs = epochs or preset.epochs
    batches_per_epoch = math.ceil(len(data.x_train) / preset.batch_size)
    model = compile_model(build_model(seed), learning_rate_for(preset, epochs * batches_per_epoch))
    post(TrainingStarted(preset.name, epochs, batches_per_epoch, preset.batch_size))
    callback = ProgressCallback(post, stop_event, epochs, preset.batch_size)
    if preset.augment:
        inputs = {  # the dataset shuffles itself
            "x": augmented_dataset(data.x_train, data.y_train, preset.batch_size, seed),
            "shuffle": False,
        }
    else:
        inputs = {"x": data.x_train, "y": data.y_train, "batch_size": preset.batch_size}
    started = time.perf_counter()
    with contextlib.suppress(StopTraining):  # a stop skipped the cut-short epoch's validation
        model.fit(
            **inputs,
            epochs=epochs,
            validation_data=(data.x_val, data.y_val),
            callbacks=[callback],
            verbose=verbose,
        )
    val_accuracies = [logs["val_accuracy"] for logs in callback.history if "val_accuracy" in logs]
    finished = TrainingFinished(
        stopped_early=callback.epochs_done < epochs,
        epochs_done=callback.epochs_done,
        best_val_accuracy=max(val_accuracies) if val_accuracies else None,
        seconds=time.perf_counter() - started,
        weights=model.get_weights(),
    )
    post(finished)
    return model, finished
