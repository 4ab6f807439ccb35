"""The kernel lab's second view: the network's own first layer, eight learned 5x5 kernels,
each beside its map of the player's picture, crossed out when the filter switches knock it out.

The pictures are made by :class:`~mnist_arcade.game.widgets.kernel_lab.KernelLab` when the
weights or the picture change; this only lays them out with their words.
"""

from __future__ import annotations

import pygame

from mnist_arcade.game.widgets.text import Text
from mnist_arcade.game.widgets.theme import MUTED, TEXT, WARN
from mnist_arcade.game.words import phrase


def draw_learned(surface: pygame.Surface, text: Text, size: int, pad: int, lab) -> None:
    """``lab``'s learned kernels and maps (``pad`` from its edges), or what it waits for."""
    r = lab.rect
    text.draw_wrapped(
        surface,
        phrase("kernel_lab.learned_title"),
        (r.left + pad, r.top + pad),
        r.width - 2 * pad,
        size,
        TEXT,
    )
    if not lab.learned_surfaces:
        position = (r.left + pad, r.centery)
        text.draw(surface, phrase("kernel_lab.no_weights"), position, size, MUTED)
        return
    for index, (kernel_surface, map_surface) in enumerate(lab.learned_surfaces):
        kernel_rect, map_rect = lab.learned_tile(index)
        caption = phrase("kernel_lab.learned_filter", number=index + 1)
        text.draw(surface, caption, kernel_rect.topleft, size, MUTED, "bottomleft")
        surface.blit(kernel_surface, kernel_rect)
        surface.blit(map_surface, map_rect)
        if index in lab.switched_off:
            both = kernel_rect.union(map_rect)
            pygame.draw.line(surface, WARN, both.bottomleft, both.topright, 4)
    if not lab.has_image:
        text.draw(
            surface,
            phrase("kernel_lab.no_image"),
            (r.left + pad, lab.toggle_button.centery),
            size,
            MUTED,
            "midleft",
        )
