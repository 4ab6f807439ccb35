"""Digits drawn the way the game draws them: 25 px square stamps on a 300x300 board.

A player's digit is not an MNIST digit: it is made of blocky brush stamps, often off-centre, too
big or too small. To measure the model on such digits, MNIST test digits are thinned to their
centre line (Zhang-Suen thinning, at four times their resolution so the line stays where the
pen went) and redrawn with the game's own :class:`Board` brush at a random size and position,
whole on the board as a player would draw it. ``scale_onto_board`` is the plainer variant: the
MNIST digit simply enlarged onto the board. Pure numpy and Pillow.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from mnist_arcade.canvas.board import BOARD_SIZE, Board

INK_LEVEL = 100  # MNIST pixels above this count as stroke when thinning
DRAWN_HEIGHTS = (110, 270)  # the digit's height on the board, in pixels, chosen at random
SMALL_HEIGHTS = (60, 100)  # drawn small: the brush strokes are a third of the digit's height
FINE = 4  # a digit is thinned at four times its resolution (see centre_line)
NEIGHBOURS = ((-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1))  # P2..P9


def _thinning_pass(image: np.ndarray, first: bool) -> bool:
    """One Zhang-Suen sub-iteration, in place; True if any pixel was removed."""
    padded = np.pad(image, 1)
    p = [
        padded[1 + dr : padded.shape[0] - 1 + dr, 1 + dc : padded.shape[1] - 1 + dc]
        for dr, dc in NEIGHBOURS
    ]
    count = sum(n.astype(np.int8) for n in p)
    transitions = sum(((p[i] == 0) & (p[(i + 1) % 8] == 1)).astype(np.int8) for i in range(8))
    if first:
        side = (p[0] * p[2] * p[4] == 0) & (p[2] * p[4] * p[6] == 0)
    else:
        side = (p[0] * p[2] * p[6] == 0) & (p[0] * p[4] * p[6] == 0)
    remove = (image == 1) & (count >= 2) & (count <= 6) & (transitions == 1) & side
    image[remove] = 0
    return bool(remove.any())


def thin(mask: np.ndarray) -> np.ndarray:
    """Zhang-Suen thinning: a boolean stroke mask -> its one-pixel-wide centre line."""
    image = (np.asarray(mask) > 0).astype(np.uint8)
    while True:
        changed = _thinning_pass(image, True)
        changed = _thinning_pass(image, False) or changed
        if not changed:
            return image.astype(bool)


def centre_line(digit: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The (rows, columns) of a 28x28 digit's centre line, on a grid :data:`FINE` times finer
    than the digit's pixels: integers; fine index ``j`` lies at ``(j + 0.5) / FINE - 0.5`` in
    the digit's own pixel coordinates (the enlargement keeps pixel centres in place).

    The digit is enlarged smoothly and thinned there, not at 28x28: a redrawn digit is 4 to 10
    times larger than MNIST's, so every pixel-sized artefact of thinning at 28x28 (a corner
    moved by a pixel, a short thick end thinned away, a blob's centre line bent sideways) would
    become a stroke-sized mistake on the board: a 5 could lose its corner, a 3 its top. Thinned
    finely, the line stays where the pen went.
    """
    digit = np.asarray(digit, dtype=np.uint8)
    side = digit.shape[0] * FINE
    enlarged = np.asarray(Image.fromarray(digit, mode="L").resize((side, side), Image.BILINEAR))
    return np.nonzero(thin(enlarged > INK_LEVEL))


def draw_with_brush(
    digit: np.ndarray,
    rng: np.random.Generator,
    board_size: int = BOARD_SIZE,
    heights: tuple[float, float] = DRAWN_HEIGHTS,
) -> np.ndarray:
    """Redraw a 28x28 MNIST digit with the game's brush at a random size and place.

    ``heights`` is the range the centre line's height on the board is drawn from, in pixels;
    a digit that would not fit on the board at that size (too wide, or too tall) is drawn as
    large as fits, whole, as a player keeps a digit on the board.

    The centre line (:func:`centre_line`) is a chain of touching points; every two touching
    points become one brush stroke, so the result is made of the same interpolated 25 px
    stamps a mouse stroke makes.
    """
    board = Board(board_size)
    rows, cols = centre_line(digit)
    if rows.size == 0:
        return board.pixels
    margin = board.brush // 2 + 2
    room = board_size - 2 * margin  # a player keeps the whole digit on the board
    tall, wide = np.ptp(rows) + 1, np.ptp(cols) + 1
    scale = min(rng.uniform(*heights) / max(tall, 4 * FINE), room / tall, room / wide)
    height, width = tall * scale, wide * scale  # board pixels
    top = rng.uniform(margin, max(margin, board_size - margin - height))
    left = rng.uniform(margin, max(margin, board_size - margin - width))
    ys = np.round(top + (rows - rows.min()) * scale).astype(int).tolist()
    xs = np.round(left + (cols - cols.min()) * scale).astype(int).tolist()
    index = {point: i for i, point in enumerate(zip(rows.tolist(), cols.tolist(), strict=True))}
    for (r, c), i in index.items():
        board.begin_stroke(xs[i], ys[i])
        for dr, dc in ((0, 1), (1, -1), (1, 0), (1, 1)):  # each neighbour pair once
            j = index.get((r + dr, c + dc))
            if j is not None:
                board.begin_stroke(xs[i], ys[i])
                board.continue_stroke(xs[j], ys[j])
        board.end_stroke()
    return board.pixels


def scale_onto_board(digit: np.ndarray, board_size: int = BOARD_SIZE) -> np.ndarray:
    """Enlarge a 28x28 digit to fill the board (nearest neighbour), as uint8 pixels."""
    digit = np.asarray(digit, dtype=np.uint8)
    indices = np.arange(board_size) * digit.shape[0] // board_size
    return digit[np.ix_(indices, indices)]


def drawn_test_set(
    images: np.ndarray,
    count: int,
    seed: int = 0,
    heights: tuple[float, float] = DRAWN_HEIGHTS,
) -> tuple[np.ndarray, np.ndarray]:
    """Draw ``count`` digits chosen at random from ``images``; return (indices, boards)."""
    rng = np.random.default_rng(seed)
    chosen = rng.choice(len(images), size=min(count, len(images)), replace=False)
    boards = np.stack([draw_with_brush(images[i], rng, heights=heights) for i in chosen])
    return chosen, boards
