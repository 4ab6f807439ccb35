"""Turn board pixels into the 28x28 input the network reads. Pure numpy and Pillow.

Two methods, so a learner can compare them on the same drawing:

* ``Method.MNIST`` (:mod:`mnist_arcade.canvas.methods`) does what the makers of MNIST did to
  every digit: crop to the ink's bounding box, scale it to fit a 20x20 box keeping its aspect
  ratio (with anti-aliasing), then place it in a 28x28 field so that its centre of mass sits
  in the middle. Two steps are added:

  - for the game's brush: the brush is always 25 px wide, so a digit drawn small would arrive
    with strokes three times as thick as MNIST's. Before fitting, such a drawing is eroded
    (thinned) until its strokes will be about as wide as MNIST's after scaling
    (:func:`thin_to_mnist_width`): the same drawing, as if made with a narrower brush;
  - for the small network: the digit is stood upright (deskewed, :mod:`mnist_arcade.canvas.deskew`),
    so its weights need not learn every slant. MNIST's own digits are stood upright the same way
    (:func:`mnist_digits_as_input`) wherever the network reads them.
* ``Method.PLAIN`` is the TensorFlow.js tutorial's way: scale the whole board down to 28x28.

Both return float32 values in [0, 1] (pixel / 255), white ink on black, like MNIST.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from PIL import Image

from mnist_arcade.canvas.board import BRUSH_SIZE
from mnist_arcade.canvas.deskew import deskew, shear_rows, slants
from mnist_arcade.canvas.methods import Method
from mnist_arcade.errors import EmptyBoardError

MNIST_SIDE = 28  # the network's input is 28x28
DIGIT_BOX = 20  # MNIST digits were fitted into 20x20, then centred by mass in 28x28
INK_THRESHOLD = 32  # a pixel brighter than this (of 255) counts as ink
MNIST_STROKE_WIDTH = 2.8  # a typical MNIST stroke, in pixels of the 20x20 box (median ~2.7)


def ink_bounding_box(pixels: np.ndarray) -> tuple[int, int, int, int] | None:
    """Return (top, bottom, left, right), bottom/right exclusive, of the ink; None if blank."""
    return _mask_box(pixels > INK_THRESHOLD)


def _mask_box(ink: np.ndarray) -> tuple[int, int, int, int] | None:
    """:func:`ink_bounding_box` of a boolean mask, read cheaply: its first and
    last inked rows from the first and last set byte of its bytes (a ``memchr`` each, where
    ``ink.any(axis=1)`` ORs every row), then its columns on that band of rows only."""
    data = ink.tobytes()
    first = data.find(1)
    if first < 0:
        return None
    width = ink.shape[1]
    top, bottom = first // width, data.rfind(1) // width + 1
    cols = np.flatnonzero(ink[top:bottom].any(axis=0))
    return top, bottom, int(cols[0]), int(cols[-1]) + 1


def center_of_mass(image: np.ndarray) -> tuple[float, float]:
    """Intensity-weighted (row, column) centre in pixel-index coordinates."""
    total = float(image.sum())
    if total <= 0:
        raise EmptyBoardError("Nothing is drawn: there is no ink to centre.")
    return (
        float(_positions(image.shape[0]) @ image.sum(axis=1)) / total,
        float(_positions(image.shape[1]) @ image.sum(axis=0)) / total,
    )


@functools.cache
def _positions(length: int) -> np.ndarray:
    """0, 1, ... ``length - 1`` as float64: row or column numbers, made once per length."""
    return np.arange(length, dtype=np.float64)


def _as_grey_uint8(pixels: np.ndarray) -> np.ndarray:
    pixels = np.asarray(pixels)
    if pixels.ndim != 2:
        raise ValueError(f"Expected a 2-D greyscale image, got an array of shape {pixels.shape}.")
    if pixels.dtype != np.uint8:
        pixels = np.clip(pixels, 0, 255).astype(np.uint8)
    return pixels


def _resize(pixels: np.ndarray, width: int, height: int) -> np.ndarray:
    """Anti-aliased resize (Pillow's bilinear filter widens its support when shrinking).

    The bytes go to Pillow and back as raw buffers: ``Image.fromarray`` and ``np.asarray``
    make the same copies through the array interface, at a quarter of a P's preprocessing."""
    height_in, width_in = pixels.shape
    image = Image.frombuffer(
        "L", (width_in, height_in), np.ascontiguousarray(pixels), "raw", "L", 0, 1
    )
    resized = image.resize((width, height), Image.Resampling.BILINEAR)
    return np.frombuffer(resized.tobytes(), np.uint8).reshape(height, width)


def _run_lengths(lines: list[np.ndarray]) -> np.ndarray:
    """For every pixel of each of ``lines`` (boolean masks, one line of pixels a row), the
    length of the run of ink along its row it belongs to (0 off the ink): one (rows, 1 + widest)
    array with the masks stacked one under the other, each shifted one column right.

    The masks are laid end to end behind a column of paper each, so the flat array splits into
    stretches of paper and of ink that alternate, starting with paper; one ``np.repeat`` of each
    stretch's length (0 for paper) over the stretch writes every pixel's run at once.
    """
    widest = max(line.shape[1] for line in lines)
    stacked = np.zeros((sum(len(line) for line in lines), widest + 1), dtype=bool)
    row = 0
    for line in lines:
        stacked[row : row + len(line), 1 : line.shape[1] + 1] = line
        row += len(line)
    flat = stacked.reshape(-1)
    changes = np.flatnonzero(flat[1:] != flat[:-1])
    bounds = np.empty(changes.size + 2, dtype=np.int32)  # where every stretch begins, and the
    bounds[0], bounds[-1] = 0, flat.size  # end (not np.diff's prepend/append: slower here)
    np.add(changes, 1, out=bounds[1:-1])
    stretches = bounds[1:] - bounds[:-1]
    runs = stretches.copy()
    runs[0::2] = 0  # the paper stretches
    return np.repeat(runs, stretches).reshape(stacked.shape)


_WIDTH_SAMPLES = 4096  # about this many pixels are enough to read a stroke's width


def stroke_width(ink: np.ndarray) -> int:
    """The width of the brush that drew ``ink`` (a boolean mask), in pixels.

    Every pixel of a drawing made with a square w-pixel brush lies inside a fully inked w x w
    square, so its horizontal and its vertical runs of ink are both at least w long. The width
    is the smallest such run, taken at the 5th percentile so a few clipped pixels do not count.
    A large drawing is read at a grid of about 4,096 of its pixels: every run through them is
    still measured whole, so the width comes out within a pixel of an every-pixel reading (the
    same in 98% of held-out drawings), at a third of the cost.
    """
    if not ink.any():
        return 0
    step = max(1, int(np.sqrt(ink.size / _WIDTH_SAMPLES)))  # runs are measured in full, but
    sampled = ink[::step, ::step]
    if np.count_nonzero(sampled) < _WIDTH_SAMPLES // 16:
        step, sampled = 1, ink  # thin or sparse ink the grid would barely touch: every pixel
    across, down = ink[::step], ink[:, ::step].T  # every run along every step-th row and
    runs = _run_lengths([across, down])  # column is measured whole: the width is read where
    shortest = np.minimum(  # those rows and columns cross
        runs[: len(across), 1 : ink.shape[1] + 1 : step],
        runs[len(across) :, 1 : ink.shape[0] + 1 : step].T,
    )[sampled]
    fifth = int(0.05 * (len(shortest) - 1))  # the 5th percentile: the run that would stand
    return max(1, int(np.partition(shortest, fifth)[fifth]))  # there sorted (a partial sort)


def _window_all(ink: np.ndarray, size: int) -> np.ndarray:
    """Whether all of ``size`` consecutive rows of ``ink`` are inked, from each row on: the
    AND of windows twice as long each step (1, 2, 4, ...), then of two overlapping ones."""
    span = 1
    while span * 2 <= size:
        ink = ink[:-span] & ink[span:]
        span *= 2
    if span < size:
        ink = ink[: len(ink) - (size - span)] & ink[size - span :]
    return ink


def _erode(ink: np.ndarray, size: int) -> np.ndarray:
    """Binary erosion by a ``size`` x ``size`` square (separable; outside the image is paper):
    a pixel is kept if the square from ``(size - 1) // 2`` before it to ``size // 2`` after,
    down and across, is all ink. The mask is padded with paper once, for both directions."""
    before = (size - 1) // 2
    height, width = ink.shape
    padded = np.zeros((height + size - 1, width + size - 1), dtype=bool)
    padded[before : before + height, before : before + width] = ink
    return _window_all(_window_all(padded, size).T, size).T


def thin_to_mnist_width(pixels: np.ndarray) -> np.ndarray:
    """Erode a cropped drawing so that, once fitted into 20x20, its strokes are MNIST-wide.

    A drawing made with a w px square brush, eroded by a k x k square, is the same drawing made
    with a (w - k + 1) px brush, and its bounding box shrinks by k - 1. The new width w' is
    chosen so that w' * 20 / (box - w + w') is :data:`MNIST_STROKE_WIDTH`. Large drawings (whose
    strokes are already thin enough once scaled down) and thin-lined images are left as they
    are, and so are filled shapes wider than the game's brush: they are areas, not strokes.
    Erosion never removes a whole stroke.
    """
    return _thinned(pixels, pixels > INK_THRESHOLD)[0]


def _thinned(pixels: np.ndarray, ink: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """:func:`thin_to_mnist_width` of ``pixels`` whose ink mask is ``ink``, and the mask of the
    ink it kept (None if it kept ``pixels`` as they are): its box is the thinned ink's box."""
    width = stroke_width(ink)
    if width > BRUSH_SIZE * 1.5:  # a little slack: diagonal strokes measure a bit wider
        return pixels, None
    extent = max(pixels.shape)
    target = MNIST_STROKE_WIDTH * (extent - width) / (DIGIT_BOX - MNIST_STROKE_WIDTH)
    new_width = max(2, round(target))
    if new_width >= width:
        return pixels, None
    kept = _erode(ink, width - new_width + 1)
    if not kept.any():
        return pixels, None
    return np.where(kept, pixels, np.uint8(0)), kept


@dataclass(frozen=True)
class FieldBox:
    """Where the net's whole 28x28 field lies on the input image, in its pixels (floats).

    The box may reach past the image's edges: MNIST-style centring leaves a margin around the
    digit that the image may not have. Field pixel (r, c) covers image rows
    ``top + r * height / 28`` to ``top + (r + 1) * height / 28``, and columns alike.
    """

    top: float
    left: float
    height: float
    width: float
    slant: float = 0.0  # the field was stood upright by this shear (:mod:`straighten`) ...
    slant_row: float = (MNIST_SIDE - 1) / 2  # ... about this field row


def _ink_box_or_empty(pixels: np.ndarray) -> tuple[tuple[int, int, int, int], np.ndarray]:
    """The ink's box (:func:`ink_bounding_box`) and the ink mask it was read from."""
    ink = pixels > INK_THRESHOLD
    box = _mask_box(ink)
    if box is None:
        raise EmptyBoardError("The board is empty: draw a digit first.")
    return box, ink


def fit_and_center_placed(pixels: np.ndarray) -> tuple[np.ndarray, FieldBox]:
    """:func:`fit_and_center`, and where on ``pixels`` the 28x28 field it returns lies (so an
    explanation drawn on the field can be drawn on the board too)."""
    pixels = _as_grey_uint8(pixels)
    outer, ink = _ink_box_or_empty(pixels)
    cropped = pixels[outer[0] : outer[1], outer[2] : outer[3]]
    thinned, kept = _thinned(cropped, ink[outer[0] : outer[1], outer[2] : outer[3]])
    # The thinned ink's box: the box of the ink thinning kept (never empty: where ``thinned`` is
    # brighter than the threshold), or, when nothing was thinned, the whole crop already.
    whole_crop = (0, cropped.shape[0], 0, cropped.shape[1])
    inner = whole_crop if kept is None else _mask_box(kept)
    crop = thinned[inner[0] : inner[1], inner[2] : inner[3]]
    height, width = crop.shape
    scale = DIGIT_BOX / max(height, width)
    new_height = max(1, round(height * scale))
    new_width = max(1, round(width * scale))
    digit = _resize(crop, new_width, new_height).astype(np.float32)
    if digit.sum() == 0:  # a speck so thin that scaling erased it: keep it visible
        digit = np.full_like(digit, 255.0)

    row_mass, col_mass = center_of_mass(digit)
    middle = (MNIST_SIDE - 1) / 2
    # Clipped with min and max, not np.clip: plain ints, without numpy's call on every P.
    top_left_row = min(max(round(middle - row_mass), 0), MNIST_SIDE - new_height)
    top_left_col = min(max(round(middle - col_mass), 0), MNIST_SIDE - new_width)

    field = np.zeros((1, MNIST_SIDE, MNIST_SIDE), dtype=np.float32)
    field[0, top_left_row : top_left_row + new_height, top_left_col : top_left_col + new_width] = (
        digit / 255.0
    )
    slant, slant_row = slants(field)
    row_step, col_step = height / new_height, width / new_width  # image pixels per field pixel
    placement = FieldBox(
        top=outer[0] + inner[0] - top_left_row * row_step,
        left=outer[2] + inner[2] - top_left_col * col_step,
        height=MNIST_SIDE * row_step,
        width=MNIST_SIDE * col_step,
        slant=float(slant[0]),
        slant_row=float(slant_row[0]),
    )
    return shear_rows(field, slant, slant_row)[0], placement


def fit_and_center(pixels: np.ndarray) -> np.ndarray:
    """MNIST's own preprocessing: bounding box -> strokes thinned to MNIST's width (for drawings
    made small with the wide brush) -> 20x20 keeping aspect -> centre of mass -> upright."""
    return fit_and_center_placed(pixels)[0]


def mnist_digits_as_input(images: np.ndarray) -> np.ndarray:
    """MNIST's own digits ((N, 28, 28) or one (28, 28); uint8 0-255, or floats already in
    [0, 1]) -> the network's input: floats in [0, 1], stood upright as every drawing is.
    MNIST's digits are already fitted and centred, so this is all they need; every MNIST digit
    the network reads goes through here."""
    images = np.asarray(images)
    if images.shape[-2:] != (MNIST_SIDE, MNIST_SIDE) or images.ndim not in (2, 3):
        raise ValueError(f"Expected 28x28 MNIST digits, got an array of shape {images.shape}.")
    if images.dtype != np.uint8 and images.size and float(images.max()) > 1.0:
        raise ValueError("MNIST digits as floats must be in [0, 1]; pass 0-255 as uint8.")
    scale = 255.0 if images.dtype == np.uint8 else 1.0
    return deskew(images.astype(np.float32) / scale)


def plain_resize(pixels: np.ndarray) -> np.ndarray:
    """The tutorial's preprocessing: the whole board scaled down to 28x28."""
    pixels = _as_grey_uint8(pixels)
    if pixels.size == 0 or pixels.max() <= INK_THRESHOLD:  # the ink's box is not needed
        raise EmptyBoardError("The board is empty: draw a digit first.")
    return _resize(pixels, MNIST_SIDE, MNIST_SIDE).astype(np.float32) / 255.0


def to_network_input(pixels: np.ndarray, method: Method | str = Method.MNIST) -> np.ndarray:
    """Board pixels (H, W) uint8, white on black -> (28, 28) float32 in [0, 1]."""
    if method == Method.MNIST:
        return fit_and_center(pixels)
    if method == Method.PLAIN:
        return plain_resize(pixels)
    raise ValueError(f"Unknown preprocessing method {method!r}; choose {' or '.join(Method)}.")


LIGHT_BORDER = 127  # a border whose median is brighter than this is paper, not MNIST's black


def is_dark_on_light(pixels: np.ndarray) -> bool:
    """True if an image is dark ink on a light background (a scan, paper, a drawing program's
    default), the opposite of MNIST's white on black, so it must be inverted before reading.

    Judged by the median of the outermost rows and columns: a digit rarely covers the border,
    so the border shows the background even when the ink is thick or touches an edge.
    """
    pixels = np.asarray(pixels)
    if pixels.ndim != 2 or pixels.size == 0:
        raise ValueError(f"Expected a 2-D greyscale image, got an array of shape {pixels.shape}.")
    border = np.concatenate([pixels[0], pixels[-1], pixels[:, 0], pixels[:, -1]])
    return float(np.median(border)) > LIGHT_BORDER
