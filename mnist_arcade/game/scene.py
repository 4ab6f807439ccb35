"""The scene interface, after arcade's ``View``: the window owns the loop, a scene owns a screen.

Switching scenes calls ``on_exit`` on the old one and ``on_enter`` on the new one.
``update(dt)`` changes state and never draws; ``draw(surface)`` draws and never changes state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from mnist_arcade.game.app import App


class Scene:
    """Base class: override what the scene needs."""

    def __init__(self, app: App) -> None:
        self.app = app

    def on_enter(self) -> None:
        """Called when the scene becomes the current one."""

    def on_exit(self) -> None:
        """Called when another scene replaces this one."""

    def handle_event(self, event: pygame.event.Event) -> None:
        """React to one input event."""

    def update(self, dt: float) -> None:
        """Advance animations and state by ``dt`` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the whole screen."""
