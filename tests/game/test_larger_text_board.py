"""With larger text on (F2), the board's words stay whole, apart and inside their panels.

F2 lifts every small size to 24 px, for a projector; the layers' captions, the key footer and
the map cards were laid out for the small sizes, so this draws the real board with it on.
"""

import itertools

import pygame
import pytest

from mnist_arcade.game.scenes.board_scene import NETWORK_RECT
from mnist_arcade.game.widgets.board_status import HELP_RECT, KEY_SEPARATOR
from mnist_arcade.game.widgets.detail_cards import Label
from mnist_arcade.game.widgets.layer_captions import CAPTIONS, input_sentence
from mnist_arcade.game.widgets.network_view import EXPLAINED_CAPTION_HEIGHT
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.languages import Language, use_language
from testing_support.game_input import post_key, post_stroke, read_board, settle
from testing_support.text_recorder import TextRecorder

SEVEN = [(80, 110), (300, 110), (200, 300), (150, 360)]  # a stroke on the board, canvas pixels
APART = 4  # pixels between two numbers of a card's grids, at the least (less reads as one)


def larger_text_board(make_app):
    """The board, a seven read, with larger text on: the app and what one frame draws."""
    app = make_app()
    post_stroke(SEVEN)
    read_board(app)
    assert settle(app)
    post_key(pygame.K_F2)
    app.frame(1 / 60)
    assert app.context.text.large
    with TextRecorder(app.context.text) as seen:
        app.frame(1 / 60)
    return app, seen.drawn


def captions(drawn):
    """What the network panel draws above its tiles, in the order drawn."""
    area = pygame.Rect(NETWORK_RECT.left, NETWORK_RECT.top, NETWORK_RECT.width, 12)
    area.height += EXPLAINED_CAPTION_HEIGHT
    return [item for item in drawn if area.colliderect(item.rect) and item.ink is not None]


def test_layer_captions_stay_apart_and_inside_the_panel(make_app):
    app, drawn = larger_text_board(make_app)
    apart = app.context.text.font(18).size("  ")[0]  # two spaces: less reads as one phrase
    shown = captions(drawn)
    assert shown
    for item in shown:
        assert NETWORK_RECT.contains(item.rect), item.string
    for index, first in enumerate(shown):
        for second in shown[index + 1 :]:
            together = first.ink.inflate(2 * apart, 0).colliderect(second.ink)
            assert not together, (first.string, second.string)


def test_a_layer_sentence_is_whole_or_ends_in_an_ellipsis(make_app):
    app, drawn = larger_text_board(make_app)
    joined = "".join(item.string for item in captions(drawn)).replace(" ", "")
    method = app.context.readings.method
    others = [CAPTIONS[name].sentence for name in CAPTIONS if name != "input"]
    for sentence in [input_sentence(method), *others]:
        whole = sentence.replace(" ", "")
        shown = max(k for k in range(len(whole) + 1) if whole[:k] in joined)
        assert shown == len(whole) or f"{whole[:shown]}..." in joined, sentence


@pytest.mark.parametrize("language", list(Language))
def test_every_key_of_the_footer_is_whole_inside_its_panel(make_app, language):
    use_language(language)
    _, drawn = larger_text_board(make_app)
    footer = [item for item in drawn if HELP_RECT.colliderect(item.rect) and item.ink is not None]
    for item in footer:
        assert HELP_RECT.contains(item.rect), item.string
    for index, first in enumerate(footer):
        assert not any(first.ink.colliderect(second.ink) for second in footer[index + 1 :])
    shown = " ".join(item.string for item in footer)
    for key in ("help_first", "help_third"):
        for entry in KEY_SEPARATOR.split(phrase(f"board_screen.{key}"))[::2]:
            assert entry.strip() in shown, entry


def drawn_on_open_card(make_app, layer: str):
    """The card of ``layer``'s first map opened on the larger-text board, a few steps into its
    animation, and what one frame draws from its title on (the board under it is hidden)."""
    app, _ = larger_text_board(make_app)
    context = app.context
    card = app.scene.detail
    card.open_tile(layer, 0, context.readings.reading.prediction, context.model.weights)
    for _ in range(30):  # the card's animation, a few steps in
        app.frame(1 / 10)
    with TextRecorder(context.text) as seen:
        app.frame(1 / 60)
    strings = [item.string for item in seen.drawn]
    title = next(item.text for item in card.items if isinstance(item, Label))
    return card, seen.drawn[strings.index(title) :]


