"""The Keras callbacks a run uses: progress out to the game or the terminal, and the best epoch.

Progress leaves ``model.fit`` only through :class:`ProgressCallback`, which hands small messages
(:mod:`mnist_arcade.messages`) to a ``post`` function and stops training after the current batch
when a ``threading.Event`` is set (keras-io ``writing_your_own_callbacks.py``).
:class:`BestWeights` keeps the best epoch's weights, as
``keras.callbacks.EarlyStopping(restore_best_weights=True)`` does.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

import numpy as np

from mnist_arcade.messages import BatchProgress, EpochResult, WeightsSnapshot
from mnist_arcade.ml.backend import keras
from mnist_arcade.scoring.accuracy import accuracy

Post = Callable[[object], None]


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

    def on_train_batch_begin(self, batch, logs=None):
        if self.stop_event.is_set():
            # Asked to stop (or the game is closing) before this batch: end now. Keras only
            # looks at stop_training after a batch, and the first batch of a run builds the
            # training step, seconds on a busy machine, so a close that came before it would
            # leave this thread running long after the window had gone.
            raise StopTraining

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


def _accuracy(model: keras.Model, images: np.ndarray, targets: np.ndarray) -> float:
    """Share of ``images`` whose most likely class is the target's (one-hot rows)."""
    return accuracy(lambda batch: model(batch, training=False), images, targets)


class BestWeights(keras.callbacks.Callback):
    """Keeps the weights of the best epoch, as ``EarlyStopping(restore_best_weights=True)``.

    The score is Keras' ``val_accuracy`` on held-out MNIST digits, averaged (when there are
    any) with the accuracy on held-out drawings, logged as ``val_drawn_accuracy``. With a
    ``patience``, training stops (``self.model.stop_training``) after that many epochs without
    a better score. :meth:`restore` puts the best weights back.
    """

    def __init__(
        self,
        x_drawn: np.ndarray | None = None,
        y_drawn: np.ndarray | None = None,
        patience: int | None = None,
    ) -> None:
        super().__init__()
        self.x_drawn = x_drawn if x_drawn is not None and len(x_drawn) else None
        self.y_drawn = y_drawn
        self.patience = patience
        self.best_score = -math.inf
        self.best_epoch: int | None = None
        self.best_logs: dict[str, float] = {}
        self.best_weights: list[np.ndarray] | None = None

    def on_epoch_end(self, epoch, logs=None):
        logs = logs if logs is not None else {}
        if "val_accuracy" not in logs:
            return
        score = float(logs["val_accuracy"])
        if self.x_drawn is not None:
            drawn = _accuracy(self.model, self.x_drawn, self.y_drawn)
            logs["val_drawn_accuracy"] = drawn  # the same dict reaches the callbacks after this
            score = (score + drawn) / 2
        if score > self.best_score:
            self.best_score, self.best_epoch = score, epoch + 1
            self.best_logs = {key: float(value) for key, value in logs.items()}
            self.best_weights = self.model.get_weights()
        elif self.patience is not None and epoch + 1 - self.best_epoch >= self.patience:
            self.model.stop_training = True

    def restore(self) -> None:
        if self.best_weights is not None:
            self.model.set_weights(self.best_weights)
