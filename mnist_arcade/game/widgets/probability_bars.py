"""Ten bars, one per digit, that grow to their class probability; the winner is highlighted."""

from __future__ import annotations

import numpy as np
import pygame

from mnist_arcade.game.widgets.text import Text
from mnist_arcade.game.widgets.theme import ACCENT, MUTED, PANEL_EDGE, TEXT
from mnist_arcade.game.words.numbers import shown_sureness

MIN_ROW = 15  # a row of horizontal bars needs this many pixels for its 12 px digit


def draw_probability_bars(
    target: pygame.Surface,
    text: Text,
    rect: pygame.Rect,
    probabilities: np.ndarray,
    grown: float = 1.0,
    vertical: bool = True,
) -> None:
    """Vertical bars (digit below, percent above) or horizontal rows (digit left).

    ``grown`` in [0, 1] scales every bar, so the bars can rise as an animation plays.
    """
    winner, count = int(np.argmax(probabilities)), len(probabilities)
    figures_height = max(18, text.font(18).get_height() + 3)  # the figures above: taller
    digits_height = max(18, text.font(20).get_height() + 1)  # with F2, as the digits below
    for digit, probability in enumerate(probabilities):
        color = ACCENT if digit == winner else MUTED
        if vertical:
            slot = rect.width / count
            x = rect.left + digit * slot
            track = pygame.Rect(
                round(x + slot * 0.2),
                rect.top + figures_height,
                max(2, round(slot * 0.6)),
                rect.height - figures_height - digits_height,
            )
            height = round(track.height * float(probability) * grown)
            pygame.draw.rect(target, PANEL_EDGE, track, width=1)
            pygame.draw.rect(
                target, color, (track.left, track.bottom - height, track.width, height)
            )
            text.draw(target, str(digit), (track.centerx, rect.bottom), 20, TEXT, "midbottom")
            if grown >= 1.0:
                text.draw(
                    target,
                    f"{shown_sureness(probability) * 100:.0f}",  # never "100": it can be wrong
                    (track.centerx, rect.top),
                    18,
                    color,
                    "midtop",
                )
        else:
            # Rows of 12 px digits need 15 px each; a shorter panel gets two columns of five.
            columns = 1 if rect.height / count >= MIN_ROW else 2
            rows = -(-count // columns)
            slot = rect.height / rows
            column_width = rect.width / columns
            left = round(rect.left + (digit // rows) * column_width)
            y = rect.top + (digit % rows) * slot
            label_width = 16
            track = pygame.Rect(
                left + label_width,
                round(y + slot * 0.15),
                round(column_width) - label_width - (4 if columns > 1 else 0),
                max(2, round(slot * 0.7)),
            )
            width = round(track.width * float(probability) * grown)
            pygame.draw.rect(target, PANEL_EDGE, track, width=1)
            pygame.draw.rect(target, color, (track.left, track.top, width, track.height))
            text.draw(target, str(digit), (left, track.centery), 18, color, "midleft")
