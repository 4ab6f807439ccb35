"""What the game knows about the current training run, built from the trainer's messages.

The session starts the trainer thread, drains its queue once per frame with ``get_nowait()``
(never blocking the render loop) and keeps the run's state for the scenes to draw: data source,
epoch n of N, batch progress, samples per second, ETA, per-epoch Keras logs and the summary.
It lives for the whole game, so training goes on while the player is back at the board.

The session never puts weights in use itself: per-epoch weights are offered as a *preview* (the
training screen shows what the run makes of the player's digit), and the end of a run comes as
a :class:`RunJudged` verdict from the trainer, which applied the adoption policy.
"""

from __future__ import annotations

import enum
import queue
import threading
from collections.abc import Callable

from mnist_arcade.game.words import phrase
from mnist_arcade.messages import (
    BatchProgress,
    DataProgress,
    DataReady,
    EpochResult,
    FinetuneReport,
    RunJudged,
    TrainingFailed,
    TrainingFinished,
    TrainingStarted,
    WeightsSnapshot,
)
from mnist_arcade.presets import PresetName


class TrainingStatus(enum.Enum):
    IDLE = "idle"
    LOADING_DATA = "loading data"
    TRAINING = "training"
    STOPPING = "stopping"
    FINISHED = "finished"
    STOPPED = "stopped"
    FAILED = "failed"


IDLE, LOADING_DATA, TRAINING, STOPPING, FINISHED, STOPPED, FAILED = TrainingStatus


def status_in_words(status: TrainingStatus) -> str:
    """A status as the screen says it ("loading data"), from the catalogue."""
    name = status.name.lower()
    return phrase(f"training_status.{name}")


ACTIVE = (LOADING_DATA, TRAINING, STOPPING)
METRICS = ("accuracy", "val_accuracy", "loss", "val_loss")  # Keras' own per-epoch names
EARLIER_KEPT = 3  # earlier runs whose curves stay on the charts, faded
RATE_SMOOTHING = 0.1  # weight of the newest batch in the smoothed samples/s
Starter = Callable[..., threading.Thread]


def _start_real_trainer(preset: str, messages: queue.Queue, stop: threading.Event, **options):
    from mnist_arcade.ml.trainer import start_training  # imports TensorFlow

    return start_training(preset, messages, stop, **options)


