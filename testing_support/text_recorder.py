"""Watch the game's one text renderer: what was drawn, where, and at which sizes.

Every string a player reads goes through :class:`mnist_arcade.game.widgets.theme.Text`
(``draw`` blits, ``render`` makes the surface, ``font`` picks the size), so a test that asks
"is this sentence on screen, inside its panel, and readable?" records those three calls on one
renderer, lets the real ones run, and reads the record afterwards.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field

import pygame

from mnist_arcade.game.widgets.text import Text

RENDER_DEFAULT_SIZE = inspect.signature(Text.render).parameters["size"].default
DRAW = inspect.signature(Text.draw)
DRAW_DEFAULT_SIZE = DRAW.parameters["size"].default


@dataclass(frozen=True)
class Drawn:
    """One string blitted by ``Text.draw``, and the rectangle it landed in."""

    string: str
    rect: pygame.Rect
    ink: pygame.Rect | None = None  # the part of ``rect`` with letters in it (None: blank)
    target: pygame.Surface | None = None  # what it was drawn on (a chart draws on its own)


@dataclass
class TextRecorder:
    """Records a ``Text``'s calls while open: ``with TextRecorder(text) as seen: ...``."""

    text: Text
    drawn: list[Drawn] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)  # every string made into a surface
    sizes: list[int] = field(default_factory=list)  # every font size asked for

    def __enter__(self) -> TextRecorder:
        draw, render, font = self.text.draw, self.text.render, self.text.font

        def recording_draw(target, string, *args, **kwargs):
            rect = draw(target, string, *args, **kwargs)
            size = DRAW.bind(self.text, target, string, *args, **kwargs).arguments.get("size")
            ink = self.text.render(string, size or DRAW_DEFAULT_SIZE).get_bounding_rect(64)
            shown = ink.move(rect.topleft) if ink.width and ink.height else None
            self.drawn.append(Drawn(string, rect, shown, target))
            return rect

        def recording_render(string, size=RENDER_DEFAULT_SIZE, *args, **kwargs):
            self.rendered.append(string)
            self.sizes.append(size)  # a cached surface never asks for its font again
            return render(string, size, *args, **kwargs)

        def recording_font(size, *args, **kwargs):
            self.sizes.append(size)
            return font(size, *args, **kwargs)

        self.text.draw, self.text.render = recording_draw, recording_render
        self.text.font = recording_font
        return self

    def __exit__(self, *exc_info) -> None:
        for name in ("draw", "render", "font"):  # the class's own methods show through again
            delattr(self.text, name)

    @property
    def strings(self) -> list[str]:
        """Every string drawn, in order."""
        return [item.string for item in self.drawn]

    @property
    def smallest_size(self) -> int:
        """The smallest font size any caller asked for while recording."""
        if not self.sizes:
            raise AssertionError("no text was drawn while recording")
        return min(self.sizes)


def drawn_in_frames(app, frames: int = 1) -> TextRecorder:
    """Run ``frames`` frames of ``app`` and return everything its text renderer did."""
    with TextRecorder(app.context.text) as seen:
        for _ in range(frames):
            app.frame(1 / 60)
    return seen
