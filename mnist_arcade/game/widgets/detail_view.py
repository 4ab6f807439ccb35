"""A card over the network panel that works one layer's arithmetic out, with the real numbers.

Clicking a feature map opens it (the board scene wires the click; see ``tile_picker``):

* a **conv** map: the filter's 5x5 weights as coloured numbers, and one output pixel computed in
  front of the learner: the 5x5 window of the input times the weights, the sum, plus the bias,
  then relu. The window then slides across the input, one position at a time, and the numbers
  follow it. conv2 reads all eight pool1 maps; the card shows the slice of weights for the map
  that makes this filter fire most (:meth:`DetailView.next_input_channel` shows another).
* a **pool** map: the 2x2 window and the biggest of its four values, sliding the same way.
* the **dense** output: the ten raw scores, their exponentials and the division that makes them
  chances, and the pool2 maps that pushed hardest toward the winning digit.

Every number comes from :mod:`mnist_arcade.explain`, computed from the weights in use and the
reading's own activations, and the card shows the network's own value beside the hand-worked one.
``update`` moves the window and rebuilds a display list of labels, boxes and images; ``draw``
only paints that list, so it changes nothing and a test can read exactly what is shown.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import numpy as np
import pygame

from mnist_arcade.explain import (
    ConvStep,
    PoolStep,
    SoftmaxSteps,
    conv_pixel,
    pool_pixel,
    softmax_steps,
    strongest_input_channel,
)
from mnist_arcade.game.widgets.surfaces import grey_to_surface, rgb_to_surface
from mnist_arcade.game.widgets.theme import (
    ACCENT,
    BACKGROUND,
    MUTED,
    PANEL_EDGE,
    TEXT,
    Text,
    wrap_words,
)
from mnist_arcade.imaging import enlarge, feature_map_tiles
from mnist_arcade.messages import Prediction

STEP_SECONDS = 0.4  # the window moves on this often: slow enough to read the sum
HOLD_SECONDS = 2.0  # the first position (where the map is strongest) stays a little longer
MARGIN = 20
CELL = 38  # one number of a 5x5 grid: "-0.12" is 28 px wide at the smallest text size
BIG_CELL = 64  # one number of the 2x2 pool window
TITLE_SIZE = 30
SENTENCE_SIZE = 20
LINE_SIZE = 22
NUMBER_SIZE = 18  # the smallest text allowed (12 px on screen)
POSITIVE = (255, 150, 60)  # orange: a positive weight or product
NEGATIVE = (80, 150, 255)  # blue: a negative one
CARD = (24, 27, 40)
INPUT_SIDE = 140  # about how wide the map a conv filter slides over is drawn, in pixels
SMALL_SIDE = 96  # ... a conv card's output map
BIG_SIDE = 192  # ... both maps of a pool card
CLOSE_HINT = "Esc: close    Space: pause"

CONV_READS = {"conv1": "input", "conv2": "pool1"}  # the layer each conv layer slides over
CONV_WEIGHTS = {"conv1": 0, "conv2": 2}  # index of its kernel in model.get_weights()
POOL_READS = {"pool1": "conv1", "pool2": "conv2"}
DENSE_WEIGHTS = 4  # dense kernel, then its bias
WEIGHT_COUNT = 6  # conv1 kernel and bias, conv2 kernel and bias, dense kernel and bias


class DetailKind(enum.Enum):
    CONV = "conv"
    POOL = "pool"
    DENSE = "dense"


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


# --- numbers as the card writes them ---------------------------------------------------------


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


def percent(value: float) -> str:
    return f"{value * 100:.2f}%"


def signed(value: float) -> str:
    return f"{value:+.2f}"


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


# --- the card --------------------------------------------------------------------------------


def _layer(prediction: Prediction, name: str) -> np.ndarray:
    if name == "input":
        return prediction.net_input[:, :, None]
    for layer in prediction.layers:
        if layer.name == name:
            return layer.values
    raise ValueError(f"this reading has no layer {name!r}")


def _check_weights(weights) -> None:
    if weights is None or len(weights) != WEIGHT_COUNT:
        raise ValueError(
            f"expected the model's {WEIGHT_COUNT} weight arrays (model.get_weights()), "
            f"got {None if weights is None else len(weights)}"
        )


class DetailView:
    """The card; closed until one of the ``open_*`` methods is called."""

    def __init__(self, text: Text, rect: pygame.Rect) -> None:
        self.text = text
        self.rect = pygame.Rect(rect)
        self.kind: DetailKind | None = None
        self.title = ""
        self.paused = False
        self.elapsed = 0.0
        self.items: list[Label | Box | Image] = []  # what ``draw`` paints, in order
        self.conv_step: ConvStep | None = None
        self.pool_step: PoolStep | None = None
        self.softmax: SoftmaxSteps | None = None
        self.layer = ""
        self.channel = 0
        self.input_channel = 0
        self._prediction: Prediction | None = None
        self._weights: list[np.ndarray] | None = None
        self._positions: list[tuple[int, int]] = []
        self._start = 0
        self._index = -1  # the animation step shown
        self._input_tiles: list[pygame.Surface] = []
        self._output_tile: pygame.Surface | None = None

    def __repr__(self) -> str:
        if self.kind is None:
            return "DetailView(closed)"
        return f"DetailView({self.kind.value}, {self.layer}, {self.channel}, {self.position})"

    @property
    def is_open(self) -> bool:
        return self.kind is not None

    @property
    def position(self) -> tuple[int, int] | None:
        """The output pixel (row, column) being worked out now (conv and pool)."""
        if not self._positions:
            return None
        return self._positions[(self._start + max(self._index, 0)) % len(self._positions)]

    # --- opening and closing -------------------------------------------------------------------

    def open_tile(self, layer: str, channel: int, prediction: Prediction, weights) -> None:
        """Open the card for a clicked tile: conv1/conv2, pool1/pool2 or dense."""
        if layer in CONV_READS:
            self.open_conv(layer, channel, prediction, weights)
        elif layer in POOL_READS:
            self.open_pool(layer, channel, prediction)
        elif layer == "dense":
            self.open_dense(prediction, weights)
        else:
            raise ValueError(f"no detail view for {layer!r}")

    def open_conv(
        self,
        layer: str,
        channel: int,
        prediction: Prediction,
        weights,
        input_channel: int | None = None,
    ) -> None:
        """How filter ``channel`` of ``layer`` computes one pixel, starting at its strongest."""
        if layer not in CONV_READS:
            raise ValueError(f"{layer!r} is not a conv layer; choose one of {tuple(CONV_READS)}")
        _check_weights(weights)
        inputs = _layer(prediction, CONV_READS[layer])
        kernel, bias = weights[CONV_WEIGHTS[layer]], weights[CONV_WEIGHTS[layer] + 1]
        output = _layer(prediction, layer)
        if not 0 <= channel < output.shape[2]:
            raise ValueError(f"{layer} has {output.shape[2]} maps, not map {channel}")
        if input_channel is None:
            input_channel = strongest_input_channel(inputs, kernel, bias, channel)
        self._begin(DetailKind.CONV, layer, channel, prediction, weights, output[:, :, channel])
        self.input_channel = int(input_channel) % inputs.shape[2]
        self.title = f"How {layer} filter {channel} computes one pixel"
        factor = max(1, INPUT_SIDE // inputs.shape[0])
        if CONV_READS[layer] == "input":
            self._input_tiles = [grey_to_surface(enlarge(prediction.net_input, factor))]
        else:
            self._input_tiles = [rgb_to_surface(t) for t in feature_map_tiles(inputs, factor)]
        self._output_tile = self._tile(output, channel)
        self._show(0)

    def open_pool(self, layer: str, channel: int, prediction: Prediction) -> None:
        """How map ``channel`` of ``layer`` keeps the biggest of each 2x2 square."""
        if layer not in POOL_READS:
            raise ValueError(f"{layer!r} is not a pool layer; choose one of {tuple(POOL_READS)}")
        inputs = _layer(prediction, POOL_READS[layer])
        output = _layer(prediction, layer)
        if not 0 <= channel < output.shape[2]:
            raise ValueError(f"{layer} has {output.shape[2]} maps, not map {channel}")
        self._begin(DetailKind.POOL, layer, channel, prediction, None, output[:, :, channel])
        self.title = f"How {layer} map {channel} shrinks its input"
        self._input_tiles = [self._tile(inputs, channel, big=True)]
        self._output_tile = self._tile(output, channel, big=True)
        self._show(0)

    def open_dense(self, prediction: Prediction, weights) -> None:
        """The ten scores, their exponentials and the division, and what pushed the winner."""
        _check_weights(weights)
        self._begin(DetailKind.DENSE, "dense", 0, prediction, weights, None)
        self.softmax = softmax_steps(
            _layer(prediction, "pool2"), weights[DENSE_WEIGHTS], weights[DENSE_WEIGHTS + 1]
        )
        self.title = f"How ten scores become chances: why a {self.softmax.digit}?"
        pool2 = _layer(prediction, "pool2")
        self._input_tiles = [rgb_to_surface(t) for t in feature_map_tiles(pool2, 8)]
        self._show(0)

    def close(self) -> None:
        self.kind = None
        self.items = []
        self._positions = []
        self.conv_step = self.pool_step = self.softmax = None

    def toggle_pause(self) -> None:
        self.paused = not self.paused

    def next_input_channel(self, step: int = 1) -> None:
        """conv2 only: show the weights for another of the eight pool1 maps it reads."""
        if self.kind is DetailKind.CONV and self.layer == "conv2":
            count = _layer(self._prediction, "pool1").shape[2]
            self.input_channel = (self.input_channel + step) % count
            self._show(max(self._index, 0), force=True)

    def _begin(self, kind, layer, channel, prediction, weights, output_map) -> None:
        self.kind, self.layer, self.channel = kind, layer, int(channel)
        self._prediction, self._weights = prediction, weights
        self.elapsed, self.paused, self._index = 0.0, False, -1
        self.conv_step = self.pool_step = self.softmax = None
        if output_map is None:
            self._positions, self._start = [], 0
            return
        rows, cols = output_map.shape
        self._positions = [(r, c) for r in range(rows) for c in range(cols)]
        self._start = int(np.argmax(output_map))  # row-major, like the positions

    def _tile(self, values: np.ndarray, channel: int, big: bool = False) -> pygame.Surface:
        """One map coloured as the network view colours it (scaled by its whole layer)."""
        factor = max(1, (BIG_SIDE if big else SMALL_SIDE) // values.shape[0])
        return rgb_to_surface(feature_map_tiles(values, factor)[channel])

    # --- animation -----------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        """Advance the sliding window (conv and pool) unless paused."""
        if self.kind is None or self.paused or not self._positions:
            return
        self.elapsed += dt
        index = 0
        if self.elapsed >= HOLD_SECONDS:
            index = 1 + int((self.elapsed - HOLD_SECONDS) / STEP_SECONDS)
        self._show(index)

    def _show(self, index: int, force: bool = False) -> None:
        if index == self._index and not force:
            return
        self._index = index
        if self.kind is DetailKind.CONV:
            self._build_conv()
        elif self.kind is DetailKind.POOL:
            self._build_pool()
        elif self.kind is DetailKind.DENSE:
            self._build_dense()

    # --- the display lists ---------------------------------------------------------------------

    def _header(self, sentence: str) -> list[Label | Box | Image]:
        left, top = self.rect.left + MARGIN, self.rect.top + 12
        items: list[Label | Box | Image] = [
            Label(self.title, (left, top), TITLE_SIZE, TEXT),
            Label(CLOSE_HINT, (self.rect.right - MARGIN, top + 4), NUMBER_SIZE, MUTED, "topright"),
        ]
        font = self.text.font(SENTENCE_SIZE)
        lines = wrap_words(sentence, font, self.rect.width - 2 * MARGIN)
        for row, line in enumerate(lines[:3]):
            items.append(Label(line, (left, top + 36 + row * 18), SENTENCE_SIZE, MUTED))
        return items

    def _grid(
        self, items: list, values: np.ndarray, topleft: tuple[int, int], colors, cell: int
    ) -> None:
        left, top = topleft
        for (row, col), value in np.ndenumerate(values):
            rect = pygame.Rect(left + col * cell, top + row * cell, cell - 2, cell - 2)
            fill, ink = colors(float(value))
            items.append(Box(rect, fill))
            items.append(Label(cell_number(float(value)), rect.center, NUMBER_SIZE, ink, "center"))

    def _build_conv(self) -> None:
        prediction, weights, layer = self._prediction, self._weights, self.layer
        inputs = _layer(prediction, CONV_READS[layer])
        kernel, bias = weights[CONV_WEIGHTS[layer]], weights[CONV_WEIGHTS[layer] + 1]
        row, col = self.position
        step = conv_pixel(inputs, kernel, bias, self.channel, row, col)
        self.conv_step = step
        k = self.input_channel
        reads_input = CONV_READS[layer] == "input"
        if reads_input:
            sentence = (
                "The filter's 25 weights slide over the input. At each stop, every pixel under "
                "the window is multiplied by its weight, the 25 products are added up, the bias "
                "is added, and relu keeps the result only if it is positive. Orange weights like "
                "ink in their square, blue ones dislike it."
            )
        else:
            sentence = (
                f"conv2 filters read all 8 pool1 maps at once, with a 5x5 slice of weights for "
                f"each. Shown: pool1 map {k}, the slice that makes this filter fire most. The "
                "products from all 8 maps are added up, then the bias, then relu keeps the "
                "result only if it is positive."
            )
        items = self._header(sentence)
        left, top = self.rect.left + MARGIN, self.rect.top + 110
        grids_left = left + 168
        room = self.rect.right - MARGIN - grids_left - 2 * 30
        cell = max(32, min(CELL, room // 15))
        grid = 5 * cell

        # The input map with the window on it, and the output map with the pixel being made.
        tile = self._input_tiles[0 if reads_input else k]
        factor = tile.get_width() // inputs.shape[1]
        items.append(Label("the input" if reads_input else f"pool1 map {k}", (left, top), 20))
        map_top = top + 20
        items.append(Image(tile, (left, map_top)))
        window = pygame.Rect(left + col * factor, map_top + row * factor, 5 * factor, 5 * factor)
        items.append(Box(window, ACCENT, 2))
        out_top = map_top + tile.get_height() + 14
        items.append(Label(f"{layer} map {self.channel}", (left, out_top), 20))
        out_tile = self._output_tile
        out_factor = out_tile.get_width() // self._positions_shape()[1]
        items.append(Image(out_tile, (left, out_top + 20)))
        pixel = pygame.Rect(
            left + col * out_factor, out_top + 20 + row * out_factor, out_factor, out_factor
        )
        items.append(Box(pixel.inflate(2, 2), ACCENT, 2))

        # window x weights = products, as coloured numbers.
        window_values = step.window[:, :, k]
        weight_values = step.weights[:, :, k]
        product_values = step.products[:, :, k]
        scale_in = float(inputs.max()) or 1.0
        scale_w = float(np.abs(kernel[:, :, :, self.channel]).max())
        scale_p = float(np.abs(step.products).max())
        x_window, x_weights = grids_left, grids_left + grid + 30
        x_products = x_weights + grid + 30
        weights_name = f"filter {self.channel}'s weights"
        if not reads_input:
            weights_name = f"weights for map {k}"
        for x, words in (
            (x_window, "the 5x5 window"),
            (x_weights, weights_name),
            (x_products, "window x weights"),
        ):
            items.append(Label(words, (x, top), 20))
        self._grid(items, window_values, (x_window, map_top), lambda v: grey(v, scale_in), cell)
        self._grid(
            items,
            weight_values,
            (x_weights, map_top),
            lambda v: (diverging(v, scale_w), TEXT),
            cell,
        )
        self._grid(
            items,
            product_values,
            (x_products, map_top),
            lambda v: (diverging(v, scale_p), TEXT),
            cell,
        )
        middle = map_top + grid // 2
        items.append(Label("x", (x_weights - 15, middle), 30, ACCENT, "center"))
        items.append(Label("=", (x_products - 15, middle), 30, ACCENT, "center"))

        # The sum, the bias and relu, with the network's own value beside it.
        actual = float(_layer(prediction, layer)[row, col, self.channel])
        lines_top = map_top + grid + 16
        if reads_input:
            first = f"add up the 25 products:  {sum_number(step.total)}"
        else:
            others = step.total - float(step.parts[k])
            first = (
                f"map {k}'s 25 products add up to {sum_number(float(step.parts[k]))}; "
                f"the other 7 maps add {sum_number(others)}"
            )
        lines = [
            (first, TEXT),
            (
                f"{sum_number(step.total)} + bias {sum_number(step.bias)} = "
                f"{sum_number(step.pre_activation)}",
                TEXT,
            ),
            (
                f"relu (a negative sum becomes 0):  {sum_number(step.output)}",
                ACCENT,
            ),
        ]
        for number, (words, color) in enumerate(lines):
            items.append(Label(words, (grids_left, lines_top + number * 24), LINE_SIZE, color))
        items.append(
            Label(
                f"the network's own value at row {row}, column {col}: {sum_number(actual)}",
                (grids_left, lines_top + 3 * 24),
                NUMBER_SIZE,
                MUTED,
            )
        )
        if not reads_input:
            parts_top = lines_top + 3 * 24 + 22
            items.append(Label("from each pool1 map:", (left, parts_top), NUMBER_SIZE, MUTED))
            for channel, part in enumerate(step.parts):
                color = ACCENT if channel == k else MUTED
                x = grids_left + channel * ((self.rect.right - MARGIN - grids_left) // 8)
                items.append(Label(f"{channel}: {signed(part)}", (x, parts_top), 18, color))
        self.items = items

    def _positions_shape(self) -> tuple[int, int]:
        rows = self._positions[-1][0] + 1
        cols = self._positions[-1][1] + 1
        return rows, cols

    def _build_pool(self) -> None:
        source = POOL_READS[self.layer]
        inputs = _layer(self._prediction, source)
        row, col = self.position
        step = pool_pixel(inputs, self.channel, row, col)
        self.pool_step = step
        items = self._header(
            f"Pooling keeps the biggest of each 2x2 square of {source} map {self.channel}: the "
            "map gets half as wide and half as tall, but still says where its pattern was "
            "found, and a small shift of the drawing changes less."
        )
        left, top = self.rect.left + MARGIN, self.rect.top + 110
        map_top = top + 20
        tile = self._input_tiles[0]
        factor = tile.get_width() // inputs.shape[1]
        items.append(Label(f"{source} map {self.channel}", (left, top), 20))
        items.append(Image(tile, (left, map_top)))
        window = pygame.Rect(
            left + 2 * col * factor, map_top + 2 * row * factor, 2 * factor, 2 * factor
        )
        items.append(Box(window, ACCENT, 2))

        grid_left = left + tile.get_width() + 40
        items.append(Label("the 2x2 window", (grid_left, top), 20))
        scale = float(inputs.max()) or 1.0
        for (r, c), value in np.ndenumerate(step.window):
            rect = pygame.Rect(
                grid_left + c * BIG_CELL, map_top + r * BIG_CELL, BIG_CELL - 3, BIG_CELL - 3
            )
            fill, ink = grey(float(value), scale)
            items.append(Box(rect, fill))
            items.append(Label(cell_number(float(value)), rect.center, 24, ink, "center"))
            if (r, c) == step.winner:
                items.append(Box(rect.inflate(4, 4), ACCENT, 3))
        result_left = grid_left + 2 * BIG_CELL + 30
        items.append(Label("keep the biggest", (result_left, top), 20))
        items.append(Label(sum_number(step.maximum), (result_left, map_top + 40), 40, ACCENT))

        out_tile = self._output_tile
        out_left = self.rect.right - MARGIN - out_tile.get_width()
        out_factor = out_tile.get_width() // self._positions_shape()[1]
        items.append(Label(f"{self.layer} map {self.channel}", (out_left, top), 20))
        items.append(Image(out_tile, (out_left, map_top)))
        pixel = pygame.Rect(
            out_left + col * out_factor, map_top + row * out_factor, out_factor, out_factor
        )
        items.append(Box(pixel.inflate(2, 2), ACCENT, 2))

        actual = float(_layer(self._prediction, self.layer)[row, col, self.channel])
        four = ", ".join(cell_number(float(v)) for v in step.window.ravel())
        lines_top = map_top + tile.get_height() + 20
        items.append(
            Label(
                f"row {row}, column {col}: the biggest of {four} is {sum_number(step.maximum)}",
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
        self.items = items

    def _build_dense(self) -> None:
        steps = self.softmax
        digit = steps.digit
        items = self._header(
            "Each score is pool2's 256 numbers times their weights, plus a bias. e to the power "
            "of a score makes it positive, and a bigger score much bigger; dividing each by "
            "the sum of all ten turns them into chances that add up to 100%."
        )
        left, top = self.rect.left + MARGIN, self.rect.top + 106
        columns = [  # (header, right edge of the column)
            ("digit", left + 44),
            ("score", left + 134),
            ("e^score", left + 264),
            ("chance", left + 364),
        ]
        for words, right in columns:
            items.append(Label(words, (right, top), 20, MUTED, "topright"))
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
                percent(float(steps.probabilities[number])),
            )
            for (_, right), words in zip(columns, values, strict=True):
                items.append(Label(words, (right, y), LINE_SIZE, color, "topright"))
        below = top + 30 + 10 * row_height
        items.append(Label(f"sum of the ten: {exp_number(steps.total)}", (left, below), LINE_SIZE))
        chance = (
            f"chance of {digit} = {exp_number(float(steps.exponentials[digit]))} / "
            f"{exp_number(steps.total)} = {percent(float(steps.probabilities[digit]))}"
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
        items.append(Label(f"pool2 maps that pushed {digit} up most", (right_left, top), 22))
        tile_rows = [(c, True) for c in steps.ranking[:4]]
        tile_rows += [(c, False) for c in steps.ranking[::-1][:2]]
        y = top + 26
        for row, (channel, pushed_up) in enumerate(tile_rows):
            if row == 4:
                items.append(Label(f"... and pushed against {digit} most", (right_left, y), 22))
                y += 26
            tile = self._input_tiles[channel]
            items.append(Image(tile, (right_left, y)))
            part = float(steps.contributions[channel])
            color = ACCENT if pushed_up and part > 0 else TEXT
            items.append(
                Label(f"map {channel}: {signed(part)}", (right_left + 44, y + 8), LINE_SIZE, color)
            )
            y += 40
        items.append(
            Label(
                f"score of {digit} = 16 maps' parts ({steps.contributions.sum():.2f}) + bias "
                f"{steps.winner_bias:.2f} = {steps.logits[digit]:.2f}",
                (right_left, y + 4),
                NUMBER_SIZE,
                MUTED,
            )
        )
        self.items = items

    # --- drawing -------------------------------------------------------------------------------

    def shown_text(self) -> list[str]:
        """Every piece of text on the card, in drawing order (tests read the numbers here)."""
        return [item.text for item in self.items if isinstance(item, Label)]

    def draw(self, surface: pygame.Surface) -> None:
        if self.kind is None:
            return
        pygame.draw.rect(surface, CARD, self.rect, border_radius=8)
        pygame.draw.rect(surface, ACCENT, self.rect, width=1, border_radius=8)
        for item in self.items:
            if isinstance(item, Label):
                self.text.draw(
                    surface, item.text, item.position, item.size, item.color, item.anchor
                )
            elif isinstance(item, Box):
                pygame.draw.rect(surface, item.color, item.rect, width=item.width)
            else:
                surface.blit(item.surface, item.position)
