"""The drawing board on screen: the mouse paints it, and it is shown as it is.

Shared by every scene that lets the player draw. The left button paints strokes with the
board's square brush, the right button rubs out with it. A stroke ends on button-up, on a
motion event whose buttons say it is up (the release happened outside the window), when the
window loses the focus (the release may never come: another window has the mouse), or when
the scene is left, so the brush is never left on and a drawing is never left half-finished.
"""

from __future__ import annotations

import pygame

from mnist_arcade.canvas.board import Board
from mnist_arcade.game.widgets.surfaces import grey_to_surface
from mnist_arcade.game.widgets.theme import PANEL_EDGE

PEN_BUTTON, ERASER_BUTTON = 1, 3  # pygame's left and right mouse buttons
STROKE_BUTTONS = (PEN_BUTTON, ERASER_BUTTON)


class BoardCanvas:
    """Mouse input for a Board at ``topleft``, and its picture, refreshed only on change."""

    def __init__(self, board: Board, topleft: tuple[int, int]) -> None:
        self.board = board
        self.rect = pygame.Rect(topleft, (board.size, board.size))
        self.drawing = False
        self.erasing = False  # the stroke going on rubs out (the right button)
        self._surface: pygame.Surface | None = None
        self._version = -1

    def __repr__(self) -> str:
        return f"BoardCanvas({self.rect}, drawing={self.drawing})"

    def _point(self, position) -> tuple[int, int]:
        return position[0] - self.rect.left, position[1] - self.rect.top

    def end_stroke(self) -> None:
        if self.drawing:
            self.drawing = False
            self.board.end_stroke()

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Paint with the mouse; True if the event was a stroke's (so nothing else uses it)."""
        if event.type == pygame.MOUSEBUTTONDOWN and event.button in STROKE_BUTTONS:
            if self.rect.collidepoint(event.pos):
                self.drawing, self.erasing = True, event.button == ERASER_BUTTON
                self.board.begin_stroke(*self._point(event.pos), erase=self.erasing)
                return True
        elif event.type == pygame.MOUSEMOTION and self.drawing:
            if event.buttons[2 if self.erasing else 0]:
                self.board.continue_stroke(*self._point(event.pos))
            else:  # the button went up where we did not see it (outside the window)
                self.end_stroke()
            return True
        elif event.type == pygame.MOUSEBUTTONUP and event.button in STROKE_BUTTONS and self.drawing:
            self.end_stroke()
            return True
        elif event.type == pygame.WINDOWFOCUSLOST:
            self.end_stroke()  # not consumed: the rest of the game may want to know too
        return False

    def update(self) -> None:
        if self.board.version != self._version:
            self._version = self.board.version
            self._surface = grey_to_surface(self.board.pixels)

    def draw(self, surface: pygame.Surface) -> None:
        pygame.draw.rect(surface, PANEL_EDGE, self.rect.inflate(4, 4), width=2)
        if self._surface is not None:
            surface.blit(self._surface, self.rect)
