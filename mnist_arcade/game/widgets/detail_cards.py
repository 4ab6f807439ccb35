"""The layouts of the detail cards: one worked-out step as a list of labels, boxes and images.

Each function lays out one kind of card (conv, pool, dense) for one step that
:mod:`mnist_arcade.explaining.arithmetic` worked out, and returns a *display list*: what to paint,
in order.
:class:`~mnist_arcade.game.widgets.detail_view.DetailView` keeps the list and only paints it,
so a test reads exactly the numbers on screen, and the numbers are written here, once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pygame

from mnist_arcade.explaining.arithmetic import ConvStep, PoolStep, SoftmaxSteps
from mnist_arcade.game.widgets.text import Text, fit_lines
from mnist_arcade.game.widgets.theme import ACCENT, BACKGROUND, MUTED, PANEL_EDGE, TEXT
from mnist_arcade.game.words.numbers import percent

MARGIN = 20
CELL = 38  # one number of a 5x5 grid: "-0.12" is 28 px wide at the smallest text size
BIG_CELL = 64  # one number of the 2x2 pool window
TITLE_SIZE = 30
SENTENCE_SIZE = 20
SENTENCE_LINES = 3  # under the title, above BODY_TOP
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
    """What every card shares: where it is, its title and the close/pause hint."""

    text: Text
    rect: pygame.Rect
    title: str
    hint: str


# --- numbers as the cards write them ---------------------------------------------------------


def cell_number(value: float) -> str:
    """A grid cell: "0" for nothing, else two decimals ("-0.12"), one from 10 up ("12.3")."""
    if round(value, 2) == 0:
        return "0"
    return f"{value:.1f}" if abs(value) >= 10 else f"{value:.2f}"


def sum_number(value: float) -> str:
    return f"{value:.3f}"


def exp_number(value: float) -> str:
    """e^score: plain under 100,000 ("1,234.57"), else in powers of ten ("4.85e+08")."""
    return f"{value:,.2f}" if 0.01 <= value < 100_000 else f"{value:.3g}"


def signed(value: float) -> str:
    return f"{value:+.2f}"


def counted(index: int) -> int:
    """The number a player reads for the 0-based ``index`` of a map, filter, row or column.

    The players are children and teachers, who count from 1: the first conv1 map is "map 1"
    on the hover popup, the card's title and everywhere in its text. The code keeps counting
    from 0; only what is written on screen goes through here.
    """
    return index + 1


def amount(value: float) -> str:
    """What one input map does to a filter's sum, in words: "adds 1.15", "takes away 0.22"."""
    if round(value, 2) > 0:
        return f"adds {value:.2f}"
    if round(value, 2) < 0:
        return f"takes away {-value:.2f}"
    return "adds nothing"


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
    items: list[Item] = [
        Label(frame.title, (left, top), TITLE_SIZE, TEXT),
        Label(frame.hint, (frame.rect.right - MARGIN, top + 4), NUMBER_SIZE, MUTED, "topright"),
    ]
    font = frame.text.font(SENTENCE_SIZE)
    lines = fit_lines(sentence, font, frame.rect.width - 2 * MARGIN, SENTENCE_LINES)
    for row, line in enumerate(lines):
        items.append(Label(line, (left, top + 36 + row * 18), SENTENCE_SIZE, MUTED))
    return items


def grid(items: list[Item], values: np.ndarray, topleft, colors, cell: int) -> None:
    """A grid of numbers, each on a box coloured by ``colors(value) -> (fill, ink)``."""
    left, top = topleft
    for (row, col), value in np.ndenumerate(values):
        rect = pygame.Rect(left + col * cell, top + row * cell, cell - 2, cell - 2)
        fill, ink = colors(float(value))
        items.append(Box(rect, fill))
        items.append(Label(cell_number(float(value)), rect.center, NUMBER_SIZE, ink, "center"))


