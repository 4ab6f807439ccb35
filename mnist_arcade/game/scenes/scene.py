"""The scene interface, after arcade's ``View``: the window owns the loop, a scene owns a screen.

A scene gets the :class:`GameContext` (board, model, training, text), never the window. Switching
scenes calls ``on_exit`` on the old one and ``on_enter`` on the new one. ``update(dt)`` changes
state and never draws; ``draw(surface)`` draws and never changes state. ``KEYS`` lists every
key the scene answers, with what it does, so the help line cannot drift from the handler.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import pygame

if TYPE_CHECKING:
    from mnist_arcade.game.context import GameContext


class Scene:
    """Base class: override what the scene needs."""

    KEYS: ClassVar[dict[str, str]] = {}  # key name -> what it does, for the help line

    def __init__(self, context: GameContext) -> None:
        self.context = context

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
