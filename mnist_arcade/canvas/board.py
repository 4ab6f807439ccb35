"""The drawing board as a numpy array: a square brush stamped along interpolated strokes.

Pure numpy, so the brush can be tested without a window. The game blits ``pixels`` to screen.
"""

from __future__ import annotations

import numpy as np

BOARD_SIZE = 300  # pixels per side, as in the tutorial
BRUSH_SIZE = 25  # the white square brush's side, in pixels
INK = 255
PAPER = 0
UNDO_STEPS = 30  # strokes (and clears) that Ctrl+Z can take back, newest first


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
        self._before: list[np.ndarray] = []  # the board before each stroke or clear, newest last

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
        self._remember()
        self._paint = PAPER if erase else INK
        self._last_point = (x, y)
        self.stamp(x, y)

    def _remember(self) -> None:
        self._before = [*self._before, self.pixels.copy()][-UNDO_STEPS:]

    @property
    def can_undo(self) -> bool:
        return bool(self._before)

    def undo(self) -> bool:
        """Take back the last stroke (or clear); False if there is nothing to take back."""
        if not self._before:
            return False
        self.pixels = self._before.pop()
        self._last_point = None
        self.version += 1
        return True

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
        for i in range(0, int(np.ceil(steps)) + 1):
            t = min(i / steps, 1.0)
            self.stamp(round(ax + (bx - ax) * t), round(ay + (by - ay) * t))

    def end_stroke(self) -> None:
        self._last_point = None

    def clear(self) -> None:
        """A black board again; Ctrl+Z brings the drawing back (a drawing cleared by mistake
        is not lost)."""
        if not self.is_empty:
            self._remember()
        self.pixels.fill(PAPER)
        self._last_point = None
        self.version += 1


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
