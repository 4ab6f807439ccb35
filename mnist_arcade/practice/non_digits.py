"""Things that are not digits (scribbles, blobs, lines, crosses, letter-like shapes), drawn with
the game's brush, so the network can be taught to be unsure on them (outlier exposure) and the
game measured on how rarely it answers them with confidence. Pure numpy.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from enum import Enum

import numpy as np

from mnist_arcade.canvas.board import BOARD_SIZE, BRUSH_SIZE, Board
from mnist_arcade.practice.style_plans import Strokes, line
from mnist_arcade.practice.styles import INK_HEIGHTS, resample, stamp_strokes, wobble


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
    scaled = [wobble(resample(s, 4.0), rng, rng.uniform(0, 4.0)) @ rotation.T for s in scaled]
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
