"""Activations to coloured, enlarged tiles."""

import numpy as np
import pytest

from mnist_arcade.explaining.activation_images import (
    colorize,
    colormap_table,
    enlarge,
    feature_map_tiles,
    normalise_layer,
)


def test_viridis_runs_from_dark_purple_to_yellow():
    table = colormap_table()
    assert table.shape == (256, 3)
    assert table[0].tolist() == [68, 1, 84]
    assert table[-1].tolist() == [253, 231, 37]


def test_layer_is_normalised_by_its_largest_value():
    values = np.array([[[0.0, 2.0], [1.0, 4.0]]])
    scaled = normalise_layer(values)
    assert scaled.max() == 1.0 and scaled.min() == 0.0
    assert scaled[0, 1, 0] == pytest.approx(0.25)


def test_an_all_zero_layer_stays_dark():
    assert not normalise_layer(np.zeros((4, 4, 2))).any()


def test_enlarging_copies_pixels_without_blur():
    image = np.array([[0, 255], [255, 0]], dtype=np.uint8)
    big = enlarge(image, 3)
    assert big.shape == (6, 6)
    assert set(np.unique(big)) == {0, 255}
    assert big[:3, :3].max() == 0 and big[:3, 3:].min() == 255


def test_feature_map_tiles_one_per_channel():
    values = np.random.default_rng(0).random((24, 24, 8)).astype(np.float32)
    tiles = feature_map_tiles(values, 3)
    assert len(tiles) == 8
    assert tiles[0].shape == (72, 72, 3) and tiles[0].dtype == np.uint8


def test_colorize_maps_zero_and_one_to_the_table_ends():
    coloured = colorize(np.array([0.0, 1.0]))
    assert coloured[0].tolist() == colormap_table()[0].tolist()
    assert coloured[1].tolist() == colormap_table()[255].tolist()
