"""The dense card: ten scores become chances (score, e^score, chance), and the pool2 maps that
pushed the winning digit up and against it most."""

from __future__ import annotations

import pygame

from mnist_arcade.explaining.arithmetic import SoftmaxSteps
from mnist_arcade.game.widgets.card_numbers import counted
from mnist_arcade.game.widgets.detail_cards import (
    BODY_TOP,
    LABEL_SIZE,
    LINE_SIZE,
    MARGIN,
    NUMBER_SIZE,
    Box,
    Frame,
    Image,
    Item,
    Label,
    header,
)
from mnist_arcade.game.widgets.text import fit_lines
from mnist_arcade.game.widgets.theme import ACCENT, MUTED, PANEL_EDGE, TEXT
from mnist_arcade.game.words import phrase

ROW_HEIGHT = 25  # one digit of the softmax table
TILE_ROW = 40  # one pool2 map of the right-hand list
TABLE_WIDTH = 460  # the table, and the gap before the list of maps (room for "less than 0.1%")
SCORE_LINES = 2  # the winner's score as a sum, under the list of maps


def dense_card(frame: Frame, steps: SoftmaxSteps, pool2_tiles: list[pygame.Surface]) -> list[Item]:
    """The softmax table (score, e^score, chance) and the pool2 maps that pushed the winner."""
    items = header(frame, phrase("dense_card.sentence"))
    left, top = frame.rect.left + MARGIN, frame.rect.top + BODY_TOP - 4
    _table(items, frame, steps, (left, top))
    _pushers(items, frame, steps, pool2_tiles, (left + TABLE_WIDTH, top))
    return items


def _table(items: list[Item], frame: Frame, steps: SoftmaxSteps, topleft) -> None:
    """The ten rows of score, e^score and chance, the sum, and the winner's division."""
    figures, digit = frame.figures, steps.digit
    left, top = topleft
    columns = [  # (header, right edge of the column)
        (phrase("dense_card.digit"), left + 44),
        (phrase("dense_card.score"), left + 124),
        (phrase("dense_card.exponential"), left + 284),
        (phrase("dense_card.chance"), left + 434),
    ]
    for words, right in columns:
        items.append(Label(words, (right, top), LABEL_SIZE, MUTED, "topright"))
    for number in range(len(steps.logits)):
        y = top + 26 + number * ROW_HEIGHT
        color = ACCENT if number == digit else TEXT
        if number == digit:
            items.append(Box(pygame.Rect(left - 6, y - 4, 446, ROW_HEIGHT), PANEL_EDGE))
        values = (
            str(number),
            figures.score(float(steps.logits[number])),
            figures.big(float(steps.exponentials[number])),
            figures.chance(float(steps.probabilities[number])),
        )
        for (_, right), words in zip(columns, values, strict=True):
            items.append(Label(words, (right, y), LINE_SIZE, color, "topright"))
    below = top + 30 + len(steps.logits) * ROW_HEIGHT
    total = phrase("dense_card.sum", total=figures.big(steps.total))
    items.append(Label(total, (left, below), LINE_SIZE))
    chance = phrase(
        "dense_card.division",
        digit=digit,
        exponential=figures.big(float(steps.exponentials[digit])),
        total=figures.big(steps.total),
        chance=figures.chance(float(steps.probabilities[digit])),
    )
    items.append(Label(chance, (left, below + 24), LINE_SIZE, ACCENT))
    if steps.shift:
        shift = phrase("dense_card.shift", shift=figures.sum(steps.shift))
        items.append(Label(shift, (left, below + 48), NUMBER_SIZE, MUTED))


def _pushers(items, frame: Frame, steps: SoftmaxSteps, tiles, topleft) -> None:
    """The four pool2 maps that pushed the winner up most, the two that pushed against it."""
    figures, digit = frame.figures, steps.digit
    left, top = topleft
    items.append(Label(phrase("dense_card.pushed_up", digit=digit), (left, top), LINE_SIZE))
    tile_rows = [(c, True) for c in steps.ranking[:4]]
    tile_rows += [(c, False) for c in steps.ranking[::-1][:2]]
    y = top + 26
    for row, (channel, pushed_up) in enumerate(tile_rows):
        if row == 4:
            against = phrase("dense_card.pushed_against", digit=digit)
            items.append(Label(against, (left, y), LINE_SIZE))
            y += 26
        items.append(Image(tiles[channel], (left, y)))
        part = float(steps.contributions[channel])
        color = ACCENT if pushed_up and part > 0 else TEXT
        words = phrase("dense_card.map_part", number=counted(channel), part=figures.signed(part))
        items.append(Label(words, (left + 44, y + 8), LINE_SIZE, color))
        y += TILE_ROW
    score = phrase(
        "dense_card.score_sum",
        digit=digit,
        maps=len(steps.contributions),
        parts=figures.score(float(steps.contributions.sum())),
        bias=figures.score(float(steps.winner_bias)),
        score=figures.score(float(steps.logits[digit])),
    )
    width = frame.rect.right - MARGIN - left  # larger text: the sum wraps, never past the edge
    font = frame.text.font(NUMBER_SIZE, score)
    for row, line in enumerate(fit_lines(score, font, width, SCORE_LINES)):
        items.append(Label(line, (left, y + 4 + row * font.get_linesize()), NUMBER_SIZE, MUTED))
