"""A card over the network panel that works one layer's arithmetic out, with the real numbers.

Clicking a feature map opens it (the board scene finds the map with ``NetworkView.tile_at``):

* a **conv** map: the filter's 5x5 weights as coloured numbers, and one output pixel computed in
  front of the learner: the 5x5 window of the input times the weights, the sum, plus the bias,
  then relu. The window then slides across the input, one position at a time, and the numbers
  follow it. conv2 reads all eight pool1 maps; the card opens on the slice of weights for the
  map that makes this filter fire most over the whole digit (Tab,
  :meth:`DetailView.next_input_channel`, shows another), and its sentence says what the map
  shown does at the pixel worked out now.
* a **pool** map: the 2x2 window and the biggest of its four values, sliding the same way.
* the **dense** output: the ten raw scores, their exponentials and the division that makes them
  chances, and the pool2 maps that pushed hardest toward the winning digit.

Every number comes from :mod:`mnist_arcade.explaining.arithmetic`, computed from the weights in use
and the
reading's own activations, and the card shows the network's own value beside the hand-worked one.
Every map, filter, row and column number on the card counts from 1, as the players count (and as
the network view's hover popup does); the attributes (``channel``, ``input_channel``,
``position``) stay 0-based.
``update`` moves the window and rebuilds a display list of labels, boxes and images (laid out
by :mod:`~mnist_arcade.game.widgets.detail_cards`); ``draw`` only paints that list, so it
changes nothing and a test can read exactly what is shown.
"""

from __future__ import annotations

import enum

import numpy as np
import pygame

from mnist_arcade.explaining.activation_images import enlarge, feature_map_tiles
from mnist_arcade.explaining.arithmetic import (
    ConvStep,
    PoolStep,
    SoftmaxSteps,
    conv_pixel,
    pool_pixel,
    softmax_steps,
    strongest_input_channel,
)
from mnist_arcade.game.widgets.card_numbers import Figures, counted
from mnist_arcade.game.widgets.conv_card import ConvInputs, conv_card
from mnist_arcade.game.widgets.dense_card import dense_card
from mnist_arcade.game.widgets.detail_cards import CARD, Frame, Image, Item, Label
from mnist_arcade.game.widgets.pool_card import pool_card
from mnist_arcade.game.widgets.surfaces import grey_to_surface, rgb_to_surface
from mnist_arcade.game.widgets.text import Text
from mnist_arcade.game.widgets.theme import ACCENT
from mnist_arcade.game.words import phrase
from mnist_arcade.messages import Prediction

STEP_SECONDS = 0.4  # the window moves on this often: slow enough to read the sum
HOLD_SECONDS = 2.0  # the first position (where the map is strongest) stays a little longer
INPUT_SIDE = 140  # about how wide the map a conv filter slides over is drawn, in pixels
SMALL_SIDE = 96  # ... a conv card's output map
BIG_SIDE = 192  # ... both maps of a pool card
POOL2_TILE = 8  # enlargement of the pool2 maps on the dense card (4x4 -> 32 px)

CONV_READS = {"conv1": "input", "conv2": "pool1"}  # the layer each conv layer slides over
CONV_WEIGHTS = {"conv1": 0, "conv2": 2}  # index of its kernel in model.get_weights()
POOL_READS = {"pool1": "conv1", "pool2": "conv2"}
DENSE_WEIGHTS = 4  # dense kernel, then its bias
WEIGHT_COUNT = 6  # conv1 kernel and bias, conv2 kernel and bias, dense kernel and bias


