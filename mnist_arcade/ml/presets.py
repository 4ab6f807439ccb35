"""The training recipes: how much data, how many epochs, augmentation and calibration.

Each recipe is keyed by its :class:`mnist_arcade.presets.PresetName` (the names the game and the
CLI share without importing TensorFlow). The teaching recipe is
:data:`mnist_arcade.ml.finetune.FINETUNE`.
"""

from __future__ import annotations

from dataclasses import dataclass

from mnist_arcade.ml.augment import MILD, Ranges
from mnist_arcade.practice.pen_strokes import INK_HEIGHTS
from mnist_arcade.presets import PresetName

SMALL_PEN_HEIGHTS = (45, 110)  # small pen replays: around the 60-100 px players draw small


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
    # Real pen strokes (``mnist_arcade.ml.pen_inputs``): each training writer's digit replayed
    # this many times through the brush, and this many more small; with any, the held-out
    # writers' digits (large and small) join the validation drawings.
    pen_replays: int = 0
    pen_heights: tuple[float, float] = INK_HEIGHTS  # their ink height on the board, px
    small_pen_replays: int = 0
    small_pen_heights: tuple[float, float] = SMALL_PEN_HEIGHTS


PRESETS = {
    PresetName.SEED: Preset(
        PresetName.SEED,
        "the tutorial's run: 1000 digits, 200 to validate, batch 500, 50 epochs",
        epochs=50,
        batch_size=500,
        train_samples=1000,
        validation_samples=200,
        augment=False,
        learning_rate=1e-3,
        cosine_decay=False,
    ),
    PresetName.FULL: Preset(
        PresetName.FULL,
        "all training digits but the held-out tenth, 19,500 board drawings (styles MNIST "
        "lacks, brush-redrawn digits large and small, non-digits) and real pen strokes of 24 "
        "writers replayed with the brush, augmented",
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
        pen_replays=4,
        small_pen_replays=2,
    ),
}
