"""The pool card: one pooled pixel, the biggest of a 2x2 window of the map it shrinks."""

from __future__ import annotations

import numpy as np
import pygame

from mnist_arcade.explaining.arithmetic import PoolStep
from mnist_arcade.game.widgets.card_numbers import cell_number, counted
from mnist_arcade.game.widgets.detail_cards import (
    BIG_CELL,
    BODY_TOP,
    LABEL_SIZE,
    LINE_SIZE,
    MARGIN,
    NUMBER_SIZE,
    Box,
    Frame,
    Item,
    Label,
    grey,
    header,
    map_with_marker,
    under_label,
)
from mnist_arcade.game.widgets.theme import ACCENT, MUTED
from mnist_arcade.game.words import phrase


def pool_card(
    frame: Frame,
    layer: str,
    source: str,
    step: PoolStep,
    inputs: np.ndarray,
    input_tile: pygame.Surface,
    output_tile: pygame.Surface,
    actual: float,
) -> list[Item]:
    """One pooled pixel: the 2x2 window on the map it shrinks, its four numbers, the biggest."""
    channel, row, col = step.channel, step.row, step.col
    figures = frame.figures
    items = header(frame, phrase("pool_card.sentence", source=source, number=counted(channel)))
    rect = frame.rect
    left, top = rect.left + MARGIN, rect.top + BODY_TOP
    map_top = under_label(frame, top)
    items.append(
        Label(phrase("card.map", layer=source, number=counted(channel)), (left, top), LABEL_SIZE)
    )
    map_with_marker(items, input_tile, (left, map_top), inputs.shape[1], 2 * row, 2 * col, 2)

    grid_left = left + input_tile.get_width() + 40
    items.append(Label(phrase("pool_card.window"), (grid_left, top), LABEL_SIZE))
    scale = float(inputs.max()) or 1.0
    for (r, c), value in np.ndenumerate(step.window):
        cell = pygame.Rect(
            grid_left + c * BIG_CELL, map_top + r * BIG_CELL, BIG_CELL - 3, BIG_CELL - 3
        )
        fill, ink = grey(float(value), scale)
        items.append(Box(cell, fill))
        items.append(Label(cell_number(float(value)), cell.center, 24, ink, "center"))
        if (r, c) == step.winner:
            items.append(Box(cell.inflate(4, 4), ACCENT, 3))
    result_left = grid_left + 2 * BIG_CELL + 30
    items.append(Label(phrase("pool_card.keep_biggest"), (result_left, top), LABEL_SIZE))
    items.append(Label(figures.sum(step.maximum), (result_left, map_top + 40), 40, ACCENT))

    out_left = rect.right - MARGIN - output_tile.get_width()
    out_name = phrase("card.map", layer=layer, number=counted(channel))
    items.append(Label(out_name, (out_left, top), LABEL_SIZE))
    out_side = inputs.shape[1] // 2
    map_with_marker(items, output_tile, (out_left, map_top), out_side, row, col, 1)

    four = ", ".join(cell_number(float(v)) for v in step.window.ravel())
    lines_top = map_top + input_tile.get_height() + 20
    biggest = phrase(
        "pool_card.biggest",
        row=counted(row),
        col=counted(col),
        four=four,
        biggest=figures.sum(step.maximum),
    )
    items.append(Label(biggest, (left, lines_top), LINE_SIZE))
    own = phrase("pool_card.own_value", value=figures.sum(actual))
    items.append(Label(own, (left, lines_top + 26), NUMBER_SIZE, MUTED))
    return items
