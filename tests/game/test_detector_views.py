"""What each detector looks for: the strongest patches of real MNIST digits, found by the real
engine once per model in one batched call, the conv1 filter as a picture, and an honest phrase."""

import numpy as np
import pygame
import pytest

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.explaining.detectors import (
    PATCHES,
    Shape,
    detector_views,
    dominant_shape,
    strongest_patches,
)
from mnist_arcade.game.widgets.detector_popup import filter_picture
from testing_support.game_input import run_until
from tests.game.test_board_scene import draw_a_one, drawn_strings, read_board


def test_the_patches_are_the_windows_where_each_map_fires_most():
    digits = np.random.default_rng(0).random((4, 28, 28)).astype(np.float32)
    maps = np.zeros((4, 24, 24, 2), dtype=np.float32)
    maps[2, 7, 11, 0] = 5.0  # digit 2 fires map 0 most, at row 7, column 11
    maps[1, 3, 4, 0] = 1.0
    maps[3, 20, 0, 1] = 2.0
    patches, strengths = strongest_patches(maps, digits, "conv1", count=2)
    assert patches.shape == (2, 2, 5, 5)
    np.testing.assert_array_equal(patches[0, 0], digits[2, 7:12, 11:16])
    np.testing.assert_array_equal(patches[0, 1], digits[1, 3:8, 4:9])
    np.testing.assert_array_equal(patches[1, 0], digits[3, 20:25, 0:5])
    assert strengths[0].tolist() == [5.0, 1.0]
    conv2 = np.zeros((4, 8, 8, 1), dtype=np.float32)
    conv2[0, 3, 5, 0] = 1.0
    patches, _ = strongest_patches(conv2, digits, "conv2", count=1)
    np.testing.assert_array_equal(patches[0, 0], digits[0, 6:20, 10:24])  # 14x14 at 2 row


@pytest.mark.parametrize(
    ("picture", "shape"),
    [
        (np.pad(np.ones((1, 5)), ((2, 2), (0, 0))), Shape.HORIZONTAL),
        (np.pad(np.ones((5, 1)), ((0, 0), (2, 2))), Shape.VERTICAL),
        (np.fliplr(np.eye(14)), Shape.UP_RIGHT),
        (np.eye(14), Shape.DOWN_RIGHT),
        (np.zeros((5, 5)), Shape.MIX),
        (np.add.outer(np.arange(5) % 2, np.arange(5) % 2) % 2, Shape.MIX),  # a checkerboard
    ],
)
def test_the_phrase_follows_the_picture(picture, shape):
    assert dominant_shape(picture) is shape


def test_conv1_patches_really_make_their_filter_fire_that_strongly(predictor, shipped_model, mnist):
    digits = mnist_digits_as_input(mnist.x_test[:500])
    maps = predictor.layer_maps(digits, ("conv1",))["conv1"]
    kernel, bias = shipped_model.get_weights()[:2]
    views = detector_views("conv1", maps, digits, kernel)
    assert len(views) == kernel.shape[3]
    for view in views:
        assert view.patches.shape == (PATCHES, 5, 5)
        w = kernel[:, :, 0, view.channel]
        recomputed = np.maximum((view.patches * w).sum(axis=(1, 2)) + bias[view.channel], 0)
        np.testing.assert_allclose(recomputed, view.strengths, rtol=1e-3, atol=1e-4)
        assert (np.diff(view.strengths) <= 1e-6).all()  # strongest first
        assert view.strengths[0] >= maps[..., view.channel].max() - 1e-5
        np.testing.assert_array_equal(view.filter, w)
    shapes = {view.shape for view in views}
    assert len(shapes) > 1  # eight filters are not all said to like the same thing


def test_the_filter_picture_is_orange_where_it_likes_ink_and_blue_where_not():
    weights = np.zeros((5, 5))
    weights[0, 0], weights[4, 4] = 1.0, -0.5
    picture = filter_picture(weights)
    assert tuple(picture[0, 0]) == (255, 150, 60)
    assert picture[4, 4, 2] > picture[4, 4, 0]
    assert not picture[2, 2].any()


def hover(app, layer, index):
    column = next(c for c in app.scene.network.columns if c.name == layer)
    x, y = column.positions[index]
    event = pygame.event.Event(
        pygame.MOUSEMOTION, pos=(x + 4, y + 4), rel=(0, 0), buttons=(0, 0, 0)
    )
    pygame.event.post(event)


def test_hovering_a_map_shows_what_its_detector_looks_for(make_app):
    app = make_app(real=True)  # the real engine finds the patches with the shipped model
    model = app.context.model
    draw_a_one(app)
    read_board(app)
    app.frame(3.0)
    assert model.detectors is None  # not asked for until a map is hovered
    hover(app, "conv1", 1)
    assert run_until(app, lambda: model.detectors is not None, 60)
    assert not model.request_detectors()  # asked once for this model, not on every frame
    views = model.detectors
    assert [len(views["conv1"]), len(views["conv2"])] == [8, 16]
    assert views["conv2"][0].patches.shape == (PATCHES, 14, 14)
    for layer, index in (("conv1", 1), ("conv2", 5)):
        hover(app, layer, index)
        shown = drawn_strings(app)
        popup = app.scene.network.detector_popup(layer, index)
        assert popup.view is views[layer][index]
        assert all(line in shown for line in popup.lines())
        assert ("its filter:" in shown) == (layer == "conv1")