def map_with_marker(
    items: list[Item], tile: pygame.Surface, topleft, map_side: int, row: int, col: int, span: int
) -> None:
    """A map tile with a ``span`` x ``span`` square outlined at (row, col) of its pixels."""
    left, top = topleft
    factor = tile.get_width() // map_side
    items.append(Image(tile, (left, top)))
    marker = pygame.Rect(left + col * factor, top + row * factor, span * factor, span * factor)
    items.append(Box(marker.inflate(2, 2) if span == 1 else marker, ACCENT, 2))


def input_map_sentence(
    layer: str, source: str, shown: int, parts: np.ndarray, strongest: int | None
) -> str:
    """The conv2 card's plain sentence: what the filter reads, and what the shown map does.

    ``parts`` is what each input map adds to the filter's sum at the pixel worked out now, and
    ``shown`` the map whose weights the card shows (Tab picks another). The sentence calls the
    shown map the one that does most only when its own numbers, on the card, say so: at this
    spot by ``parts``, and over the whole digit when it is ``strongest`` (the map the card
    opens with). Otherwise it says what the shown map adds and which map adds the most.
    """
    count = len(parts)
    part = float(parts[shown])
    best = int(np.argmax(parts))
    best_part = float(parts[best])
    name = f"Shown: {source} map {counted(shown)}"
    if shown == strongest:
        name += ", which does most to make this filter fire over the whole digit"
    if round(best_part, 2) <= 0:
        spot = f"At this spot no map helps the filter fire; this one {amount(part)}"
    elif round(part, 2) >= round(best_part, 2):
        spot = f"At this spot it does the most of the {count} maps: it {amount(part)}"
    else:
        spot = (
            f"At this spot it {amount(part)}, while map {counted(best)} does the most: "
            f"it {amount(best_part)}"
        )
    return (
        f"{layer} filters read all {count} {source} maps at once, with a 5x5 slice of "
        f"weights for each. {name}. {spot}. The products of all {count} maps are added up, "
        "then the bias, and relu keeps the result only if it is positive."
    )


# --- the three cards -------------------------------------------------------------------------


