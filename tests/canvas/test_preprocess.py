"""Board pixels -> the 28x28 network input, MNIST-style and the tutorial's plain resize."""

import numpy as np
import pytest

from mnist_arcade.canvas.preprocess import (
    center_of_mass,
    fit_and_center,
    ink_bounding_box,
    is_dark_on_light,
    plain_resize,
    to_network_input,
)
from mnist_arcade.errors import EmptyBoardError


def board_with_rect(top, bottom, left, right, size=300):
    pixels = np.zeros((size, size), dtype=np.uint8)
    pixels[top:bottom, left:right] = 255
    return pixels


def test_bounding_box_is_the_ink_extent_with_exclusive_ends():
    assert ink_bounding_box(board_with_rect(40, 90, 200, 230)) == (40, 90, 200, 230)


def test_bounding_box_of_a_blank_board_is_none():
    assert ink_bounding_box(np.zeros((300, 300), np.uint8)) is None


def test_tall_stroke_fills_twenty_rows_and_keeps_its_aspect():
    net_input = fit_and_center(board_with_rect(20, 220, 10, 60))  # 200 tall, 50 wide: 4:1
    rows = np.flatnonzero(net_input.max(axis=1) > 0.05)
    cols = np.flatnonzero(net_input.max(axis=0) > 0.05)
    assert rows.size == 20
    assert 4 <= cols.size <= 6  # 20 / 4 = 5, give or take anti-aliasing


def test_digit_is_centred_by_mass_wherever_it_was_drawn():
    for top, left in ((0, 0), (150, 200), (60, 10)):
        net_input = fit_and_center(board_with_rect(top, top + 100, left, left + 60))
        row, col = center_of_mass(net_input)
        assert abs(row - 13.5) <= 0.5 and abs(col - 13.5) <= 0.5


def test_off_centre_mass_is_moved_to_the_middle_not_the_box():
    pixels = board_with_rect(50, 250, 50, 80)  # a heavy vertical bar ...
    pixels[50:70, 80:180] = 255  # ... with a light arm to the right, like a mirrored 7
    net_input = fit_and_center(pixels)
    _row, col = center_of_mass(net_input)
    assert abs(col - 13.5) <= 0.5
    box = ink_bounding_box((net_input * 255).astype(np.uint8))
    assert (box[2] + box[3]) / 2 != pytest.approx(14, abs=0.5)  # the box is not what is centred


def test_output_is_float_in_unit_range_with_white_ink():
    net_input = to_network_input(board_with_rect(100, 200, 120, 140))
    assert net_input.shape == (28, 28) and net_input.dtype == np.float32
    assert net_input.min() >= 0 and net_input.max() == pytest.approx(1.0)


@pytest.mark.parametrize("method", ["mnist", "plain"])
def test_empty_board_raises_a_clear_error(method):
    with pytest.raises(EmptyBoardError, match="empty"):
        to_network_input(np.zeros((300, 300), np.uint8), method)


def test_plain_resize_keeps_position_and_size_like_the_tutorial():
    pixels = board_with_rect(0, 100, 0, 100)  # top-left third of the board
    plain = plain_resize(pixels)
    assert plain[:8, :8].min() > 0.9 and plain[12:, 12:].max() == 0
    centred = to_network_input(pixels, "mnist")
    assert centred[:4, :4].max() == 0  # the MNIST-style method moves it to the middle


def test_the_two_methods_differ_on_the_same_drawing():
    pixels = board_with_rect(30, 130, 200, 230)
    assert not np.allclose(to_network_input(pixels, "mnist"), to_network_input(pixels, "plain"))


def test_unknown_method_is_rejected():
    with pytest.raises(ValueError, match="mnist"):
        to_network_input(board_with_rect(1, 50, 1, 50), "bicubic")


def test_a_one_pixel_speck_survives_scaling():
    pixels = np.zeros((300, 300), np.uint8)
    pixels[150, 150] = 255
    assert fit_and_center(pixels).max() > 0


