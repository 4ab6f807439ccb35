"""The drawing board as a numpy array: a square brush stamped along interpolated strokes.

Pure numpy, so the brush can be tested without a window. The game blits ``pixels`` to screen.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import numpy as np

BOARD_SIZE = 300  # pixels per side, as in the tutorial
BRUSH_SIZE = 25  # the white square brush's side, in pixels
INK = 255
PAPER = 0
UNDO_STEPS = 30  # strokes (and clears) that Ctrl+Z can take back, newest first
FEW_STAMPS = 40  # a motion of up to this many pixel steps is stamped square by square


class Change(enum.Enum):
    """What one step of Ctrl+Z takes back, so the game can say it truly."""

    STROKE = "a stroke"
    CLEAR = "a clear"


@dataclass(frozen=True)
class KeptDrawing:
    """A drawing set aside with its undo steps (:meth:`Board.put_aside`), to be given back."""

    pixels: np.ndarray
    undo_steps: tuple[tuple[np.ndarray, Change], ...]


class Board:
    """A black square that a white square brush paints on; strokes never leave gaps."""

    def __init__(self, size: int = BOARD_SIZE, brush: int = BRUSH_SIZE) -> None:
        if size <= 0 or brush <= 0:
            raise ValueError("Board and brush sizes must be positive.")
        self.size = size
        self.brush = brush
        self.pixels = np.full((size, size), PAPER, dtype=np.uint8)  # rows = y, columns = x
        self.version = 0  # bumped on every change, so views redraw only when needed
        self._last_point: tuple[int, int] | None = None
        self._paint = INK  # INK for the pen, PAPER for the eraser (the right mouse button)
        # The board before each stroke or clear, and which it was, newest last.
        self._before: list[tuple[np.ndarray, Change]] = []

    def __repr__(self) -> str:
        return f"Board({self.size}x{self.size}, brush={self.brush}, empty={self.is_empty})"

    @property
    def is_empty(self) -> bool:
        return not self.pixels.any()

    def stamp(self, x: int, y: int) -> None:
        """Paint one brush square centred on (x, y), clipped to the board."""
        half = self.brush // 2
        left, top = max(0, x - half), max(0, y - half)
        right = min(self.size, x - half + self.brush)
        bottom = min(self.size, y - half + self.brush)
        if left < right and top < bottom:
            self.pixels[top:bottom, left:right] = self._paint
            self.version += 1

    def begin_stroke(self, x: int, y: int, erase: bool = False) -> None:
        """Mouse button pressed: paint (or, with ``erase``, rub out) where it is. The board as
        it was is kept, so :meth:`undo` takes the whole stroke back."""
        self._remember(Change.STROKE)
        self._paint = PAPER if erase else INK
        self._last_point = (x, y)
        self.stamp(x, y)

    def _remember(self, change: Change) -> None:
        self._before = [*self._before, (self.pixels.copy(), change)][-UNDO_STEPS:]

    @property
    def can_undo(self) -> bool:
        return bool(self._before)

    def undo(self) -> Change | None:
        """Take back the last stroke (or clear) and say which it was; None if there is nothing
        to take back."""
        if not self._before:
            return None
        self.pixels, change = self._before.pop()
        self._last_point = None
        self.version += 1
        return change

    def put_aside(self) -> KeptDrawing:
        """A blank board with no undo steps, the drawing and its undo steps kept aside: a game
        played on the board gives the player's drawing back as it was (:meth:`give_back`)."""
        kept = KeptDrawing(self.pixels.copy(), tuple(self._before))
        self.pixels.fill(PAPER)
        self._before, self._last_point = [], None
        self.version += 1
        return kept

    def give_back(self, kept: KeptDrawing) -> None:
        """The drawing set aside, and its undo steps, in place of whatever is on the board."""
        self.pixels = kept.pixels.copy()
        self._before, self._last_point = list(kept.undo_steps), None
        self.version += 1

    def continue_stroke(self, x: int, y: int) -> None:
        """Mouse moved with the button down: paint every pixel step from the last point."""
        if self._last_point is None:
            self.begin_stroke(x, y, erase=self._paint == PAPER)
            return
        x0, y0 = self._last_point
        self._last_point = (x, y)
        # Only the part of the segment whose brush can touch the board is stamped: a motion
        # to 2**31 (a broken driver, a crafted event) would otherwise stamp for minutes.
        reach = self.brush  # a brush centred this far outside still paints an edge pixel
        clipped = clip_segment((x0, y0), (x, y), -reach, self.size + reach)
        if clipped is None:
            return
        (ax, ay), (bx, by) = clipped
        steps = max(abs(bx - ax), abs(by - ay))
        if steps == 0:
            self.stamp(round(ax), round(ay))
            return
        if steps <= FEW_STAMPS:
            for i in range(0, int(np.ceil(steps)) + 1):
                t = min(i / steps, 1.0)
                self.stamp(round(ax + (bx - ax) * t), round(ay + (by - ay) * t))
            return
        t = np.minimum(np.arange(int(np.ceil(steps)) + 1) / steps, 1.0)
        xs = np.round(ax + (bx - ax) * t).astype(np.int64)  # as round(): halves to even
        ys = np.round(ay + (by - ay) * t).astype(np.int64)
        self._stamp_all(xs, ys)

    def _stamp_all(self, xs: np.ndarray, ys: np.ndarray) -> None:
        """Paint a brush square at every centre (``xs``, ``ys``) at once: exactly the union of
        :meth:`stamp` s, found as the centres' mask widened by the brush along each axis
        (a running count), instead of one NumPy assignment per pixel step of a fast mouse."""
        half = self.brush // 2
        x0, y0 = int(xs.min()), int(ys.min())
        centres = np.zeros((int(ys.max()) - y0 + 1, int(xs.max()) - x0 + 1), dtype=bool)
        centres[ys - y0, xs - x0] = True
        painted = _widened(_widened(centres, self.brush, axis=0), self.brush, axis=1)
        left, top = x0 - half, y0 - half  # the board position of painted[0, 0]
        cut_left, cut_top = max(0, -left), max(0, -top)
        right = min(self.size, left + painted.shape[1])
        bottom = min(self.size, top + painted.shape[0])
        if left + cut_left >= right or top + cut_top >= bottom:
            return
        window = painted[cut_top : bottom - top, cut_left : right - left]
        self.pixels[top + cut_top : bottom, left + cut_left : right][window] = self._paint
        self.version += 1

    def end_stroke(self) -> None:
        self._last_point = None

    def clear(self) -> None:
        """A black board again; Ctrl+Z brings the drawing back (a drawing cleared by mistake
        is not lost)."""
        if not self.is_empty:
            self._remember(Change.CLEAR)
        self.pixels.fill(PAPER)
        self._last_point = None
        self.version += 1


