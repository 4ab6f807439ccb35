"""What every detail card is made of: labels, boxes and images, its frame and its header.

A card (:mod:`.conv_card`, :mod:`.pool_card`, :mod:`.dense_card`) lays out one step that
:mod:`mnist_arcade.explaining.arithmetic` worked out as a *display list* of these pieces, in
painting order. :class:`~mnist_arcade.game.widgets.detail_view.DetailView` keeps the list and
only paints it, so a test reads exactly the numbers on screen. Numbers are written by the
frame's :class:`~mnist_arcade.game.widgets.card_numbers.Figures` (readable, or exact after X).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pygame

from mnist_arcade.game.widgets.card_numbers import Figures, cell_number, narrow_cell_number
from mnist_arcade.game.widgets.text import Text, fit_lines
from mnist_arcade.game.widgets.theme import ACCENT, BACKGROUND, MUTED, TEXT

MARGIN = 20
CELL = 38  # one number of a 5x5 grid: "-0.12" is 28 px wide at the smallest text size
CELL_PADDING = 4  # pixels of a grid box left free around its number, at the least
BIG_CELL = 64  # one number of the 2x2 pool window
TITLE_SIZE = 30
SENTENCE_SIZE = 20
SENTENCE_LINES = 3  # under the title, above BODY_TOP
TITLE_GAP = 16  # at least this between the title and the hint at the top right
SENTENCE_STEP = 18  # from one line of the sentence to the next, at the least
LABEL_SIZE = 20
LINE_SIZE = 22
NUMBER_SIZE = 18  # the smallest text allowed (12 px on screen)
BODY_TOP = 110  # below the title and up to three lines of sentence
POSITIVE = (255, 150, 60)  # orange: a positive weight or product
NEGATIVE = (80, 150, 255)  # blue: a negative one
CARD = (24, 27, 40)


@dataclass(frozen=True)
class Label:
    text: str
    position: tuple[int, int]
    size: int = LINE_SIZE
    color: tuple[int, int, int] = TEXT
    anchor: str = "topleft"


@dataclass(frozen=True)
class Box:
    rect: pygame.Rect
    color: tuple[int, int, int]
    width: int = 0  # 0: filled


@dataclass(frozen=True)
class Image:
    surface: pygame.Surface
    position: tuple[int, int]


Item = Label | Box | Image


@dataclass(frozen=True)
class Frame:
    """What every card shares: where it is, its title, the close/pause hint, and how it writes
    its numbers (readable, or exact after X)."""

    text: Text
    rect: pygame.Rect
    title: str
    hint: str
    figures: Figures = field(default_factory=Figures)


def under_label(frame: Frame, top: int) -> int:
    """Where a map or grid starts under a label drawn at ``top``: 20 px down, or more where
    the label's line is taller (larger text, Chinese), so the two never touch."""
    return top + max(20, frame.text.font(LABEL_SIZE).get_linesize() + 2)


def diverging(value: float, scale: float) -> tuple[int, int, int]:
    """Orange for positive, blue for negative, stronger the bigger; the card colour at 0."""
    share = min(abs(value) / scale, 1.0) * 0.8 if scale > 0 else 0.0
    target = POSITIVE if value > 0 else NEGATIVE
    return tuple(round(c + (t - c) * share) for c, t in zip(CARD, target, strict=True))


def grey(value: float, scale: float) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The colour of an input pixel (white ink on black) and a number colour readable on it."""
    share = min(max(value / scale, 0.0), 1.0) if scale > 0 else 0.0
    level = round(40 + 215 * share)
    return (level, level, level), (BACKGROUND if level > 150 else TEXT)


# --- pieces ----------------------------------------------------------------------------------


def header(frame: Frame, sentence: str) -> list[Item]:
    """The title, the hint at the top right, and a plain sentence of up to three lines.

    The body starts at :data:`BODY_TOP`, so there is room for three lines only; a longer
    sentence ends its third line with "..." so the cut shows (the tests keep every sentence
    within three lines).
    """
    left, top = frame.rect.left + MARGIN, frame.rect.top + 12
    hint_width = frame.text.font(NUMBER_SIZE, frame.hint).size(frame.hint)[0]
    room = frame.rect.width - 2 * MARGIN - hint_width - TITLE_GAP
    title = fit_lines(frame.title, frame.text.font(TITLE_SIZE, frame.title), room, 1)[0]
    items: list[Item] = [  # larger text: a title that would run into the hint is cut, shown so
        Label(title, (left, top), TITLE_SIZE, TEXT),
        Label(frame.hint, (frame.rect.right - MARGIN, top + 4), NUMBER_SIZE, MUTED, "topright"),
    ]
    font = frame.text.font(SENTENCE_SIZE, sentence)
    lines = fit_lines(sentence, font, frame.rect.width - 2 * MARGIN, SENTENCE_LINES)
    step = max(SENTENCE_STEP, font.get_ascent())  # larger Chinese: its lines' ink stays apart
    for row, line in enumerate(lines):
        items.append(Label(line, (left, top + 36 + row * step), SENTENCE_SIZE, MUTED))
    return items


def grid(
    items: list[Item], values: np.ndarray, topleft, colors, cell: int, text: Text | None = None
) -> None:
    """A grid of numbers, each on a box coloured by ``colors(value) -> (fill, ink)``. Given the
    ``text`` that draws them, a grid with a number too wide for its box drops every number's
    leading zero (all alike, so a row still reads as one kind of figure)."""
    left, top = topleft
    numbers = [cell_number(float(value)) for value in values.ravel()]
    room = cell - 2 - CELL_PADDING
    if text is not None and any(text.font(NUMBER_SIZE).size(n)[0] > room for n in numbers):
        numbers = [narrow_cell_number(number) for number in numbers]
    for ((row, col), value), number in zip(np.ndenumerate(values), numbers, strict=True):
        rect = pygame.Rect(left + col * cell, top + row * cell, cell - 2, cell - 2)
        fill, ink = colors(float(value))
        items.append(Box(rect, fill))
        items.append(Label(number, rect.center, NUMBER_SIZE, ink, "center"))


def map_with_marker(
    items: list[Item], tile: pygame.Surface, topleft, map_side: int, row: int, col: int, span: int
) -> None:
    """A map tile with a ``span`` x ``span`` square outlined at (row, col) of its pixels."""
    left, top = topleft
    factor = tile.get_width() // map_side
    items.append(Image(tile, (left, top)))
    marker = pygame.Rect(left + col * factor, top + row * factor, span * factor, span * factor)
    items.append(Box(marker.inflate(2, 2) if span == 1 else marker, ACCENT, 2))
