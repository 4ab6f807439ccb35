"""The drawing board as a numpy array: a square brush stamped along interpolated strokes.

Pure numpy, so the brush can be tested without a window. The game blits ``pixels`` to screen.
"""

from __future__ import annotations

import numpy as np

BOARD_SIZE = 300  # pixels per side, as in the tutorial
BRUSH_SIZE = 25  # the white square brush's side, in pixels
INK = 255
PAPER = 0


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
            self.pixels[top:bottom, left:right] = INK
            self.version += 1

    def begin_stroke(self, x: int, y: int) -> None:
        """Mouse button pressed: paint where it is."""
        self._last_point = (x, y)
        self.stamp(x, y)

    def continue_stroke(self, x: int, y: int) -> None:
        """Mouse moved with the button down: paint every pixel step from the last point."""
        if self._last_point is None:
            self.begin_stroke(x, y)
            return
        x0, y0 = self._last_point
        steps = max(abs(x - x0), abs(y - y0))
        for i in range(1, steps + 1):
            t = i / steps
            self.stamp(round(x0 + (x - x0) * t), round(y0 + (y - y0) * t))
        self._last_point = (x, y)

    def end_stroke(self) -> None:
        self._last_point = None

    def clear(self) -> None:
        self.pixels.fill(PAPER)
        self._last_point = None
        self.version += 1
