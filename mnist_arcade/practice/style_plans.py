"""Stroke plans: several ways of drawing each digit, as people draw them and MNIST rarely has.

A plan is a function of a random generator (so a flag's length or a loop's size vary too)
returning strokes; a stroke is an (n, 2) array of (x, y) points, x to the right and y down, the
digit about one unit tall. :data:`STYLES` lists every plan with its digit and a name;
:mod:`mnist_arcade.practice.styles` replays them through the game's brush. Pure numpy.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

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
