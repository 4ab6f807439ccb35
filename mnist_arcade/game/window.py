"""The window: a fixed 1280x720 canvas, shown at any window size without distortion.

Scenes always draw on the same canvas, so layouts never change. The window can be resized or
made fullscreen (small laptops, classroom projectors); the canvas is then scaled by one factor
for both axes and centred, with dark bars filling the rest, and mouse positions are mapped back
to canvas coordinates before any scene sees them.
"""

from __future__ import annotations

import os

import pygame

from mnist_arcade.game.widgets.theme import CAPTION, WINDOW_SIZE

LETTERBOX = (8, 9, 14)  # the bars beside a scaled canvas
MOUSE_EVENTS = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION)


class Window:
    """Owns the display surface and the canvas; maps between their coordinates."""

    def __init__(self, size: tuple[int, int] = WINDOW_SIZE) -> None:
        # SDL's OpenGL framebuffer loads Mesa libraries that crash TensorFlow's native library
        # when it is imported afterwards; the game only blits software surfaces anyway.
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
        pygame.display.set_caption(CAPTION)
        self.canvas = pygame.Surface(WINDOW_SIZE)
        self.fullscreen = False
        self._windowed_size = size
        self.display = pygame.display.set_mode(size, pygame.RESIZABLE)
        self._fit()

    def __repr__(self) -> str:
        return f"Window({self.display.get_size()}, scale={self.scale:.2f})"

    def _fit(self) -> None:
        """Work out the scale and the offset that fit the canvas into the display."""
        width, height = self.display.get_size()
        canvas_width, canvas_height = WINDOW_SIZE
        self.scale = min(width / canvas_width, height / canvas_height)
        shown = (round(canvas_width * self.scale), round(canvas_height * self.scale))
        self.target = pygame.Rect(
            (width - shown[0]) // 2, (height - shown[1]) // 2, shown[0], shown[1]
        )

    def resize(self, size: tuple[int, int]) -> None:
        """The player resized the window (or a test asks for another size). It never gets
        smaller than the canvas unless the screen is: shrunk further, the smallest text would
        fall under 12 px."""
        smallest = smallest_window()
        size = (max(smallest[0], size[0]), max(smallest[1], size[1]))
        self._windowed_size = size
        self.display = pygame.display.set_mode(size, pygame.RESIZABLE)
        self._fit()

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        if self.fullscreen:
            self.display = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            self.display = pygame.display.set_mode(self._windowed_size, pygame.RESIZABLE)
        self._fit()

    @property
    def one_to_one(self) -> bool:
        """True when the canvas fills the display exactly, so nothing needs scaling."""
        return self.target.size == WINDOW_SIZE and self.target.topleft == (0, 0)

    def to_canvas(self, position: tuple[int, int]) -> tuple[int, int]:
        """A display position -> the canvas position under it (may lie outside the canvas)."""
        x = (position[0] - self.target.left) / self.scale
        y = (position[1] - self.target.top) / self.scale
        return int(x), int(y)

    def map_event(self, event: pygame.event.Event) -> pygame.event.Event:
        """Mouse events in canvas coordinates; every other event as it came."""
        if event.type not in MOUSE_EVENTS or self.one_to_one:
            return event
        attributes = dict(event.dict)
        attributes["pos"] = self.to_canvas(event.pos)
        return pygame.event.Event(event.type, attributes)

    def present(self) -> None:
        """Show the canvas: straight blit at 1:1, else scaled by one factor and centred."""
        if self.one_to_one:
            self.display.blit(self.canvas, (0, 0))
        else:
            self.display.fill(LETTERBOX)
            scaled = pygame.transform.smoothscale(self.canvas, self.target.size)
            self.display.blit(scaled, self.target)
        pygame.display.flip()


def smallest_window() -> tuple[int, int]:
    """The smallest window the game allows: the canvas, or the whole screen if that is
    smaller (a 1024x768 laptop still gets the game, scaled to fit)."""
    desktops = pygame.display.get_desktop_sizes() or [WINDOW_SIZE]
    width, height = desktops[0]
    return max(320, min(WINDOW_SIZE[0], width)), max(180, min(WINDOW_SIZE[1], height))
