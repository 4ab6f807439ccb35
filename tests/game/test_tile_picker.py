"""Which feature map is under the mouse, read from the network view's own layout."""

import numpy as np
import pygame
import pytest

from mnist_arcade.game.widgets.detail_view import DetailView
from mnist_arcade.game.widgets.network_view import FULL_LAYOUT, NetworkView
from mnist_arcade.game.widgets.theme import Text
from mnist_arcade.game.widgets.tile_picker import tile_at

NETWORK_RECT = pygame.Rect(384, 96, 844, 476)


@pytest.fixture
def view(predictor, mnist):
    pygame.init()
    network = NetworkView(Text(), NETWORK_RECT, FULL_LAYOUT, explain=True)
    network.show(predictor.predict(mnist.x_test[1].astype(np.float32) / 255.0), animate=False)
    yield network
    pygame.quit()


def test_every_tile_is_found_under_its_centre(view):
    found = []
    for column in view.columns:
        for tile, (x, y) in zip(column.tiles, column.positions, strict=True):
            hit = tile_at(view, (x + tile.get_width() // 2, y + tile.get_height() // 2))
            found.append((hit.layer, hit.channel))
    expected = [("input", 0)] + [
        (name, channel)
        for name, count in (("conv1", 8), ("pool1", 8), ("conv2", 16), ("pool2", 16))
        for channel in range(count)
    ]
    assert found == expected
    assert tile_at(view, view.dense_bounds.center).layer == "dense"


def test_gaps_margins_and_an_empty_view_find_nothing(view):
    conv1 = view.columns[1]
    (x0, y0), (x1, _) = conv1.positions[0], conv1.positions[1]
    gap = ((x0 + conv1.tiles[0].get_width() + x1) // 2, y0 + 5)
    assert tile_at(view, gap) is None
    assert tile_at(view, NETWORK_RECT.topleft) is None
    view.prediction = None
    assert tile_at(view, view.dense_bounds.center) is None


def test_a_click_on_any_map_opens_its_detail_card(view, shipped_model):
    card = DetailView(view.text, NETWORK_RECT)
    for column in view.columns[1:]:
        x, y = column.positions[-1]
        hit = tile_at(view, (x + 1, y + 1))
        card.open_tile(hit.layer, hit.channel, view.prediction, shipped_model.get_weights())
        assert card.is_open and f"{hit.layer} " in card.title and str(hit.channel) in card.title
