"""Digits drawn as a player draws them: mouse strokes, replayed through the game's own brush.

Each digit 0-9 has two or three stroke plans, written by hand the way people move a mouse
(a 4 drawn open or closed, a 7 with or without a bar, a 1 with or without a flag). Each plan is
a list of strokes; each stroke a list of (x, y) points in a unit box, x to the right and y
down. ``draw_hand_digit`` replays a plan on a :class:`Board` at a random size, slant, aspect
and place, with a little wobble, so the set tests what a player's digit looks like: blocky
25 px stamps, off-centre, too big or too small.
"""

from __future__ import annotations

import math

import numpy as np

from mnist_arcade.canvas.board import BOARD_SIZE, Board

Stroke = list[tuple[float, float]]


def _arc(cx, cy, rx, ry, start_degrees, end_degrees, points=14) -> Stroke:
    """Points along an ellipse arc; angles clockwise from 3 o'clock (y grows downwards)."""
    angles = np.radians(np.linspace(start_degrees, end_degrees, points))
    return [(cx + rx * math.cos(a), cy + ry * math.sin(a)) for a in angles]


PLANS: dict[int, list[list[Stroke]]] = {
    0: [[_arc(0.5, 0.5, 0.42, 0.48, -90, 275, 24)], [_arc(0.5, 0.5, 0.36, 0.5, 250, -100, 24)]],
    1: [
        [[(0.5, 0.0), (0.5, 1.0)]],
        [[(0.25, 0.2), (0.55, 0.0), (0.55, 1.0)]],
        [[(0.3, 0.22), (0.55, 0.0), (0.55, 1.0)], [(0.3, 1.0), (0.8, 1.0)]],
    ],
    2: [
        [_arc(0.5, 0.3, 0.4, 0.3, 200, 380, 10) + [(0.05, 1.0), (0.95, 1.0)]],
        [_arc(0.5, 0.28, 0.42, 0.28, 180, 400, 12) + [(0.1, 0.95), (0.2, 0.88), (0.95, 0.98)]],
    ],
    3: [
        [_arc(0.5, 0.27, 0.4, 0.25, 200, 450, 12) + _arc(0.5, 0.73, 0.45, 0.27, -90, 160, 12)],
        [[(0.1, 0.0), (0.9, 0.0), (0.4, 0.42)] + _arc(0.5, 0.7, 0.45, 0.3, -80, 160, 12)],
    ],
    4: [
        [[(0.6, 0.0), (0.05, 0.65), (0.95, 0.65)], [(0.7, 0.3), (0.7, 1.0)]],
        [[(0.15, 0.0), (0.1, 0.55), (0.9, 0.55)], [(0.75, 0.0), (0.75, 1.0)]],
    ],
    5: [
        [[(0.9, 0.0), (0.2, 0.0), (0.15, 0.42)] + _arc(0.5, 0.68, 0.42, 0.32, -120, 150, 14)],
        [
            [(0.2, 0.0), (0.15, 0.45)] + _arc(0.5, 0.7, 0.4, 0.3, -130, 160, 14),
            [(0.2, 0.0), (0.9, 0.0)],
        ],
    ],
    6: [
        [[(0.75, 0.0), (0.35, 0.3), (0.12, 0.65)] + _arc(0.5, 0.72, 0.38, 0.28, 180, 540, 18)],
        [_arc(0.9, 0.55, 0.75, 0.55, 260, 180, 8) + _arc(0.5, 0.75, 0.35, 0.25, 180, 530, 16)],
    ],
    7: [
        [[(0.05, 0.0), (0.95, 0.0), (0.35, 1.0)]],
        [[(0.05, 0.05), (0.95, 0.0), (0.45, 1.0)], [(0.35, 0.5), (0.85, 0.5)]],
    ],
    8: [
        [
            _arc(0.5, 0.25, 0.32, 0.25, 0, -180, 10)
            + _arc(0.5, 0.73, 0.42, 0.27, 180, 540, 18)
            + _arc(0.5, 0.25, 0.32, 0.25, 180, 0, 10)
        ],
        [_arc(0.5, 0.25, 0.35, 0.25, 0, 360, 16), _arc(0.5, 0.74, 0.43, 0.26, 0, 360, 16)],
    ],
    9: [
        [_arc(0.5, 0.3, 0.4, 0.3, 0, 375, 18) + [(0.9, 0.3), (0.85, 1.0)]],
        [_arc(0.45, 0.28, 0.4, 0.28, -20, 360, 18) + [(0.85, 0.25), (0.55, 1.0)]],
    ],
}


def draw_hand_digit(
    plan: list[Stroke], rng: np.random.Generator, board_size: int = BOARD_SIZE
) -> np.ndarray:
    """Replay a stroke plan on a fresh board, at a random size, slant, aspect and position."""
    board = Board(board_size)
    height = rng.uniform(110, 260)
    width = height * rng.uniform(0.5, 0.8)
    slant = math.radians(rng.uniform(-12, 12))
    margin = board.brush
    left = rng.uniform(margin, max(margin, board_size - margin - width - height * 0.2))
    top = rng.uniform(margin, max(margin, board_size - margin - height))
    for stroke in plan:
        points = np.asarray(stroke, dtype=np.float64)
        xs = left + points[:, 0] * width + (1 - points[:, 1]) * height * math.tan(slant)
        ys = top + points[:, 1] * height
        xs += rng.normal(0, 2.0, len(xs))
        ys += rng.normal(0, 2.0, len(ys))
        board.begin_stroke(round(xs[0]), round(ys[0]))
        for x, y in zip(xs[1:], ys[1:], strict=True):
            board.continue_stroke(round(x), round(y))
        board.end_stroke()
    return board.pixels


def hand_drawn_set(per_digit: int = 30, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """``per_digit`` boards of every digit, cycling through its plans; (boards, labels)."""
    rng = np.random.default_rng(seed)
    boards, labels = [], []
    for digit, plans in PLANS.items():
        for i in range(per_digit):
            boards.append(draw_hand_digit(plans[i % len(plans)], rng))
            labels.append(digit)
    return np.stack(boards), np.asarray(labels)
