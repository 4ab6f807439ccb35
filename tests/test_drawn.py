"""Digits redrawn with the game's brush, for measuring the model on board-like digits."""

import numpy as np

from mnist_arcade.board import BRUSH_SIZE
from mnist_arcade.drawn import draw_with_brush, scale_onto_board, thin
from mnist_arcade.preprocess import ink_bounding_box


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
