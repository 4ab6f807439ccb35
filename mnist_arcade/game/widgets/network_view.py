"""The network at work: every conv and pool layer's feature maps, revealed in data-flow order.

Columns run left to right as the data does: the 28x28 input, conv1, pool1, conv2, pool2, then
the softmax output. When a prediction arrives, each column in turn is scanned in from top to
bottom (as a filter slides down the image) while a pulse travels along the arrow feeding it, so
the eye follows the digit through the network. Maps are enlarged without blur and coloured with
a perceptual colour map; tiles are rendered once per prediction, so a frame only blits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from mnist_arcade.canvas.methods import Method
from mnist_arcade.explaining.activation_images import enlarge, feature_map_tiles
from mnist_arcade.game.widgets.card_numbers import counted
from mnist_arcade.game.widgets.detector_popup import WIDTH as DETECTOR_WIDTH
from mnist_arcade.game.widgets.detector_popup import DetectorPopup
from mnist_arcade.game.widgets.layer_captions import (
    CAPTIONS,
    input_sentence,
    size_in_few_words,
    size_in_words,
)
from mnist_arcade.game.widgets.probability_bars import draw_probability_bars
from mnist_arcade.game.widgets.surfaces import grey_to_surface, rgb_to_surface
from mnist_arcade.game.widgets.text import Text, fit_lines, wrap_words
from mnist_arcade.game.widgets.theme import ACCENT, MUTED, PANEL_EDGE, TEXT
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.numbers import readable
from mnist_arcade.messages import Prediction

STAGE_SECONDS = 0.28  # time for one layer to scan in
TILE_GAP = 6
CAPTION_HEIGHT = 44  # title and size in words
EXPLAINED_CAPTION_HEIGHT = 112  # ... and a plain sentence of up to four lines
SENTENCE_LINES = 4
SENTENCE_SIZE = 18
SENTENCE_PITCH = 16  # from one sentence line to the next, at SENTENCE_SIZE (F2 scales it)
WORDS_PITCH = 22  # from the title to the size in words, and to the line after it
WORDS_GAP = 16  # at the least between two columns' sizes in words, side by side
DENSE_WIDTH = 86
POPUP_HEIGHT = 165  # room for a detector's words and its 3x3 grid of patches

# Per layer: (enlargement factor, tiles per row).
FULL_LAYOUT = {"input": (3, 1), "conv1": (3, 2), "pool1": (4, 2), "conv2": (6, 4), "pool2": (8, 4)}
COMPACT_LAYOUT = {
    "input": (2, 1),
    "conv1": (2, 4),
    "pool1": (3, 4),
    "conv2": (3, 8),
    "pool2": (4, 8),
}


@dataclass
class _Column:
    name: str
    shape: tuple[int, ...]  # the layer's output shape, which its caption puts in words
    tiles: list[pygame.Surface]
    positions: list[tuple[int, int]]
    bounds: pygame.Rect
    slot: int = 0  # the width its caption may use
    words_slot: int = 0  # ... and its size in words: up to near halfway to either neighbour

    @property
    def caption(self) -> str:
        """ "8 maps of 24x24", in the language spoken now (a switch shows at once)."""
        return size_in_words(self.name, self.shape)

    @property
    def short_caption(self) -> str:
        """The caption where it does not fit in one line: "28x28" for the input."""
        return size_in_few_words(self.name, self.shape)


class NetworkView:
    """Lays out and animates one prediction's activations inside ``rect``."""

    def __init__(
        self, text: Text, rect: pygame.Rect, layout: dict | None = None, explain: bool = False
    ) -> None:
        self.text = text
        self.rect = pygame.Rect(rect)
        self.layout = layout or FULL_LAYOUT
        self.explain = explain  # a plain sentence under every title (where there is room)
        self.caption_height = EXPLAINED_CAPTION_HEIGHT if explain else CAPTION_HEIGHT
        self.prediction: Prediction | None = None
        self.method = Method.MNIST  # how the drawing became the input: its column's sentence says
        self.columns: list[_Column] = []
        self.dense_bounds = pygame.Rect(0, 0, 0, 0)
        self.elapsed = 0.0
        self.detectors: dict | None = None  # what each conv map looks for (the model client's)
        self._popups: dict[tuple[int, str, int], DetectorPopup] = {}  # made once, kept

    def __repr__(self) -> str:
        return f"NetworkView({self.rect}, columns={[c.name for c in self.columns]})"

    @property
    def stage_count(self) -> int:
        return len(self.columns) + 1  # the dense output is the last stage

    @property
    def animation_seconds(self) -> float:
        return self.stage_count * STAGE_SECONDS

    @property
    def done(self) -> bool:
        return self.elapsed >= self.animation_seconds

    def show(self, prediction: Prediction, animate: bool = True) -> None:
        """Render this prediction's tiles once and (re)start the reveal."""
        self.prediction = prediction
        self.elapsed = 0.0 if animate else self.animation_seconds
        scale, _ = self.layout["input"]
        net_sees = grey_to_surface(enlarge(prediction.net_input, scale))
        columns = [("input", prediction.net_input.shape, [net_sees])]
        for layer in prediction.layers:
            if layer.values.ndim != 3:
                continue  # the dense output is drawn as bars
            scale, _ = self.layout[layer.name]
            tiles = [rgb_to_surface(tile) for tile in feature_map_tiles(layer.values, scale)]
            columns.append((layer.name, layer.values.shape, tiles))
        self._lay_out(columns)
        self.elapsed = 0.0 if animate else self.animation_seconds

    def _lay_out(self, columns: list[tuple[str, tuple[int, ...], list[pygame.Surface]]]) -> None:
        widths = []
        for name, _, tiles in columns:
            per_row = self.layout[name][1]
            side = tiles[0].get_width()
            widths.append(per_row * side + (per_row - 1) * TILE_GAP)
        free = self.rect.width - sum(widths) - DENSE_WIDTH
        spacing = free / len(columns)
        body_top = self.rect.top + self.caption_height
        body_height = self.rect.height - self.caption_height
        x = float(self.rect.left)
        self.columns = []
        for (name, shape, tiles), width in zip(columns, widths, strict=True):
            per_row = self.layout[name][1]
            side = tiles[0].get_width()
            rows = math.ceil(len(tiles) / per_row)
            height = rows * side + (rows - 1) * TILE_GAP
            top = body_top + (body_height - height) // 2
            positions = [
                (
                    round(x) + (i % per_row) * (side + TILE_GAP),
                    top + (i // per_row) * (side + TILE_GAP),
                )
                for i in range(len(tiles))
            ]
            bounds = pygame.Rect(round(x), top, width, height)
            slot = round(width + spacing) - 18
            self.columns.append(_Column(name, shape, tiles, positions, bounds, slot))
            x += width + spacing
        dense_height = min(body_height, 260)
        self.dense_bounds = pygame.Rect(
            self.rect.right - DENSE_WIDTH,
            body_top + (body_height - dense_height) // 2,
            DENSE_WIDTH,
            dense_height,
        )
        self._share_out_words_room()

    def _share_out_words_room(self) -> None:
        """Each column's size in words may be as wide as the distance to the nearer neighbour's
        centre (less a gap), and stay in the panel: two such lines never run together."""
        centres = [column.bounds.centerx for column in self.columns]
        centres.append(self.dense_bounds.centerx)
        for index, column in enumerate(self.columns):
            room = [2 * (centres[index] - self.rect.left)]
            for neighbour in (index - 1, index + 1):
                if 0 <= neighbour < len(centres):
                    room.append(abs(centres[neighbour] - centres[index]) - WORDS_GAP)
            column.words_slot = min(room)

    def update(self, dt: float) -> None:
        self.elapsed += dt

    def tile_at(self, point: tuple[int, int]) -> tuple[str, int] | None:
        """(layer name, map index) of the tile under ``point``; None between tiles."""
        if self.prediction is None:
            return None
        for column in self.columns:
            if not column.bounds.collidepoint(point):
                continue
            for index, (tile, (x, y)) in enumerate(
                zip(column.tiles, column.positions, strict=True)
            ):
                if tile.get_rect(topleft=(x, y)).collidepoint(point):
                    return column.name, index
        return None

    def values_of(self, name: str, index: int):
        """The numbers behind one tile: a (H, W) array of that map's activations."""
        if name == "input":
            return self.prediction.net_input
        layer = next(layer for layer in self.prediction.layers if layer.name == name)
        return layer.values[:, :, index]

    def hover_words(self, name: str, index: int) -> tuple[str, str]:
        """The hover popup's title and click hint for map ``index`` (0-based) of layer ``name``.

        The map is numbered from 1, as the card its click opens numbers it ("conv1, map 1").
        """
        if name == "input":
            return phrase("network.net_sees_title"), phrase("network.click_why")
        return phrase("network.map_title", layer=name, number=counted(index)), phrase(
            "network.click_how"
        )

    def detector_popup(self, name: str, index: int) -> DetectorPopup | None:
        """What map ``index`` of conv layer ``name`` looks for, once the engine has said."""
        views = (self.detectors or {}).get(name)
        if views is None or not 0 <= index < len(views):
            return None
        key = (id(views), name, index)
        if key not in self._popups:
            if len(self._popups) > 64:  # another model's popups: let them go
                self._popups.clear()
            self._popups[key] = DetectorPopup(views[index])
        return self._popups[key]

    def draw_enlarged(self, target: pygame.Surface, name: str, index: int, near) -> None:
        """The hovered map, twice as large beside the mouse, with its range of values and, for
        a conv map, what its detector looks for."""
        column = next(column for column in self.columns if column.name == name)
        tile = column.tiles[index]
        big = pygame.transform.scale(tile, (tile.get_width() * 2, tile.get_height() * 2))
        values = self.values_of(name, index)
        title, hint = self.hover_words(name, index)
        low, high = readable(float(values.min())), readable(float(values.max()))
        words = phrase("network.values", low=low, high=high)
        popup = self.detector_popup(name, index)
        extra = DETECTOR_WIDTH + 10 if popup is not None else 0
        height = max(big.get_height(), POPUP_HEIGHT if popup is not None else 0) + 84
        card = pygame.Rect(0, 0, max(big.get_width(), 190) + extra + 20, height)
        card.topleft = (near[0] + 18, near[1] + 18)
        card.clamp_ip(target.get_rect())
        pygame.draw.rect(target, (12, 14, 22), card, border_radius=8)
        pygame.draw.rect(target, ACCENT, card, width=2, border_radius=8)
        self.text.draw(target, title, (card.left + 10, card.top + 8), 20, TEXT)
        self.text.draw(target, words, (card.left + 10, card.top + 28), 18, MUTED)
        target.blit(big, (card.left + 10, card.top + 50))
        if popup is not None:
            popup.draw(target, self.text, (card.left + 20 + big.get_width(), card.top + 50))
        self.text.draw(target, hint, (card.left + 10, card.bottom - 26), 18, ACCENT)

    def stage_progress(self, stage: int) -> float:
        """0 before the stage starts, 1 once it has fully scanned in."""
        return min(1.0, max(0.0, self.elapsed / STAGE_SECONDS - stage))

    def draw(self, target: pygame.Surface) -> None:
        if self.prediction is None:
            return
        bounds = [column.bounds for column in self.columns] + [self.dense_bounds]
        for stage in range(1, len(bounds)):
            self._draw_arrow(target, bounds[stage - 1], bounds[stage], self.stage_progress(stage))
        for stage, column in enumerate(self.columns):
            self._draw_column(target, column, self.stage_progress(stage))
        net_sees = self.columns[0].bounds
        lines = phrase("network.net_sees_lines").split("|")
        line_height = max(15, self.text.font(18, "".join(lines)).get_linesize())  # F2, Chinese
        room = self.rect.bottom - net_sees.bottom - 6
        if len(lines) * line_height > room:  # a compact view: one line, if it fits at all
            lines = self._net_sees_one_line(net_sees, room)
        for row, words in enumerate(lines):
            self.text.draw(
                target,
                words,
                (net_sees.centerx, net_sees.bottom + 6 + row * line_height),
                18,
                MUTED,
                "midtop",
            )
        progress = self.stage_progress(len(self.columns))
        dense_words = size_in_words("dense", self.prediction.probabilities.shape)
        dense_slot = DENSE_WIDTH + 12
        self._draw_caption(
            target, "dense", dense_words, self.dense_bounds.centerx, progress, (dense_slot,) * 2
        )
        if progress > 0:
            draw_probability_bars(
                target,
                self.text,
                self.dense_bounds,
                self.prediction.probabilities,
                grown=progress,
                vertical=False,
            )

    def _net_sees_one_line(self, tile: pygame.Rect, room: int) -> list[str]:
        """ "What the net sees" on one line under the input's ``tile``, if it fits between the
        view's edge and the next column; else nothing (the column's title says "input")."""
        words = phrase("network.net_sees_title")
        font = self.text.font(18, words)
        half = font.size(words)[0] / 2
        right = self.columns[1].bounds.left - 4 if len(self.columns) > 1 else self.rect.right
        fits = tile.centerx - half >= self.rect.left and tile.centerx + half <= right
        return [words] if fits and font.get_linesize() <= room else []

    def sentence_lines(self, name: str, slot: int) -> list[str]:
        """A layer's plain sentence wrapped to ``slot`` pixels (only the first
        :data:`SENTENCE_LINES` fit under the title)."""
        return wrap_words(self._sentence(name), self.text.font(SENTENCE_SIZE), slot)

    def _sentence(self, name: str) -> str:
        return input_sentence(self.method) if name == "input" else CAPTIONS[name].sentence

    def _draw_caption(
        self, target, name: str, words: str, centerx: int, progress: float, slots: tuple[int, int]
    ) -> None:
        """Title, size in words and (explained) the plain sentence, each kept to ``slot``: with
        larger text (F2) the size takes a second line rather than run into its neighbour's, and
        a sentence with no room left ends in "...", never silently. ``slots``: the widths the
        sentence and the size in words may use."""
        slot, words_slot = slots
        active = 0 < progress < 1
        top = self.rect.top
        self.text.draw(target, name, (centerx, top), 24, ACCENT if active else TEXT, "midtop")
        font = self.text.font(SENTENCE_SIZE)
        size_lines = fit_lines(words, font, words_slot, 2 if self.explain else 1)
        for row, line in enumerate(size_lines, start=1):
            self.text.draw(target, line, (centerx, top + row * WORDS_PITCH), 18, MUTED, "midtop")
        if not self.explain:
            return
        centerx = min(centerx, self.rect.right - slot // 2)  # keep inside the panel
        sentence_top = top + (len(size_lines) + 1) * WORDS_PITCH
        pitch = SENTENCE_PITCH * self.text.shown_size(SENTENCE_SIZE) // SENTENCE_SIZE
        rows = min(SENTENCE_LINES, (top + self.caption_height - sentence_top) // pitch)
        lines = fit_lines(self._sentence(name), font, slot, rows) if rows > 0 else []
        for row, line in enumerate(lines):
            self.text.draw(
                target, line, (centerx, sentence_top + row * pitch), SENTENCE_SIZE, MUTED, "midtop"
            )

    def _draw_column(self, target: pygame.Surface, column: _Column, progress: float) -> None:
        slots = (column.slot, column.words_slot)
        words = column.caption
        if not self.explain and self.text.font(SENTENCE_SIZE).size(words)[0] > column.words_slot:
            words = column.short_caption  # one line only: "28x28", not "28x2..."
        self._draw_caption(target, column.name, words, column.bounds.centerx, progress, slots)
        for tile, (x, y) in zip(column.tiles, column.positions, strict=True):
            side = tile.get_height()
            pygame.draw.rect(target, PANEL_EDGE, (x - 1, y - 1, side + 2, side + 2), width=1)
            shown = round(side * progress)
            if shown > 0:
                target.blit(tile, (x, y), pygame.Rect(0, 0, tile.get_width(), shown))
            if 0 < progress < 1:  # the scan line, where the filter is now
                pygame.draw.line(
                    target, ACCENT, (x, y + shown), (x + tile.get_width() - 1, y + shown), 2
                )

    def _draw_arrow(self, target, source: pygame.Rect, dest: pygame.Rect, progress: float) -> None:
        start = (
            source.right + 4,
            self.rect.top + self.caption_height + (self.rect.height - self.caption_height) // 2,
        )
        end = (dest.left - 6, start[1])
        if end[0] <= start[0]:
            return
        color = ACCENT if progress > 0 else PANEL_EDGE
        pygame.draw.line(target, color, start, end, 2)
        pygame.draw.polygon(
            target, color, [end, (end[0] - 7, end[1] - 5), (end[0] - 7, end[1] + 5)]
        )
        if 0 < progress < 1:
            pulse_x = start[0] + (end[0] - start[0]) * progress
            pygame.draw.circle(target, TEXT, (round(pulse_x), start[1]), 5)
