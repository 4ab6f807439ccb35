"""Synthetic board drawings in the styles people use and MNIST rarely has. Pure numpy.

MNIST was written with pens by American census staff and students; a player draws with a mouse
and a 25 px square brush, and often in another tradition: a 1 with a flag and a foot, a 7 with a
bar or drawn like a Z, a 4 closed at the top, a 9 with a straight or hooked stem. This module
writes such digits so the network can learn them.

* :data:`~mnist_arcade.practice.style_plans.STYLES` holds several stroke plans per digit
  (:mod:`mnist_arcade.practice.style_plans`).
* :func:`render` replays a plan on a :class:`~mnist_arcade.canvas.board.Board` at a random height
  (60-280 px of ink), position, slant, aspect and wobble, fast (a few straight segments) or
  slow, in a random stroke order and direction; or, for *coarse* digits, as a handful of brush
  stamps on a grid, the way someone clicks squares.
* :func:`place_strokes` and :func:`stamp_strokes` put any strokes on the board the same way;
  real pen strokes (:mod:`mnist_arcade.practice.pen_strokes`) and things that are not digits
  (:mod:`mnist_arcade.practice.non_digits`) use them too.

Every random choice comes from one ``numpy.random.Generator``; :func:`purpose_rng` derives
independent generators for training, validation and evaluation, so evaluation drawings are
never drawn with a seed training used.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from enum import Enum

import numpy as np

from mnist_arcade.canvas.board import BOARD_SIZE, BRUSH_SIZE, Board
from mnist_arcade.practice.style_plans import Strokes, Style, styles_of

INK_HEIGHTS = (60, 280)  # a drawing's height on the board, ink included, in pixels
SLANT_DEGREES = (-12.0, 22.0)  # shear: people lean digits to the right more often than left
ROTATION_DEGREES = 8.0  # plus a small rotation either way
ASPECT_JITTER = (0.75, 1.3)  # the plan's width is stretched by this factor
FAST_SHARE = 0.35  # drawings made with quick strokes: a few straight segments
COARSE_SHARE = 0.15  # drawings made of separate stamps on a grid
COARSE_ROWS = (5, 11)  # a coarse digit's height, in grid cells
STEP = 0.02  # spacing of a plan's points, in units of the digit's height


class Purpose(Enum):
    """Which job a random stream serves; each gets its own, so seeds never overlap."""

    TRAINING = 1
    VALIDATION = 2
    EVALUATION = 3


def purpose_rng(purpose: Purpose, seed: int = 0) -> np.random.Generator:
    """An independent generator for ``purpose``: the same seed gives different streams."""
    return np.random.default_rng([purpose.value, seed])


# ----- rendering --------------------------------------------------------------------------------


def resample(stroke: np.ndarray, spacing: float) -> np.ndarray:
    """Evenly spaced points along a polyline, ``spacing`` apart (end points kept)."""
    lengths = np.hypot(*np.diff(stroke, axis=0).T)
    distance = np.r_[0.0, np.cumsum(lengths)]
    if distance[-1] <= 0:
        return stroke[:1]
    wanted = np.linspace(0.0, distance[-1], max(2, int(distance[-1] / spacing) + 1))
    return np.stack(
        [np.interp(wanted, distance, stroke[:, 0]), np.interp(wanted, distance, stroke[:, 1])],
        axis=1,
    )


def wobble(points: np.ndarray, rng: np.random.Generator, amount: float) -> np.ndarray:
    """A slow hand tremor: two random low-frequency waves along the stroke, plus jitter."""
    t = np.linspace(0.0, 1.0, len(points))[:, None]
    frequency = rng.uniform(0.5, 2.5, (1, 2))
    phase = rng.uniform(0, 2 * math.pi, (1, 2))
    return (
        points
        + amount * np.sin(2 * math.pi * frequency * t + phase)
        + rng.normal(0, amount * 0.15, points.shape)
    )


def _fast(points: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A quick stroke: the mouse reports only a few positions, joined by straight lines."""
    length = float(np.hypot(*np.diff(points, axis=0).T).sum())  # in digit heights
    count = int(rng.integers(3, 7)) + int(2 * length)  # a loop needs a few more corners
    keep = np.unique(np.round(np.linspace(0, len(points) - 1, count)).astype(int))
    return points[keep]


