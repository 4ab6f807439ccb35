"""Training runs: the presets, the data they use, and a Keras callback that reports progress.

Progress leaves ``model.fit`` only through :class:`ProgressCallback`, which hands small messages
(:mod:`mnist_arcade.messages`) to a ``post`` function and stops training after the current batch
when a ``threading.Event`` is set. The same code serves the game's background trainer (``post``
puts on a queue) and the ``mnist-arcade train`` command.

The *full* preset mixes MNIST with drawings made the way the game makes them, each put through
the game's own preprocessing (:func:`mnist_arcade.canvas.preprocess.to_network_input`):

* digits in styles MNIST lacks (:mod:`mnist_arcade.practice.styles`), at every size;
* MNIST's own training digits redrawn with the 25 px brush
(:mod:`mnist_arcade.practice.redrawn_mnist`);
* things that are not digits, with a uniform target (*outlier exposure*), so the network learns
  to be unsure on them.

Validation uses the held-out tenth of the training digits (and drawings made from it, with
their own random streams); the best epoch's weights are restored at the end, as
``keras.callbacks.EarlyStopping(restore_best_weights=True)`` does; then a temperature fitted on
the validation digits is baked into the dense layer, so the softmax's confidence is calibrated
and the saved model keeps the game's architecture.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from mnist_arcade.canvas.preprocess import mnist_digits_as_input, to_network_input
from mnist_arcade.dataset import MnistData
from mnist_arcade.messages import (
    BatchProgress,
    EpochResult,
    TrainingFinished,
    TrainingStarted,
    WeightsSnapshot,
)
from mnist_arcade.ml.augment import MILD, Ranges, augmented_dataset
from mnist_arcade.ml.backend import keras
from mnist_arcade.ml.model import NUM_CLASSES, build_model, compile_model, fresh_weights
from mnist_arcade.practice.redrawn_mnist import draw_with_brush
from mnist_arcade.practice.styles import Purpose, non_digit_drawings, purpose_rng, style_drawings
from mnist_arcade.scoring.accuracy import accuracy

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
    style_drawings: int = 0  # synthetic digits in styles MNIST lacks, through the game's path
    redrawn_digits: int = 0  # training digits redrawn with the game's brush, 40-270 px tall
    small_redrawn: int = 0  # and more redrawn small (45-110 px): blocky strokes, closed loops
    non_digits: int = 0  # scribbles and shapes with a uniform target (outlier exposure)
    validation_drawings: int = 0  # drawn digits (styles and redrawn) added to validation
    calibrate: bool = False  # fit a temperature on validation data and bake it in
    patience: int | None = None  # stop after this many epochs without a better validation score
    drawing_weight: float = 1.0  # loss weight of a drawing relative to an MNIST digit
    augment_ranges: Ranges = MILD  # how far augmentation moves a digit (when ``augment``)


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
        "all training digits but the held-out tenth and 19,500 board drawings (styles MNIST "
        "lacks, brush-redrawn digits large and small, non-digits), augmented",
        epochs=30,
        batch_size=128,
        train_samples=None,
        validation_samples=None,
        augment=True,
        learning_rate=4e-3,
        cosine_decay=True,
        style_drawings=10000,
        redrawn_digits=5000,
        small_redrawn=2500,
        non_digits=2000,
        validation_drawings=4000,
        calibrate=True,
    ),
}


def _empty_images() -> np.ndarray:
    return np.zeros((0, 28, 28, 1), dtype=np.float32)


def _empty_labels() -> np.ndarray:
    return np.zeros((0, NUM_CLASSES), dtype=np.float32)


@dataclass(frozen=True)
class TrainingData:
    """Float images (N, 28, 28, 1) in [0, 1] and one-hot labels, ready for ``fit``.

    ``x_val``/``y_val`` are MNIST digits from the held-out pool (Keras' ``val_accuracy``);
    ``x_val_drawn``/``y_val_drawn`` are board drawings made from that pool and the style
    generator's validation stream, used with them to pick the best epoch and the temperature.
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_val_drawn: np.ndarray = field(default_factory=_empty_images)
    y_val_drawn: np.ndarray = field(default_factory=_empty_labels)
    weights: np.ndarray | None = None  # per training image loss weight; None: all 1


def to_float_images(images: np.ndarray) -> np.ndarray:
    """MNIST digits, uint8 (N, 28, 28) -> float32 (N, 28, 28, 1) in [0, 1], stood upright: the
    network's input (:func:`mnist_arcade.canvas.preprocess.mnist_digits_as_input`)."""
    return mnist_digits_as_input(images)[..., None]


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


Progress = Callable[[int], None]  # told of every board drawn; may raise to cancel the run


def boards_to_inputs(
    boards: Iterable[np.ndarray], count: int, progress: Progress | None = None
) -> np.ndarray:
    """``count`` 300x300 boards (any iterable, consumed one at a time) -> (count, 28, 28, 1)
    float32 network inputs, through the game's preprocessing. A blank board stays blank.
    ``progress(1)`` is called after each board (the game shows it, and stops there)."""
    inputs = np.zeros((count, 28, 28, 1), dtype=np.float32)
    for i, board in enumerate(boards):
        if board.any():
            inputs[i, :, :, 0] = to_network_input(board)
        if progress is not None:
            progress(1)
    return inputs


def drawn_inputs(
    images: np.ndarray,
    labels: np.ndarray,
    rng: np.random.Generator,
    *,
    styles: int,
    redrawn: int,
    non_digits: int,
    small: int = 0,
    progress: Progress | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Board drawings as network inputs with their targets: ``styles`` synthetic digits,
    ``redrawn`` of ``images`` redrawn with the brush (40-270 px tall), ``non_digits`` shapes
    with the uniform target 1/10 for every class, and ``small`` more of ``images`` redrawn
    small (45-110 px tall; last, so the other parts' random streams stay as they were)."""
    x_parts, y_parts = [], []
    if styles:
        boards = (b for b, _ in style_drawings(styles, rng))
        x_parts.append(boards_to_inputs(boards, styles, progress))
        y_parts.append(one_hot(np.arange(styles) % 10))
    if redrawn and len(images):
        x, y = _redrawn_inputs(images, labels, rng, redrawn, REDRAWN_HEIGHTS, progress)
        x_parts.append(x)
        y_parts.append(y)
    if non_digits:
        boards = non_digit_drawings(non_digits, rng)
        x_parts.append(boards_to_inputs(boards, non_digits, progress))
        y_parts.append(np.full((non_digits, NUM_CLASSES), 1.0 / NUM_CLASSES, dtype=np.float32))
    if small and len(images):
        x, y = _redrawn_inputs(images, labels, rng, small, SMALL_REDRAWN_HEIGHTS, progress)
        x_parts.append(x)
        y_parts.append(y)
    if not x_parts:
        return _empty_images(), _empty_labels()
    return np.concatenate(x_parts), np.concatenate(y_parts)


def _redrawn_inputs(
    images: np.ndarray,
    labels: np.ndarray,
    rng: np.random.Generator,
    count: int,
    heights: tuple[float, float],
    progress: Progress | None,
) -> tuple[np.ndarray, np.ndarray]:
    """``count`` of ``images`` (chosen at random) redrawn with the brush at ``heights``."""
    chosen = rng.choice(len(images), size=min(count, len(images)), replace=False)
    boards = (draw_with_brush(images[i], rng, heights=heights) for i in chosen)
    x = boards_to_inputs(boards, len(chosen), progress)
    keep = x.reshape(len(x), -1).any(axis=1)  # a digit too faint to thin leaves no board
    return x[keep], one_hot(np.asarray(labels)[chosen][keep])


REDRAWN_HEIGHTS = (40, 270)  # redrawn training digits: from very small to board-filling
SMALL_REDRAWN_HEIGHTS = (45, 110)  # the extra small ones: where the 25 px brush fills loops
_drawn_cache: dict[tuple, tuple[np.ndarray, ...]] = {}  # drawings made once per data and seed


def validation_drawings(
    data: MnistData, preset: Preset, seed: int = 0, progress: Progress | None = None
) -> tuple[np.ndarray, ...]:
    """Held-out drawings as network inputs and one-hot targets: half in the generator's styles
    (its validation stream), half digits of the validation pool redrawn with the brush."""
    x_pool, y_pool = validation_pool(data)
    half = preset.validation_drawings // 2
    return drawn_inputs(
        x_pool,
        y_pool,
        purpose_rng(Purpose.VALIDATION, seed),
        styles=half,
        redrawn=preset.validation_drawings - half,
        non_digits=0,
        progress=progress,
    )


def training_drawings(preset: Preset) -> int:
    """How many board drawings a preset adds to its training digits."""
    return preset.style_drawings + preset.redrawn_digits + preset.small_redrawn + preset.non_digits


def drawings_to_make(preset: Preset) -> int:
    """How many boards a preset draws before its first epoch (the first time)."""
    return training_drawings(preset) + preset.validation_drawings


def _drawings_for(
    data: MnistData, preset: Preset, seed: int, progress: Progress | None = None
) -> tuple[np.ndarray, ...]:
    """Training and validation drawings for ``preset``, made once and kept in memory."""
    start = split_point(data)
    key = (data.source, len(data.x_train), preset.style_drawings, preset.redrawn_digits,
           preset.small_redrawn, preset.non_digits, preset.validation_drawings, seed)  # fmt: skip
    if key not in _drawn_cache:
        x_train, y_train = drawn_inputs(
            data.x_train[:start],
            data.y_train[:start],
            purpose_rng(Purpose.TRAINING, seed),
            styles=preset.style_drawings,
            redrawn=preset.redrawn_digits,
            non_digits=preset.non_digits,
            small=preset.small_redrawn,
            progress=progress,
        )
        x_val, y_val = validation_drawings(data, preset, seed, progress)
        _drawn_cache.clear()  # one set at a time: they are tens of megabytes
        _drawn_cache[key] = (x_train, y_train, x_val, y_val)
    return _drawn_cache[key]


def select_training_data(
    data: MnistData, preset: Preset, seed: int = 0, progress: Progress | None = None
) -> TrainingData:
    """The preset's slice of the data: a fixed random sample, so runs are comparable.

    Training digits come from the first nine tenths of ``x_train``; validation digits from the
    held-out pool (:func:`validation_pool`), never from the test set. Presets with drawings add
    board drawings made from the same two parts (and from the style generator's training and
    validation streams), preprocessed as the game does.
    """
    rng = np.random.default_rng(seed)
    start = split_point(data)
    train_order = rng.permutation(start)[: preset.train_samples]
    x_pool, y_pool = validation_pool(data)
    val_order = rng.permutation(len(x_pool))[: preset.validation_samples]
    x_train = to_float_images(data.x_train[train_order])
    y_train = one_hot(data.y_train[train_order])
    extra = {}
    if training_drawings(preset):
        drawn_x, drawn_y, val_x, val_y = _drawings_for(data, preset, seed, progress)
        weights = np.r_[np.ones(len(x_train)), np.full(len(drawn_x), preset.drawing_weight)]
        x_train = np.concatenate([x_train, drawn_x])
        y_train = np.concatenate([y_train, drawn_y])
        extra = {"x_val_drawn": val_x, "y_val_drawn": val_y}
        if preset.drawing_weight != 1.0:
            extra["weights"] = weights.astype(np.float32)
    return TrainingData(
        x_train, y_train, to_float_images(x_pool[val_order]), one_hot(y_pool[val_order]), **extra
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


def logits(model: keras.Model, images: np.ndarray) -> np.ndarray:
    """The dense layer's inputs times its weights: the scores the softmax turns into odds."""
    features = keras.Model(model.inputs[0], model.get_layer("flatten").output)
    kernel, bias = model.get_layer("dense").get_weights()
    parts = [
        np.asarray(features(images[start : start + 2048], training=False)) @ kernel + bias
        for start in range(0, len(images), 2048)
    ]
    return np.concatenate(parts) if parts else np.zeros((0, NUM_CLASSES), np.float32)


def fit_temperature(scores: np.ndarray, targets: np.ndarray) -> float:
    """The temperature T minimising the cross-entropy of softmax(scores / T) on ``targets``
    (temperature scaling, Guo et al. 2017); a fine search over 0.25 to 8."""
    labels = targets.argmax(axis=1)
    best, best_loss = 1.0, math.inf
    for temperature in np.exp(np.linspace(math.log(0.25), math.log(8.0), 241)):
        scaled = scores / temperature
        scaled = scaled - scaled.max(axis=1, keepdims=True)
        log_probabilities = scaled - np.log(np.exp(scaled).sum(axis=1, keepdims=True))
        loss = -float(np.mean(log_probabilities[np.arange(len(labels)), labels]))
        if loss < best_loss:
            best, best_loss = float(temperature), loss
    return best


def bake_temperature(model: keras.Model, temperature: float) -> None:
    """softmax(z / T) with z = W x + b is softmax((W / T) x + b / T): divide the dense
    layer's weights, so the saved model carries the calibration and keeps its architecture."""
    dense = model.get_layer("dense")
    kernel, bias = dense.get_weights()
    dense.set_weights([kernel / temperature, bias / temperature])


def learning_rate_for(preset: Preset, steps: int):
    if not preset.cosine_decay:
        return preset.learning_rate
    return keras.optimizers.schedules.CosineDecay(preset.learning_rate, decay_steps=steps)


_compiled: dict[tuple, keras.Model] = {}  # the one compiled model, reused run after run


def _compiled_model(preset: Preset, steps: int) -> keras.Model:
    """A compiled model for this learning-rate plan, with its optimizer's state reset.

    Every model Keras builds and compiles, with its traced training step, stays in memory
    for the life of the process (about 7 MB a run, measured), so the game reuses one: its
    weights are set by the caller and its optimizer starts again from step 0 with empty
    moments. One run at a time uses it (the game never trains two runs at once).
    """
    key = (preset.learning_rate, preset.cosine_decay, steps if preset.cosine_decay else None)
    model = _compiled.get(key)
    if model is None:
        _compiled.clear()
        model = compile_model(build_model(), learning_rate_for(preset, steps))
        _compiled[key] = model
    elif model.optimizer.built:
        for variable in model.optimizer.variables:
            if variable.name != "learning_rate":  # the step count and the Adam moments
                variable.assign(np.zeros(variable.shape, dtype=variable.dtype))
    return model


def train(
    preset: Preset,
    data: TrainingData,
    post: Post,
    stop_event: threading.Event | None = None,
    *,
    epochs: int | None = None,
    seed: int | None = None,
    verbose: int = 0,
    initial_weights: list | None = None,
) -> tuple[keras.Model, TrainingFinished]:
    """Train a model with ``preset`` on ``data``; return it and a summary message.

    The model starts fresh, or from ``initial_weights`` (fine-tuning the model in use). The
    summary is also posted. A set ``stop_event`` ends training after the current batch; the
    weights learned so far are kept.
    """
    stop_event = stop_event or threading.Event()
    epochs = epochs or preset.epochs
    batches_per_epoch = math.ceil(len(data.x_train) / preset.batch_size)
    model = _compiled_model(preset, epochs * batches_per_epoch)
    model.set_weights(initial_weights if initial_weights is not None else fresh_weights(seed))
    post(TrainingStarted(preset.name, epochs, batches_per_epoch, preset.batch_size))
    callback = ProgressCallback(post, stop_event, epochs, preset.batch_size)
    best = BestWeights(data.x_val_drawn, data.y_val_drawn, preset.patience)
    if preset.augment:
        inputs = {  # the dataset shuffles itself
            "x": augmented_dataset(
                data.x_train,
                data.y_train,
                preset.batch_size,
                seed,
                data.weights,
                preset.augment_ranges,
            ),
            "shuffle": False,
        }
    else:
        inputs = {"x": data.x_train, "y": data.y_train, "batch_size": preset.batch_size}
        if data.weights is not None:
            inputs["sample_weight"] = data.weights
    started = time.perf_counter()
    with contextlib.suppress(StopTraining):  # a stop skipped the cut-short epoch's validation
        model.fit(
            **inputs,
            epochs=epochs,
            validation_data=(data.x_val, data.y_val),
            callbacks=[best, callback],  # best first: it adds val_drawn_accuracy to the logs
            verbose=verbose,
        )
    best.restore()
    if preset.calibrate and best.best_weights is not None:
        x_cal, y_cal = (
            (data.x_val_drawn, data.y_val_drawn)
            if len(data.x_val_drawn)
            else (data.x_val, data.y_val)
        )
        temperature = fit_temperature(logits(model, x_cal), y_cal)
        bake_temperature(model, temperature)
        if verbose:
            print(f"Best epoch {best.best_epoch}: {best.best_logs}; temperature {temperature:.3f}")
    finished = TrainingFinished(
        stopped_early=callback.epochs_done < epochs,
        epochs_done=callback.epochs_done,
        best_val_accuracy=best.best_logs.get("val_accuracy"),
        seconds=time.perf_counter() - started,
        weights=model.get_weights(),
    )
    post(finished)
    return model, finished
