"""A preset's training and validation data: a fixed random slice of MNIST, plus the preset's
board drawings (made once per data and seed, and kept in memory)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from mnist_arcade.dataset import MnistData
from mnist_arcade.ml.drawn_inputs import (
    Progress,
    drawn_inputs,
    training_drawings,
    validation_drawings,
)
from mnist_arcade.ml.labels import empty_images, empty_labels, one_hot, to_float_images
from mnist_arcade.ml.presets import Preset
from mnist_arcade.ml.validation import split_point, validation_pool
from mnist_arcade.practice.styles import Purpose, purpose_rng

_drawn_cache: dict[tuple, tuple[np.ndarray, ...]] = {}  # drawings made once per data and seed


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
    x_val_drawn: np.ndarray = field(default_factory=empty_images)
    y_val_drawn: np.ndarray = field(default_factory=empty_labels)
    weights: np.ndarray | None = None  # per training image loss weight; None: all 1


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
