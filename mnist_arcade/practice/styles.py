"""Synthetic board drawings in the styles people use and MNIST rarely has. Pure numpy.

MNIST was written with pens by American census staff and students; a player draws with a mouse
and a 25 px square brush, and often in another tradition: a 1 with a flag and a foot, a 7 with a
bar or drawn like a Z, a 4 closed at the top, a 9 with a straight or hooked stem. This module
writes such digits so the network can learn them.

* :data:`STYLES` holds several stroke plans per digit. A plan is a function of a random
  generator (so a flag's length or a loop's size vary too) returning strokes; a stroke is an
  (n, 2) array of (x, y) points, x to the right and y down, the digit about one unit tall.
* :func:`render` replays a plan on a :class:`~mnist_arcade.canvas.board.Board` at a random height
  (60-280 px of ink), position, slant, aspect and wobble, fast (a few straight segments) or
  slow, in a random stroke order and direction; or, for *coarse* digits, as a handful of brush
  stamps on a grid, the way someone clicks squares.
* :func:`draw_non_digit` makes things that are not digits (scribbles, blobs, lines, crosses,
  letter-like shapes) for teaching the network to be unsure.

Every random choice comes from one ``numpy.random.Generator``; :func:`purpose_rng` derives
independent generators for training, validation and evaluation, so evaluation drawings are
never drawn with a seed training used.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum

import numpy as np

from mnist_arcade.canvas.board import BOARD_SIZE, BRUSH_SIZE, Board

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


Strokes = list[np.ndarray]
Plan = Callable[[np.random.Generator], Strokes]


@dataclass(frozen=True)
class Style:
    """One way of drawing a digit, e.g. ``Style(7, "barred", plan)``."""

    digit: int
    name: str
    plan: Plan

    def __repr__(self) -> str:
        return f"Style({self.digit}, {self.name!r})"


# ----- building blocks, in a box about one unit tall (y down) ---------------------------------


def arc(cx, cy, rx, ry, start_degrees, end_degrees) -> np.ndarray:
    """Points along an ellipse; angles clockwise from 3 o'clock (y grows downwards)."""
    count = max(3, int(abs(end_degrees - start_degrees) / 12) + 1)
    angles = np.radians(np.linspace(start_degrees, end_degrees, count))
    return np.stack([cx + rx * np.cos(angles), cy + ry * np.sin(angles)], axis=1)


def line(*points) -> np.ndarray:
    return np.asarray(points, dtype=np.float64)


def join(*parts) -> np.ndarray:
    return np.concatenate([np.asarray(part, dtype=np.float64) for part in parts])


def _u(rng, low, high):
    return float(rng.uniform(low, high))


# ----- the plans --------------------------------------------------------------------------------


def _zero_closed(rng):
    start = _u(rng, -120, -60)
    overshoot = _u(rng, 0, 40)
    loop = arc(0.33, 0.5, 0.3, 0.5, start, start + 360 + overshoot)
    return [loop if rng.random() < 0.6 else loop[::-1]]


def _zero_open(rng):
    gap = _u(rng, 25, 60)
    start = -90 + gap / 2 + _u(rng, -20, 20)
    return [arc(0.33, 0.5, 0.3, 0.5, start, start + 360 - gap)[:: rng.choice([-1, 1])]]


def _zero_narrow_tilted(rng):
    loop = arc(0.0, 0.0, 0.18, 0.5, -90, 280)
    tilt = math.radians(_u(rng, -20, 20))
    rotation = np.array([[math.cos(tilt), -math.sin(tilt)], [math.sin(tilt), math.cos(tilt)]])
    return [loop @ rotation.T + (0.3, 0.5)]


def _one_plain(rng):
    return [line((0.3, 0.0), (0.3 + _u(rng, -0.05, 0.05), 1.0))]


def _one_flag(rng):
    flag, drop = _u(rng, 0.12, 0.35), _u(rng, 0.08, 0.3)
    return [line((0.4 - flag, drop), (0.4, 0.0), (0.4, 1.0))]


