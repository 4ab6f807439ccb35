"""One player's handwriting: digits with quirks that no style in the generator has.

The shipped model was trained on many ways of drawing each digit
(:mod:`mnist_arcade.practice.styles`), so to measure "teach it your handwriting" we need a player
whose digits it still misreads. This player is consistent, as people are, in two quirks:

* a **4 drawn like an h**: a tall stem, then from half way down an arch over to the right and
  straight down (the shipped model mostly reads a 6);
* a **7 with a big curl**: the stroke starts with a wide loop at the top left before the bar and
  the stem (mostly read as a 9).

The plans are the generator's own kind (:class:`~mnist_arcade.practice.styles.Style`: strokes in
a box one unit tall, made from its ``arc`` and ``line``), and every drawing goes through the
generator's :func:`~mnist_arcade.practice.styles.render` (random size, place, slant, aspect,
wobble, stroke order, quick or slow strokes; the game's 25 px brush on a real ``Board``) and the
game's preprocessing (:func:`~mnist_arcade.canvas.preprocess.to_network_input`). The player draws
with
strokes, not stamps (never *coarse*), and at least :data:`MIN_INK_HEIGHT` pixels tall: tinier
drawings are redrawn, as a player would.

Taught drawings and held-back drawings come from independent random streams
(:func:`~mnist_arcade.practice.styles.purpose_rng`: TRAINING and EVALUATION), so no held-back
drawing is one the network was taught.
"""

from __future__ import annotations

import numpy as np

from mnist_arcade.canvas.preprocess import to_network_input
from mnist_arcade.practice.style_plans import Style, arc, join, line
from mnist_arcade.practice.styles import Purpose, purpose_rng, render

MIN_INK_HEIGHT = 100  # pixels of the 300 px board: this player never draws tinier digits


def _u(rng: np.random.Generator, low: float, high: float) -> float:
    return float(rng.uniform(low, high))


def _four_like_h(rng: np.random.Generator) -> list[np.ndarray]:
    radius = _u(rng, 0.2, 0.28)
    shoulder = _u(rng, 0.45, 0.6) + radius * 0.6  # where the arch leaves the stem
    return [
        join(
            line((0.1, 0.0), (0.1, 1.0), (0.1, shoulder)),  # down the stem, back up to the arch
            arc(0.1 + radius, shoulder, radius, radius * 0.8, 180, 360),
            line((0.1 + 2 * radius, 1.0)),
        )
    ]


def _seven_big_curl(rng: np.random.Generator) -> list[np.ndarray]:
    size = _u(rng, 0.16, 0.24)
    return [
        join(
            arc(size, size, size, size, 60, -240),  # the curl, anticlockwise, then the bar
            line((2 * size + _u(rng, 0.35, 0.45), 0.0), (_u(rng, 0.3, 0.5), 1.0)),
        )
    ]


PERSONAL_STYLES: tuple[Style, ...] = (
    Style(4, "like an h", _four_like_h),
    Style(7, "with a big curl", _seven_big_curl),
)
DIGITS = tuple(style.digit for style in PERSONAL_STYLES)


def personal_board(style: Style, rng: np.random.Generator) -> np.ndarray:
    """One 300x300 board in ``style``, drawn with strokes, at least MIN_INK_HEIGHT px tall."""
    while True:
        board = render(style, rng, coarse=False)
        rows = np.flatnonzero(board.any(axis=1))
        if len(rows) and rows[-1] - rows[0] + 1 >= MIN_INK_HEIGHT:
            return board


def personal_digits(per_style: int, purpose: Purpose, seed: int = 0):
    """``per_style`` drawings of every personal style, styles in turn, as the network reads
    them: (inputs (N, 28, 28) float32 in [0, 1], labels (N,) int64)."""
    rng = purpose_rng(purpose, seed)
    count = per_style * len(PERSONAL_STYLES)
    inputs = np.empty((count, 28, 28), dtype=np.float32)
    labels = np.empty(count, dtype=np.int64)
    for i in range(count):
        style = PERSONAL_STYLES[i % len(PERSONAL_STYLES)]
        inputs[i] = to_network_input(personal_board(style, rng))
        labels[i] = style.digit
    return inputs, labels


def taught_and_held_back(taught: int, held_back: int, seed: int = 0):
    """The player's digit book (``taught`` drawings in all, the styles in turn) and
    ``held_back`` further drawings of the same styles from an independent stream."""
    per_taught = -(-taught // len(PERSONAL_STYLES))
    per_held = -(-held_back // len(PERSONAL_STYLES))
    book = personal_digits(per_taught, Purpose.TRAINING, seed)
    held = personal_digits(per_held, Purpose.EVALUATION, seed)
    return (book[0][:taught], book[1][:taught]), held
