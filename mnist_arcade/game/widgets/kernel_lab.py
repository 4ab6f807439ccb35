"""The kernel lab: a picture through a 3x3 kernel, the result beside it, live; then the
network's own first layer, its eight learned 5x5 kernels, each beside its map of the picture.

Keys 1 to 8 (or the buttons) pick a preset from the "image kernels" page; each weight is edited
with the mouse (click raises it by one, right-click lowers it, a drag up or down changes it by
a twentieth a pixel) and the result is computed again at once (:mod:`mnist_arcade.explaining.
kernels`, well under a millisecond). Pointing at a pixel of the result shows its nine products
added up. Tab (or the button) turns to the learned kernels. The lesson's step 3 holds one.

The pictures are made when something changes (a preset, an edit, a new picture, new weights),
so ``draw`` only blits them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import numpy as np
import pygame

from mnist_arcade.explaining.activation_images import colorize, normalise_layer
from mnist_arcade.explaining.kernels import (
    KernelProducts,
    Preset,
    apply_kernel,
    learned_maps,
    preset_kernel,
    products_at,
)
from mnist_arcade.game.widgets.kernel_lab_learned import draw_learned
from mnist_arcade.game.widgets.kernel_lab_sums import PRODUCT_COLUMN, draw_sums, sums_height
from mnist_arcade.game.widgets.surfaces import grey_to_surface, rgb_to_surface
from mnist_arcade.game.widgets.text import Text
from mnist_arcade.game.widgets.theme import (
    ACCENT,
    BACKGROUND,
    MUTED,
    PANEL_EDGE,
    TEXT,
    panel,
)
from mnist_arcade.game.words import phrase

TEXT_SIZE = 24  # pygame's default font at 24 is 16 px high: it reads on a projector
PAD = 12  # pixels between the parts of the lab
BUTTON_HEIGHT = 34  # the Tab button's height
PRESET_HEIGHT = 30  # a preset button's: two rows of them leave the pictures room
BUTTON_GAP = 4
CELL = 60  # side of one weight's square, where there is room (never under MIN_CELL)
MIN_CELL = 44  # a weight's two decimals at 16 px still fit
DRAG_STEP = 0.05  # weight change per pixel of vertical drag
DRAG_THRESHOLD = 3  # pixels a press must move before it is a drag, not a click
WEIGHT_LIMIT = 9.0  # weights stay within [-9, 9]: two characters and a sign
PRESET_KEYS = {pygame.K_1 + index: preset for index, preset in enumerate(Preset)}
NEGATIVE = (96, 165, 250)  # a negative weight's colour; positive ones are ACCENT


class LabView(enum.Enum):
    LAB = "lab"  # the 3x3 kernel and its result
    LEARNED = "learned"  # the network's own eight kernels and their maps


@dataclass
class _Press:
    """A mouse button held on a weight: a click on release, unless it was dragged."""

    cell: tuple[int, int]
    button: int
    start_y: int
    start_value: float
    dragged: bool = False


def weight_text(value: float) -> str:
    """A weight as a child reads it: "5", "-1", "0.06"."""
    if abs(value - round(value)) < 1e-9:
        return str(round(float(value)))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def weight_colour(value: float, scale: float) -> tuple[int, int, int]:
    """BACKGROUND for zero, towards ACCENT for positive and NEGATIVE for negative weights."""
    share = min(abs(value) / scale, 1.0) if scale > 0 else 0.0
    target = ACCENT if value > 0 else NEGATIVE
    return tuple(round(b + (t - b) * share) for b, t in zip(BACKGROUND, target, strict=True))


def _numbered() -> list[tuple[int, Preset]]:
    return list(enumerate(Preset))


def _button_label(index: int, preset: Preset) -> str:
    """ "2 sharpen": the key and the name."""
    name = phrase(f"kernel_lab.preset_{preset.value}")
    return phrase("kernel_lab.button", number=index + 1, name=name)


class KernelLab:
    """The lab in ``rect``; ``set_image`` gives it the picture (28x28 floats in [0, 1])."""

    def __init__(self, rect: pygame.Rect, text: Text | None = None, model_client=None) -> None:
        """``model_client`` (optional): the lab takes the learned kernels from the weights in
        use on each ``update``; without it, give them with ``set_weights``."""
        self.rect = pygame.Rect(rect)
        self.text = text or Text()
        self.model_client = model_client
        self.view = LabView.LAB
        self.preset = Preset.BLUR
        self.edited = False
        self.kernel = preset_kernel(self.preset)
        self.image = np.zeros((28, 28), dtype=np.float64)
        self.has_image = False
        self.output = np.zeros_like(self.image)
        self.hovered: KernelProducts | None = None
        self._press: _Press | None = None
        self._weights: list[np.ndarray] | None = None
        self._learned_kernels: np.ndarray | None = None  # (5, 5, 1, 8)
        self.learned_surfaces: list[tuple[pygame.Surface, pygame.Surface]] = []
        self.switched_off: frozenset[int] = frozenset()  # filters the switches knocked out
        self._layout()
        self._refresh()

    def __repr__(self) -> str:
        name = "edited" if self.edited else self.preset.value
        return f"KernelLab({self.view.value}, {name}, image={self.has_image})"

    # --- layout --------------------------------------------------------------------------------

    def _layout(self) -> None:
        """Where every part goes: buttons on top; picture, kernel, result and sum below."""
        r = self.rect
        font = self.text.font(TEXT_SIZE)
        widest = max(font.size(_button_label(index, preset))[0] for index, preset in _numbered())
        count = len(Preset)
        per_row = count  # one row of eight buttons, or two of four where they would not fit
        if (r.width - 2 * PAD - (count - 1) * BUTTON_GAP) // count < widest + PAD:
            per_row = count // 2
        width = (r.width - 2 * PAD - (per_row - 1) * BUTTON_GAP) // per_row
        self.preset_buttons = {}
        for index, preset in _numbered():
            row, column = divmod(index, per_row)
            left = r.left + PAD + column * (width + BUTTON_GAP)
            top = r.top + PAD + row * (PRESET_HEIGHT + BUTTON_GAP)
            self.preset_buttons[preset] = pygame.Rect(left, top, width, PRESET_HEIGHT)
        line = font.get_linesize()
        # The bottom row: the hint on the left, the Tab button (as wide as its words) on the right.
        toggle_width = max(
            font.size(phrase(k))[0] for k in ("kernel_lab.to_learned", "kernel_lab.to_lab")
        )
        self.toggle_button = pygame.Rect(0, 0, toggle_width + 2 * PAD, BUTTON_HEIGHT)
        self.toggle_button.bottomright = (r.right - PAD, r.bottom - PAD)
        self.hint_top = self.toggle_button.centery - line // 2
        buttons_bottom = max(button.bottom for button in self.preset_buttons.values())
        caption_top = buttons_bottom + PAD
        body_top = caption_top + line + 4
        body_bottom = self.toggle_button.top - PAD * 2 // 3  # the hint sits beside the button
        self.cell = max(MIN_CELL, min(CELL, (body_bottom - body_top) // 3))  # a short panel
        kernel_width, products_width = 3 * self.cell, 3 * PRODUCT_COLUMN
        free = r.width - 2 * PAD - kernel_width - products_width - 5 * PAD
        side = max(28, min(free // 2, body_bottom - body_top) // 28 * 28)
        left = r.left + PAD
        self.input_rect = pygame.Rect(left, body_top, side, side)
        kernel_left = self.input_rect.right + 2 * PAD
        self.kernel_rect = pygame.Rect(kernel_left, body_top, kernel_width, kernel_width)
        self.output_rect = pygame.Rect(self.kernel_rect.right + 2 * PAD, body_top, side, side)
        caption = font.size(phrase("kernel_lab.output"))[0]  # may be wider than the result
        products_left = self.output_rect.left + max(side, caption) + PAD
        products_width = max(products_width, r.right - PAD - products_left)
        height = max(sums_height(line), body_bottom - caption_top)
        self.products_rect = pygame.Rect(products_left, caption_top, products_width, height)

    def weight_cell(self, row: int, col: int) -> pygame.Rect:
        """The square of weight (``row``, ``col``) on screen."""
        k = self.kernel_rect
        cell = self.cell
        return pygame.Rect(k.left + col * cell, k.top + row * cell, cell, cell)

    def output_pixel(self, row: int, col: int) -> tuple[int, int]:
        """The screen position of the middle of output pixel (``row``, ``col``)."""
        scale = self.output_rect.width / self.image.shape[1]
        return (
            round(self.output_rect.left + (col + 0.5) * scale),
            round(self.output_rect.top + (row + 0.5) * scale),
        )

    # --- input ---------------------------------------------------------------------------------

    def set_image(self, image: np.ndarray) -> None:
        """The picture the kernels read: 28x28 floats in [0, 1] (the player's drawing)."""
        image = np.asarray(image, dtype=np.float64)
        if image.shape != (28, 28):
            raise ValueError(f"the kernel lab reads a 28x28 picture, got shape {image.shape}")
        self.image, self.has_image = np.clip(image, 0.0, 1.0), True
        self._refresh(new_image=True)
        self._refresh_learned()

    def set_weights(self, weights: list[np.ndarray] | None) -> None:
        """The model's weights (``model.get_weights()`` order): conv1's kernels are shown."""
        self._weights = weights
        self._learned_kernels = None if weights is None else np.asarray(weights[0])
        self._refresh_learned()

    def show_switched_off(self, off) -> None:
        """Cross out the learned kernels the filter switches knocked out (indices from 0)."""
        self.switched_off = frozenset(off)

    def choose(self, preset: Preset) -> None:
        self.preset, self.edited = preset, False
        self.kernel = preset_kernel(preset)
        self._refresh()

    def set_weight(self, row: int, col: int, value: float) -> None:
        """Change one weight; the result is computed again at once."""
        self.kernel[row, col] = float(np.clip(value, -WEIGHT_LIMIT, WEIGHT_LIMIT))
        self.edited = True
        self._refresh()

    def handle_event(self, event) -> bool:
        """True if the lab used ``event``; keys it does not know are left to the lesson."""
        if event.type == pygame.KEYDOWN:
            return self._key(event.key)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button in (1, 3):
            return self._mouse_down(event.pos, event.button)
        if event.type == pygame.MOUSEMOTION:
            return self._mouse_move(event.pos)
        if event.type == pygame.MOUSEBUTTONUP and self._press is not None:
            press, self._press = self._press, None
            if not press.dragged:
                step = 1.0 if press.button == 1 else -1.0
                self.set_weight(*press.cell, press.start_value + step)
            return True
        return False

    def _key(self, key: int) -> bool:
        if key == pygame.K_TAB:
            self.toggle_view()
            return True
        if self.view is LabView.LAB and key in PRESET_KEYS:
            self.choose(PRESET_KEYS[key])
            return True
        return False  # in the learned view, numbers are free for the filter switches

    def toggle_view(self) -> None:
        self.view = LabView.LEARNED if self.view is LabView.LAB else LabView.LAB
        self._press, self.hovered = None, None

    def _mouse_down(self, pos, button: int) -> bool:
        if self.toggle_button.collidepoint(pos) and button == 1:
            self.toggle_view()
            return True
        if self.view is not LabView.LAB:
            return False
        for preset, rect in self.preset_buttons.items():
            if rect.collidepoint(pos) and button == 1:
                self.choose(preset)
                return True
        for row in range(3):
            for col in range(3):
                if self.weight_cell(row, col).collidepoint(pos):
                    value = float(self.kernel[row, col])
                    self._press = _Press((row, col), button, pos[1], value)
                    return True
        return False

    def _mouse_move(self, pos) -> bool:
        press = self._press
        if press is not None:
            rise = press.start_y - pos[1]
            if press.dragged or abs(rise) >= DRAG_THRESHOLD:
                press.dragged = True
                self.set_weight(*press.cell, round(press.start_value + rise * DRAG_STEP, 2))
            return True
        if self.view is LabView.LAB and self.output_rect.collidepoint(pos):
            scale = self.output_rect.width / self.image.shape[1]
            row = min(int((pos[1] - self.output_rect.top) / scale), self.image.shape[0] - 1)
            col = min(int((pos[0] - self.output_rect.left) / scale), self.image.shape[1] - 1)
            self.hovered = products_at(self.image, self.kernel, row, col)
            return True
        self.hovered = None
        return False

    def update(self, dt: float) -> None:
        """Pick up the weights in use when they change (a new model, a training run put in use)."""
        client = self.model_client
        if client is not None and client.weights is not self._weights:
            self.set_weights(client.weights)

    # --- pictures, made when something changed -------------------------------------------------

    def _refresh(self, new_image: bool = False) -> None:
        """The result again (and the picture, when it is ``new_image``)."""
        self.output = apply_kernel(self.image, self.kernel)
        side = self.input_rect.width
        if new_image or not hasattr(self, "_input_surface"):
            picture = grey_to_surface(self.image)
            self._input_surface = pygame.transform.scale(picture, (side, side))
        shown = np.clip(self.output, 0.0, 1.0)
        self._output_surface = pygame.transform.scale(grey_to_surface(shown), (side, side))
        if self.hovered is not None:
            self.hovered = products_at(self.image, self.kernel, self.hovered.row, self.hovered.col)

    def _refresh_learned(self) -> None:
        kernels = self._learned_kernels
        if kernels is None:
            self.learned_surfaces = []
            return
        maps = learned_maps(self.image, kernels, np.asarray(self._weights[1]))
        map_tiles = colorize(normalise_layer(maps))  # one scale for all eight
        side = self._learned_side()
        scale = float(np.abs(kernels).max()) or 1.0
        surfaces = []
        for f in range(kernels.shape[-1]):
            colours = np.array(
                [[weight_colour(v, scale) for v in row] for row in kernels[:, :, 0, f]],
                dtype=np.uint8,
            )
            kernel_surface = pygame.transform.scale(rgb_to_surface(colours), (side, side))
            map_surface = pygame.transform.scale(rgb_to_surface(map_tiles[:, :, f]), (side, side))
            surfaces.append((kernel_surface, map_surface))
        self.learned_surfaces = surfaces

    def _learned_side(self) -> int:
        """Side of one learned kernel's (and one map's) picture: 8 pairs in 2 rows of 4."""
        line = self.text.font(TEXT_SIZE).get_linesize()
        top = self.rect.top + PAD + 2 * line + PAD
        height = self.toggle_button.top - PAD - top
        by_height = (height // 2) - line - PAD
        by_width = (self.rect.width - 11 * PAD - PAD // 2) // 8
        return max(24, min(by_height, by_width))

    def learned_tile(self, index: int) -> tuple[pygame.Rect, pygame.Rect]:
        """Where learned kernel ``index`` and its map are drawn."""
        side = self._learned_side()
        line = self.text.font(TEXT_SIZE).get_linesize()
        top = self.rect.top + PAD + 2 * line + PAD
        column, row = index % 4, index // 4
        left = self.rect.left + PAD + column * (2 * side + 3 * PAD)
        y = top + row * (side + line + PAD) + line
        return pygame.Rect(left, y, side, side), pygame.Rect(left + side + PAD // 2, y, side, side)

    # --- drawing -------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        panel(surface, self.rect)
        if self.view is LabView.LAB:
            self._draw_lab(surface)
        else:
            draw_learned(surface, self.text, TEXT_SIZE, PAD, self)
        key = "kernel_lab.to_lab" if self.view is LabView.LEARNED else "kernel_lab.to_learned"
        pygame.draw.rect(surface, PANEL_EDGE, self.toggle_button, border_radius=6)
        self.text.draw(surface, phrase(key), self.toggle_button.center, TEXT_SIZE, TEXT, "center")

    def _draw_lab(self, surface: pygame.Surface) -> None:
        text = self.text
        for index, (preset, rect) in enumerate(self.preset_buttons.items()):
            chosen = preset is self.preset and not self.edited
            pygame.draw.rect(surface, ACCENT if chosen else PANEL_EDGE, rect, border_radius=6)
            label = _button_label(index, preset)
            color = BACKGROUND if chosen else TEXT
            text.draw(surface, label, rect.center, TEXT_SIZE, color, "center")
        caption_y = self.input_rect.top - 4
        name = phrase(f"kernel_lab.preset_{self.preset.value}")
        kernel_caption = (
            phrase("kernel_lab.kernel_edited")
            if self.edited
            else phrase("kernel_lab.kernel_preset", name=name)
        )
        for caption, rect in (
            (phrase("kernel_lab.input"), self.input_rect),
            (kernel_caption, self.kernel_rect),
            (phrase("kernel_lab.output"), self.output_rect),
        ):
            text.draw(surface, caption, (rect.left, caption_y), TEXT_SIZE, MUTED, "bottomleft")
        surface.blit(self._input_surface, self.input_rect)
        surface.blit(self._output_surface, self.output_rect)
        self._draw_weights(surface)
        draw_sums(surface, text, TEXT_SIZE, self)
        text.draw_wrapped(
            surface,
            phrase("kernel_lab.hint"),
            (self.rect.left + PAD, self.hint_top),
            self.toggle_button.left - self.rect.left - 2 * PAD,
            TEXT_SIZE,
            MUTED,
        )

    def _draw_weights(self, surface: pygame.Surface) -> None:
        scale = float(np.abs(self.kernel).max()) or 1.0
        for row in range(3):
            for col in range(3):
                cell = self.weight_cell(row, col)
                value = float(self.kernel[row, col])
                pygame.draw.rect(surface, weight_colour(value, scale), cell.inflate(-4, -4))
                pygame.draw.rect(surface, PANEL_EDGE, cell.inflate(-4, -4), width=1)
                self.text.draw(surface, weight_text(value), cell.center, TEXT_SIZE, TEXT, "center")
