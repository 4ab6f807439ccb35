"""The brush: 25 px white squares, interpolated so a fast stroke leaves no gaps."""

import numpy as np

from mnist_arcade.canvas.board import BRUSH_SIZE, Board


def test_a_click_paints_one_brush_square():
    board = Board()
    board.begin_stroke(100, 50)
    rows, cols = np.nonzero(board.pixels)
    assert rows.max() - rows.min() + 1 == BRUSH_SIZE
    assert cols.max() - cols.min() + 1 == BRUSH_SIZE
    assert board.pixels[50, 100] == 255
    assert set(np.unique(board.pixels)) == {0, 255}


def test_a_fast_diagonal_stroke_is_continuous():
    board = Board()
    board.begin_stroke(20, 20)
    board.continue_stroke(280, 270)  # one mouse event for the whole stroke
    board.end_stroke()
    for t in np.linspace(0, 1, 200):  # every point on the path is painted
        x, y = round(20 + 260 * t), round(20 + 250 * t)
        assert board.pixels[y, x] == 255
    # and the stroke is as wide as the brush everywhere along it
    middle_row = board.pixels[145]
    assert np.count_nonzero(middle_row) >= BRUSH_SIZE


def test_strokes_that_leave_the_board_are_clipped():
    board = Board()
    board.begin_stroke(-50, 150)
    board.continue_stroke(350, 150)
    assert board.pixels[150].all()


def test_clear_empties_the_board():
    board = Board()
    board.begin_stroke(150, 150)
    assert not board.is_empty
    board.clear()
    assert board.is_empty and not board.pixels.any()


def test_a_new_stroke_does_not_join_the_last_one():
    board = Board()
    board.begin_stroke(30, 30)
    board.end_stroke()
    board.continue_stroke(270, 270)  # motion after a release starts afresh
    assert board.pixels[150, 150] == 0