def place_strokes(
    strokes: Strokes, rng: np.random.Generator, board_size: int, ink_height: float
) -> Strokes:
    """Scale, shear, rotate and move the plan's strokes onto the board, in pixels."""
    every = np.concatenate(strokes)
    low, high = every.min(axis=0), every.max(axis=0)
    height = max(ink_height - BRUSH_SIZE, 8.0)  # centre-line height: the brush adds its width
    scale = height / max(high[1] - low[1], 1e-6)
    stretch = rng.uniform(*ASPECT_JITTER)
    shear = math.tan(math.radians(rng.uniform(*SLANT_DEGREES)))
    turn = math.radians(rng.uniform(-ROTATION_DEGREES, ROTATION_DEGREES))
    rotation = np.array([[math.cos(turn), -math.sin(turn)], [math.sin(turn), math.cos(turn)]])
    placed = []
    for stroke in strokes:
        xy = (stroke - low) * scale
        xy[:, 0] = xy[:, 0] * stretch + (height - xy[:, 1]) * shear
        placed.append(xy @ rotation.T)
    every = np.concatenate(placed)
    low, high = every.min(axis=0), every.max(axis=0)
    size = high - low
    fit = min(1.0, (board_size - BRUSH_SIZE - 2) / max(size.max(), 1e-6))  # never off the board
    margin = BRUSH_SIZE / 2 + 1
    room = np.maximum(board_size - 2 * margin - size * fit, 0.0)
    offset = margin + rng.uniform(0.0, 1.0, 2) * room
    return [(xy - low) * fit + offset for xy in placed]


def stamp_strokes(board: Board, strokes: Strokes) -> None:
    for stroke in strokes:
        points = np.round(stroke).astype(int)
        board.begin_stroke(int(points[0, 0]), int(points[0, 1]))
        for x, y in points[1:]:
            board.continue_stroke(int(x), int(y))
        board.end_stroke()


def _stamp_grid(board: Board, strokes: Strokes, rng: np.random.Generator, cell: float) -> None:
    """Coarse digit: every grid cell the strokes pass through gets one brush stamp."""
    origin = rng.uniform(0, cell, 2)
    dense = np.concatenate([resample(stroke, cell / 4) for stroke in strokes])
    cells = np.unique(np.floor((dense - origin) / cell).astype(int), axis=0)
    for column, row in cells:
        x, y = origin + (np.array([column, row]) + 0.5) * cell
        board.stamp(round(float(x)), round(float(y)))


def render(
    style: Style,
    rng: np.random.Generator,
    *,
    coarse: bool | None = None,
    board_size: int = BOARD_SIZE,
) -> np.ndarray:
    """Draw one digit in ``style`` on a fresh board; return its (size, size) uint8 pixels.

    ``coarse`` None picks at random (:data:`COARSE_SHARE` of drawings are coarse).
    """
    strokes = [np.asarray(stroke, dtype=np.float64) for stroke in style.plan(rng)]
    order = rng.permutation(len(strokes))
    strokes = [strokes[i][::-1] if rng.random() < 0.3 else strokes[i] for i in order]
    strokes = [resample(stroke, STEP) for stroke in strokes]
    tremor = rng.uniform(0.0, 0.03)
    strokes = [wobble(stroke, rng, tremor) for stroke in strokes]
    if rng.random() < FAST_SHARE:
        strokes = [_fast(stroke, rng) for stroke in strokes]
    if coarse is None:
        coarse = rng.random() < COARSE_SHARE
    board = Board(board_size)
    if coarse:  # a grid of brush-sized cells, the digit 5 to 11 cells tall
        cell = BRUSH_SIZE * rng.uniform(0.9, 1.1)
        ink_height = min(rng.integers(COARSE_ROWS[0], COARSE_ROWS[1] + 1) * cell, INK_HEIGHTS[1])
        _stamp_grid(board, place_strokes(strokes, rng, board_size, ink_height), rng, cell)
    else:
        stamp_strokes(board, place_strokes(strokes, rng, board_size, rng.uniform(*INK_HEIGHTS)))
    return board.pixels


def style_drawings(count: int, rng: np.random.Generator) -> Iterator[tuple[np.ndarray, int]]:
    """``count`` (board, digit) pairs, digits in turn (0, 1, ..., 9, 0, ...), each in a random
    style of its digit. One board at a time, so thousands never sit in memory together."""
    by_digit = {digit: styles_of(digit) for digit in range(10)}
    for i in range(count):
        choices = by_digit[i % 10]
        yield render(choices[rng.integers(len(choices))], rng), i % 10


def style_set(count: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """``count`` boards from :func:`style_drawings`: (boards (count, 300, 300) uint8, labels)."""
    boards = np.zeros((count, BOARD_SIZE, BOARD_SIZE), dtype=np.uint8)
    for i, (board, _digit) in enumerate(style_drawings(count, rng)):
        boards[i] = board
    return boards, np.arange(count) % 10
