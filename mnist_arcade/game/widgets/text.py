"""The text renderer every scene and widget draws with: pygame's bundled font for English, the
shipped Chinese font (:func:`mnist_arcade.paths.shipped_cjk_font_path`) for Chinese, cached
surfaces, line wrapping that never cuts silently.

Which font draws a text: the Chinese one while the game speaks Chinese (its Latin letters and
digits too, so a line never mixes two designs), and for any text with a Chinese character in it
(the help's glossary shows both languages); pygame's own otherwise. The Chinese font is opened
the first time it is needed, so an English game never reads it. Its sizes are the bundled
font's: both are drawn with the same em (pygame draws ``Font(None, 18)`` at a 12 px em).

Small sizes are drawn at twice the size and smoothly halved: at 12-20 px the bundled font's
hinting rounds each letter's advance to whole pixels, so words fall apart ("ligh ts",
"wh at"); the outline drawn large keeps the letters spaced as the font was designed. The
larger-text setting (for projectors) lifts every small size to ``LARGE_TEXT_SIZE``.
"""

from __future__ import annotations

import contextlib
import enum
import functools

import pygame

from mnist_arcade import paths
from mnist_arcade.game.widgets.line_breaks import break_units, has_cjk
from mnist_arcade.game.widgets.theme import MIN_TEXT_SIZE, TEXT
from mnist_arcade.game.words.languages import Language, current_language

SHARP_BELOW = 40  # sizes under this are drawn at twice the size, then halved
LARGE_TEXT_SIZE = 24  # with larger text on, no text is smaller than this
BUNDLED_EM = 0.6875  # pygame's Font(None, size) draws its bundled font at this share of size


class Face(enum.Enum):
    """The two fonts the game draws with."""

    BUNDLED = "bundled"  # pygame's own (freesansbold): Latin only
    CJK = "cjk"  # the shipped subset of Noto Sans CJK SC


def face_for(text: str) -> Face:
    """The font that draws ``text`` now (module docstring)."""
    if current_language() is Language.CHINESE or has_cjk(text):
        return Face.CJK
    return Face.BUNDLED


def open_font(face: Face, size: int) -> pygame.font.Font:
    """``face`` at ``size`` (the bundled font's sizes: the same em for both)."""
    if face is Face.CJK:
        return pygame.font.Font(paths.shipped_cjk_font_path(), max(1, round(size * BUNDLED_EM)))
    return pygame.font.Font(None, size)


class SharpMeasure:
    """Measures text the way small text is drawn: the font at twice the size, halved. Layouts
    measure with it, so what they fit is what is drawn (a pygame font at the size itself
    rounds its advances differently, by a few pixels a line, and not alike in every version)."""

    def __init__(self, doubled: pygame.font.Font) -> None:
        self.doubled = doubled

    def __eq__(self, other: object) -> bool:  # two measures of one font measure alike
        return isinstance(other, SharpMeasure) and other.doubled is self.doubled

    def __hash__(self) -> int:
        return hash(("sharp", id(self.doubled)))

    def size(self, text: str) -> tuple[int, int]:
        width, height = self.doubled.size(text)
        return (width + 1) // 2, (height + 1) // 2

    def get_linesize(self) -> int:
        return (self.doubled.get_linesize() + 1) // 2

    def get_height(self) -> int:
        return (self.doubled.get_height() + 1) // 2

    def get_ascent(self) -> int:
        return (self.doubled.get_ascent() + 1) // 2