def _one_flag_foot(rng):
    flag, drop, foot = _u(rng, 0.12, 0.35), _u(rng, 0.08, 0.3), _u(rng, 0.12, 0.3)
    return [
        line((0.4 - flag, drop), (0.4, 0.0), (0.4, 1.0)),
        line((0.4 - foot, 1.0), (0.4 + foot * _u(rng, 0.8, 1.2), 1.0)),
    ]


def _two_plain(rng):
    bottom = _u(rng, 0.6, 0.8)
    return [
        join(
            arc(0.35, 0.28, 0.32, 0.28, _u(rng, 170, 210), _u(rng, 370, 400)),
            line((0.03, 1.0), (bottom, 1.0 + _u(rng, -0.04, 0.04))),
        )
    ]


def _two_loop(rng):
    size = _u(rng, 0.06, 0.12)
    return [
        join(
            arc(0.35, 0.28, 0.32, 0.28, _u(rng, 170, 210), _u(rng, 370, 400)),
            arc(0.14, 0.98 - size, size, size, 330, 0),
            line((0.7, 0.98 + _u(rng, -0.04, 0.04))),
        )
    ]


def _two_angular(rng):
    return [
        line(
            (0.02, _u(rng, 0.1, 0.25)),
            (0.3, 0.0),
            (0.62, _u(rng, 0.12, 0.3)),
            (0.05, 1.0),
            (0.7, 1.0),
        )
    ]


def _three_round(rng):
    middle = _u(rng, 0.42, 0.55)
    return [
        join(
            arc(0.33, middle / 2, 0.3, middle / 2, _u(rng, 180, 215), 450),
            arc(0.33, (1 + middle) / 2, 0.33, (1 - middle) / 2, -90, _u(rng, 140, 175)),
        )
    ]


def _three_flat_top(rng):
    middle = _u(rng, 0.38, 0.5)
    return [
        join(
            line((0.02, 0.0), (0.62, 0.0), (0.25, middle)),
            arc(0.33, (1 + middle) / 2, 0.33, (1 - middle) / 2, -100, _u(rng, 140, 175)),
        )
    ]


def _four_open(rng):
    bar, top = _u(rng, 0.55, 0.72), _u(rng, 0.0, 0.35)
    return [
        line((0.42, 0.0), (0.0, bar), (0.72, bar)),
        line((0.55, top), (0.55 + _u(rng, -0.04, 0.04), 1.0)),
    ]


def _four_closed(rng):
    bar = _u(rng, 0.55, 0.72)
    return [line((0.5, 0.0), (0.0, bar), (0.72, bar)), line((0.5, 0.0), (0.5, 1.0))]


def _four_closed_one_stroke(rng):
    bar = _u(rng, 0.55, 0.72)
    return [line((0.5, 1.0), (0.5, 0.0), (0.0, bar), (0.72, bar))]


def _four_upright(rng):
    bar = _u(rng, 0.45, 0.62)
    return [line((0.05, 0.0), (0.03, bar), (0.72, bar)), line((0.55, 0.0), (0.55, 1.0))]


def _five_two_strokes(rng):
    neck = _u(rng, 0.38, 0.5)
    return [
        join(line((0.08, 0.0), (0.05, neck)), arc(0.32, 0.7, 0.3, 0.3, -150, _u(rng, 130, 165))),
        line((0.08, 0.0), (_u(rng, 0.55, 0.7), 0.0)),
    ]


def _five_one_stroke(rng):
    neck = _u(rng, 0.38, 0.5)
    return [
        join(
            line((_u(rng, 0.55, 0.7), 0.0), (0.08, 0.0), (0.05, neck)),
            arc(0.32, 0.7, 0.3, 0.3, -150, _u(rng, 130, 165)),
        )
    ]


def _six_classic(rng):
    return [
        join(
            line((0.55, 0.0), (0.25, 0.25), (0.04, 0.62)),
            arc(0.31, 0.72, 0.28, 0.28, 180, -_u(rng, 170, 210)),
        )
    ]


