"""What a hovered conv map's detector looks for, drawn in its hover popup.

For conv1 its 5x5 filter as a picture (orange likes ink, blue dislikes it), for conv1 and conv2
the nine patches of real MNIST test digits that make it fire most (the engine found them once
per model, see :mod:`mnist_arcade.explaining.detectors`), and a short phrase about its shape.
The surfaces are made once per detector and kept, so a hovered frame only blits.
"""

from __future__ import annotations

import numpy as np
import pygame

from mnist_arcade.explaining.detectors import DetectorView
from mnist_arcade.game.widgets.surfaces import grey_to_surface, rgb_to_surface
from mnist_arcade.game.widgets.text import Text
from mnist_arcade.game.widgets.theme import MUTED, TEXT
from mnist_arcade.game.words import phrase

PATCH_SIDE = 30  # one patch of the 3x3 grid, in screen pixels
PATCH_GAP = 3
FILTER_SIDE = 60  # conv1's 5x5 filter picture
POSITIVE = np.array((255, 150, 60), dtype=np.float64)  # as on the cards: orange likes ink
NEGATIVE = np.array((80, 150, 255), dtype=np.float64)  # blue dislikes it
WIDTH = 3 * PATCH_SIDE + 2 * PATCH_GAP + FILTER_SIDE + 16  # what the popup adds on the right


def filter_picture(weights: np.ndarray) -> np.ndarray:
    """(5, 5) weights -> (5, 5, 3) uint8: orange for positive, blue for negative, on black."""
    weights = np.asarray(weights, dtype=np.float64)
    scale = float(np.abs(weights).max()) or 1.0
    share = (np.abs(weights) / scale)[..., None]
    colors = np.where(weights[..., None] > 0, POSITIVE, NEGATIVE)
    return np.round(colors * share).astype(np.uint8)


class DetectorPopup:
    """The right-hand part of a hover popup for one detector; built once, drawn every frame."""

    def __init__(self, view: DetectorView) -> None:
        self.view = view
        self.patches = [
            pygame.transform.scale(grey_to_surface(np.clip(p, 0, 1)), (PATCH_SIDE, PATCH_SIDE))
            for p in view.patches
        ]
        self.filter = None
        if view.filter is not None:
            picture = rgb_to_surface(filter_picture(view.filter))
            self.filter = pygame.transform.scale(picture, (FILTER_SIDE, FILTER_SIDE))

    def __repr__(self) -> str:
        return f"DetectorPopup({self.view!r})"

    @property
    def words(self) -> str:
        """What the detector looks for, in the language spoken now (the popup outlives a switch)."""
        return phrase(f"detector.{self.view.shape.value}")

    def lines(self) -> list[str]:
        """Its words, in drawing order (what a test reads)."""
        lines = [phrase("detector.looks_for"), self.words, phrase("detector.patches")]
        if self.filter is not None:
            lines.append(phrase("detector.filter"))
        return lines

    def draw(self, target: pygame.Surface, text: Text, topleft) -> None:
        left, top = topleft
        looks_for, words, patches, *rest = self.lines()
        text.draw(target, looks_for, (left, top), 18, MUTED)
        text.draw(target, words, (left, top + 18), 18, TEXT)
        text.draw(target, patches, (left, top + 40), 18, MUTED)
        for number, patch in enumerate(self.patches):
            row, col = divmod(number, 3)
            step = PATCH_SIDE + PATCH_GAP
            target.blit(patch, (left + col * step, top + 60 + row * step))
        if self.filter is not None:
            x = left + 3 * (PATCH_SIDE + PATCH_GAP) + 14
            text.draw(target, rest[0], (x, top + 40), 18, MUTED)
            target.blit(self.filter, (x, top + 60))