def conv_card(
    frame: Frame,
    layer: str,
    source: str,
    step: ConvStep,
    input_channel: int,
    inputs: np.ndarray,
    kernel: np.ndarray,
    input_tile: pygame.Surface,
    output_tile: pygame.Surface,
    actual: float,
    strongest: int | None = None,
) -> list[Item]:
    """One conv pixel: input map and window, window x weights = products, sum, bias, relu.

    ``inputs`` is the whole layer ``source`` the filter reads (H, W, C); ``input_tile`` the
    picture of its channel ``input_channel``; ``actual`` the network's own value at this pixel;
    ``strongest`` the input map that does most to make the filter fire over the whole digit
    (see :func:`input_map_sentence`).
    """
    k, channel, row, col = input_channel, step.channel, step.row, step.col
    reads_input = inputs.shape[2] == 1
    if reads_input:
        sentence = (
            "The filter's 25 weights slide over the input. At each stop, every pixel under "
            "the window is multiplied by its weight, the 25 products are added up, the bias "
            "is added, and relu keeps the result only if it is positive. Orange weights like "
            "ink in their square, blue ones dislike it."
        )
    else:
        sentence = input_map_sentence(layer, source, k, step.parts, strongest)
    items = header(frame, sentence)
    rect = frame.rect
    left, top = rect.left + MARGIN, rect.top + BODY_TOP
    grids_left = left + 168
    cell = max(32, min(CELL, (rect.right - MARGIN - grids_left - 60) // 15))
    side = 5 * cell
    map_top = top + 20

    # The input map with the window on it, and the output map with the pixel being made.
    shown_map = "the input" if reads_input else f"{source} map {counted(k)}"
    items.append(Label(shown_map, (left, top), LABEL_SIZE))
    map_with_marker(items, input_tile, (left, map_top), inputs.shape[1], row, col, 5)
    out_top = map_top + input_tile.get_height() + 14
    items.append(Label(f"{layer} map {counted(channel)}", (left, out_top), LABEL_SIZE))
    out_side = inputs.shape[1] - step.window.shape[1] + 1
    map_with_marker(items, output_tile, (left, out_top + 20), out_side, row, col, 1)

    # window x weights = products, as coloured numbers.
    scale_in = float(inputs.max()) or 1.0
    scale_w = float(np.abs(kernel[:, :, :, channel]).max())
    scale_p = float(np.abs(step.products).max())
    x_window = grids_left
    x_weights = x_window + side + 30
    x_products = x_weights + side + 30
    weights_name = (
        f"filter {counted(channel)}'s weights" if reads_input else f"weights for map {counted(k)}"
    )
    for x, words in (
        (x_window, "the 5x5 window"),
        (x_weights, weights_name),
        (x_products, "window x weights"),
    ):
        items.append(Label(words, (x, top), LABEL_SIZE))
    grid(items, step.window[:, :, k], (x_window, map_top), lambda v: grey(v, scale_in), cell)
    grid(
        items,
        step.weights[:, :, k],
        (x_weights, map_top),
        lambda v: (diverging(v, scale_w), TEXT),
        cell,
    )
    grid(
        items,
        step.products[:, :, k],
        (x_products, map_top),
        lambda v: (diverging(v, scale_p), TEXT),
        cell,
    )
    middle = map_top + side // 2
    items.append(Label("x", (x_weights - 15, middle), 30, ACCENT, "center"))
    items.append(Label("=", (x_products - 15, middle), 30, ACCENT, "center"))

    # The sum, the bias and relu, with the network's own value beside them.
    lines_top = map_top + side + 16
    if reads_input:
        first = f"add up the 25 products:  {sum_number(step.total)}"
    else:
        part = float(step.parts[k])
        first = (
            f"map {counted(k)}'s 25 products add up to {sum_number(part)}; "
            f"the other {inputs.shape[2] - 1} maps add {sum_number(step.total - part)}"
        )
    lines = [
        (first, TEXT),
        (
            f"{sum_number(step.total)} + bias {sum_number(step.bias)} = "
            f"{sum_number(step.pre_activation)}",
            TEXT,
        ),
        (f"relu (a negative sum becomes 0):  {sum_number(step.output)}", ACCENT),
    ]
    for number, (words, color) in enumerate(lines):
        items.append(Label(words, (grids_left, lines_top + number * 24), LINE_SIZE, color))
    items.append(
        Label(
            f"the network's own value at row {counted(row)}, column {counted(col)}: "
            f"{sum_number(actual)}",
            (grids_left, lines_top + 3 * 24),
            NUMBER_SIZE,
            MUTED,
        )
    )
    if not reads_input:
        parts_top = lines_top + 3 * 24 + 22
        items.append(Label(f"from each {source} map:", (left, parts_top), NUMBER_SIZE, MUTED))
        spacing = (rect.right - MARGIN - grids_left) // len(step.parts)
        for number, part in enumerate(step.parts):
            color = ACCENT if number == k else MUTED
            x = grids_left + number * spacing
            words = f"{counted(number)}: {signed(part)}"
            items.append(Label(words, (x, parts_top), NUMBER_SIZE, color))
    return items


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
    items = header(
        frame,
        f"Pooling keeps the biggest of each 2x2 square of {source} map {counted(channel)}: "
        "the map gets "
        "half as wide and half as tall, but still says where its pattern was found, and a "
        "small shift of the drawing changes less.",
    )
    rect = frame.rect
    left, top = rect.left + MARGIN, rect.top + BODY_TOP
    map_top = top + 20
    items.append(Label(f"{source} map {counted(channel)}", (left, top), LABEL_SIZE))
    map_with_marker(items, input_tile, (left, map_top), inputs.shape[1], 2 * row, 2 * col, 2)

    grid_left = left + input_tile.get_width() + 40
    items.append(Label("the 2x2 window", (grid_left, top), LABEL_SIZE))
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
    items.append(Label("keep the biggest", (result_left, top), LABEL_SIZE))
    items.append(Label(sum_number(step.maximum), (result_left, map_top + 40), 40, ACCENT))

    out_left = rect.right - MARGIN - output_tile.get_width()
    items.append(Label(f"{layer} map {counted(channel)}", (out_left, top), LABEL_SIZE))
    out_side = inputs.shape[1] // 2
    map_with_marker(items, output_tile, (out_left, map_top), out_side, row, col, 1)

    four = ", ".join(cell_number(float(v)) for v in step.window.ravel())
    lines_top = map_top + input_tile.get_height() + 20
    items.append(
        Label(
            f"row {counted(row)}, column {counted(col)}: the biggest of {four} is "
            f"{sum_number(step.maximum)}",
            (left, lines_top),
            LINE_SIZE,
        )
    )
    items.append(
        Label(
            f"the network's own value there: {sum_number(actual)}",
            (left, lines_top + 26),
            NUMBER_SIZE,
            MUTED,
        )
    )
    return items


def dense_card(frame: Frame, steps: SoftmaxSteps, pool2_tiles: list[pygame.Surface]) -> list[Item]:
    """The softmax table (score, e^score, chance) and the pool2 maps that pushed the winner."""
    digit = steps.digit
    items = header(
        frame,
        "Each score is pool2's 256 numbers times their weights, plus a bias. e to the power "
        "of a score makes it positive, and a bigger score much bigger; dividing each by "
        "the sum of all ten turns them into chances that add up to 100%.",
    )
    left, top = frame.rect.left + MARGIN, frame.rect.top + BODY_TOP - 4
    columns = [  # (header, right edge of the column)
        ("digit", left + 44),
        ("score", left + 134),
        ("e^score", left + 264),
        ("chance", left + 364),
    ]
    for words, right in columns:
        items.append(Label(words, (right, top), LABEL_SIZE, MUTED, "topright"))
    row_height = 25
    for number in range(len(steps.logits)):
        y = top + 26 + number * row_height
        color = ACCENT if number == digit else TEXT
        if number == digit:
            items.append(Box(pygame.Rect(left - 6, y - 4, 376, row_height), PANEL_EDGE))
        values = (
            str(number),
            f"{steps.logits[number]:.2f}",
            exp_number(float(steps.exponentials[number])),
            percent(float(steps.probabilities[number]), 2),
        )
        for (_, right), words in zip(columns, values, strict=True):
            items.append(Label(words, (right, y), LINE_SIZE, color, "topright"))
    below = top + 30 + len(steps.logits) * row_height
    items.append(Label(f"sum of the ten: {exp_number(steps.total)}", (left, below), LINE_SIZE))
    chance = (
        f"chance of {digit} = {exp_number(float(steps.exponentials[digit]))} / "
        f"{exp_number(steps.total)} = {percent(float(steps.probabilities[digit]), 2)}"
    )
    items.append(Label(chance, (left, below + 24), LINE_SIZE, ACCENT))
    if steps.shift:
        items.append(
            Label(
                f"(each score less {steps.shift:.1f} first; the chances are the same)",
                (left, below + 48),
                NUMBER_SIZE,
                MUTED,
            )
        )

    right_left = left + 420
    items.append(Label(f"pool2 maps that pushed {digit} up most", (right_left, top), LINE_SIZE))
    tile_rows = [(c, True) for c in steps.ranking[:4]]
    tile_rows += [(c, False) for c in steps.ranking[::-1][:2]]
    y = top + 26
    for row, (channel, pushed_up) in enumerate(tile_rows):
        if row == 4:
            items.append(Label(f"... and pushed against {digit} most", (right_left, y), LINE_SIZE))
            y += 26
        items.append(Image(pool2_tiles[channel], (right_left, y)))
        part = float(steps.contributions[channel])
        color = ACCENT if pushed_up and part > 0 else TEXT
        items.append(
            Label(
                f"map {counted(channel)}: {signed(part)}",
                (right_left + 44, y + 8),
                LINE_SIZE,
                color,
            )
        )
        y += 40
    items.append(
        Label(
            f"score of {digit} = {len(steps.contributions)} maps' parts "
            f"({steps.contributions.sum():.2f}) + bias {steps.winner_bias:.2f} = "
            f"{steps.logits[digit]:.2f}",
            (right_left, y + 4),
            NUMBER_SIZE,
            MUTED,
        )
    )
    return items