def test_the_numbers_of_a_filter_card_stay_apart(make_app):
    _, on_card = drawn_on_open_card(make_app, "conv1")
    numbers = [
        item
        for item in on_card
        if item.ink is not None and item.string.lstrip("-").replace(".", "", 1).isdigit()
    ]
    assert len(numbers) >= 75  # the window, the weights and the products: 25 each
    for index, first in enumerate(numbers):
        for second in numbers[index + 1 :]:
            assert not first.ink.inflate(2 * APART, 0).colliderect(second.ink), (
                first.string,
                second.string,
            )


@pytest.mark.parametrize("language", list(Language))
def test_the_lines_under_the_input_tile_stay_apart(make_app, language):
    use_language(language)
    _, drawn = larger_text_board(make_app)
    lines = phrase("network.net_sees_lines").split("|")
    shown = [item for item in drawn if item.string in lines and item.ink is not None]
    assert [item.string for item in shown] == lines
    for upper, lower in itertools.pairwise(shown):
        assert lower.ink.top - upper.ink.bottom >= 2, (upper.string, lower.string)


def test_nothing_of_the_network_view_shows_beside_an_open_filter_card(make_app):
    app, _ = larger_text_board(make_app)
    context = app.context
    card = app.scene.detail
    card.open_tile("conv1", 0, context.readings.reading.prediction, context.model.weights)
    app.frame(1 / 60)
    with TextRecorder(context.text) as seen:
        app.frame(1 / 60)
    beside = [
        item.string
        for item in seen.drawn
        if item.ink is not None
        and NETWORK_RECT.colliderect(item.ink)
        and not card.rect.contains(item.ink)
    ]
    assert not beside  # a caption wider than the card's margin peeked out ("s" of "chances")


@pytest.mark.parametrize("layer", ["conv1", "pool1", "conv2"])
@pytest.mark.parametrize("language", list(Language))
def test_a_cards_labels_sit_clear_of_the_maps_and_grids_under_them(make_app, language, layer):
    from mnist_arcade.game.widgets.detail_cards import Box, Image

    use_language(language)
    app, _ = larger_text_board(make_app)
    context = app.context
    card = app.scene.detail
    card.open_tile(layer, 0, context.readings.reading.prediction, context.model.weights)
    app.frame(1 / 60)
    with TextRecorder(context.text) as seen:
        app.frame(1 / 60)
    shapes = [item.rect for item in card.items if isinstance(item, Box)]  # the grids' boxes
    shapes += [  # and the maps
        pygame.Rect(item.position, item.surface.get_size())
        for item in card.items
        if isinstance(item, Image)
    ]
    labels = [
        item
        for item in seen.drawn
        if item.ink is not None and card.rect.contains(item.ink) and item.rect.height > 0
    ]
    for label in labels:
        for shape in shapes:
            if shape.colliderect(label.rect) and not shape.contains(label.rect):
                assert not shape.colliderect(label.ink), (label.string, shape)


@pytest.mark.parametrize("layer", ["conv2", "dense"])
@pytest.mark.parametrize("language", list(Language))
def test_every_line_of_a_card_stays_inside_it_and_off_the_others(make_app, language, layer):
    """The dense card's last line (score = parts + bias = score) ran past the card's edge, and
    the conv2 card's "from each pool1 map:" ran into the first map's part, in larger text."""
    use_language(language)
    card, drawn = drawn_on_open_card(make_app, layer)
    on_card = [item for item in drawn if item.ink is not None]
    outside = [item.string for item in on_card if not card.rect.contains(item.rect)]
    assert not outside
    for index, first in enumerate(on_card):
        for second in on_card[index + 1 :]:
            assert not first.ink.colliderect(second.ink), (first.string, second.string)


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("large", [False, True])
def test_the_footers_last_line_keeps_a_margin_above_the_panels_foot(make_app, language, large):
    """With larger text on, the Chinese footer's last line (the colours) sat on the panel's
    bottom edge: it keeps at least the room the first line has above it."""
    use_language(language)
    app = make_app()
    if large:
        app.context.text.toggle_large()
    with TextRecorder(app.context.text) as seen:
        app.frame(1 / 60)
    footer = [item for item in seen.drawn if HELP_RECT.colliderect(item.rect)]
    above = min(item.rect.top for item in footer) - HELP_RECT.top
    last = max(footer, key=lambda item: item.rect.bottom)
    assert above > 0 and HELP_RECT.bottom - last.rect.bottom >= above, last.string
    for upper, lower in itertools.pairwise(sorted(footer, key=lambda item: item.rect.top)):
        if upper.rect.left == lower.rect.left:  # one row under another (not the language key)
            assert lower.ink.top - upper.ink.bottom >= 2, (upper.string, lower.string)
