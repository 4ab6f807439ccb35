"""The window: a fixed 1280x720 canvas, shown at any window size without distortion.

Scenes always draw on the same canvas, so layouts never change. The window can be resized down
to SMALLEST_WINDOW or made fullscreen (small laptops, a 1024x768 classroom projector); the
canvas is then scaled by one factor for both axes and centred, with dark bars filling the rest,
and mouse positions are mapped back to canvas coordinates before any scene sees them. Below 1:1
the game draws larger text by itself (``Text.fit_window``), so no text is under 12 px.

Fullscreen puts the window at the screen's corner and covers the screen; leaving it brings
back the window's own size and place. On X11 that is a borderless window the size of the
screen (see :func:`fullscreen_flags`): X's own fullscreen is the window manager's to do, and
without one (Xvfb, a kiosk) it grew the window where it stood, cut off by the screen's edge,
and would not shrink it again. The resize event that arrives late for the fullscreen size is
not taken for the player's.
"""

from __future__ import annotations

import os
import warnings

import pygame

from mnist_arcade.game.widgets.theme import WINDOW_SIZE
from mnist_arcade.game.words import phrase

LETTERBOX = (8, 9, 14)  # the bars beside a scaled canvas
MOUSE_EVENTS = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION)
# Three quarters of the canvas: its larger text (a 16.5 px em) is still 12.4 px on screen.
SMALLEST_WINDOW = (960, 540)


class Window:
    """Owns the display surface and the canvas; maps between their coordinates."""

    def __init__(self, size: tuple[int, int] = WINDOW_SIZE) -> None:
        # SDL's OpenGL framebuffer loads Mesa libraries that crash TensorFlow's native library
        # when it is imported afterwards; the game only blits software surfaces anyway.
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
        pygame.display.init()  # again after a closed window (a no-op when it is open)
        self.retitle()
        self.canvas = pygame.Surface(WINDOW_SIZE)
        self.fullscreen = False
        self._windowed_size = size
        self._windowed_position: tuple[int, int] | None = None
        self._late_resize: tuple[int, int] | None = None  # the fullscreen size, once left
        self.display = pygame.display.set_mode(size, pygame.RESIZABLE)
        window = _sdl_window()
        if window is not None:
            window.minimum_size = SMALLEST_WINDOW
        self._fit()

    def retitle(self) -> None:
        """The title bar in the language spoken now."""
        pygame.display.set_caption(phrase("window.caption"))

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
        """The player resized the window (or a test asks for another size): any size down to
        SMALLEST_WINDOW, the canvas scaled to fit."""
        if self._late_resize is not None and tuple(size) == self._late_resize:
            self._late_resize = None  # the fullscreen size, reported after F left it
            size = self._windowed_size
        size = (max(SMALLEST_WINDOW[0], size[0]), max(SMALLEST_WINDOW[1], size[1]))
        self._windowed_size = size
        self.display = pygame.display.set_mode(size, pygame.RESIZABLE)
        self._fit()

    def toggle_fullscreen(self) -> None:
        """F or F11: the whole screen from its corner, or back to the window as it was."""
        self.fullscreen = not self.fullscreen
        if self.fullscreen:
            window = _sdl_window()
            self._windowed_position = None if window is None else window.position
            self.display = pygame.display.set_mode(screen_size(), fullscreen_flags())
            _place_window((0, 0))
            self._late_resize = None
        else:
            self._late_resize = self.display.get_size()
            self.display = pygame.display.set_mode(self._windowed_size, pygame.RESIZABLE)
            if self._windowed_position is not None:
                _place_window(self._windowed_position)
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

    def close(self) -> None:
        """Take the window off the screen now: the game is closing (its threads may take a
        moment more to end, and the player should not watch a window that no longer answers).
        A new Window opens the display again."""
        pygame.display.quit()

    def present(self) -> None:
        """Show the canvas: straight blit at 1:1, else scaled by one factor and centred."""
        if self.one_to_one:
            self.display.blit(self.canvas, (0, 0))
        else:
            self.display.fill(LETTERBOX)
            scaled = pygame.transform.smoothscale(self.canvas, self.target.size)
            self.display.blit(scaled, self.target)
        pygame.display.flip()


def fullscreen_flags() -> int:
    """How the window covers the screen. X11: a borderless window the screen's size, which
    this module places at the corner (window managers take it for fullscreen; without one it
    simply is the screen). SDL's FULLSCREEN there asks the window manager, and with none it only
    resized the window in place: cut off, and stuck at that size after F again. Elsewhere
    (Windows, macOS, Wayland) SDL's own fullscreen."""
    return pygame.NOFRAME if pygame.display.get_driver() == "x11" else pygame.FULLSCREEN


def screen_size() -> tuple[int, int]:
    """The size of the screen the window is on (the canvas's if SDL reports none usable)."""
    desktops = pygame.display.get_desktop_sizes() or [WINDOW_SIZE]
    width, height = desktops[0]
    return (width, height) if width > 0 and height > 0 else WINDOW_SIZE


def _sdl_window():
    """The display module's SDL window (pygame-ce's ``Window``), or None without one."""
    window_type = getattr(pygame, "Window", None)
    if window_type is None or pygame.display.get_surface() is None:
        return None
    with warnings.catch_warnings():  # only its surface methods are deprecated, not used here
        warnings.simplefilter("ignore", DeprecationWarning)
        return window_type.from_display_module()


def _place_window(position: tuple[int, int]) -> None:
    window = _sdl_window()
    if window is not None:
        window.position = position
