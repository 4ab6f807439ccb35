"""The detail card on SDL's dummy driver, with a real reading of a real digit by the shipped model.

The card's numbers are read from what it actually draws (its display list) and compared with
:mod:`mnist_arcade.explaining.arithmetic` and with the model's own activations.
"""

import re

import numpy as np
import pygame
import pytest

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.explaining import arithmetic
from mnist_arcade.game.widgets.card_numbers import (
    Figures,
    amount,
    cell_number,
    exp_number,
    sum_number,
)
from mnist_arcade.game.widgets.conv_card import input_map_sentence
from mnist_arcade.game.widgets.detail_cards import (
    BODY_TOP,
    MARGIN,
    SENTENCE_LINES,
    SENTENCE_SIZE,
    Box,
    Frame,
    Image,
    Label,
    header,
)
from mnist_arcade.game.widgets.detail_view import HOLD_SECONDS, STEP_SECONDS, DetailView
from mnist_arcade.game.widgets.surfaces import surface_to_rgb
from mnist_arcade.game.widgets.text import Text
from mnist_arcade.game.widgets.theme import ACCENT, MIN_TEXT_SIZE
from mnist_arcade.game.words.numbers import percent
from testing_support.text_recorder import TextRecorder

CARD_RECT = pygame.Rect(384, 96, 844, 476)  # the board scene's network panel, inside its edge


@pytest.fixture
def text():
    pygame.init()
    yield Text()
    pygame.quit()


@pytest.fixture(scope="module")
def reading(predictor, shipped_model, mnist):
    first_seven = int(np.flatnonzero(mnist.y_test == 7)[0])  # looked up: any set's first 7
    digit = mnist_digits_as_input(mnist.x_test[first_seven])
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
    sizes = [item.size for item in view.items if isinstance(item, Label)]
    assert sizes and min(sizes) >= MIN_TEXT_SIZE  # every word on the card is asked readable


