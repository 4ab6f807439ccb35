""" "Why this digit?": an occlusion map drawn over an image, in two colours a learner can name.

Green marks the parts of the drawing that made the winning digit more likely, pink the parts
that pulled toward the runner-up (see :class:`mnist_arcade.explaining.occlusion.Evidence`; the
overlay draws
its ``balance``). The stronger the evidence, the less transparent the colour; weak evidence is
left clear so the drawing shows through. The 28x28 map is enlarged without blur, over the
"what the net sees" tile or, through
:func:`mnist_arcade.explaining.field_on_board.field_box_on_board`, over the player's own board.
"""

from __future__ import annotations

import numpy as np
import pygame

from mnist_arcade.canvas.preprocess import FieldBox
from mnist_arcade.explaining.field_on_board import slanted_like_board
from mnist_arcade.explaining.occlusion import Evidence
from mnist_arcade.game.widgets.text import Text
from mnist_arcade.game.widgets.theme import GOOD, MUTED
from mnist_arcade.game.words import phrase

FOR_WINNER = GOOD  # green: made the winning digit more likely
FOR_RUNNER_UP = (255, 105, 190)  # pink: pulled toward the runner-up
MAX_ALPHA = 175  # the strongest evidence still lets the drawing show through
FAINTEST = 0.06  # evidence under this share of the strongest is not drawn at all


def title_for(evidence: Evidence) -> str:
    """How the map was made and what its colours mean, in one line: "We covered each square in
    turn: green means covering it made 3 less likely...". A runner-up is named only when it had
    a real chance (:attr:`Evidence.names_runner_up`)."""
    if evidence.names_runner_up:
        return phrase("why.how_made", digit=evidence.digit, runner_up=evidence.runner_up)
    return phrase("why.how_made_alone", digit=evidence.digit)


def evidence_surface(balance: np.ndarray) -> pygame.Surface:
    """A (H, W) signed map -> a W x H surface with per-pixel alpha, one pixel per map pixel."""
    balance = np.asarray(balance, dtype=np.float64)
    if balance.ndim != 2:
        raise ValueError(f"expected a 2-D evidence map, got shape {balance.shape}")
    height, width = balance.shape
    small = pygame.Surface((width, height), pygame.SRCALPHA)
    strongest = float(np.abs(balance).max()) if balance.size else 0.0
    if strongest <= 0:
        return small
    strength = np.abs(balance) / strongest
    alpha = np.round(MAX_ALPHA * np.sqrt(strength)).astype(int)  # weak evidence stays visible
    for row, col in zip(*np.nonzero(strength >= FAINTEST), strict=True):
        color = FOR_WINNER if balance[row, col] > 0 else FOR_RUNNER_UP
        small.set_at((int(col), int(row)), (*color, int(alpha[row, col])))
    return small


def _blit_stretched(surface, small: pygame.Surface, rect, clip) -> None:
    rect = pygame.Rect(rect)
    if rect.width <= 0 or rect.height <= 0:
        return
    scaled = pygame.transform.scale(small, rect.size)  # nearest neighbour: sharp pixels
    before = surface.get_clip()
    if clip is not None:
        surface.set_clip(pygame.Rect(clip).clip(before))
    surface.blit(scaled, rect)
    surface.set_clip(before)


def field_rect_on_screen(board_rect: pygame.Rect, box: FieldBox) -> pygame.Rect:
    """The screen rect of the net's 28x28 field, for a board drawn at ``board_rect``."""
    return pygame.Rect(
        board_rect.left + round(box.left),
        board_rect.top + round(box.top),
        max(1, round(box.width)),
        max(1, round(box.height)),
    )


class OcclusionOverlay:
    """One reading's evidence, ready to draw over the net's input tile and over the board."""

    def __init__(self, evidence: Evidence) -> None:
        self.evidence = evidence
        self.title = title_for(evidence)
        self._small = evidence_surface(evidence.shown)  # scaled at each draw: ~0.1 ms
        self._on_board: tuple[FieldBox, pygame.Surface] | None = None  # leaned as drawn

    def __repr__(self) -> str:
        return f"OcclusionOverlay({self.evidence!r})"

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, clip=None) -> None:
        """Over any image rect: the "what the net sees" tile, or the field on the board."""
        _blit_stretched(surface, self._small, rect, clip)

    def draw_on_board(self, surface: pygame.Surface, board_rect: pygame.Rect, box: FieldBox):
        """Over the player's board: the field placed where preprocessing took the digit from,
        leaned back as the drawing leans (the net read it stood upright)."""
        if self._on_board is None or self._on_board[0] != box:
            leaned = slanted_like_board(self.evidence.shown, box)
            self._on_board = (box, evidence_surface(leaned))
        rect = field_rect_on_screen(board_rect, box)
        _blit_stretched(surface, self._on_board[1], rect, board_rect)

    def draw_legend(self, surface: pygame.Surface, text: Text, topleft, size: int = 20) -> None:
        """The title, with a swatch of each colour before the words that name it."""
        left, top = topleft
        rect = text.draw(surface, self.title, (left + 36, top), size, MUTED)
        half = rect.height // 2
        pygame.draw.rect(surface, FOR_WINNER, (left, top + 1, 14, half))
        pygame.draw.rect(surface, FOR_RUNNER_UP, (left + 16, top + half, 14, half))