def _six_open(rng):
    return [
        join(
            arc(0.62, 0.6, 0.6, 0.6, -100, -180),
            arc(0.31, 0.72, 0.27, 0.27, 180, -_u(rng, 80, 140)),
        )
    ]


def _six_straight(rng):
    return [
        join(line((0.5, 0.0), (0.05, 0.7)), arc(0.3, 0.74, 0.25, 0.25, 180, -_u(rng, 160, 200)))
    ]


def _seven_plain(rng):
    return [line((0.0, 0.0), (0.7, 0.0), (_u(rng, 0.15, 0.4), 1.0))]


def _seven_barred(rng):
    foot = _u(rng, 0.15, 0.35)
    bar_y = _u(rng, 0.42, 0.58)
    stem_x = 0.7 + (foot - 0.7) * bar_y
    return [
        line((0.0, 0.0), (0.7, 0.0), (foot, 1.0)),
        line((stem_x - _u(rng, 0.15, 0.3), bar_y), (stem_x + _u(rng, 0.1, 0.25), bar_y)),
    ]


def _seven_z_like(rng):
    return [line((0.0, _u(rng, 0.12, 0.25)), (0.0, 0.0), (0.7, 0.0), (_u(rng, 0.15, 0.4), 1.0))]


def _seven_curved(rng):
    return [join(line((0.0, 0.0), (0.7, 0.0)), arc(-0.1, 0.05, 0.8, 0.95, -5, 75)[1:])]


def _eight_one_stroke(rng):
    # From the top loop's right side over the top, down through the waist, once round the
    # bottom loop, and back up to where it began: an S and a mirrored S.
    waist = _u(rng, 0.4, 0.5)
    top = (0.33, waist / 2, _u(rng, 0.2, 0.28), waist / 2)
    bottom = (0.33, (1 + waist) / 2, 0.32, (1 - waist) / 2)
    return [join(arc(*top, -10, -270), arc(*bottom, -90, 270), arc(*top, 90, _u(rng, -20, 10)))]


def _eight_two_loops(rng):
    waist = _u(rng, 0.4, 0.5)
    return [
        arc(0.33, waist / 2, _u(rng, 0.2, 0.28), waist / 2, 0, 370),
        arc(0.33, (1 + waist) / 2, 0.32, (1 - waist) / 2, 0, 370),
    ]


def _eight_figure(rng):
    # Two circles in one stroke, starting at the waist: the bottom one anticlockwise, then
    # the top one clockwise.
    waist = _u(rng, 0.4, 0.55)
    return [
        join(
            arc(0.33, (1 + waist) / 2, 0.32, (1 - waist) / 2, -90, -450),
            arc(0.33, waist / 2, _u(rng, 0.2, 0.3), waist / 2, 90, 450),
        )
    ]


def _nine_loop(rng, clockwise: bool):
    size = _u(rng, 0.38, 0.5)
    loop = arc(0.33, size / 2, 0.3, size / 2, 0, 360 + _u(rng, 0, 30))
    return (loop if clockwise else loop[::-1]), size


def _nine_straight(rng):
    loop, size = _nine_loop(rng, rng.random() < 0.3)
    return [join(loop, line((0.63, size / 2), (0.63 + _u(rng, -0.05, 0.02), 1.0)))]


def _nine_slanted(rng):
    loop, size = _nine_loop(rng, rng.random() < 0.3)
    return [join(loop, line((0.63, size / 2), (_u(rng, 0.3, 0.45), 1.0)))]


def _nine_curved(rng):
    loop, size = _nine_loop(rng, False)
    return [join(loop, arc(0.0, size / 2, 0.63, 1 - size / 2, 0, _u(rng, 60, 95)))]


def _nine_hooked(rng):
    loop, size = _nine_loop(rng, False)
    return [
        join(loop, line((0.63, size / 2), (0.63, 0.85)), arc(0.45, 0.85, 0.18, 0.15, 0, 160)[1:])
    ]