def _widened(mask: np.ndarray, width: int, axis: int) -> np.ndarray:
    """``mask`` grown by ``width - 1`` cells along ``axis``: cell i of the result is set when
    any of the mask's cells i - width + 1 .. i is (a brush ``width`` wide, from each centre's
    first cell on), from a running count of set cells: the count at i less the count at
    i - width."""
    counts = np.moveaxis(np.cumsum(mask, axis=axis, dtype=np.int32), axis, 0)
    before = np.zeros((width, *counts.shape[1:]), dtype=np.int32)
    after = np.repeat(counts[-1:], width - 1, axis=0)
    counts = np.concatenate([before, counts, after])
    return np.moveaxis(counts[width:] - counts[:-width] > 0, 0, axis)


def clip_segment(
    start: tuple[float, float], end: tuple[float, float], low: float, high: float
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The part of the segment ``start``-``end`` inside the square [low, high] on both axes
    (Liang-Barsky), or None if it misses the square."""
    (x0, y0), (x1, y1) = start, end
    dx, dy = x1 - x0, y1 - y0
    enter, leave = 0.0, 1.0
    for p, q in ((-dx, x0 - low), (dx, high - x0), (-dy, y0 - low), (dy, high - y0)):
        if p == 0:
            if q < 0:
                return None  # parallel to this edge and outside it
            continue
        t = q / p
        if p < 0:
            enter = max(enter, t)
        else:
            leave = min(leave, t)
    if enter > leave:
        return None
    return (x0 + enter * dx, y0 + enter * dy), (x0 + leave * dx, y0 + leave * dy)
