"""The conv card: one output pixel of a conv filter, worked out with the real numbers.

The input map with the 5x5 window on it, the output map with the pixel being made, then
window x weights = products as coloured grids, the sum, the bias and relu, and the network's
own value beside them. On a conv2 card, what each of the eight pool1 maps adds to the sum.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pygame

from mnist_arcade.explaining.arithmetic import ConvStep
from mnist_arcade.game.widgets.card_numbers import Figures, amount, counted
from mnist_arcade.game.widgets.detail_cards import (
    BODY_TOP,
    CELL,
    LABEL_SIZE,
    LINE_SIZE,
    MARGIN,
    NUMBER_SIZE,
    Frame,
    Item,
    Label,
    diverging,
    grey,
    grid,
    header,
    map_with_marker,
    under_label,
)
from mnist_arcade.game.widgets.theme import ACCENT, MUTED, TEXT
from mnist_arcade.game.words import phrase

GAP = 30  # between two grids, room for the "x" and the "="
LINE_STEP = 24  # between the lines of the sum
PARTS_GAP = 8  # at least this between "from each pool1 map:" and the first map's part


@dataclass(frozen=True)
class ConvInputs:
    """What a conv card shows besides the step: the layer it reads and its pictures.

    ``inputs`` is the whole layer ``source`` the filter reads (H, W, C); ``input_tile`` the
    picture of channel ``input_channel``; ``actual`` the network's own value at this pixel;
    ``strongest`` the input map that does most to make the filter fire over the whole digit.
    """

    layer: str
    source: str
    input_channel: int
    inputs: np.ndarray
    kernel: np.ndarray
    input_tile: pygame.Surface
    output_tile: pygame.Surface
    actual: float
    strongest: int | None = None

    @property
    def reads_input(self) -> bool:
        return self.inputs.shape[2] == 1


def input_map_sentence(
    layer: str,
    source: str,
    shown: int,
    parts: np.ndarray,
    strongest: int | None,
    figures: Figures | None = None,
) -> str:
    """The conv2 card's plain sentence: what the filter reads, and what the shown map does.

    ``parts`` is what each input map adds to the filter's sum at the pixel worked out now, and
    ``shown`` the map whose weights the card shows (Tab picks another). The sentence calls the
    shown map the one that does most only when its own numbers, on the card, say so: at this
    spot by ``parts``, and over the whole digit when it is ``strongest`` (the map the card
    opens with). Otherwise it says what the shown map adds and which map adds the most.
    """
    figures = figures or Figures()
    count = len(parts)
    part = float(parts[shown])
    best = int(np.argmax(parts))
    best_part = float(parts[best])
    name = phrase("conv_card.shown", source=source, number=counted(shown))
    if shown == strongest:
        name += phrase("conv_card.shown_strongest")
    if round(best_part, 2) <= 0:
        spot = phrase("conv_card.spot_none", amount=amount(part, figures))
    elif round(part, 2) >= round(best_part, 2):
        spot = phrase("conv_card.spot_most", count=count, amount=amount(part, figures))
    else:
        spot = phrase(
            "conv_card.spot_other",
            amount=amount(part, figures),
            best=counted(best),
            best_amount=amount(best_part, figures),
        )
    return phrase(
        "conv_card.sentence_reads_maps",
        layer=layer,
        count=count,
        source=source,
        name=name,
        spot=spot,
    )


def conv_card(frame: Frame, step: ConvStep, shown: ConvInputs) -> list[Item]:
    """One conv pixel: input map and window, window x weights = products, sum, bias, relu."""
    if shown.reads_input:
        sentence = phrase("conv_card.sentence_reads_input")
    else:
        sentence = input_map_sentence(
            shown.layer,
            shown.source,
            shown.input_channel,
            step.parts,
            shown.strongest,
            frame.figures,
        )
    items = header(frame, sentence)
    rect = frame.rect
    grids_left = rect.left + MARGIN + 168
    cell = max(32, min(CELL, (rect.right - MARGIN - grids_left - 60) // 15))
    map_top = under_label(frame, rect.top + BODY_TOP)
    _maps(items, frame, step, shown)
    _grids(items, frame, step, shown, grids_left, cell)
    lines_top = map_top + 5 * cell + 16
    _sum_lines(items, frame.figures, step, shown, (grids_left, lines_top))
    if not shown.reads_input:
        _parts(items, frame, step, shown, grids_left, lines_top + 3 * LINE_STEP + 22)
    return items


def _maps(items: list[Item], frame: Frame, step: ConvStep, shown: ConvInputs) -> None:
    """The input map with the window on it, and the output map with the pixel being made."""
    left, top = frame.rect.left + MARGIN, frame.rect.top + BODY_TOP
    map_top = under_label(frame, top)
    if shown.reads_input:
        name = phrase("conv_card.the_input")
    else:
        name = phrase("card.map", layer=shown.source, number=counted(shown.input_channel))
    items.append(Label(name, (left, top), LABEL_SIZE))
    side = shown.inputs.shape[1]
    map_with_marker(items, shown.input_tile, (left, map_top), side, step.row, step.col, 5)
    out_top = map_top + shown.input_tile.get_height() + 14
    out_name = phrase("card.map", layer=shown.layer, number=counted(step.channel))
    items.append(Label(out_name, (left, out_top), LABEL_SIZE))
    out_side = side - step.window.shape[1] + 1
    out_map = (left, under_label(frame, out_top))
    map_with_marker(items, shown.output_tile, out_map, out_side, step.row, step.col, 1)


def _grids(items, frame: Frame, step: ConvStep, shown: ConvInputs, left: int, cell: int) -> None:
    """window x weights = products, as coloured numbers."""
    k, channel = shown.input_channel, step.channel
    top = frame.rect.top + BODY_TOP
    map_top = under_label(frame, top)
    scale_in = float(shown.inputs.max()) or 1.0
    scale_w = float(np.abs(shown.kernel[:, :, :, channel]).max())
    scale_p = float(np.abs(step.products).max())
    side = 5 * cell
    x_weights = left + side + GAP
    x_products = x_weights + side + GAP
    if shown.reads_input:
        weights_name = phrase("conv_card.filter_weights", number=counted(channel))
    else:
        weights_name = phrase("conv_card.map_weights", number=counted(k))
    for x, words in (
        (left, phrase("conv_card.window")),
        (x_weights, weights_name),
        (x_products, phrase("conv_card.products")),
    ):
        items.append(Label(words, (x, top), LABEL_SIZE))
    grid(
        items, step.window[:, :, k], (left, map_top), lambda v: grey(v, scale_in), cell, frame.text
    )
    weights_color = lambda v: (diverging(v, scale_w), TEXT)  # noqa: E731
    grid(items, step.weights[:, :, k], (x_weights, map_top), weights_color, cell, frame.text)
    products_color = lambda v: (diverging(v, scale_p), TEXT)  # noqa: E731
    grid(items, step.products[:, :, k], (x_products, map_top), products_color, cell, frame.text)
    middle = map_top + side // 2
    items.append(Label("x", (x_weights - GAP // 2, middle), 30, ACCENT, "center"))
    items.append(Label("=", (x_products - GAP // 2, middle), 30, ACCENT, "center"))


def _sum_lines(items, figures: Figures, step: ConvStep, shown: ConvInputs, topleft) -> None:
    """The sum, the bias and relu, with the network's own value beside them."""
    left, top = topleft
    if shown.reads_input:
        first = phrase("conv_card.add_up", total=figures.sum(step.total))
    else:
        part = float(step.parts[shown.input_channel])
        first = phrase(
            "conv_card.add_up_map",
            number=counted(shown.input_channel),
            part=figures.sum(part),
            others=shown.inputs.shape[2] - 1,
            rest=figures.sum(step.total - part),
        )
    lines = [
        (first, TEXT),
        (
            phrase(
                "conv_card.plus_bias",
                total=figures.sum(step.total),
                bias=figures.sum(step.bias),
                result=figures.sum(step.pre_activation),
            ),
            TEXT,
        ),
        (phrase("conv_card.relu", output=figures.sum(step.output)), ACCENT),
    ]
    for number, (words, color) in enumerate(lines):
        items.append(Label(words, (left, top + number * LINE_STEP), LINE_SIZE, color))
    own = phrase(
        "conv_card.own_value",
        row=counted(step.row),
        col=counted(step.col),
        value=figures.sum(shown.actual),
    )
    items.append(Label(own, (left, top + 3 * LINE_STEP), NUMBER_SIZE, MUTED))


def _parts(items, frame: Frame, step: ConvStep, shown: ConvInputs, left: int, top: int) -> None:
    """conv2: what each input map adds to the sum at this pixel, the shown one lit."""
    each = phrase("conv_card.from_each", source=shown.source)
    start = frame.rect.left + MARGIN
    items.append(Label(each, (start, top), NUMBER_SIZE, MUTED))
    after_words = start + frame.text.font(NUMBER_SIZE, each).size(each)[0] + PARTS_GAP
    left = max(left, after_words)  # larger text: the words run past the grids' left edge
    spacing = (frame.rect.right - MARGIN - left) // len(step.parts)
    for number, part in enumerate(step.parts):
        color = ACCENT if number == shown.input_channel else MUTED
        words = phrase("conv_card.part", number=counted(number), part=frame.figures.signed(part))
        items.append(Label(words, (left + number * spacing, top), NUMBER_SIZE, color))