def _nine_two_strokes(rng):
    loop, size = _nine_loop(rng, rng.random() < 0.5)
    return [loop, line((0.63, _u(rng, 0.0, size / 2)), (0.6, 1.0))]


STYLES: tuple[Style, ...] = (
    Style(0, "closed", _zero_closed),
    Style(0, "open", _zero_open),
    Style(0, "narrow, tilted", _zero_narrow_tilted),
    Style(1, "plain", _one_plain),
    Style(1, "with flag", _one_flag),
    Style(1, "with flag and foot", _one_flag_foot),
    Style(2, "plain", _two_plain),
    Style(2, "with loop", _two_loop),
    Style(2, "angular", _two_angular),
    Style(3, "round", _three_round),
    Style(3, "flat top", _three_flat_top),
    Style(4, "open", _four_open),
    Style(4, "closed", _four_closed),
    Style(4, "closed, one stroke", _four_closed_one_stroke),
    Style(4, "upright", _four_upright),
    Style(5, "two strokes", _five_two_strokes),
    Style(5, "one stroke", _five_one_stroke),
    Style(6, "closed", _six_classic),
    Style(6, "open", _six_open),
    Style(6, "straight stem", _six_straight),
    Style(7, "plain", _seven_plain),
    Style(7, "barred", _seven_barred),
    Style(7, "Z-like", _seven_z_like),
    Style(7, "curved stem", _seven_curved),
    Style(8, "one stroke", _eight_one_stroke),
    Style(8, "two loops", _eight_two_loops),
    Style(8, "figure of eight", _eight_figure),
    Style(9, "straight stem", _nine_straight),
    Style(9, "slanted stem", _nine_slanted),
    Style(9, "curved stem", _nine_curved),
    Style(9, "hooked stem", _nine_hooked),
    Style(9, "two strokes", _nine_two_strokes),
)


def styles_of(digit: int) -> list[Style]:
    return [style for style in STYLES if style.digit == digit]


# ----- rendering --------------------------------------------------------------------------------


def _resample(stroke: np.ndarray, spacing: float) -> np.ndarray:
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


def _wobble(points: np.ndarray, rng: np.random.Generator, amount: float) -> np.ndarray:
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
    dense = np.concatenate([_resample(stroke, cell / 4) for stroke in strokes])
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
    strokes = [_resample(stroke, STEP) for stroke in strokes]
    wobble = rng.uniform(0.0, 0.03)
    strokes = [_wobble(stroke, rng, wobble) for stroke in strokes]
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


# ----- things that are not digits -------------------------------------------------------------


class NonDigit(Enum):
    SCRIBBLE = "scribble"
    BLOB = "blob"
    LINE = "line"
    CROSS = "cross"
    HASH = "hash"
    ZIGZAG = "zigzag"
    SPIRAL = "spiral"
    STAR = "star"
    WAVE = "wave"
    DOTS = "dots"