def _seven(top, left, height):
    """A 7 drawn with the game's 25 px brush: a bar and a stem, ``height`` px tall."""
    from mnist_arcade.canvas.board import Board

    board = Board()
    board.begin_stroke(left, top)
    board.continue_stroke(left + height * 2 // 3, top)
    board.continue_stroke(left + height // 4, top + height)
    board.end_stroke()
    return board.pixels


def _mean_stroke_width(net_input):
    """Ink area over centre-line length, in pixels of the 28x28 input."""
    from mnist_arcade.practice.redrawn_mnist import thin

    ink = net_input > 0.5
    return ink.sum() / max(thin(ink).sum(), 1)


def test_the_brush_width_is_measured_from_the_drawing():
    from mnist_arcade.canvas.preprocess import stroke_width

    assert stroke_width(_seven(40, 40, 200) > 0) in (25, 26)
    line = np.zeros((300, 300), bool)
    line[50:250, 100] = True
    assert stroke_width(line) == 1


def test_a_large_drawing_is_measured_on_a_grid_yet_reads_the_same_width(monkeypatch):
    from mnist_arcade.canvas import preprocess
    from mnist_arcade.practice.styles import style_set

    thin_line = np.zeros((300, 300), bool)
    thin_line[20:280, 101:104] = True  # between the grid's columns: read pixel by pixel
    assert preprocess.stroke_width(thin_line) == 3
    boards, _ = style_set(40, np.random.default_rng(5))
    crops = [board[a:b, c:d] > 0 for board in boards for a, b, c, d in [ink_bounding_box(board)]]
    sampled = [preprocess.stroke_width(crop) for crop in crops]
    monkeypatch.setattr(preprocess, "_WIDTH_SAMPLES", 10**9)  # every pixel
    exact = [preprocess.stroke_width(crop) for crop in crops]
    assert all(abs(s - e) <= 1 for s, e in zip(sampled, exact, strict=True))
    assert np.mean(np.equal(sampled, exact)) >= 0.9


def test_small_drawings_get_strokes_as_thin_as_large_ones():
    # By this measure MNIST's median is 2.7; a 75 px tall 7 without thinning measures 10.7.
    small = _mean_stroke_width(to_network_input(_seven(100, 120, 50)))  # 75 px of ink
    large = _mean_stroke_width(to_network_input(_seven(20, 20, 240)))
    assert 1.5 <= large <= 4.0
    assert 1.5 <= small <= 5.0
    assert small / large < 2.0


def test_thinning_keeps_the_shape_and_leaves_large_and_thin_drawings_alone():
    from mnist_arcade.canvas.preprocess import thin_to_mnist_width

    small = _seven(100, 120, 50)
    crop = small[88:175, 107:170]
    thinned = thin_to_mnist_width(crop)
    assert 0 < (thinned > 0).sum() < (crop > 0).sum() / 2
    assert ink_bounding_box(thinned)[1] - ink_bounding_box(thinned)[0] > 40  # still a 7's height
    large = _seven(20, 20, 240)
    assert np.array_equal(thin_to_mnist_width(large), large)
    pen = np.zeros((80, 60), np.uint8)
    pen[5:75, 30:32] = 255  # a thin pen line, drawn small: nothing to thin
    assert np.array_equal(thin_to_mnist_width(pen), pen)


def test_dark_ink_on_a_light_background_is_detected(mnist):
    board = np.kron(mnist.x_test[0], np.ones((10, 10), np.uint8))  # a real 7, 280x280
    assert not is_dark_on_light(board)
    assert is_dark_on_light(255 - board)


def test_ink_touching_the_border_does_not_fool_the_detector():
    pixels = board_with_rect(0, 300, 0, 60)  # a thick white bar along the whole left edge
    pixels[0, :150] = 255  # and half the top row: still less than half of the border
    assert not is_dark_on_light(pixels)
    assert is_dark_on_light(255 - pixels)


def test_a_grey_scan_is_judged_by_its_background():
    paper = np.full((120, 90), 200, np.uint8)  # light grey paper with darker ink
    paper[30:90, 40:50] = 40
    assert is_dark_on_light(paper)
    assert not is_dark_on_light(np.full((120, 90), 60, np.uint8))


def test_the_detector_rejects_what_is_not_a_greyscale_image():
    with pytest.raises(ValueError, match="2-D"):
        is_dark_on_light(np.zeros((4, 4, 3), np.uint8))
