"""A question the player answers with a key, in a box of its own over the middle of a screen.

Used on the training screen after K (teach my digits): "Use the taught model?", both figures
before and after, and the keys that answer. The box covers what is under it, so no line of the
screen behind runs through the question.
"""

from __future__ import annotations

import pygame

from mnist_arcade.game.widgets.text import Text
from mnist_arcade.game.widgets.theme import ACCENT, PANEL, TEXT

TITLE_SIZE, LINE_SIZE = 32, 24  # the question, then each line under it
LINE_STEP = 34  # from one line's top to the next
PADDING = 24


def question_box_rect(lines: list[str], centre: tuple[int, int], text: Text) -> pygame.Rect:
    """The box that holds ``lines`` (the question first), centred on ``centre``."""
    widths = [text.font(TITLE_SIZE).size(lines[0])[0]]
    widths += [text.font(LINE_SIZE).size(line)[0] for line in lines[1:]]
    height = TITLE_SIZE + LINE_STEP * (len(lines) - 1) + 12
    rect = pygame.Rect(0, 0, max(widths) + 2 * PADDING, height + 2 * PADDING)
    rect.center = centre
    return rect


def draw_question_box(
    surface: pygame.Surface, text: Text, lines: list[str], centre: tuple[int, int]
) -> pygame.Rect:
    """Draw the question (``lines[0]``) and its lines in a box centred on ``centre``; the
    box drawn. The last line is the keys that answer, in the accent colour."""
    rect = question_box_rect(lines, centre, text)
    pygame.draw.rect(surface, PANEL, rect, border_radius=10)
    pygame.draw.rect(surface, ACCENT, rect, width=2, border_radius=10)
    x, y = rect.left + PADDING, rect.top + PADDING
    text.draw(surface, lines[0], (x, y), TITLE_SIZE, TEXT)
    y += TITLE_SIZE + 12
    for index, line in enumerate(lines[1:], start=1):
        color = ACCENT if index == len(lines) - 1 else TEXT
        text.draw(surface, line, (x, y), LINE_SIZE, color)
        y += LINE_STEP
    return rect
