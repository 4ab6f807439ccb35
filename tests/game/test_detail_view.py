"""The detail card on SDL's dummy driver, with a real reading of a real digit by the shipped model.

The card's numbers are read from what it actually draws (its display list) and compared with
:mod:`mnist_arcade.explain` and with the model's own activations.
"""

import numpy as np
import pygame
import pytest

from mnist_arcade import explain
from mnist_arcade.game.widgets.detail_cards import (
    Box,
    Label,
    cell_number,
    exp_number,
    percent,
    sum_number,
)
from mnist_arcade.game.widgets.detail_view import HOLD_SECONDS, STEP_SECONDS, DetailView
from mnist_arcade.game.widgets.surfaces import surface_to_rgb
from mnist_arcade.game.widgets.theme import ACCENT, MIN_TEXT_SIZE, Text
from mnist_arcade.preprocess import mnist_digits_as_input

CARD_RECT = pygame.Rect(384, 96, 844, 476)  # the board scene's network panel, inside its edge


@pytest.fixture
def text():
    pygame.init()
    yield Text()
    pygame.quit()


@pytest.fixture(scope="module")
def reading(predictor, shipped_model, mnist):
    digit = mnist_digits_as_input(mnist.x_test[0])  # a 7
    return predictor.predict(digit), shipped_model.get_weights()


def maps(prediction):
    return {layer.name: layer.values for layer in prediction.layers}


def drawn(view: DetailView) -> np.ndarray:
    screen = pygame.Surface((1280, 720))
    view.draw(screen)
    return surface_to_rgb(screen)


def assert_everything_inside_the_card(view: DetailView, text: Text):
    for item in view.items:
        if isinstance(item, Label):
            rect = text.render(item.text, item.size).get_rect(**{item.anchor: item.position})
        elif isinstance(item, Box):
            rect = item.rect
        else:
            rect = item.surface.get_rect(topleft=item.position)
        assert view.rect.contains(rect), f"{item} sticks out of the card"
    assert text.smallest_asked >= MIN_TEXT_SIZE


def test_a_conv1_card_works_out_the_strongest_pixel_with_the_real_numbers(text, reading):
    prediction, weights = reading
    view = DetailView(text, CARD_RECT)
    view.open_conv("conv1", 3, prediction, weights)
    conv1 = maps(prediction)["conv1"][:, :, 3]
    assert view.is_open and view.title == "How conv1 filter 3 computes one pixel"
    assert view.position == np.unravel_index(np.argmax(conv1), conv1.shape)
    row, col = view.position
    step = explain.conv_pixel(prediction.net_input, weights[0], weights[1], 3, row, col)
    shown = view.shown_text()
    assert shown.count(f"relu (a negative sum becomes 0):  {sum_number(step.output)}") == 1
    assert step.output == pytest.approx(float(conv1[row, col]), abs=1e-4)
    assert (
        f"the network's own value at row {row}, column {col}: {sum_number(conv1[row, col])}"
        in shown
    )
    grids = [
        cell_number(v)
        for v in np.concatenate(
            [
                step.window[:, :, 0].ravel(),
                step.weights[:, :, 0].ravel(),
                step.products[:, :, 0].ravel(),
            ]
        )
    ]
    cells = shown[shown.index("window x weights") + 1 :][:75]
    assert cells == grids  # window, then the filter's 25 weights, then the products
    pixels = drawn(view)
    assert (pixels == ACCENT).all(axis=2).any()  # the window outline is on screen
    assert_everything_inside_the_card(view, text)


def test_the_window_slides_and_every_stop_equals_the_models_activation(text, reading):
    prediction, weights = reading
    view = DetailView(text, CARD_RECT)
    view.open_conv("conv1", 5, prediction, weights)
    conv1 = maps(prediction)["conv1"][:, :, 5]
    start = view.position
    before = drawn(view)
    view.update(HOLD_SECONDS - 0.1)
    assert view.position == start  # the first stop is held long enough to read
    seen = set()
    for _ in range(30):
        view.update(STEP_SECONDS)
        row, col = view.position
        seen.add((row, col))
        assert view.conv_step.output == pytest.approx(float(conv1[row, col]), abs=1e-4)
        assert view.conv_step.row == row and view.conv_step.col == col
    assert len(seen) == 30
    assert not np.array_equal(before, drawn(view))  # the window moved on screen
    view.toggle_pause()
    paused_at = view.position
    view.update(5.0)
    assert view.position == paused_at


