"""Activations to pictures: normalise, colour with a perceptual map, enlarge without blur.

Pure numpy (the colour table comes from the ``cmap`` package), so it is tested without pygame.
"""

from __future__ import annotations

from functools import cache

import numpy as np

COLORMAP = "viridis"  # perceptually uniform: equal steps in value look like equal steps in colour


@cache
def colormap_table(name: str = COLORMAP) -> np.ndarray:
    """A (256, 3) uint8 look-up table for the named colour map."""
    from cmap import Colormap

    rgba = np.asarray(Colormap(name).lut(256), dtype=np.float64)
    return np.round(rgba[:, :3] * 255).astype(np.uint8)


def normalise_layer(values: np.ndarray) -> np.ndarray:
    """Scale a layer's activations to [0, 1] by the layer's largest value.

    One scale for all of a layer's maps keeps them comparable: a filter that barely responds
    looks dark beside one that fires strongly. An all-zero layer stays all zero.
    """
    values = np.asarray(values, dtype=np.float32)
    low = min(float(values.min()), 0.0)
    span = float(values.max()) - low
    if span <= 0:
        return np.zeros_like(values)
    return (values - low) / span


def colorize(unit_values: np.ndarray, name: str = COLORMAP) -> np.ndarray:
    """Values in [0, 1] of any shape -> the same shape plus an RGB axis, uint8."""
    indices = np.clip(np.round(np.asarray(unit_values) * 255), 0, 255).astype(np.uint8)
    return colormap_table(name)[indices]


def enlarge(image: np.ndarray, factor: int) -> np.ndarray:
    """Nearest-neighbour upscaling: every pixel becomes a factor x factor block (no blur)."""
    if factor < 1:
        raise ValueError("the enlargement factor must be at least 1")
    return np.repeat(np.repeat(image, factor, axis=0), factor, axis=1)


def feature_map_tiles(values: np.ndarray, factor: int) -> list[np.ndarray]:
    """A conv or pool output (H, W, C) -> C coloured, enlarged RGB tiles, one per channel."""
    if values.ndim != 3:
        raise ValueError(f"expected (height, width, channels), got shape {values.shape}")
    coloured = colorize(normalise_layer(values))  # (H, W, C, 3)
    return [enlarge(coloured[:, :, channel], factor) for channel in range(values.shape[2])]


def grey_to_rgb(image: np.ndarray) -> np.ndarray:
    """(H, W) floats in [0, 1] or uint8 -> (H, W, 3) uint8."""
    image = np.asarray(image)
    if image.dtype != np.uint8:
        image = np.clip(np.round(image * 255), 0, 255).astype(np.uint8)
    return np.repeat(image[:, :, None], 3, axis=2)
