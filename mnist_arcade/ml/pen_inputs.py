"""Real people's pen strokes as network inputs: the training writers' digits replayed through
the game's brush for training, the held-out writers' for validation.

The pen strokes come from the half the game ships (``data/pen_strokes.npz``), or from a file the
caller names (the whole ``pendigits-orig.tra``). Writers 25 to 30
(:data:`~mnist_arcade.practice.pen_strokes.VALIDATION_WRITERS`) are never trained on: their
digits, replayed large and small, join the validation drawings that choose the best epoch, fit
the temperature and judge a run against the saved model.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from mnist_arcade.ml.drawn_inputs import Progress, boards_to_inputs
from mnist_arcade.ml.labels import empty_images, empty_labels, one_hot
from mnist_arcade.ml.presets import Preset
from mnist_arcade.practice.pen_strokes import (
    LARGE_INK_HEIGHTS,
    SMALL_INK_HEIGHTS,
    PenDigit,
    draw_pen_digit,
    read_pen_digits,
    split_by_writer,
)
from mnist_arcade.practice.styles import Purpose, purpose_rng

PEN_STREAM = 20  # added to the seed, so the pen replays never share the other drawings' streams


def replayed_inputs(
    digits: Sequence[PenDigit],
    rng: np.random.Generator,
    heights: tuple[float, float],
    replays: int = 1,
    progress: Progress | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Every digit replayed ``replays`` times at ``heights`` (ink included): network inputs
    (N, 28, 28, 1) and one-hot targets, through the game's preprocessing."""
    if not digits or replays < 1:
        return empty_images(), empty_labels()
    order = [digit for _ in range(replays) for digit in digits]
    boards = (draw_pen_digit(digit, rng, heights) for digit in order)
    inputs = boards_to_inputs(boards, len(order), progress)
    return inputs, one_hot(np.array([digit.label for digit in order]))


def pen_training_inputs(
    digits: Sequence[PenDigit], preset: Preset, seed: int = 0, progress: Progress | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """The training writers' digits, each replayed ``preset.pen_replays`` times at
    ``preset.pen_heights`` and ``preset.small_pen_replays`` more at ``preset.small_pen_heights``
    (never a held-out writer's digit)."""
    training, _ = split_by_writer(digits)
    rng = purpose_rng(Purpose.TRAINING, seed + PEN_STREAM)
    parts = [
        replayed_inputs(training, rng, preset.pen_heights, preset.pen_replays, progress),
        replayed_inputs(training, rng, preset.small_pen_heights, preset.small_pen_replays,
                        progress),
    ]  # fmt: skip
    return np.concatenate([x for x, _ in parts]), np.concatenate([y for _, y in parts])


def pen_validation_inputs(
    digits: Sequence[PenDigit], seed: int = 0, progress: Progress | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """The held-out writers' digits, each replayed once about 190 px tall and once small
    (60-100 px), as the targets read them: inputs and one-hot targets."""
    _, held_out = split_by_writer(digits)
    rng = purpose_rng(Purpose.VALIDATION, seed + PEN_STREAM)
    large = replayed_inputs(held_out, rng, LARGE_INK_HEIGHTS, 1, progress)
    small = replayed_inputs(held_out, rng, SMALL_INK_HEIGHTS, 1, progress)
    return np.concatenate([large[0], small[0]]), np.concatenate([large[1], small[1]])


def pen_drawings_to_make(preset: Preset, digits: Sequence[PenDigit] | None = None) -> int:
    """How many pen boards a preset draws: its training replays and the held-out writers'
    (of ``digits``, else of the shipped half)."""
    if not uses_pen_strokes(preset):
        return 0
    training, held_out = split_by_writer(read_pen_digits() if digits is None else digits)
    return len(training) * (preset.pen_replays + preset.small_pen_replays) + 2 * len(held_out)


def uses_pen_strokes(preset: Preset) -> bool:
    """Whether the preset trains (and so validates) on real pen strokes."""
    return preset.pen_replays + preset.small_pen_replays > 0