class TrainingSession:
    """One training run at a time; ``poll()`` returns the newest weights to preview."""

    def __init__(self, starter: Starter = _start_real_trainer, **trainer_options) -> None:
        self.starter = starter
        self.trainer_options = trainer_options  # data_path, save_path, epochs
        self.preset = PresetName.SEED  # the last run's preset (the finetune preset after teaching)
        self.mnist_preset = PresetName.SEED  # the last preset that trains on MNIST: what T starts
        self.messages: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._abandon = threading.Event()
        self._thread: threading.Thread | None = None
        self.earlier_runs: list[dict[str, list[float]]] = []  # newest last, at most EARLIER_KEPT
        self._reset()

    def _reset(self) -> None:
        if getattr(self, "epochs", None):  # keep the run that ends for comparison
            run = {metric: self.series(metric) for metric in METRICS}
            self.earlier_runs = [*self.earlier_runs, run][-EARLIER_KEPT:]
        self._smoothed_rate = 0.0  # samples per second, smoothed over batches
        self.status = IDLE
        self.data: DataReady | None = None
        self.drawing: DataProgress | None = None  # drawings made so far, before epoch 1
        self.started: TrainingStarted | None = None
        self.progress: BatchProgress | None = None
        self.epochs: list[EpochResult] = []
        self.finished: TrainingFinished | None = None
        self.judged: RunJudged | None = None
        self.last_snapshot: WeightsSnapshot | None = None  # the newest epoch's weights
        self.report: FinetuneReport | None = None  # before/after, for a run that taught digits
        self.offer_taken = False  # the player put a kept-aside run in use
        self.error: str | None = None

    def __repr__(self) -> str:
        return f"TrainingSession({self.preset!r}, {self.status.name}, epochs={len(self.epochs)})"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def active(self) -> bool:
        """True from start until the run has finished, stopped or failed (saving may go on)."""
        return self.status in ACTIVE

    @property
    def offer(self) -> RunJudged | None:
        """A run that was kept aside and that the player may still choose to use."""
        judged = self.judged
        if judged is None or judged.adopted or self.offer_taken:
            return None
        return judged

    def start(
        self, preset: str | None = None, incumbent_weights: list | None = None, **run_options
    ) -> bool:
        """Start a fresh run, to be judged against ``incumbent_weights`` (the model in use);
        False if one is still running (stop it first). ``run_options`` go to the trainer
        (``book`` for the finetune preset). With no ``preset``, the last MNIST preset again:
        teaching needs the player's digits, which only :meth:`GameContext.start_finetune` gives."""
        if self.running:
            return False
        self.preset = preset or self.mnist_preset
        if self.preset != PresetName.FINETUNE:
            self.mnist_preset = self.preset
        self._reset()
        self.messages = queue.Queue()
        self._stop = threading.Event()
        self._abandon = threading.Event()
        self.status = LOADING_DATA
        self._thread = self.starter(
            self.preset,
            self.messages,
            self._stop,
            abandon=self._abandon,
            incumbent_weights=incumbent_weights,
            **self.trainer_options,
            **run_options,
        )
        return True

    def stop(self) -> None:
        """Ask training to end after the current batch; the weights so far are kept."""
        if self.active:
            self._stop.set()
            self.status = STOPPING

    def end_run(self) -> None:
        """The game is closing: the run ends after its current batch and saves nothing."""
        self._abandon.set()
        self._stop.set()

    def shutdown(self, timeout: float = 60.0) -> bool:
        """The game is closing: end the run without saving it (:meth:`end_run`), and wait up
        to ``timeout`` seconds for the thread (a batch cannot be cut short); True if it has
        ended."""
        self.end_run()
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.running

    def poll(self) -> WeightsSnapshot | None:
        """Drain the queue without blocking; return the newest epoch's weights, if any came."""
        newest = None
        while True:
            try:
                message = self.messages.get_nowait()
            except queue.Empty:
                break
            snapshot = self._handle(message)
            if snapshot is not None:
                newest = self.last_snapshot = snapshot
        if self.active and not self.running and self.messages.empty():
            self.status = FAILED if self.error else (STOPPED if self._stop.is_set() else FINISHED)
        return newest

    def _handle(self, message) -> WeightsSnapshot | None:
        if isinstance(message, DataReady):
            self.data = message
        elif isinstance(message, DataProgress):
            self.drawing = message
        elif isinstance(message, TrainingStarted):
            self.started = message
            if self.status == LOADING_DATA:
                self.status = TRAINING
        elif isinstance(message, BatchProgress):
            self.progress = message
            rate = message.samples_per_second
            if self._smoothed_rate <= 0:
                self._smoothed_rate = rate
            else:
                self._smoothed_rate += RATE_SMOOTHING * (rate - self._smoothed_rate)
        elif isinstance(message, EpochResult):
            self.epochs.append(message)
        elif isinstance(message, WeightsSnapshot):
            return message
        elif isinstance(message, TrainingFinished):
            self.finished = message
        elif isinstance(message, RunJudged):
            self.judged = message
        elif isinstance(message, FinetuneReport):
            self.report = message
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
    def run_fraction(self) -> float:
        """How far through the whole run, 0..1 (1 once it finished every epoch)."""
        if self.status is FINISHED:
            return 1.0
        if self.progress is None or not self.total_epochs:
            return 0.0
        done = self.progress.epoch - 1 + self.epoch_fraction
        return min(1.0, done / self.total_epochs)

    @property
    def eta_seconds(self) -> float | None:
        """Seconds left for the whole run, at the smoothed pace (jumps less than one batch's)."""
        progress = self.progress
        if progress is None or self.started is None or self.status is not TRAINING:
            return None
        if self._smoothed_rate <= 0:
            return None
        done = (progress.epoch - 1) * progress.batches_per_epoch + progress.batch
        remaining = max(self.started.epochs * progress.batches_per_epoch - done, 0)
        return remaining * self.started.batch_size / self._smoothed_rate

    def series(self, metric: str) -> list[float]:
        """Per-epoch values of a Keras metric (``accuracy``, ``val_loss``...)."""
        return [epoch.logs[metric] for epoch in self.epochs if metric in epoch.logs]
