"""What the game knows about the current training run, built from the trainer's messages.

The session starts the trainer thread, drains its queue once per frame with ``get_nowait()``
(never blocking the render loop) and keeps the run's state for the scenes to draw: data source,
epoch n of N, batch progress, samples per second, ETA, per-epoch Keras logs and the summary.
It lives for the whole game, so training goes on while the player is back at the board.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

from mnist_arcade.messages import (
    BatchProgress,
    DataReady,
    EpochResult,
    ModelSaved,
    TrainingFailed,
    TrainingFinished,
    TrainingStarted,
    WeightsSnapshot,
)

IDLE, LOADING_DATA, TRAINING, STOPPING, FINISHED, STOPPED, FAILED = (
    "idle",
    "loading data",
    "training",
    "stopping",
    "finished",
    "stopped",
    "failed",
)
Starter = Callable[..., threading.Thread]


def _start_real_trainer(preset: str, messages: queue.Queue, stop: threading.Event, **options):
    from mnist_arcade.ml.background import start_training  # imports TensorFlow

    return start_training(preset, messages, stop, **options)


class TrainingSession:
    """One training run at a time; ``poll()`` returns weights to put into the live model."""

    def __init__(self, starter: Starter = _start_real_trainer, **trainer_options) -> None:
        self.starter = starter
        self.trainer_options = trainer_options  # data_path, save_path, epochs
        self.preset = "seed"
        self.messages: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._abandon = threading.Event()
        self._thread: threading.Thread | None = None
        self._reset()

    def _reset(self) -> None:
        self.status = IDLE
        self.data: DataReady | None = None
        self.started: TrainingStarted | None = None
        self.progress: BatchProgress | None = None
        self.epochs: list[EpochResult] = []
        self.finished: TrainingFinished | None = None
        self.saved_path: str | None = None
        self.error: str | None = None

    def __repr__(self) -> str:
        return f"TrainingSession({self.preset!r}, {self.status}, epochs={len(self.epochs)})"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def active(self) -> bool:
        """True from start until the run has finished, stopped or failed (saving may go on)."""
        return self.status in (LOADING_DATA, TRAINING, STOPPING)

    def start(self, preset: str | None = None) -> bool:
        """Start a fresh run; False if one is still running (stop it first)."""
        if self.running:
            return False
        self.preset = preset or self.preset
        self._reset()
        self.messages = queue.Queue()
        self._stop = threading.Event()
        self._abandon = threading.Event()
        self.status = LOADING_DATA
        self._thread = self.starter(
            self.preset, self.messages, self._stop, abandon=self._abandon, **self.trainer_options
        )
        return True

    def stop(self) -> None:
        """Ask training to end after the current batch; the weights so far are kept."""
        if self.active:
            self._stop.set()
            self.status = STOPPING

    def shutdown(self, timeout: float = 1.0) -> bool:
        """The game is closing: end the run without saving it, and wait up to ``timeout``
        seconds for the thread; True if it has ended."""
        self._abandon.set()
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.running

    def poll(self) -> list[list]:
        """Drain the queue without blocking; return weight sets to apply, oldest first."""
        new_weights = []
        while True:
            try:
                message = self.messages.get_nowait()
            except queue.Empty:
                break
            weights = self._handle(message)
            if weights is not None:
                new_weights.append(weights)
        if self.active and not self.running and self.messages.empty():
            self.status = FAILED if self.error else (STOPPED if self._stop.is_set() else FINISHED)
        return new_weights

    def _handle(self, message) -> list | None:
        if isinstance(message, DataReady):
            self.data = message
        elif isinstance(message, TrainingStarted):
            self.started = message
            if self.status == LOADING_DATA:
                self.status = TRAINING
        elif isinstance(message, BatchProgress):
            self.progress = message
        elif isinstance(message, EpochResult):
            self.epochs.append(message)
        elif isinstance(message, WeightsSnapshot):
            return message.weights
        elif isinstance(message, TrainingFinished):
            self.finished = message
            self.status = STOPPED if message.stopped_early else FINISHED
            return message.weights
        elif isinstance(message, ModelSaved):
            self.saved_path = message.path
        elif isinstance(message, TrainingFailed):
            self.error = message.message
            self.status = FAILED
        return None

    # --- figures for the screen -----------------------------------------------------------

    @property
    def total_epochs(self) -> int:
        return self.started.epochs if self.started else 0

    @property
    def epoch_fraction(self) -> float:
        """How far through the current epoch, 0..1."""
        if self.progress is None or not self.progress.batches_per_epoch:
            return 0.0
        return min(1.0, self.progress.batch / self.progress.batches_per_epoch)

    @property
    def eta_seconds(self) -> float | None:
        """Seconds left at this epoch's pace, from the batches still to run."""
        progress = self.progress
        if progress is None or self.started is None or self.status != TRAINING:
            return None
        if progress.samples_per_second <= 0:
            return None
        done = (progress.epoch - 1) * progress.batches_per_epoch + progress.batch
        remaining = max(self.started.epochs * progress.batches_per_epoch - done, 0)
        return remaining * self.started.batch_size / progress.samples_per_second

    def series(self, metric: str) -> list[float]:
        """Per-epoch values of a Keras metric (``accuracy``, ``val_loss``...)."""
        return [epoch.logs[metric] for epoch in self.epochs if metric in epoch.logs]
