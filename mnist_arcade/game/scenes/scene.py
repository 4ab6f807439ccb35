"""The scene interface, after arcade's ``View``: the window owns the loop, a scene owns a screen.

A scene gets the :class:`GameContext` (board, model, training, text), never the window. Switching
scenes calls ``on_exit`` on the old one and ``on_enter`` on the new one. ``update(dt)`` changes
state and never draws; ``draw(surface)`` draws and never changes state.

Keys are declared once, as :class:`Binding` rows (keys, label, what it does, action): the same
rows dispatch the key presses and fill the help overlay and the "that key does nothing" hint,
so what the player is told can never drift from what the scene does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

import pygame

from mnist_arcade.game.widgets.text import fit_items
from mnist_arcade.game.widgets.theme import MUTED
from mnist_arcade.game.words import phrase

if TYPE_CHECKING:
    from mnist_arcade.game.context import GameContext

FOOTER_MARGIN = 6  # the key line's last row ends this far above the window's bottom edge


@dataclass(frozen=True)
class Binding:
    """One row of a scene's key map."""

    keys: tuple[int, ...]
    label: str  # how the help names the keys: "Esc / T"
    what: str  # what they do, in plain words
    action: Callable[..., object]
    takes_key: bool = False  # the action is told which of ``keys`` was pressed


class Scene:
    """Base class: override what the scene needs."""

    TITLE: ClassVar[str] = ""  # a Phrase, looked up when read (see words.Phrase)
    PANELS: ClassVar[dict[str, str]] = {}  # panel name -> one sentence on what it shows (Phrases)
    LEAST_TEXT_SIZE: ClassVar[int] = 0  # the screen's smallest text, if above the game's: its
    # help card is drawn no smaller (the lesson's 16 px, for a projector)
    TEXT_ALREADY_LARGE: ClassVar[bool] = False  # True: no text smaller than F2 makes it (the
    # lesson's), so F2 changes nothing here and says so; the setting is kept for the others

    def __init__(self, context: GameContext) -> None:
        self.context = context

    def bindings(self) -> list[Binding]:
        """Every key this scene answers (the window adds H / F1 / ? for help, F11)."""
        return []

    def key_items(self) -> list[str]:
        """Every key of the scene with what it does ("P  read the digit"), then H for help."""
        keys = [phrase("keys.footer_key", key=b.label, what=b.what) for b in self.bindings()]
        return [*keys, phrase("keys.footer_help")]

    def key_line(self) -> str:
        """Every key of the scene in one line, for the bottom of the screen."""
        return phrase("keys.footer_gap").join(self.key_items())

    def draw_footer(self, surface: pygame.Surface, notice: bool = True) -> None:
        """The key line at the bottom, in at most two rows that break between keys, never
        between a key and its words; above it, a key's answer for a few seconds."""
        text = self.context.text
        font = text.font(19, self.key_line())
        rows = fit_items(self.key_items(), phrase("keys.footer_gap"), font, 1200, 2)
        step = font.get_linesize()  # taller lines (F2, Chinese) start higher, all on screen
        top = min(676, surface.get_height() - FOOTER_MARGIN - len(rows) * step)
        for row, line in enumerate(rows):
            text.draw(surface, line, (40, top + row * step), 19, MUTED)
        fresh = self.context.notices.fresh() if notice else None
        if fresh:
            text.draw(surface, fresh, (40, 652), 20, self.context.notices.color)

    def handle_key(self, key: int) -> bool:
        """Run the binding for ``key``; say which keys work when none does. True if handled."""
        for binding in self.bindings():
            if key in binding.keys:
                if binding.takes_key:
                    binding.action(key)
                else:
                    binding.action()
                return True
        self.context.say(phrase("notice.key_does_nothing"))
        return False

    def on_enter(self) -> None:
        """Called when the scene becomes the current one."""

    def on_exit(self) -> None:
        """Called when another scene replaces this one."""

    def handle_event(self, event: pygame.event.Event) -> None:
        """React to one input event (mouse positions are already in canvas coordinates)."""

    def update(self, dt: float) -> None:
        """Advance animations and state by ``dt`` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the whole screen on the 1280x720 canvas."""
