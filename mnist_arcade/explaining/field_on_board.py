"""Where the net's 28x28 field lies on the player's board, so a 28x28 map (the "why" evidence)
can be drawn over the drawing itself.

:func:`field_box_on_board` finds the field as the preprocessing placed it; :func:`map_to_board`
resamples a map onto the board, slanted back as the drawing leans (:func:`slanted_like_board`),
since the net reads the digit stood upright. Pure numpy.
"""

from __future__ import annotations

import numpy as np

from mnist_arcade.canvas.deskew import shear_rows
from mnist_arcade.canvas.methods import Method
from mnist_arcade.canvas.preprocess import FieldBox, fit_and_center_placed


def field_box_on_board(pixels: np.ndarray, method: Method | str = Method.MNIST) -> FieldBox:
    """Where the net's 28x28 field lies on these board pixels, as the preprocessing placed it:
    the whole board for ``"plain"``; for ``"mnist"``, the box ``fit_and_center`` computes."""
    pixels = np.asarray(pixels)
    if pixels.ndim != 2:
        raise ValueError(f"expected 2-D board pixels, got shape {pixels.shape}")
    if method == Method.PLAIN:
        return FieldBox(0.0, 0.0, float(pixels.shape[0]), float(pixels.shape[1]))
    if method != Method.MNIST:
        raise ValueError(f"unknown preprocessing method {method!r}; choose mnist or plain")
    return fit_and_center_placed(pixels)[1]


def slanted_like_board(values: np.ndarray, box: FieldBox) -> np.ndarray:
    """A (28, 28) map of the upright field, leaned back as the drawing leans on the board (the
    preprocessing stood it upright by ``box.slant``), row by row in whole pixels so it stays
    sharp when enlarged; unchanged when there was no slant."""
    values = np.asarray(values)
    if box.slant == 0:
        return values
    leaned = shear_rows(
        values[None].astype(np.float32), [-box.slant], [box.slant_row], whole_pixels=True
    )[0]
    return leaned.astype(values.dtype)


def map_to_board(values: np.ndarray, box: FieldBox, board_shape: tuple[int, int]) -> np.ndarray:
    """A (28, 28) map of the net's field resampled onto the board, leaned as the drawing leans
    (nearest field pixel, no blur); 0 outside the field."""
    values = slanted_like_board(values, box)
    side_rows, side_cols = values.shape
    rows = np.floor((np.arange(board_shape[0]) + 0.5 - box.top) * side_rows / box.height)
    cols = np.floor((np.arange(board_shape[1]) + 0.5 - box.left) * side_cols / box.width)
    rows, cols = rows.astype(np.int64), cols.astype(np.int64)
    inside = (rows >= 0) & (rows < side_rows)
    inside_cols = (cols >= 0) & (cols < side_cols)
    board = values[np.clip(rows, 0, side_rows - 1)][:, np.clip(cols, 0, side_cols - 1)]
    return np.where(inside[:, None] & inside_cols[None, :], board, 0).astype(values.dtype)
