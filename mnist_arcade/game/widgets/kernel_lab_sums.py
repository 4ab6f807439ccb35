"""The kernel lab's sum panel: the nine products under the pointed-at pixel, and their total.

Pointing at a pixel of the lab's result frames the 3x3 patch of the picture it came from and
the pixel itself, and lists each pixel times its weight, then what they add up to (and, when
the total is outside 0 to 1, what the screen shows instead). Drawn inside the lab's
``products_rect``; it needs no more than :func:`sums_height` of it.
"""

from __future__ import annotations

import numpy as np
import pygame

from mnist_arcade.game.widgets.text import Text
from mnist_arcade.game.widgets.theme import ACCENT, MUTED, TEXT
from mnist_arcade.game.words import phrase

PRODUCT_COLUMN = 60  # width of one product's column: "-0.8" at 16 px, with room around it
ROW_GAP = 4  # pixels between the rows of products


def product_text(value: float) -> str:
    """A product or a sum, to one decimal: "0.8", "-1.6", "0"."""
    rounded = round(value, 1)
    if rounded == 0:
        return "0"
    return f"{rounded:.1f}".rstrip("0").rstrip(".")


def sums_height(line: int) -> int:
    """Height the panel needs with text ``line`` px apart: a label, three rows of products,
    the total and the "shown as" line."""
    return line + ROW_GAP + 3 * (line + ROW_GAP) + line + line


def draw_sums(surface: pygame.Surface, text: Text, size: int, lab) -> None:
    """The sum of ``lab``'s hovered pixel in ``lab.products_rect``, or how to get one."""
    area, step = lab.products_rect, lab.hovered
    line = text.font(size).get_linesize()
    if step is None:
        words = phrase("kernel_lab.point_at_output")
        text.draw_wrapped(surface, words, area.topleft, area.width, size, MUTED, max_lines=4)
        return
    scale = lab.input_rect.width / lab.image.shape[1]
    window = pygame.Rect(
        round(lab.input_rect.left + (step.col - 1) * scale),
        round(lab.input_rect.top + (step.row - 1) * scale),
        round(3 * scale),
        round(3 * scale),
    )
    pygame.draw.rect(surface, ACCENT, window.clip(lab.input_rect), width=2)
    pixel = pygame.Rect(0, 0, max(4, round(scale)), max(4, round(scale)))
    pixel.center = lab.output_pixel(step.row, step.col)
    pygame.draw.rect(surface, ACCENT, pixel, width=2)
    text.draw(surface, phrase("kernel_lab.products"), area.topleft, size, MUTED)
    top = area.top + line + ROW_GAP
    for row in range(3):
        for col in range(3):
            cell = pygame.Rect(
                area.left + col * PRODUCT_COLUMN, top + row * (line + ROW_GAP), PRODUCT_COLUMN, line
            )
            value = product_text(float(step.products[row, col]))
            text.draw(surface, value, cell.center, size, TEXT, "center")
    y = top + 3 * (line + ROW_GAP)
    total = product_text(step.total)
    text.draw(surface, phrase("kernel_lab.sum", total=total), (area.left, y), size, ACCENT)
    if not 0.0 <= step.total <= 1.0:
        shown = product_text(float(np.clip(step.total, 0.0, 1.0)))
        words = phrase("kernel_lab.shown_as", shown=shown)
        text.draw_wrapped(surface, words, (area.left, y + line), area.width, size, MUTED, 1)