def _non_digit_strokes(kind: NonDigit, rng: np.random.Generator) -> Strokes:
    """Strokes in a unit box for a shape that is not a digit."""
    if kind is NonDigit.SCRIBBLE:
        return [rng.uniform(0, 1, (int(rng.integers(6, 16)), 2)) for _ in range(rng.integers(1, 3))]
    if kind is NonDigit.BLOB:
        turns = np.linspace(0, 2 * math.pi * rng.uniform(4, 8), 120)
        radius = np.linspace(0.5, 0.05, 120)
        return [np.stack([0.5 + radius * np.cos(turns), 0.5 + radius * np.sin(turns) * 0.8], 1)]
    if kind is NonDigit.LINE:  # lying or steep-diagonal: never an upright 1
        angle = math.radians(rng.choice([-1, 1]) * rng.uniform(0, 40))
        dx, dy = math.cos(angle) / 2, math.sin(angle) / 2
        return [line((0.5 - dx, 0.5 - dy), (0.5 + dx, 0.5 + dy))]
    if kind is NonDigit.CROSS:
        if rng.random() < 0.5:
            return [line((0, 0), (1, 1)), line((1, 0), (0, 1))]
        return [line((0.5, 0), (0.5, 1)), line((0, 0.5), (1, 0.5))]
    if kind is NonDigit.HASH:
        return [
            line((0.3, 0), (0.3, 1)),
            line((0.7, 0), (0.7, 1)),
            line((0, 0.3), (1, 0.3)),
            line((0, 0.7), (1, 0.7)),
        ]
    if kind is NonDigit.ZIGZAG:
        count = int(rng.integers(4, 9))
        xs = np.linspace(0, 1, count)
        ys = np.where(np.arange(count) % 2 == 0, 0.0, 1.0)
        points = np.stack([xs, ys], 1)
        return [points if rng.random() < 0.5 else points[:, ::-1]]
    if kind is NonDigit.SPIRAL:
        turns = np.linspace(0, 2 * math.pi * rng.uniform(2.2, 3.5), 150)
        radius = np.linspace(0.05, 0.5, 150)
        return [np.stack([0.5 + radius * np.cos(turns), 0.5 + radius * np.sin(turns)], 1)]
    if kind is NonDigit.STAR:
        angles = np.radians(-90 + 144 * np.arange(6))
        return [np.stack([0.5 + 0.5 * np.cos(angles), 0.5 + 0.5 * np.sin(angles)], 1)]
    if kind is NonDigit.WAVE:
        xs = np.linspace(0, 1, 60)
        ys = 0.5 + 0.25 * np.sin(xs * 2 * math.pi * rng.uniform(1.5, 3.5))
        return [np.stack([xs, ys], 1)]
    points = rng.uniform(0, 1, (int(rng.integers(3, 9)), 2))  # DOTS: separate taps
    return [point[None, :] for point in points]


def draw_non_digit(
    rng: np.random.Generator, kind: NonDigit | None = None, board_size: int = BOARD_SIZE
) -> np.ndarray:
    """A board with something that is not a digit on it, at a random size and place."""
    kind = kind or list(NonDigit)[rng.integers(len(NonDigit))]
    strokes = _non_digit_strokes(kind, rng)
    height = rng.uniform(*INK_HEIGHTS) - BRUSH_SIZE
    width = height * rng.uniform(0.6, 1.6)
    scaled = [stroke * (width, height) for stroke in strokes]
    turn = math.radians(rng.uniform(-15, 15))
    rotation = np.array([[math.cos(turn), -math.sin(turn)], [math.sin(turn), math.cos(turn)]])
    scaled = [_wobble(_resample(s, 4.0), rng, rng.uniform(0, 4.0)) @ rotation.T for s in scaled]
    every = np.concatenate(scaled)
    low, size = every.min(axis=0), np.ptp(every, axis=0)
    fit = min(1.0, (board_size - BRUSH_SIZE - 2) / max(size.max(), 1e-6))
    margin = BRUSH_SIZE / 2 + 1
    offset = margin + rng.uniform(0, 1, 2) * np.maximum(board_size - 2 * margin - size * fit, 0)
    board = Board(board_size)
    stamp_strokes(board, [(s - low) * fit + offset for s in scaled])
    return board.pixels


def non_digit_drawings(count: int, rng: np.random.Generator) -> Iterator[np.ndarray]:
    """``count`` boards of non-digits, the kinds in turn, one at a time."""
    kinds = list(NonDigit)
    for i in range(count):
        yield draw_non_digit(rng, kinds[i % len(kinds)])


def non_digit_set(count: int, rng: np.random.Generator) -> np.ndarray:
    """``count`` boards of non-digits, the kinds in turn: (count, 300, 300) uint8."""
    boards = np.zeros((count, BOARD_SIZE, BOARD_SIZE), dtype=np.uint8)
    for i, board in enumerate(non_digit_drawings(count, rng)):
        boards[i] = board
    return boards