class Text:
    """Renders text in the font its language needs and caches the surfaces it made."""

    def __init__(self) -> None:
        self.chosen_large = False  # the player's larger-text setting (F2), for projectors
        self.window_small = False  # the window shows the canvas smaller than 1:1
        self.least = 0  # while :meth:`at_least` holds: no text smaller than this
        self._fonts: dict[tuple[Face, int], pygame.font.Font] = {}
        self._cache: dict[tuple[str, int, tuple[int, int, int], Face], pygame.Surface] = {}

    @property
    def large(self) -> bool:
        """Larger text is drawn: the player chose it, or the window is too small for the
        normal sizes to stay at least 12 px on screen (:meth:`fit_window`)."""
        return self.chosen_large or self.window_small

    def toggle_large(self) -> bool:
        """The player's larger-text setting on or off; True if it is on now. Every cached
        surface is redrawn."""
        self.chosen_large = not self.chosen_large
        self._cache.clear()
        return self.chosen_large

    def fit_window(self, scale: float) -> bool:
        """The canvas is shown at ``scale``: below 1:1 its 12 px text would be smaller on
        screen, so larger text is drawn whatever the setting (the smallest window keeps it at
        12 px or more, see ``game.window.SMALLEST_WINDOW``). True if that just turned it on."""
        small = scale < 1.0
        turned_on = small and not self.large
        if small != self.window_small:
            self.window_small = small
            self._cache.clear()
        return turned_on

    def shown_size(self, size: int) -> int:
        """The size ``size`` is drawn at: at least MIN_TEXT_SIZE (12 px on screen), at
        least LARGE_TEXT_SIZE with larger text on, and at least :meth:`at_least`'s size."""
        return max(size, self.least, LARGE_TEXT_SIZE if self.large else MIN_TEXT_SIZE)

    @contextlib.contextmanager
    def at_least(self, size: int):
        """While held, nothing is drawn (or measured) smaller than ``size``: the help card
        drawn over a screen whose own smallest text is larger than the game's (the lesson's
        16 px) keeps that screen's rule, with the layout the larger-text setting uses."""
        before, self.least = self.least, max(self.least, size)
        try:
            yield self
        finally:
            self.least = before

    def font(self, size: int, text: str = "") -> pygame.font.Font | SharpMeasure:
        """What measures text drawn at ``size`` (see :meth:`shown_size`): exactly as wide and
        tall as :meth:`render` draws it, so wrapping and layouts hold on every pygame-ce.
        ``text``: what will be measured, when it may hold Chinese in an English game."""
        face = face_for(text)
        shown = self.shown_size(size)
        if shown >= SHARP_BELOW:
            return self._font(face, shown)
        return SharpMeasure(self._font(face, shown * 2))

    def _font(self, face: Face, size: int) -> pygame.font.Font:
        if (face, size) not in self._fonts:
            self._fonts[face, size] = open_font(face, size)
        return self._fonts[face, size]

    def render(self, text: str, size: int = 22, color=TEXT) -> pygame.Surface:
        face = face_for(text)
        key = (text, self.shown_size(size), tuple(color), face)
        surface = self._cache.get(key)
        if surface is None:
            if len(self._cache) > 600:  # plenty for every label on screen; drop old ones
                self._cache.clear()
            surface = self._render_sharp(text, face, self.shown_size(size), color)
            self._cache[key] = surface
        return surface

    def _render_sharp(self, text: str, face: Face, size: int, color) -> pygame.Surface:
        """``text`` at ``size``; a small size drawn at twice it and halved (module docstring)."""
        if size >= SHARP_BELOW or not text:
            return self._font(face, size).render(text, True, color)
        large = self._font(face, size * 2).render(text, True, color)
        width, height = SharpMeasure(self._font(face, size * 2)).size(text)
        return pygame.transform.smoothscale(large, (max(1, width), max(1, height)))

    def draw(
        self,
        target: pygame.Surface,
        text: str,
        position,
        size: int = 22,
        color=TEXT,
        anchor: str = "topleft",
    ) -> pygame.Rect:
        """Blit ``text`` with its ``anchor`` (a pygame.Rect attribute name) at ``position``."""
        surface = self.render(text, size, color)
        rect = surface.get_rect(**{anchor: position})
        target.blit(surface, rect)
        return rect

    def draw_wrapped(
        self,
        target: pygame.Surface,
        text: str,
        topleft,
        width: int,
        size: int = 22,
        color=TEXT,
        max_lines: int = 2,
    ) -> int:
        """Blit ``text`` word-wrapped to ``width`` pixels, at most ``max_lines`` lines; a text
        longer than that ends its last line with an ellipsis, so a cut is never silent.
        Returns the y just below its last line, where a line after it may start."""
        left, top = topleft
        font = self.font(size, text)
        lines = fit_lines(text, font, width, max_lines)
        for row, line in enumerate(lines):
            self.draw(target, line, (left, top + row * font.get_linesize()), size, color)
        return top + len(lines) * font.get_linesize()


def fit_lines(text: str, font: pygame.font.Font, width: int, max_lines: int) -> list[str]:
    """``text`` wrapped to ``width`` in at most ``max_lines`` lines; a text longer than that
    ends its last line with "...", so a cut is never silent."""
    lines = wrap_words(text, font, width)
    max_lines = max(1, max_lines)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], _with_ellipsis(lines[max_lines - 1], font, width)]
    return lines


def fit_items(
    items: list[str], gap: str, font: pygame.font.Font, width: int, max_lines: int
) -> list[str]:
    """``items`` joined by ``gap`` in lines of ``width`` that break only between two items
    ("H  help" is never parted from its key), and inside one only when it alone is wider than a
    line; at most ``max_lines``, the last ending in "..." if the items go on past it."""
    lines: list[str] = []
    for item in items:
        if lines and font.size(f"{lines[-1]}{gap}{item}")[0] <= width:
            lines[-1] = f"{lines[-1]}{gap}{item}"
        elif font.size(item)[0] <= width:
            lines.append(item)  # as written: wrapping would close up its double spaces
        else:
            lines.extend(wrap_words(item, font, width))
    max_lines = max(1, max_lines)
    if len(lines) > max_lines:
        rest = gap.join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], _with_ellipsis(rest, font, width)]
    return lines


def _with_ellipsis(line: str, font: pygame.font.Font, width: int) -> str:
    """``line`` shortened word by word (a last long word letter by letter) until it fits
    ``width`` with "..." after it."""
    words = line.split()
    while len(words) > 1 and font.size(" ".join(words) + "...")[0] > width:
        words.pop()
    text = " ".join(words)
    while len(text) > 1 and font.size(text + "...")[0] > width:
        text = text[:-1]
    return text + "..."


def wrap_words(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """Split ``text`` into lines that each fit ``width`` pixels in ``font``: at spaces, and
    between Chinese characters but never before closing punctuation (:mod:`.line_breaks`); a
    piece wider than a whole line (a file's path) is broken where the line ends.

    Remembered: a screen wraps the same sentences every frame, and measuring one costs a
    font call per word; a font's measures never change, so the same question gets the same
    lines."""
    return list(_wrapped(text, font, width))


@functools.lru_cache(maxsize=4096)
def _wrapped(text: str, font: pygame.font.Font, width: int) -> tuple[str, ...]:
    lines: list[str] = []
    for separator, word in break_units(text):
        if lines and font.size(f"{lines[-1]}{separator}{word}")[0] <= width:
            lines[-1] = f"{lines[-1]}{separator}{word}"
            continue
        while len(word) > 1 and font.size(word)[0] > width:
            cut = 1
            while cut + 1 < len(word) and font.size(word[: cut + 1])[0] <= width:
                cut += 1
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return tuple(lines)
