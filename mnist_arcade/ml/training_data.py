"""A preset's training and validation data: a fixed random slice of MNIST, plus the preset's
board drawings and real pen strokes (made once per data and seed, and kept in memory)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import numpy as np

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.dataset import MnistData
from mnist_arcade.ml.drawn_inputs import (
    Progress,
    drawn_inputs,
    training_drawings,
    validation_drawings,
)
from mnist_arcade.ml.labels import empty_images, empty_labels, one_hot, to_float_images
from mnist_arcade.ml.pen_inputs import pen_training_inputs, pen_validation_inputs, uses_pen_strokes
from mnist_arcade.ml.presets import Preset
from mnist_arcade.ml.validation import split_point, validation_pool
from mnist_arcade.practice.pen_strokes import read_pen_digits
from mnist_arcade.practice.styles import Purpose, purpose_rng

_drawn_cache: dict[tuple, tuple[np.ndarray, ...]] = {}  # drawings made once per data and seed
_pen_cache: dict[tuple, tuple[np.ndarray, ...]] = {}  # pen replays made once per source and seed


@dataclass(frozen=True)
class TrainingData:
    """Float images (N, 28, 28, 1) in [0, 1] and one-hot labels, ready for ``fit``.

    ``x_val``/``y_val`` are MNIST digits from the held-out pool (Keras' ``val_accuracy``);
    ``x_val_drawn``/``y_val_drawn`` are board drawings made from that pool and the style
    generator's validation stream, and the held-out pen writers' replays, used with them to
    pick the best epoch. ``x_val_pen``/``y_val_pen`` are those pen replays alone: the
    temperature is fitted on them when there are any.
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_val_drawn: np.ndarray = field(default_factory=empty_images)
    y_val_drawn: np.ndarray = field(default_factory=empty_labels)
    weights: np.ndarray | None = None  # per training image loss weight; None: all 1
    x_val_pen: np.ndarray = field(default_factory=empty_images)
    y_val_pen: np.ndarray = field(default_factory=empty_labels)


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


def _pen_drawings_for(
    preset: Preset, pen_strokes: str | os.PathLike | None, seed: int, progress: Progress | None
) -> tuple[np.ndarray, ...]:
    """Training and validation pen replays for ``preset`` from ``pen_strokes`` (None: the
    shipped half), made once and kept in memory."""
    key = (str(pen_strokes), preset.pen_replays, preset.pen_heights, preset.small_pen_replays,
           preset.small_pen_heights, seed)  # fmt: skip
    if key not in _pen_cache:
        digits = read_pen_digits(pen_strokes)
        x_train, y_train = pen_training_inputs(digits, preset, seed, progress)
        x_val, y_val = pen_validation_inputs(digits, seed, progress)
        _pen_cache.clear()
        _pen_cache[key] = (x_train, y_train, x_val, y_val)
    return _pen_cache[key]


def select_training_data(
    data: MnistData,
    preset: Preset,
    seed: int = 0,
    progress: Progress | None = None,
    pen_strokes: str | os.PathLike | None = None,
) -> TrainingData:
    """The preset's slice of the data: a fixed random sample, so runs are comparable.

    Training digits come from the first nine tenths of ``x_train``; validation digits from the
    held-out pool (:func:`validation_pool`), never from the test set. Presets with drawings add
    board drawings made from the same two parts (and from the style generator's training and
    validation streams), preprocessed as the game does. Presets with pen replays add the
    training writers' pen strokes from ``pen_strokes`` (None: the shipped half) to training, and
    the held-out writers' to the validation drawings.
    """
    rng = np.random.default_rng(seed)
    start = split_point(data)
    train_order = rng.permutation(start)[: preset.train_samples]
    x_pool, y_pool = validation_pool(data)
    val_order = rng.permutation(len(x_pool))[: preset.validation_samples]
    x_train = to_float_images(data.x_train[train_order])
    y_train = one_hot(data.y_train[train_order])
    drawn = [_drawings_for(data, preset, seed, progress)] if training_drawings(preset) else []
    if uses_pen_strokes(preset):
        drawn.append(_pen_drawings_for(preset, pen_strokes, seed, progress))
    extra = {}
    if drawn:
        drawn_x = np.concatenate([part[0] for part in drawn])
        weights = np.r_[np.ones(len(x_train)), np.full(len(drawn_x), preset.drawing_weight)]
        x_train = np.concatenate([x_train, drawn_x])
        y_train = np.concatenate([y_train, *(part[1] for part in drawn)])
        extra = {"x_val_drawn": np.concatenate([part[2] for part in drawn]),
                 "y_val_drawn": np.concatenate([part[3] for part in drawn])}  # fmt: skip
        if uses_pen_strokes(preset):
            extra["x_val_pen"], extra["y_val_pen"] = drawn[-1][2:]
        if preset.drawing_weight != 1.0:
            extra["weights"] = weights.astype(np.float32)
    return TrainingData(
        x_train, y_train, to_float_images(x_pool[val_order]), one_hot(y_pool[val_order]), **extra
    )


def judging_digits(
    data: MnistData, preset: Preset, pen_strokes: str | os.PathLike | None = None, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """What a finished run and the saved model are both judged on: the held-out tenth of MNIST
    as network inputs (N, 28, 28) and labels, and for a preset with pen strokes the held-out
    writers' replays too (the same ones its validation used), so a run that reads real people
    worse does not replace a model that reads them better."""
    x_pool, y_pool = validation_pool(data)
    inputs, labels = mnist_digits_as_input(x_pool), np.asarray(y_pool)
    if not uses_pen_strokes(preset):
        return inputs, labels
    _, _, x_pen, y_pen = _pen_drawings_for(preset, pen_strokes, seed, None)
    return np.concatenate([inputs, x_pen[..., 0]]), np.concatenate([labels, y_pen.argmax(1)])