def test_a_conv1_card_works_out_the_strongest_pixel_with_the_real_numbers(text, reading):
    prediction, weights = reading
    view = DetailView(text, CARD_RECT, exact=True)
    view.open_conv("conv1", 3, prediction, weights)
    conv1 = maps(prediction)["conv1"][:, :, 3]
    assert view.is_open and view.title == "How conv1 filter 4 computes one pixel"
    assert view.position == np.unravel_index(np.argmax(conv1), conv1.shape)
    row, col = view.position
    step = arithmetic.conv_pixel(prediction.net_input, weights[0], weights[1], 3, row, col)
    shown = view.shown_text()
    assert shown.count(f"relu (a negative sum becomes 0):  {sum_number(step.output)}") == 1
    assert step.output == pytest.approx(float(conv1[row, col]), abs=1e-4)
    assert (
        f"the network's own value at row {row + 1}, column {col + 1}: "
        f"{sum_number(conv1[row, col])}" in shown
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
    view = DetailView(text, CARD_RECT, exact=True)
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
    view = DetailView(text, CARD_RECT, exact=True)
    view.open_conv("conv2", 7, prediction, weights)
    layers = maps(prediction)
    expected = arithmetic.strongest_input_channel(layers["pool1"], weights[2], weights[3], 7)
    assert view.input_channel == expected
    row, col = view.position
    assert view.conv_step.output == pytest.approx(float(layers["conv2"][row, col, 7]), abs=1e-4)
    shown = view.shown_text()
    assert f"pool1 map {expected + 1}" in shown
    assert f"relu (a negative sum becomes 0):  {sum_number(view.conv_step.output)}" in shown
    view.next_input_channel()
    other = (expected + 1) % 8
    shown = view.shown_text()
    weights_shown = shown[shown.index("window x weights") + 1 :][25:50]
    assert weights_shown == [cell_number(v) for v in weights[2][:, :, other, 7].ravel()]
    assert_everything_inside_the_card(view, text)


def test_a_pool_card_keeps_the_biggest_of_the_square(text, reading):
    prediction, _ = reading
    view = DetailView(text, CARD_RECT, exact=True)
    view.open_tile("pool1", 2, prediction, None)
    layers = maps(prediction)
    for _ in range(5):
        row, col = view.position
        expected = float(layers["pool1"][row, col, 2])
        assert view.pool_step.maximum == pytest.approx(expected, abs=1e-6)
        assert f"the network's own value there: {sum_number(expected)}" in view.shown_text()
        view.update(HOLD_SECONDS)
    assert view.title == "How pool1 map 3 shrinks its input"
    drawn(view)
    assert_everything_inside_the_card(view, text)


def test_the_dense_card_shows_the_softmax_with_the_models_numbers(text, reading):
    prediction, weights = reading
    view = DetailView(text, CARD_RECT, exact=True)
    view.open_tile("dense", 0, prediction, weights)
    steps = arithmetic.softmax_steps(maps(prediction)["pool2"], weights[4], weights[5])
    np.testing.assert_allclose(view.softmax.probabilities, prediction.probabilities, atol=1e-6)
    shown = view.shown_text()
    assert view.title == "How ten scores become chances: why a 7?"
    for digit in range(10):
        assert f"{steps.logits[digit]:.2f}" in shown
        assert exp_number(float(steps.exponentials[digit])) in shown
        assert percent(float(prediction.probabilities[digit]), 2) in shown
    assert f"sum of the ten: {exp_number(steps.total)}" in shown
    top = steps.ranking[0]
    assert f"map {top + 1}: {steps.contributions[top]:+.2f}" in shown
    drawn(view)
    assert_everything_inside_the_card(view, text)


def test_closing_the_card_draws_nothing(text, reading):
    prediction, weights = reading
    view = DetailView(text, CARD_RECT, exact=True)
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
    card = DetailView(text, CARD_RECT, exact=True)
    for column in network.columns[1:]:
        x, y = column.positions[-1]
        layer, channel = network.tile_at((x + 1, y + 1))
        card.open_tile(layer, channel, prediction, weights)
        assert card.is_open and card.title.startswith(f"How {layer} ")
        assert f" {channel + 1} " in card.title
    card.open_tile("dense", 0, prediction, weights)
    assert card.softmax.digit == prediction.digit


def test_every_layer_sentence_fits_under_its_title_whole(text, reading):
    from mnist_arcade.game.scenes.board_scene import NETWORK_RECT
    from mnist_arcade.game.widgets.network_view import FULL_LAYOUT, SENTENCE_LINES, NetworkView

    prediction, _ = reading
    network = NetworkView(text, NETWORK_RECT.inflate(-24, -24), FULL_LAYOUT, explain=True)
    network.show(prediction, animate=False)
    for method in ("mnist", "plain"):
        network.method = method
        for column in network.columns:
            lines = network.sentence_lines(column.name, column.slot)
            assert len(lines) <= SENTENCE_LINES, (column.name, lines)  # no words cut off
    assert network.sentence_lines("input", 400) == ["the whole board, shrunk to 28x28"]


# --- numbers counted from 1, the conv2 sentence after Tab, and text that fits ---------------


def sentence_of(view: DetailView) -> str:
    """The plain sentence under the card's title, as drawn (its lines joined)."""
    lines = [
        item.text
        for item in view.items
        if isinstance(item, Label)
        and item.size == SENTENCE_SIZE
        and item.anchor == "topleft"
        and item.position[0] == view.rect.left + MARGIN
        and item.position[1] < view.rect.top + BODY_TOP
    ]
    return " ".join(lines)


def numbers_after(words: str, text: str) -> list[int]:
    """Every number written right after ``words`` in ``text`` ("map 3" -> 3)."""
    return [int(n) for n in re.findall(rf"\b{words} (\d+)\b", text)]


def test_the_hover_popup_and_the_card_name_the_same_map_counting_from_1(reading):
    from mnist_arcade.game.widgets.network_view import FULL_LAYOUT, NetworkView

    pygame.init()
    try:
        text = Text()
        prediction, weights = reading
        network = NetworkView(text, CARD_RECT, FULL_LAYOUT, explain=True)
        network.show(prediction, animate=False)
        card = DetailView(text, CARD_RECT, exact=True)
        screen = pygame.Surface((1280, 720))
        for column in network.columns[1:]:
            for index in (0, len(column.tiles) - 1):
                x, y = column.positions[index]
                layer, channel = network.tile_at((x + 1, y + 1))
                with TextRecorder(text) as popup:
                    network.draw_enlarged(screen, layer, channel, (x + 1, y + 1))
                number = index + 1  # the first map is map 1
                assert f"{layer}, map {number}" in popup.strings
                card.open_tile(layer, channel, prediction, weights)
                noun = "filter" if layer.startswith("conv") else "map"
                assert card.title.startswith(f"How {layer} {noun} {number} ")
                shown = card.shown_text()
                assert f"{layer} map {number}" in shown  # the map under the card's title
                if layer == "conv1":
                    assert f"filter {number}'s weights" in shown
                if layer.startswith("pool"):
                    assert f"{layer.replace('pool', 'conv')} map {number}" in shown
                    assert f"map {number}:" in sentence_of(card)
                for line in shown:  # no map, filter, row or column 0 anywhere
                    for words in ("map", "filter", "row", "column"):
                        assert 0 not in numbers_after(words, line), line
    finally:
        pygame.quit()


def test_the_dense_card_numbers_the_pool2_maps_from_1(text, reading):
    prediction, weights = reading
    view = DetailView(text, CARD_RECT, exact=True)
    view.open_dense(prediction, weights)
    steps = view.softmax
    shown = view.shown_text()
    pushed = [line for line in shown if re.fullmatch(r"map \d+: [+-]\d+\.\d\d", line)]
    expected = list(steps.ranking[:4]) + list(steps.ranking[::-1][:2])
    assert pushed == [f"map {c + 1}: {steps.contributions[c]:+.2f}" for c in expected]


def test_after_tab_the_conv2_sentence_is_true_for_the_map_shown(text, reading):
    prediction, weights = reading
    view = DetailView(text, CARD_RECT, exact=True)
    seen = set()
    for channel in range(16):
        view.open_conv("conv2", channel, prediction, weights)
        strongest = view.strongest_input_channel
        for _ in range(8):
            view.next_input_channel()  # Tab
            shown, parts = view.input_channel, view.conv_step.parts
            sentence = sentence_of(view)
            exact = Figures(exact=True)
            assert sentence == input_map_sentence("conv2", "pool1", shown, parts, strongest, exact)
            assert f"Shown: pool1 map {shown + 1}" in sentence
            assert f"pool1 map {shown + 1}" in view.shown_text()  # the map drawn
            assert f"Tab: pool1 map {(shown + 1) % 8 + 1}" in view.items[1].text
            best = int(np.argmax(parts))
            here = sentence[sentence.index("At this spot") :]
            if "does the most of the 8 maps" in here:  # the claim ...
                assert round(parts[shown], 2) >= round(parts[best], 2) > 0  # ... is true
                seen.add("most")
            elif "no map helps" in here:
                assert round(parts[best], 2) <= 0
            else:  # another map does more: named, with what each adds
                assert round(parts[shown], 2) < round(parts[best], 2)
                assert f"while map {best + 1} does the most: it adds {parts[best]:.2f}" in here
                assert amount(parts[shown], exact) in here
                seen.add("other")
            whole_digit = "does most to make this filter fire over the whole digit"
            assert (whole_digit in sentence) == (shown == strongest)
            # the sentence's numbers are the ones in the card's row of parts
            assert f"{shown + 1}: {parts[shown]:+.2f}" in view.shown_text()
    assert seen == {"most", "other"}  # both kinds of sentence were checked


def test_the_walkthrough_card_no_longer_claims_a_map_that_takes_away_does_most(text, reading):
    """The map shown takes away from the sum while another adds: the card says just that."""
    prediction, weights = reading
    view = DetailView(text, CARD_RECT, exact=True)
    for channel in range(16):
        view.open_conv("conv2", channel, prediction, weights)
        for _ in range(8):
            parts = view.conv_step.parts
            if parts[view.input_channel] < -0.01 and parts.max() > 0.01:
                sentence = sentence_of(view)
                assert "does the most of" not in sentence
                shown = view.input_channel
                best = int(np.argmax(parts))
                assert f"At this spot it takes away {-parts[shown]:.2f}, while map {best + 1}" in (
                    sentence
                )
                return
            view.next_input_channel()
    pytest.fail("no conv2 card shows a map that takes away: pick another digit")


def label_rect(item: Label, text: Text) -> pygame.Rect:
    return text.render(item.text, item.size).get_rect(**{item.anchor: item.position})


def assert_text_is_readable(view: DetailView, text: Text, ending: str):
    """At least 12 px, inside the card, not on other text or a picture, the sentence whole."""
    assert_everything_inside_the_card(view, text)
    labels = [item for item in view.items if isinstance(item, Label)]
    rects = [label_rect(item, text) for item in labels]
    images = [
        item.surface.get_rect(topleft=item.position)
        for item in view.items
        if isinstance(item, Image)
    ]
    for number, (item, rect) in enumerate(zip(labels, rects, strict=True)):
        assert item.size >= MIN_TEXT_SIZE, item
        for other, other_rect in zip(labels[number + 1 :], rects[number + 1 :], strict=True):
            assert not rect.colliderect(other_rect), (item.text, other.text)
        for image in images:
            assert not rect.colliderect(image), item.text
    assert sentence_of(view).endswith(ending)  # the last line drawn is the sentence's end


def test_the_text_of_every_card_is_readable_and_whole(text, reading):
    prediction, weights = reading
    view = DetailView(text, CARD_RECT, exact=True)
    positive = "relu keeps the result only if it is positive."
    for channel in range(6):
        view.open_conv("conv1", channel, prediction, weights)
        assert_text_is_readable(view, text, "blue ones dislike it.")
    for channel in range(16):
        view.open_conv("conv2", channel, prediction, weights)
        for _ in range(8):
            view.next_input_channel()
            assert_text_is_readable(view, text, positive)
        for _ in range(3):  # the window slides on: the sentence changes and still fits
            view.update(HOLD_SECONDS)
            assert_text_is_readable(view, text, positive)
    for layer, count in (("pool1", 6), ("pool2", 16)):
        for channel in range(count):
            view.open_pool(layer, channel, prediction)
            assert_text_is_readable(view, text, "changes less.")
    view.open_dense(prediction, weights)
    assert_text_is_readable(view, text, "add up to 100%.")


def test_a_sentence_too_long_for_three_lines_shows_its_cut(text):
    frame = Frame(text, CARD_RECT, "a title", "a hint")
    sentence = " ".join(["the filter adds up its products and keeps the positive ones."] * 12)
    lines = [
        item.text
        for item in header(frame, sentence)
        if isinstance(item, Label) and item.size == SENTENCE_SIZE
    ]
    assert len(lines) == SENTENCE_LINES
    assert lines[-1].endswith("...")
    width = CARD_RECT.width - 2 * MARGIN
    assert all(text.font(SENTENCE_SIZE).size(line)[0] <= width for line in lines)
