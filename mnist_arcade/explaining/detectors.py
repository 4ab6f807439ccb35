"""What each conv detector looks for: the patches of real digits that make it fire most, and a
short honest phrase about its shape. Pure numpy: the engine computes the activations once per
model, in one batched call, and this module turns them into what the hover popup shows.

A conv1 map pixel at (row, col) sees the 5x5 input window starting there; a conv2 pixel sees
5x5 pool1 pixels, each of which covers 6x6 input pixels two apart: a 14x14 input window
starting at (2 row, 2 col). Those windows are the *receptive fields* cropped here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import numpy as np

PATCHES = 9  # the strongest patches shown per detector (a 3x3 grid)
RECEPTIVE = {"conv1": (5, 1), "conv2": (14, 2)}  # layer -> (window side, input pixels per step)
CLEAR_SHAPE = 0.7  # coherence under this (a tenth of 5x5 noise passes): "a mix of shapes"


class Shape(enum.Enum):
    """What a detector likes, as the catalogue names it (``detector.<value>``)."""

    HORIZONTAL = "horizontal"
    VERTICAL = "vertical"
    UP_RIGHT = "up_right"
    DOWN_RIGHT = "down_right"
    MIX = "mix"


@dataclass(frozen=True)
class DetectorView:
    """One detector: its strongest ``patches`` (9, side, side) in [0, 1] from real digits, how
    strongly each fired, the ``filter`` picture (conv1 only: its 5x5 weights) and its ``shape``."""

    layer: str
    channel: int
    patches: np.ndarray
    strengths: np.ndarray
    shape: Shape
    filter: np.ndarray | None = None

    def __repr__(self) -> str:
        return f"DetectorView({self.layer} {self.channel}, {self.shape.value})"


def strongest_patches(
    activations: np.ndarray, digits: np.ndarray, layer: str, count: int = PATCHES
) -> tuple[np.ndarray, np.ndarray]:
    """For every channel, the ``count`` input windows that make it fire most.

    ``activations`` is (N, H, W, C), the layer's maps for ``digits`` (N, 28, 28). Each digit
    gives at most one patch per channel (at its strongest pixel), so nine patches are nine
    different digits. Returns patches (C, count, side, side) and their strengths (C, count).
    """
    if layer not in RECEPTIVE:
        raise ValueError(f"no receptive field for {layer!r}; choose one of {tuple(RECEPTIVE)}")
    activations = np.asarray(activations)
    digits = np.asarray(digits, dtype=np.float32)
    if activations.ndim != 4 or len(activations) != len(digits):
        raise ValueError(
            f"expected (N, H, W, C) maps for the {len(digits)} digits, got {activations.shape}"
        )
    side, step = RECEPTIVE[layer]
    n, height, width, channels = activations.shape
    count = min(count, n)
    flat = activations.reshape(n, height * width, channels)
    where = flat.argmax(axis=1)  # (N, C): each digit's strongest pixel per channel
    best = flat.max(axis=1)  # (N, C)
    patches = np.zeros((channels, count, side, side), dtype=np.float32)
    strengths = np.zeros((channels, count), dtype=np.float32)
    for channel in range(channels):
        order = np.argsort(-best[:, channel], kind="stable")[:count]
        for slot, digit in enumerate(order):
            row, col = divmod(int(where[digit, channel]), width)
            top, left = row * step, col * step
            patches[channel, slot] = digits[digit, top : top + side, left : left + side]
            strengths[channel, slot] = best[digit, channel]
    return patches, strengths


def dominant_shape(picture: np.ndarray) -> Shape:
    """The one direction a picture's ink runs in, if one stands out (else :attr:`Shape.MIX`).

    From the structure tensor of its gradients: the gradients of a stroke or an edge point
    across it, so the stroke runs at right angles to their main direction; their *coherence*
    (0 for no direction, 1 for one) says whether any direction stands out at all.
    """
    picture = _smoothed(np.asarray(picture, dtype=np.float64))
    gy, gx = np.gradient(picture)
    xx, yy, xy = float((gx * gx).sum()), float((gy * gy).sum()), float((gx * gy).sum())
    total = xx + yy
    if total <= 1e-12:
        return Shape.MIX
    coherence = np.hypot(xx - yy, 2 * xy) / total
    if coherence < CLEAR_SHAPE:
        return Shape.MIX
    across = 0.5 * np.degrees(np.arctan2(2 * xy, xx - yy))  # gradient direction, image axes
    along = (across + 90.0) % 180.0  # the stroke's direction; rows grow downward
    if along < 22.5 or along >= 157.5:
        return Shape.HORIZONTAL
    if 67.5 <= along < 112.5:
        return Shape.VERTICAL
    # With rows growing downward, 45 degrees in image axes runs down to the right.
    return Shape.DOWN_RIGHT if along < 90 else Shape.UP_RIGHT


def _smoothed(picture: np.ndarray) -> np.ndarray:
    """A [1, 2, 1] blur each way, so a one-pixel diagonal line has gradients across it."""
    padded = np.pad(picture, 1, mode="reflect")
    rows = (padded[:-2] + 2 * padded[1:-1] + padded[2:]) / 4
    return (rows[:, :-2] + 2 * rows[:, 1:-1] + rows[:, 2:]) / 4


def detector_views(
    layer: str, activations: np.ndarray, digits: np.ndarray, kernel: np.ndarray | None = None
) -> list[DetectorView]:
    """Every channel of ``layer`` as a :class:`DetectorView`.

    conv1's shape is read from its own 5x5 filter (``kernel`` (5, 5, 1, C)), which is what it
    computes with; conv2's, which reads eight maps at once, from the average of its strongest
    patches, the input it fires most on.
    """
    patches, strengths = strongest_patches(activations, digits, layer)
    views = []
    for channel in range(patches.shape[0]):
        picture = None
        if kernel is not None:
            picture = np.asarray(kernel, dtype=np.float32)[:, :, 0, channel]
            shape = dominant_shape(picture)
        else:
            shape = dominant_shape(patches[channel].mean(axis=0))
        views.append(
            DetectorView(layer, channel, patches[channel], strengths[channel], shape, picture)
        )
    return views
