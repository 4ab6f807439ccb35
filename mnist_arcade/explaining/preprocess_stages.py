"""The board's drawing on its way to 28x28, stage by stage, for the lesson's step 8.

:func:`mnist_arcade.canvas.preprocess.fit_and_center` does every stage in one call; here the
same functions are called one at a time and each stage is kept, as a 28x28 picture the network
could read: crop to the ink, fit in 20x20, centre by mass, stand upright, divide by 255. The
last stage equals ``fit_and_center`` exactly (tested), so what the lesson shows is what the game
does. Pure numpy and Pillow.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import numpy as np

from mnist_arcade.canvas.deskew import shear_rows, slants
from mnist_arcade.canvas.preprocess import (
    DIGIT_BOX,
    MNIST_SIDE,
    _resize,
    center_of_mass,
    ink_bounding_box,
    plain_resize,
    thin_to_mnist_width,
)
from mnist_arcade.errors import EmptyBoardError


class Stage(enum.Enum):
    """A stage of the game's preprocessing, in order; PLAIN is the tutorial's resize, beside."""

    CROP = "crop"
    FIT = "fit"
    CENTRE = "centre"
    UPRIGHT = "upright"
    DIVIDE = "divide"
    PLAIN = "plain"


@dataclass(frozen=True)
class StagePicture:
    """One stage: its picture as the network would read it (28x28, floats in [0, 1])."""

    stage: Stage
    image: np.ndarray
    brightest: float  # the largest pixel value at this stage: 255 until divided, then 1


def _in_field(digit: np.ndarray, top: int, left: int) -> np.ndarray:
    field = np.zeros((MNIST_SIDE, MNIST_SIDE), dtype=np.float32)
    height, width = digit.shape
    field[top : top + height, left : left + width] = digit
    return field


def stages(pixels: np.ndarray) -> list[StagePicture]:
    """Every stage of ``pixels`` (the board, uint8 white on black); EmptyBoardError if blank."""
    pixels = np.clip(np.asarray(pixels), 0, 255).astype(np.uint8)
    box = ink_bounding_box(pixels)
    if box is None:
        raise EmptyBoardError("The board is empty: draw a digit first.")
    cropped = pixels[box[0] : box[1], box[2] : box[3]]
    crop_view = _resize(cropped, MNIST_SIDE, MNIST_SIDE).astype(np.float32) / 255.0
    thinned = thin_to_mnist_width(cropped)
    inner = ink_bounding_box(thinned) or (0, cropped.shape[0], 0, cropped.shape[1])
    crop = thinned[inner[0] : inner[1], inner[2] : inner[3]]
    height, width = crop.shape
    scale = DIGIT_BOX / max(height, width)
    new_height, new_width = max(1, round(height * scale)), max(1, round(width * scale))
    digit = _resize(crop, new_width, new_height).astype(np.float32)
    if digit.sum() == 0:
        digit = np.full_like(digit, 255.0)
    boxed = _in_field(digit, (MNIST_SIDE - new_height) // 2, (MNIST_SIDE - new_width) // 2)
    row_mass, col_mass = center_of_mass(digit)
    middle = (MNIST_SIDE - 1) / 2
    top = int(np.clip(round(middle - row_mass), 0, MNIST_SIDE - new_height))
    left = int(np.clip(round(middle - col_mass), 0, MNIST_SIDE - new_width))
    centred = _in_field(digit, top, left)
    divided = centred[None] / 255.0
    slant, slant_row = slants(divided)
    upright = shear_rows(divided, slant, slant_row)[0]
    return [
        StagePicture(Stage.CROP, crop_view, 255.0),
        StagePicture(Stage.FIT, boxed / 255.0, 255.0),
        StagePicture(Stage.CENTRE, centred / 255.0, 255.0),
        StagePicture(Stage.UPRIGHT, upright, 255.0),
        StagePicture(Stage.DIVIDE, upright, float(upright.max())),
        StagePicture(Stage.PLAIN, plain_resize(pixels), 1.0),
    ]
