"""The style generator: digits drawn the way people draw them, through the game's own brush."""

import numpy as np
import pytest

from mnist_arcade.canvas.board import BOARD_SIZE, BRUSH_SIZE
from mnist_arcade.canvas.preprocess import ink_bounding_box, stroke_width, to_network_input
from mnist_arcade.practice.non_digits import NonDigit, draw_non_digit, non_digit_set
from mnist_arcade.practice.style_plans import STYLES, styles_of
from mnist_arcade.practice.styles import INK_HEIGHTS, Purpose, purpose_rng, render, style_set


@pytest.mark.parametrize("style", STYLES, ids=lambda style: f"{style.digit}-{style.name}")
def test_every_plan_renders_as_brush_strokes_and_preprocesses(style):
    rng = np.random.default_rng(11)
    for coarse in (False, True):
        board = render(style, rng, coarse=coarse)
        assert board.shape == (BOARD_SIZE, BOARD_SIZE) and board.dtype == np.uint8
        assert set(np.unique(board)) == {0, 255}
        assert stroke_width(board > 0) >= BRUSH_SIZE - 1  # made of whole 25 px stamps
        net_input = to_network_input(board)
        assert net_input.shape == (28, 28) and net_input.max() > 0.5


def test_every_digit_has_the_styles_mnist_lacks():
    names = {digit: {style.name for style in styles_of(digit)} for digit in range(10)}
    assert all(len(names[digit]) >= 2 for digit in range(10))
    assert {"plain", "with flag", "with flag and foot"} <= names[1]
    assert {"plain", "barred", "Z-like"} <= names[7]
    assert {"open", "closed"} <= names[4] and {"open", "closed"} <= names[0]
    assert {"straight stem", "curved stem", "hooked stem"} <= names[9]
    assert {"plain", "with loop"} <= names[2] and {"open", "closed"} <= names[6]


def test_sizes_and_positions_cover_the_board():
    boards, labels = style_set(300, purpose_rng(Purpose.TRAINING, 4))
    assert np.array_equal(np.bincount(labels), [30] * 10)
    boxes = np.array([ink_bounding_box(board) for board in boards])
    heights = boxes[:, 1] - boxes[:, 0]
    assert heights.min() >= INK_HEIGHTS[0] - 10 and heights.max() <= BOARD_SIZE
    assert heights.min() <= 80 and heights.max() >= 250  # from small to board-filling
    middles = np.stack([boxes[:, 0] + boxes[:, 1], boxes[:, 2] + boxes[:, 3]], axis=1) / 2
    assert middles.min() <= 80 and middles.max() >= 220  # top-left corner to bottom-right


def test_coarse_digits_are_a_handful_of_stamps_on_a_grid():
    rng = np.random.default_rng(3)
    for style in STYLES[::4]:
        board = render(style, rng, coarse=True)
        stamps = (board > 0).sum() / BRUSH_SIZE**2
        assert 3 <= stamps <= 80
        top, bottom, _, _ = ink_bounding_box(board)
        assert bottom - top >= 3.5 * BRUSH_SIZE  # tall enough to read: about five cells or more


def test_same_seed_same_drawings_and_each_purpose_its_own_stream():
    first, _ = style_set(20, purpose_rng(Purpose.TRAINING, 1))
    again, _ = style_set(20, purpose_rng(Purpose.TRAINING, 1))
    other, _ = style_set(20, purpose_rng(Purpose.EVALUATION, 1))
    assert np.array_equal(first, again)
    assert not any(np.array_equal(a, b) for a, b in zip(first, other, strict=True))


@pytest.mark.parametrize("kind", list(NonDigit))
def test_every_kind_of_non_digit_renders(kind):
    board = draw_non_digit(np.random.default_rng(5), kind)
    assert board.shape == (BOARD_SIZE, BOARD_SIZE) and board.any()
    assert to_network_input(board).max() > 0.5


def test_non_digit_set_cycles_through_the_kinds_and_reproduces():
    boards = non_digit_set(len(NonDigit) * 2, purpose_rng(Purpose.EVALUATION, 0))
    assert len(boards) == 2 * len(NonDigit) and all(board.any() for board in boards)
    assert np.array_equal(boards, non_digit_set(len(NonDigit) * 2, purpose_rng(Purpose.EVALUATION)))
