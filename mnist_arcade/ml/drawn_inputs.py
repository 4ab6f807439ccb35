"""Board drawings as network inputs: practice drawings (styles MNIST lacks, MNIST digits redrawn
with the game's brush, non-digits) put through the game's own preprocessing, with their targets.

The *full* preset trains and validates on these beside MNIST, so the network learns to read
drawings made the way the game's board makes them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from mnist_arcade.canvas.preprocess import to_network_input
from mnist_arcade.dataset import MnistData
from mnist_arcade.ml.labels import empty_images, empty_labels, one_hot
from mnist_arcade.ml.model import NUM_CLASSES
from mnist_arcade.ml.presets import Preset
from mnist_arcade.ml.validation import validation_pool
from mnist_arcade.practice.non_digits import non_digit_drawings
from mnist_arcade.practice.redrawn_mnist import draw_with_brush
from mnist_arcade.practice.styles import Purpose, purpose_rng, style_drawings

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
        return empty_images(), empty_labels()
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