class DetailKind(enum.Enum):
    CONV = "conv"
    POOL = "pool"
    DENSE = "dense"


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

    def __init__(self, text: Text, rect: pygame.Rect, exact: bool = False) -> None:
        self.text = text
        self.rect = pygame.Rect(rect)
        self.exact = exact  # X: the exact figures instead of the readable ones
        self.kind: DetailKind | None = None
        self.title = ""
        self.paused = False
        self.elapsed = 0.0
        self.items: list[Item] = []  # what ``draw`` paints, in order (see detail_cards)
        self.conv_step: ConvStep | None = None
        self.pool_step: PoolStep | None = None
        self.softmax: SoftmaxSteps | None = None
        self.layer = ""
        self.channel = 0
        self.input_channel = 0
        self.strongest_input_channel = 0  # conv: the input map that feeds the filter most
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
        strongest = strongest_input_channel(inputs, kernel, bias, channel)
        if input_channel is None:
            input_channel = strongest
        self._begin(DetailKind.CONV, layer, channel, prediction, weights, output[:, :, channel])
        self.input_channel = int(input_channel) % inputs.shape[2]
        self.strongest_input_channel = strongest
        self.title = phrase("card.conv_title", layer=layer, number=counted(channel))
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
        self.title = phrase("card.pool_title", layer=layer, number=counted(channel))
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
        self.title = phrase("card.dense_title", digit=self.softmax.digit)
        pool2 = _layer(prediction, "pool2")
        self._input_tiles = [rgb_to_surface(t) for t in feature_map_tiles(pool2, POOL2_TILE)]
        self._show(0)

    def close(self) -> None:
        self.kind = None
        self.items = []
        self._positions = []
        self.conv_step = self.pool_step = self.softmax = None

    def toggle_pause(self) -> None:
        self.paused = not self.paused

    def toggle_exact(self) -> None:
        """X: show the exact figures, or the readable ones again (the same step either way)."""
        self.exact = not self.exact
        if self.kind is not None:
            self._show(max(self._index, 0), force=True)

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

    # --- the display list ----------------------------------------------------------------------

    def _frame(self) -> Frame:
        """The title and the keys at the top right; a conv2 card also names the map Tab shows."""
        figures = phrase("card.x_shows_rounded" if self.exact else "card.x_shows_exact")
        hint = phrase("card.close_hint", figures=figures)
        if self.kind is DetailKind.CONV and self.layer == "conv2":
            count = len(self._input_tiles)
            number = counted((self.input_channel + 1) % count)
            hint = phrase("card.tab_hint", source=CONV_READS[self.layer], number=number) + hint
        return Frame(self.text, self.rect, self.title, hint, Figures(self.exact))

    def _build_conv(self) -> None:
        layer, channel, prediction = self.layer, self.channel, self._prediction
        inputs = _layer(prediction, CONV_READS[layer])
        kernel_index = CONV_WEIGHTS[layer]
        kernel, bias = self._weights[kernel_index], self._weights[kernel_index + 1]
        row, col = self.position
        self.conv_step = conv_pixel(inputs, kernel, bias, channel, row, col)
        tile = self._input_tiles[self.input_channel]
        actual = float(_layer(prediction, layer)[row, col, channel])
        shown = ConvInputs(
            layer,
            CONV_READS[layer],
            self.input_channel,
            inputs,
            kernel,
            tile,
            self._output_tile,
            actual,
            self.strongest_input_channel,
        )
        self.items = conv_card(self._frame(), self.conv_step, shown)

    def _build_pool(self) -> None:
        source = POOL_READS[self.layer]
        inputs = _layer(self._prediction, source)
        row, col = self.position
        self.pool_step = pool_pixel(inputs, self.channel, row, col)
        actual = float(_layer(self._prediction, self.layer)[row, col, self.channel])
        self.items = pool_card(
            self._frame(),
            self.layer,
            source,
            self.pool_step,
            inputs,
            self._input_tiles[0],
            self._output_tile,
            actual,
        )

    def _build_dense(self) -> None:
        self.items = dense_card(self._frame(), self.softmax, self._input_tiles)

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
            elif isinstance(item, Image):
                surface.blit(item.surface, item.position)
            else:
                pygame.draw.rect(surface, item.color, item.rect, width=item.width)
