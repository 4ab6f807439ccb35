"""Real people's pen strokes (UCI pendigits, 30 writers), replayed through the game's own brush.

The pendigits collection holds each digit as the trajectory of a pen on a tablet, stroke by
stroke, with the pen lifts kept, and the number of the writer who drew it. These are the closest
thing to players drawing with a mouse: a 1 with a flag and a foot, a barred 7, a 9 whose stem
curves at the bottom, drawn by people who never saw this game.

* :func:`parse_unipen` reads the collection's UNIPEN text (``.SEGMENT`` / ``.COMMENT label
  writer points`` / ``.PEN_DOWN`` / points / ``.PEN_UP``) into :class:`PenDigit` values, with
  y turned to grow downward as on the board.
* :func:`split_by_writer` holds out whole writers, so validation never sees a writer training
  saw (:data:`VALIDATION_WRITERS`).
* :func:`save_compact` / :func:`load_compact` keep a compact derived copy: each digit scaled
  into 0-255 and stored as uint8 points, so the game can ship a small subset in ``data/``.
* :func:`draw_pen_digit` replays one digit through a :class:`~mnist_arcade.canvas.board.Board`
  at a chosen or random height (45-280 px of ink), place, slant and aspect, as a player would
  draw it with the mouse.

Pure numpy: no pygame, no TensorFlow.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mnist_arcade.canvas.board import BOARD_SIZE, Board
from mnist_arcade.practice.styles import place_strokes, stamp_strokes

WRITERS = range(1, 31)  # the collection's training half: writers 1 to 30
VALIDATION_WRITERS = frozenset(range(25, 31))  # held out whole, as the collection's notes advise
INK_HEIGHTS = (45, 280)  # a replayed digit's height on the board, ink included, in pixels
SMALL_INK_HEIGHTS = (60, 100)  # "drawn small": common on a 300 px board, hard for the brush
LARGE_INK_HEIGHTS = (150, 230)  # "drawn about 190 px tall": how the held-out writers are read
COMPACT_SCALE = 255  # compact files store each digit's points scaled into 0..255 (uint8)

_COMMENT = re.compile(r"\.COMMENT\s+(\d)\s+(\d+)\s+(\d+)")
_LABEL = re.compile(r'\.SEGMENT\s+DIGIT\s+\S+\s+\S+\s+"(\d)"')  # the segment may be "6-7"


@dataclass(frozen=True)
class PenDigit:
    """One digit as its writer drew it: strokes of (x, y) points, y growing downward."""

    label: int
    writer: int
    strokes: tuple[np.ndarray, ...]  # each (n, 2) float64; pen lifts between them

    def __repr__(self) -> str:
        points = sum(len(stroke) for stroke in self.strokes)
        return (
            f"PenDigit({self.label}, writer {self.writer}, {len(self.strokes)} strokes, "
            f"{points} points)"
        )


def parse_unipen(text: str) -> list[PenDigit]:
    """Every digit in a UNIPEN text, in file order.

    A digit whose label line and comment disagree, or that has no stroke, is a broken file:
    ``ValueError`` says where, rather than a quietly wrong training set.
    """
    digits: list[PenDigit] = []
    label = writer = None
    strokes: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] | None = None

    def finish(line_number: int) -> None:
        if label is None:
            return
        if writer is None or not any(strokes):
            raise ValueError(f"pen strokes, line {line_number}: a digit without writer or strokes")
        pieces = tuple(
            np.array(stroke, dtype=np.float64) * (1.0, -1.0) for stroke in strokes if stroke
        )
        digits.append(PenDigit(label, writer, pieces))

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith(".SEGMENT"):
            finish(number)
            match = _LABEL.match(line)
            if not match:
                raise ValueError(f"pen strokes, line {number}: cannot read the digit's label")
            label, writer, strokes, current = int(match[1]), None, [], None
        elif line.startswith(".COMMENT"):
            match = _COMMENT.match(line)
            if match and label is not None:
                if int(match[1]) != label:
                    raise ValueError(f"pen strokes, line {number}: label {match[1]} != {label}")
                writer = int(match[2])
        elif line.startswith(".PEN_DOWN"):
            current = []
            strokes.append(current)
        elif line.startswith(".PEN_UP"):
            current = None
        elif line[0] != "." and current is not None:
            x, y = line.split()[:2]
            current.append((float(x), float(y)))
    finish(len(text.splitlines()))
    return digits


def read_unipen(path: str | os.PathLike) -> list[PenDigit]:
    """The digits of a UNIPEN file such as ``pendigits-orig.tra``."""
    return parse_unipen(Path(path).read_text(encoding="ascii", errors="replace"))


def read_pen_digits(path: str | os.PathLike | None = None) -> list[PenDigit]:
    """Pen digits from ``path``: a compact ``.npz`` (:func:`load_compact`) or the UNIPEN text
    (``pendigits-orig.tra``); without a path, the half the game ships in ``data/``."""
    if path is None:
        from mnist_arcade import paths

        return load_compact(paths.shipped_pen_strokes_path())
    if Path(path).suffix == ".npz":
        return load_compact(path)
    return read_unipen(path)


def split_by_writer(
    digits: Iterable[PenDigit], validation_writers: frozenset[int] = VALIDATION_WRITERS
) -> tuple[list[PenDigit], list[PenDigit]]:
    """(training, validation): whole writers on one side or the other, never both."""
    training, validation = [], []
    for digit in digits:
        (validation if digit.writer in validation_writers else training).append(digit)
    return training, validation


def _to_compact(digit: PenDigit) -> np.ndarray:
    """The digit's points scaled into 0..255 keeping its aspect, as uint8 (x, y) pairs."""
    every = np.concatenate(digit.strokes)
    low = every.min(axis=0)
    extent = max(float((every.max(axis=0) - low).max()), 1e-6)
    return np.round((every - low) * (COMPACT_SCALE / extent)).astype(np.uint8)


