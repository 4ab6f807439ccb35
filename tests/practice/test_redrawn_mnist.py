"""Digits redrawn with the game's brush, for measuring the model on board-like digits."""

import numpy as np

from mnist_arcade.canvas.board import BRUSH_SIZE
from mnist_arcade.canvas.preprocess import ink_bounding_box
from mnist_arcade.practice.redrawn_mnist import (
    FINE,
    centre_line,
    draw_with_brush,
    scale_onto_board,
    thin,
)


def test_thinning_leaves_a_one_pixel_line():
    bar = np.zeros((28, 28), bool)
    bar[4:24, 12:16] = True
    skeleton = thin(bar)
    assert skeleton.any()
    assert skeleton.sum(axis=1).max() == 1  # one pixel wide on every row
    assert skeleton[:, 12:16].sum() == skeleton.sum()


def test_a_drawn_digit_is_made_of_brush_wide_strokes(mnist):
    rng = np.random.default_rng(1)
    board = draw_with_brush(mnist.x_test[0], rng)  # a 7
    assert board.shape == (300, 300) and set(np.unique(board)) == {0, 255}
    top, bottom, _left, _right = ink_bounding_box(board)
    assert 110 <= bottom - top <= 270 + BRUSH_SIZE
    row = board[(top + bottom) // 2]
    runs = np.diff(np.flatnonzero(np.diff(np.r_[0, row > 0, 0])))[::2]
    assert runs.min() >= BRUSH_SIZE - 1  # no stroke thinner than the brush


def _digit_from(art: str, top: int = 6, left: int = 10) -> np.ndarray:
    digit = np.zeros((28, 28), np.uint8)
    for row, line in enumerate(art.strip("\n").split("\n")):
        for col, mark in enumerate(line):
            if mark == "+":
                digit[top + row, left + col] = 255
    return digit


def test_a_thick_stroke_end_keeps_its_length():
    # The top of a real MNIST 3: a short stroke two pixels thick. Thinned at 28x28 its centre
    # line began two pixels in from where the pen began, a third of the stroke; on the board,
    # twenty times larger, the 3 lost its top-left end.
    three_top = """
++++
+++++
  +++
     +++
     +++
     +++
"""
    rows, cols = ((0.5 + line) / FINE - 0.5 for line in centre_line(_digit_from(three_top)))
    assert cols.min() <= 10 + 1.5  # the ink begins at column 10
    assert rows.min() <= 6 + 1.0  # and at row 6


def test_a_wide_digit_drawn_large_stays_whole_on_the_board():
    flat_zero = np.zeros((28, 28), np.uint8)
    rows, cols = np.ogrid[:28, :28]
    ring = ((rows - 14) / 5) ** 2 + ((cols - 14) / 12) ** 2
    flat_zero[(ring > 0.6) & (ring < 1.4)] = 255
    board = draw_with_brush(flat_zero, np.random.default_rng(0), heights=(270, 270))
    top, bottom, left, right = ink_bounding_box(board)
    assert left > 0 and right < board.shape[1]  # not cut off at the sides
    assert right - left > 2 * (bottom - top)  # still flat: scaled down, not squashed


def test_drawn_digits_land_in_different_places(mnist):
    rng = np.random.default_rng(2)
    boxes = {ink_bounding_box(draw_with_brush(mnist.x_test[i], rng)) for i in range(8)}
    assert len(boxes) == 8


def test_scaling_onto_the_board_keeps_the_digit():
    digit = np.zeros((28, 28), np.uint8)
    digit[7:21, 13:15] = 255
    board = scale_onto_board(digit)
    assert board.shape == (300, 300)
    assert ink_bounding_box(board) == (75, 225, 140, 161)
