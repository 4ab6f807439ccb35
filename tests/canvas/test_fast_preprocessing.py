"""The fast preprocessing gives the numbers the shipped model was trained on.

Issue 20 made the board-to-28x28 path faster, twice. The code each step replaced is kept
verbatim under ``tests/canvas/reference/`` (``*_before``: the code the shipped model was trained
on; ``*_numpy_p_before``: the code P ran before its network call went to NumPy); here all read
the same real boards (MNIST digits and real pen
strokes replayed with the game's brush, at many sizes and places) and odd ones (empty, a dot,
ink along the board's edges), by both methods, and must agree to within 1e-6.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from mnist_arcade import paths
from mnist_arcade.canvas import deskew, preprocess
from mnist_arcade.canvas.board import Board
from mnist_arcade.canvas.methods import Method
from mnist_arcade.errors import EmptyBoardError
from mnist_arcade.practice.pen_strokes import load_compact, pen_boards
from mnist_arcade.practice.redrawn_mnist import draw_with_brush
from tests.canvas.reference import (
    deskew_before,
    deskew_numpy_p_before,
    preprocess_before,
    preprocess_numpy_p_before,
)

TOLERANCE = 1e-6
REFERENCES = (preprocess_before, preprocess_numpy_p_before)
SIZES = ((45.0, 100.0), (100.0, 180.0), (180.0, 280.0))  # digit heights on the board, px


def _redrawn_mnist(mnist, count: int) -> list[np.ndarray]:
    rng = np.random.default_rng(20)
    return [
        draw_with_brush(mnist.x_test[i], rng, heights=SIZES[i % len(SIZES)]) for i in range(count)
    ]


def _replayed_pen_strokes(count: int) -> list[np.ndarray]:
    digits = load_compact(paths.shipped_pen_strokes_path())[::37][:count]
    boards = []
    for n, size in enumerate(SIZES):
        drawn, _ = pen_boards(digits[n :: len(SIZES)], seed=20 + n, ink_heights=size)
        boards.extend(drawn)
    return boards


def _board(*strokes: tuple[tuple[int, int], ...]) -> np.ndarray:
    board = Board()
    for points in strokes:
        board.begin_stroke(*points[0])
        for point in points[1:]:
            board.continue_stroke(*point)
        board.end_stroke()
    return board.pixels


def _odd_boards() -> dict[str, np.ndarray]:
    last = Board().size - 1
    single_pixel = np.zeros((300, 300), np.uint8)
    single_pixel[17, 230] = 255
    faint = np.zeros((300, 300), np.uint8)
    faint[150, 3] = 33  # just over the ink threshold: scaling would erase it
    thin_line = np.zeros((300, 300), np.uint8)
    thin_line[40:260, 150] = 255  # a 1 px line, as an image file may hold
    thin_line[40, 120:151] = 255
    diagonal = np.zeros((300, 300), np.uint8)
    diagonal[np.arange(300), np.arange(300)] = 200  # sparse thin ink over a large box
    return {
        "a thin diagonal from corner to corner": diagonal,
        "a brush dot in the middle": _board(((150, 150),)),
        "a brush dot in a corner": _board(((0, last),)),
        "one pixel": single_pixel,
        "one faint pixel at the edge": faint,
        "a thin-lined 1": thin_line,
        "a frame along all four edges": _board(
            ((0, 0), (last, 0), (last, last), (0, last), (0, 0))
        ),
        "a 7 touching the top and right edges": _board(((20, 0), (last, 0), (120, last))),
        "a 1 from the top edge to the bottom": _board(((140, 0), (150, last))),
        "the whole board inked": np.full((300, 300), 255, np.uint8),
    }


def _assert_same_reading(board: np.ndarray, what: str) -> None:
    fast_box = dataclasses.astuple(preprocess.fit_and_center_placed(board)[1])
    for reference in REFERENCES:
        for method in Method:
            fast = preprocess.to_network_input(board, method)
            before = reference.to_network_input(board, method)
            assert fast.dtype == before.dtype and fast.shape == before.shape, what
            difference = float(np.abs(fast - before).max())
            assert difference <= TOLERANCE, f"{what}, {method}, {reference.__name__}: {difference}"
        box_before = dataclasses.astuple(reference.fit_and_center_placed(board)[1])
        np.testing.assert_allclose(fast_box, box_before, atol=TOLERANCE, err_msg=what)


def test_redrawn_mnist_digits_read_the_same_at_every_size_and_place(mnist):
    boards = _redrawn_mnist(mnist, 90)
    heights = [np.ptp(np.flatnonzero(board.any(axis=1))) for board in boards]
    assert min(heights) < 100 < 200 < max(heights)  # small and large digits both met
    for i, board in enumerate(boards):
        _assert_same_reading(board, f"MNIST test digit {i} redrawn")


def test_real_pen_strokes_read_the_same_at_every_size_and_place():
    boards = _replayed_pen_strokes(90)
    assert len(boards) >= 80
    for i, board in enumerate(boards):
        _assert_same_reading(board, f"pen digit {i} replayed")


@pytest.mark.parametrize("what", list(_odd_boards()))
def test_odd_boards_read_the_same(what):
    _assert_same_reading(_odd_boards()[what], what)


@pytest.mark.parametrize("method", list(Method))
def test_an_empty_board_is_refused_as_before(method):
    empty = Board().pixels
    with pytest.raises(EmptyBoardError):
        preprocess.to_network_input(empty, method)
    with pytest.raises(EmptyBoardError):
        preprocess_before.to_network_input(empty, method)


def test_the_stroke_width_is_measured_as_before(mnist):
    boards = [*_redrawn_mnist(mnist, 30), *_replayed_pen_strokes(30), *_odd_boards().values()]
    for i, board in enumerate(boards):
        top, bottom, left, right = preprocess.ink_bounding_box(board)
        ink = board[top:bottom, left:right] > preprocess.INK_THRESHOLD
        assert preprocess.stroke_width(ink) == preprocess_before.stroke_width(ink), i


def test_strokes_are_thinned_as_before_by_every_square(mnist):
    boards = [*_redrawn_mnist(mnist, 12), *_replayed_pen_strokes(12), *_odd_boards().values()]
    thinned = 0
    for i, board in enumerate(boards):
        top, bottom, left, right = preprocess.ink_bounding_box(board)
        crop = board[top:bottom, left:right]
        ink = crop > preprocess.INK_THRESHOLD
        for size in (1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 23, 31, 36):  # the widths thinning meets
            fast = preprocess._erode(ink, size)
            assert fast.shape == ink.shape, (i, size)
            np.testing.assert_array_equal(fast, preprocess_before._erode(ink, size), (i, size))
        fast = preprocess.thin_to_mnist_width(crop)
        before = preprocess_before.thin_to_mnist_width(crop)
        assert fast.dtype == before.dtype == np.uint8, i
        np.testing.assert_array_equal(fast, before, str(i))
        thinned += fast is not crop
    assert thinned >= 5  # small drawings were thinned, not only left as they were


def test_mnist_digits_are_stood_upright_as_before(mnist):
    digits = mnist.x_test[:600]
    for reference in REFERENCES:
        np.testing.assert_allclose(
            preprocess.mnist_digits_as_input(digits),
            reference.mnist_digits_as_input(digits),
            atol=TOLERANCE,
        )


def test_one_digit_slants_as_in_a_batch_and_as_before(mnist):
    digits = mnist.x_test[:300].astype(np.float32) / 255
    digits[0] = 0  # blank: answered before any row is measured
    digits[1, :, :] = 0
    digits[1, 9, 3:20] = 1  # one inked row: no pair of rows to take a slope from
    batch = deskew.slants(digits)
    for i, digit in enumerate(digits):
        one = deskew.slants(digit[None])
        for fast, in_batch, before in zip(
            one, batch, deskew_numpy_p_before.slants(digit[None]), strict=True
        ):
            assert fast.dtype == np.float32 and fast.shape == (1,), i
            # float32's own rounding: BLAS sums a batch's rows in other orders than one's
            assert np.isclose(fast[0], in_batch[i], rtol=TOLERANCE, atol=TOLERANCE), i
            assert abs(float(fast[0]) - float(before[0])) <= TOLERANCE, i


@pytest.mark.parametrize("whole_pixels", [False, True])
def test_shearing_far_past_the_edges_loses_what_leaves_as_before(mnist, whole_pixels):
    digits = mnist.x_test[:200].astype(np.float32) / 255
    digits = np.roll(digits, 14, axis=2)  # halves of the digit on the field's left and right edges
    slant = np.linspace(-40, 40, len(digits)).astype(np.float32)  # most rows leave the field
    centre = np.linspace(0, 27, len(digits)).astype(np.float32)
    np.testing.assert_array_equal(
        deskew.shear_rows(digits, slant, centre, whole_pixels=whole_pixels),
        deskew_before.shear_rows(digits, slant, centre, whole_pixels=whole_pixels),
    )


def test_the_ink_box_is_found_as_before_on_every_board(mnist):
    boards = [*_redrawn_mnist(mnist, 30), *_replayed_pen_strokes(30), *_odd_boards().values()]
    boards += [Board().pixels]  # blank: no box
    for corner in ((0, 0), (0, 299), (299, 0), (299, 299)):  # one pixel in each corner
        single = np.zeros((300, 300), np.uint8)
        single[corner] = 255
        boards.append(single)
    for i, board in enumerate(boards):
        for pixels in (board, board[7:250, 31:299], board.T):  # also crops, and non-contiguous
            box = preprocess.ink_bounding_box(pixels)
            assert box == preprocess_numpy_p_before.ink_bounding_box(pixels), i
            assert box is None or all(type(edge) is int for edge in box), i
