"""The real pen strokes: the UNIPEN reader, the shipped compact subset, the writer split, and
the replay through the game's brush."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from mnist_arcade import paths
from mnist_arcade.canvas.board import BOARD_SIZE, BRUSH_SIZE
from mnist_arcade.practice import pen_strokes
from mnist_arcade.practice.pen_strokes import (
    VALIDATION_WRITERS,
    PenDigit,
    draw_pen_digit,
    load_compact,
    parse_unipen,
    pen_boards,
    save_compact,
    split_by_writer,
)

FULL_PEN_STROKES = Path(__file__).resolve().parents[2].parent / "shared/data/pendigits"

TWO_DIGITS = """.LEXICON "0" "1" "2" "3" "4" "5" "6" "7" "8" "9"

.SEGMENT DIGIT    0 ? "7"
.COMMENT 7 12    5
.PEN_DOWN
 100  300
 200  300
 150  100
.PEN_UP
.PEN_DOWN
 120  200
 180  200
.PEN_UP
.DT 100

.SEGMENT DIGIT    6-7 ? "1"
.COMMENT 1 29    2
.PEN_DOWN
 50  400
 50  100
.PEN_UP
"""


@pytest.fixture(scope="module")
def shipped() -> list[PenDigit]:
    return load_compact(paths.shipped_pen_strokes_path())


def test_the_reader_keeps_labels_writers_and_pen_lifts():
    seven, one = parse_unipen(TWO_DIGITS)
    assert (seven.label, seven.writer, len(seven.strokes)) == (7, 12, 2)
    assert (one.label, one.writer, len(one.strokes)) == (1, 29, 1)
    # The tablet's y grows upward; the board's grows downward: the 7's bar (y=300 on the
    # tablet) is at the top of the drawing, above its foot (y=100).
    bar, foot = seven.strokes[0][0], seven.strokes[0][2]
    assert bar[1] < foot[1]
    assert seven.strokes[1].shape == (2, 2)


def test_the_reader_refuses_a_label_that_disagrees_with_its_comment():
    broken = TWO_DIGITS.replace(".COMMENT 7 12", ".COMMENT 3 12")
    with pytest.raises(ValueError, match="label"):
        parse_unipen(broken)


@pytest.mark.skipif(not FULL_PEN_STROKES.is_dir(), reason="the full pen strokes are not beside")
def test_every_digit_of_the_collection_parses():
    digits = pen_strokes.read_unipen(FULL_PEN_STROKES / "pendigits-orig.tra")
    assert len(digits) == 7494
    assert {digit.writer for digit in digits} == set(range(1, 31))
    assert {digit.label for digit in digits} == set(range(10))
    assert all(len(stroke) >= 1 for digit in digits for stroke in digit.strokes)


def test_the_shipped_subset_keeps_every_writer_and_digit_and_half_the_digits(shipped):
    writers = {digit.writer for digit in shipped}
    assert writers == set(range(1, 31))
    for writer in writers:
        labels = {digit.label for digit in shipped if digit.writer == writer}
        assert labels == set(range(10))
    assert 3000 < len(shipped) < 7494 / 2 + 30
    readme = (paths.shipped_pen_strokes_path().parent / "README.md").read_text()
    assert "Creative Commons Attribution 4.0" in readme and "Alpaydin" in readme


def test_compact_files_round_trip_the_strokes(tmp_path):
    digits = parse_unipen(TWO_DIGITS)
    save_compact(digits, tmp_path / "pen.npz")
    again = load_compact(tmp_path / "pen.npz")
    assert [(d.label, d.writer, len(d.strokes)) for d in again] == [(7, 12, 2), (1, 29, 1)]
    # Scaled into 0..255 keeping the aspect: the 7 is 200 tall and 100 wide.
    every = np.concatenate(again[0].strokes)
    assert every.min() == 0 and every[:, 1].max() == 255
    assert abs(every[:, 0].max() - 127.5) <= 0.5


def test_a_damaged_compact_file_is_refused(tmp_path):
    digits = parse_unipen(TWO_DIGITS)
    save_compact(digits, tmp_path / "pen.npz")
    with np.load(tmp_path / "pen.npz") as archive:
        parts = dict(archive)
    parts["stroke_lengths"] = parts["stroke_lengths"][:-1]
    np.savez(tmp_path / "bad.npz", **parts)
    with pytest.raises(ValueError, match="not a pen-stroke file"):
        load_compact(tmp_path / "bad.npz")


def test_validation_writers_never_appear_in_training(shipped):
    training, validation = split_by_writer(shipped)
    assert training and validation
    assert {d.writer for d in validation} == VALIDATION_WRITERS
    assert not {d.writer for d in training} & VALIDATION_WRITERS
    assert len(training) + len(validation) == len(shipped)


def test_replays_cover_the_sizes_stay_on_the_board_and_repeat_with_their_seed(shipped):
    sample = shipped[::40]
    boards, labels = pen_boards(sample, seed=3)
    again, _ = pen_boards(sample, seed=3)
    assert np.array_equal(boards, again)
    assert np.array_equal(labels, [digit.label for digit in sample])
    heights = []
    for board in boards:
        rows = np.flatnonzero(board.any(axis=1))
        columns = np.flatnonzero(board.any(axis=0))
        heights.append(rows[-1] - rows[0] + 1)
        # The whole digit is on the board: the ink never runs into the edges.
        assert rows[0] > 0 and columns[0] > 0
        assert rows[-1] < BOARD_SIZE - 1 and columns[-1] < BOARD_SIZE - 1
    assert min(heights) < 80 and max(heights) > 240
    assert min(heights) >= BRUSH_SIZE


def test_a_small_replay_is_as_small_as_asked(shipped):
    rng = np.random.default_rng(0)
    for digit in shipped[:30]:
        board = draw_pen_digit(digit, rng, ink_heights=(60, 100))
        rows = np.flatnonzero(board.any(axis=1))
        columns = np.flatnonzero(board.any(axis=0))
        # The height asked for, unless the digit is so wide that its width had to shrink it.
        assert rows[-1] - rows[0] + 1 <= 100 + 2
        assert columns[-1] - columns[0] + 1 <= BOARD_SIZE
