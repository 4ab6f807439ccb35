"""Which feature map is under the mouse: hit-testing the network view's tiles.

The board scene asks :func:`tile_at` on hover (to enlarge the map) and on click (to open the
:class:`~mnist_arcade.game.widgets.detail_view.DetailView` for it). It reads the network view's
own layout (each column's tile positions and sizes, and the dense bars' bounds), so the two
cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from mnist_arcade.game.widgets.network_view import NetworkView


@dataclass(frozen=True)
class TileHit:
    """A tile under the point: ``layer`` is "input", "conv1" ... "pool2" or "dense"."""

    layer: str
    channel: int
    rect: pygame.Rect


def tile_at(view: NetworkView, point) -> TileHit | None:
    """The tile under ``point`` (screen coordinates), or None; the dense bars count as one."""
    if view.prediction is None:
        return None
    for column in view.columns:
        if not column.bounds.inflate(2, 2).collidepoint(point):
            continue
        for channel, (tile, (x, y)) in enumerate(zip(column.tiles, column.positions, strict=True)):
            rect = pygame.Rect(x, y, tile.get_width(), tile.get_height())
            if rect.collidepoint(point):
                return TileHit(column.name, channel, rect)
        return None  # in the gap between two tiles
    if view.dense_bounds.collidepoint(point):
        return TileHit("dense", 0, pygame.Rect(view.dense_bounds))
    return None
