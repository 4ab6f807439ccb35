"""One training run: ``train`` fits a model to a preset's data, keeps the best epoch and
calibrates it.

The same code serves the game's background trainer (``post`` puts on a queue) and the
``mnist-arcade train`` command. Validation uses the held-out tenth of the training digits (and
drawings made from it); the best epoch's weights are restored at the end, as
``keras.callbacks.EarlyStopping(restore_best_weights=True)`` does; then a temperature fitted on
the validation digits is baked into the dense layer (:mod:`mnist_arcade.ml.calibration`).

The parts live beside it, one idea each: the recipes (:mod:`~mnist_arcade.ml.presets`), the
data (:mod:`~mnist_arcade.ml.training_data`, :mod:`~mnist_arcade.ml.drawn_inputs`,
:mod:`~mnist_arcade.ml.validation`, :mod:`~mnist_arcade.ml.labels`) and the callbacks
(:mod:`~mnist_arcade.ml.callbacks`).
"""

from __future__ import annotations

import contextlib
import math
import threading
import time

import numpy as np

from mnist_arcade.messages import TrainingFinished, TrainingStarted
from mnist_arcade.ml.augment import augmented_dataset
from mnist_arcade.ml.backend import keras
from mnist_arcade.ml.calibration import bake_temperature, fit_temperature, logits
from mnist_arcade.ml.callbacks import BestWeights, Post, ProgressCallback, StopTraining
from mnist_arcade.ml.drawn_inputs import (
    REDRAWN_HEIGHTS,
    SMALL_REDRAWN_HEIGHTS,
    boards_to_inputs,
    drawings_to_make,
    drawn_inputs,
    training_drawings,
    validation_drawings,
)
from mnist_arcade.ml.labels import one_hot, to_float_images
from mnist_arcade.ml.model import build_model, compile_model, fresh_weights
from mnist_arcade.ml.presets import PRESETS, Preset
from mnist_arcade.ml.spare_model import SpareModel
from mnist_arcade.ml.training_data import TrainingData, select_training_data
from mnist_arcade.ml.validation import VALIDATION_FRACTION, split_point, validation_pool

# Names that moved to the modules owning them stay importable from here, for the CLI, the
# trainer, the benchmarks and the tests that use them; new code imports them from their owner.
__all__ = [
    "PRESETS",
    "REDRAWN_HEIGHTS",
    "SMALL_REDRAWN_HEIGHTS",
    "VALIDATION_FRACTION",
    "Preset",
    "TrainingData",
    "bake_temperature",
    "boards_to_inputs",
    "drawings_to_make",
    "drawn_inputs",
    "fit_temperature",
    "logits",
    "one_hot",
    "select_training_data",
    "split_point",
    "to_float_images",
    "train",
    "training_drawings",
    "validation_drawings",
    "validation_pool",
]


def learning_rate_for(preset: Preset, steps: int):
    if not preset.cosine_decay:
        return preset.learning_rate
    return keras.optimizers.schedules.CosineDecay(preset.learning_rate, decay_steps=steps)


_compiled = SpareModel()  # the one compiled model, reused run after run


def _compiled_model(preset: Preset, steps: int) -> keras.Model:
    """A compiled model for this learning-rate plan, with its optimizer's state reset.

    The game reuses one (see :mod:`mnist_arcade.ml.spare_model`): its weights are set by the
    caller and its optimizer starts again from step 0 with empty moments. One run at a time
    uses it (the game never trains two runs at once).
    """
    key = (preset.learning_rate, preset.cosine_decay, steps if preset.cosine_decay else None)
    model, new = _compiled.get(
        key, lambda: compile_model(build_model(), learning_rate_for(preset, steps))
    )
    if not new and model.optimizer.built:
        for variable in model.optimizer.variables:
            if variable.name != "learning_rate":  # the step count and the Adam moments
                variable.assign(np.zeros(variable.shape, dtype=variable.dtype))
    return model


def _fit_inputs(preset: Preset, data: TrainingData, seed: int | None) -> dict:
    """What ``fit`` reads: an augmenting dataset (it shuffles itself), or the arrays."""
    if preset.augment:
        dataset = augmented_dataset(
            data.x_train, data.y_train, preset.batch_size, seed, data.weights, preset.augment_ranges
        )
        return {"x": dataset, "shuffle": False}
    inputs = {"x": data.x_train, "y": data.y_train, "batch_size": preset.batch_size}
    if data.weights is not None:
        inputs["sample_weight"] = data.weights
    return inputs


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
    inputs = _fit_inputs(preset, data, seed)
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
        x_cal, y_cal = next(
            (x, y)
            for x, y in (
                (data.x_val_pen, data.y_val_pen),
                (data.x_val_drawn, data.y_val_drawn),
                (data.x_val, data.y_val),
            )
            if len(x)
        )  # fmt: skip  (the held-out writers' drawings, else the other drawings, else MNIST)
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