def test_a_conv2_card_shows_the_input_map_that_feeds_the_filter_most(text, reading):
    prediction, weights = reading
    view = DetailView(text, CARD_RECT)
    view.open_conv("conv2", 7, prediction, weights)
    layers = maps(prediction)
    expected = explain.strongest_input_channel(layers["pool1"], weights[2], weights[3], 7)
    assert view.input_channel == expected
    row, col = view.position
    assert view.conv_step.output == pytest.approx(float(layers["conv2"][row, col, 7]), abs=1e-4)
    shown = view.shown_text()
    assert f"pool1 map {expected}" in shown
    assert f"relu (a negative sum becomes 0):  {sum_number(view.conv_step.output)}" in shown
    view.next_input_channel()
    other = (expected + 1) % 8
    shown = view.shown_text()
    weights_shown = shown[shown.index("window x weights") + 1 :][25:50]
    assert weights_shown == [cell_number(v) for v in weights[2][:, :, other, 7].ravel()]
    assert_everything_inside_the_card(view, text)


def test_a_pool_card_keeps_the_biggest_of_the_square(text, reading):
    prediction, _ = reading
    view = DetailView(text, CARD_RECT)
    view.open_tile("pool1", 2, prediction, None)
    layers = maps(prediction)
    for _ in range(5):
        row, col = view.position
        expected = float(layers["pool1"][row, col, 2])
        assert view.pool_step.maximum == pytest.approx(expected, abs=1e-6)
        assert f"the network's own value there: {sum_number(expected)}" in view.shown_text()
        view.update(HOLD_SECONDS)
    assert view.title == "How pool1 map 2 shrinks its input"
    drawn(view)
    assert_everything_inside_the_card(view, text)


def test_the_dense_card_shows_the_softmax_with_the_models_numbers(text, reading):
    prediction, weights = reading
    view = DetailView(text, CARD_RECT)
    view.open_tile("dense", 0, prediction, weights)
    steps = explain.softmax_steps(maps(prediction)["pool2"], weights[4], weights[5])
    np.testing.assert_allclose(view.softmax.probabilities, prediction.probabilities, atol=1e-6)
    shown = view.shown_text()
    assert view.title == "How ten scores become chances: why a 7?"
    for digit in range(10):
        assert f"{steps.logits[digit]:.2f}" in shown
        assert exp_number(float(steps.exponentials[digit])) in shown
        assert percent(float(prediction.probabilities[digit])) in shown
    assert f"sum of the ten: {exp_number(steps.total)}" in shown
    top = steps.ranking[0]
    assert f"map {top}: {steps.contributions[top]:+.2f}" in shown
    drawn(view)
    assert_everything_inside_the_card(view, text)


def test_closing_the_card_draws_nothing(text, reading):
    prediction, weights = reading
    view = DetailView(text, CARD_RECT)
    view.open_conv("conv1", 0, prediction, weights)
    view.close()
    assert not view.is_open
    assert not drawn(view).any()
    with pytest.raises(ValueError, match="no detail view"):
        view.open_tile("input", 0, prediction, weights)


def test_a_click_on_any_map_of_the_network_view_opens_its_card(text, reading):
    from mnist_arcade.game.widgets.network_view import FULL_LAYOUT, NetworkView

    prediction, weights = reading
    network = NetworkView(text, CARD_RECT, FULL_LAYOUT, explain=True)
    network.show(prediction, animate=False)
    card = DetailView(text, CARD_RECT)
    for column in network.columns[1:]:
        x, y = column.positions[-1]
        layer, channel = network.tile_at((x + 1, y + 1))
        card.open_tile(layer, channel, prediction, weights)
        assert card.is_open and card.title.startswith(f"How {layer} ")
        assert f" {channel} " in card.title
    card.open_tile("dense", 0, prediction, weights)
    assert card.softmax.digit == prediction.digit


def test_every_layer_sentence_fits_under_its_title_whole(text, reading):
    from mnist_arcade.game.scenes.board_scene import NETWORK_RECT
    from mnist_arcade.game.widgets.network_view import FULL_LAYOUT, SENTENCE_LINES, NetworkView

    prediction, _ = reading
    network = NetworkView(text, NETWORK_RECT.inflate(-24, -24), FULL_LAYOUT, explain=True)
    network.show(prediction, animate=False)
    for column in network.columns:
        lines = network.sentence_lines(column.name, column.slot)
        assert len(lines) <= SENTENCE_LINES, (column.name, lines)  # no words cut off