def save_compact(digits: Sequence[PenDigit], file: str | os.PathLike | io.BufferedIOBase) -> None:
    """Write ``digits`` as one small ``.npz``: every point as uint8, with stroke and digit
    boundaries, labels and writers (``load_compact`` reads it back)."""
    points = [_to_compact(digit) for digit in digits]
    stroke_lengths = [len(stroke) for digit in digits for stroke in digit.strokes]
    np.savez_compressed(
        file,
        points=np.concatenate(points) if points else np.zeros((0, 2), np.uint8),
        stroke_lengths=np.array(stroke_lengths, dtype=np.int32),
        strokes_per_digit=np.array([len(digit.strokes) for digit in digits], dtype=np.int32),
        labels=np.array([digit.label for digit in digits], dtype=np.uint8),
        writers=np.array([digit.writer for digit in digits], dtype=np.uint8),
    )


def load_compact(path: str | os.PathLike) -> list[PenDigit]:
    """Read a file written by :func:`save_compact`; ``ValueError`` if its parts disagree."""
    with np.load(path, allow_pickle=False) as archive:
        points = archive["points"].astype(np.float64)
        stroke_lengths = archive["stroke_lengths"]
        per_digit = archive["strokes_per_digit"]
        labels, writers = archive["labels"], archive["writers"]
    if (
        points.ndim != 2
        or points.shape[1:] != (2,)
        or stroke_lengths.sum() != len(points)
        or per_digit.sum() != len(stroke_lengths)
        or not len(labels) == len(writers) == len(per_digit)
        or (stroke_lengths < 1).any()
        or (labels > 9).any()
    ):
        raise ValueError(f"{path} is not a pen-stroke file written by save_compact")
    strokes = np.split(points, np.cumsum(stroke_lengths)[:-1])
    starts = np.r_[0, np.cumsum(per_digit)]
    return [
        PenDigit(int(labels[i]), int(writers[i]), tuple(strokes[starts[i] : starts[i + 1]]))
        for i in range(len(labels))
    ]


def draw_pen_digit(
    digit: PenDigit,
    rng: np.random.Generator,
    ink_heights: tuple[float, float] = INK_HEIGHTS,
    board_size: int = BOARD_SIZE,
) -> np.ndarray:
    """Replay ``digit`` on a fresh board with the game's brush; return its uint8 pixels.

    Its height (ink included) is drawn from ``ink_heights``; the slant, aspect, small rotation
    and place on the board are random as in the style drawings, and the whole digit always
    stays on the board, as a player keeps it.
    """
    board = Board(board_size)
    placed = place_strokes(list(digit.strokes), rng, board_size, rng.uniform(*ink_heights))
    stamp_strokes(board, placed)
    return board.pixels


def pen_boards(
    digits: Sequence[PenDigit],
    seed: int,
    ink_heights: tuple[float, float] = INK_HEIGHTS,
) -> tuple[np.ndarray, np.ndarray]:
    """Every digit replayed once: (boards (n, 300, 300) uint8, labels (n,)); ``seed`` decides
    every size, place and slant, so the same call draws the same boards."""
    rng = np.random.default_rng(seed)
    boards = np.zeros((len(digits), BOARD_SIZE, BOARD_SIZE), dtype=np.uint8)
    for i, digit in enumerate(digits):
        boards[i] = draw_pen_digit(digit, rng, ink_heights)
    return boards, np.array([digit.label for digit in digits], dtype=np.int64)
