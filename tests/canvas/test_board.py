"""The brush: 25 px white squares, interpolated so a fast stroke leaves no gaps."""

import numpy as np
import pytest

from mnist_arcade.canvas.board import BRUSH_SIZE, FEW_STAMPS, INK, PAPER, Board, Change


def draw_line(board: Board, start: tuple[int, int], end: tuple[int, int]) -> None:
    """One whole stroke from ``start`` to ``end``, as a mouse press, drag and release."""
    board.begin_stroke(*start)
    board.continue_stroke(*end)
    board.end_stroke()


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


class CountingBoard(Board):
    """A real board that counts its brush stamps: the work a stroke costs."""

    stamps = 0

    def stamp(self, x: int, y: int) -> None:
        self.stamps += 1
        super().stamp(x, y)


def test_a_motion_far_off_the_board_stamps_only_where_the_brush_meets_it():
    """A motion to a million pixels away costs the stamps of the board's width, not a million
    (to 2**31, from a broken driver or a crafted event, the old loop ran for minutes), and the
    line drawn is the same as one that ends just past the edge."""
    far, reference = CountingBoard(), Board()
    far.begin_stroke(150, 150)
    far.continue_stroke(10**6, 150)
    reference.begin_stroke(150, 150)
    reference.continue_stroke(340, 150)
    np.testing.assert_array_equal(far.pixels, reference.pixels)
    assert far.stamps < 400


def test_a_motion_to_2_to_the_31_ends_and_paints_the_crossing():
    board = CountingBoard()
    board.begin_stroke(-(2**31), 150)
    board.continue_stroke(2**31, 150)  # starts and ends off the board, crosses the middle
    assert (board.pixels[150, :] == 255).all() and board.stamps < 1000
    before = board.pixels.copy(), board.version
    board.begin_stroke(-(2**31), -(2**31))
    board.continue_stroke(-(2**30), 2**31)  # wholly off the board: nothing painted
    np.testing.assert_array_equal(board.pixels, before[0])
    assert board.version == before[1]


def test_undo_takes_back_one_stroke_at_a_time_and_a_clear_too():
    board = Board()
    draw_line(board, (50, 50), (50, 200))
    one_stroke = board.pixels.copy()
    draw_line(board, (200, 50), (200, 200))
    board.clear()
    assert board.is_empty and board.undo()
    assert board.pixels[120, 200] == 255 and board.undo()  # the clear, then the second stroke
    np.testing.assert_array_equal(board.pixels, one_stroke)
    assert board.undo() and board.is_empty and not board.undo()


def test_the_eraser_rubs_out_with_the_brush_and_undo_brings_the_ink_back():
    board = Board()
    draw_line(board, (150, 40), (150, 260))
    drawn = board.pixels.copy()
    board.begin_stroke(100, 150, erase=True)
    board.continue_stroke(200, 150)
    board.end_stroke()
    assert board.pixels[150, 150] == 0 and board.pixels[60, 150] == 255
    board.undo()
    np.testing.assert_array_equal(board.pixels, drawn)


def stamped_one_by_one(board: Board, start, end) -> None:
    """The brush stamped at every pixel step from ``start`` to ``end``, square by square: what
    a stroke has always painted (the reference for strokes painted all at once)."""
    (ax, ay), (bx, by) = start, end
    steps = max(abs(bx - ax), abs(by - ay))
    for i in range(0, int(np.ceil(steps)) + 1):
        t = min(i / steps, 1.0) if steps else 0.0
        board.stamp(round(ax + (bx - ax) * t), round(ay + (by - ay) * t))


@pytest.mark.parametrize("brush", [25, 24, 3, 1])
def test_a_long_stroke_paints_exactly_the_squares_of_every_pixel_step(brush):
    rng = np.random.default_rng(brush)
    for _ in range(60):
        # Ends up to a brush off the board: painted in part, and never clipped before painting
        start, end = rng.integers(-brush, 300 + brush + 1, size=(2, 2)).tolist()
        if max(abs(end[0] - start[0]), abs(end[1] - start[1])) <= FEW_STAMPS:
            continue  # the short ones are stamped square by square anyway
        board, reference = Board(brush=brush), Board(brush=brush)
        board.begin_stroke(*start)
        board.continue_stroke(*end)
        stamped_one_by_one(reference, start, end)
        np.testing.assert_array_equal(board.pixels, reference.pixels)


def test_a_long_eraser_stroke_rubs_out_exactly_the_squares_it_crosses():
    board, reference = Board(), Board()
    for drawn in (board, reference):
        drawn.pixels[:] = INK
    board.begin_stroke(10, 290, erase=True)
    board.continue_stroke(280, 20)
    reference._paint = PAPER
    stamped_one_by_one(reference, (10, 290), (280, 20))
    np.testing.assert_array_equal(board.pixels, reference.pixels)
    assert 0 < (board.pixels == PAPER).sum() < board.pixels.size


def test_undo_says_whether_it_took_back_a_stroke_or_a_clear():
    board = Board()
    draw_line(board, (50, 50), (50, 200))
    board.clear()
    assert board.undo() is Change.CLEAR and not board.is_empty  # the drawing is back
    assert board.undo() is Change.STROKE and board.is_empty
    assert board.undo() is None


def test_a_drawing_put_aside_comes_back_with_its_undo_steps():
    board = Board()
    draw_line(board, (50, 50), (50, 200))
    one_stroke = board.pixels.copy()
    draw_line(board, (200, 50), (200, 200))
    drawn, version = board.pixels.copy(), board.version
    kept = board.put_aside()
    assert board.is_empty and not board.can_undo and board.version > version
    board.begin_stroke(150, 150)  # a game played on the board meanwhile
    board.clear()
    board.give_back(kept)
    np.testing.assert_array_equal(board.pixels, drawn)
    assert board.undo() is Change.STROKE  # the player's own last stroke, not the game's
    np.testing.assert_array_equal(board.pixels, one_stroke)
