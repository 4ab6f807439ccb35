"""The one bridge from numpy arrays to pygame surfaces and back.

numpy images are row-first (height, width); pygame's surfarray is x-first (width, height).
Every transpose between the two happens here and nowhere else.
"""

from __future__ import annotations

import numpy as np
import pygame

from mnist_arcade.explaining.activation_images import grey_to_rgb


def rgb_to_surface(image: np.ndarray) -> pygame.Surface:
    """(H, W, 3) uint8 -> a Surface of width W and height H."""
    image = np.ascontiguousarray(image, dtype=np.uint8)
    if image.ndim != 3 or image.shape[2] != 3:
        raise ValueError(f"expected an (H, W, 3) image, got shape {image.shape}")
    return pygame.surfarray.make_surface(image.transpose(1, 0, 2))


def grey_to_surface(image: np.ndarray) -> pygame.Surface:
    """(H, W) floats in [0, 1] or uint8 -> an RGB Surface."""
    return rgb_to_surface(grey_to_rgb(image))


def surface_to_rgb(surface: pygame.Surface) -> np.ndarray:
    """A Surface -> (H, W, 3) uint8, a copy."""
    return pygame.surfarray.array3d(surface).transpose(1, 0, 2).copy()
