"""Every catalogue string, in both languages, is complete, drawable and fits where it is drawn.

A missing translation, a character the shipped font lacks, text under 12 px, a line cut short
with "..." or text that runs out of the window or over other text: each one fails here. The
screens are the real scenes on SDL's dummy driver, with the fake engine (what they show does not
depend on what the network reads), driven through the states that show the most words: a
reading, each kind of card, the help of every screen, every lesson step, a game round and a
training run's screen. Every string drawn goes through the one text renderer, which records it.
"""

import functools
import string

import pygame
import pytest

from mnist_arcade import paths
from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.state.lesson_steps import STEPS
from mnist_arcade.game.widgets.detail_cards import Label
from mnist_arcade.game.widgets.line_breaks import has_cjk
from mnist_arcade.game.widgets.text import BUNDLED_EM, Face, Text, face_for, open_font, wrap_words
from mnist_arcade.game.widgets.theme import MIN_TEXT_SIZE
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.languages import Language, current_language, table, use_language
from testing_support.game_input import post_key, post_stroke, read_board, settle
from testing_support.text_recorder import TextRecorder

SEVEN = [(80, 110), (300, 110), (200, 300), (150, 360)]  # a stroke on the board, canvas pixels
NEVER_IN_A_FONT = "\ue000"  # a private-use character: every font draws its missing-glyph box


def template_fields(template: str) -> set[tuple[str, str, str | None]]:
    return {
        (name, spec, conversion)
        for _, name, spec, conversion in string.Formatter().parse(template)
        if name is not None
    }


def literal_text(template: str) -> str:
    """A template's own characters, its placeholders left out."""
    return "".join(literal for literal, *_ in string.Formatter().parse(template))


def test_every_language_has_every_key_with_the_same_placeholders():
    english = table(Language.ENGLISH)
    for language in Language:
        words = table(language)
        assert sorted(set(english) - set(words)) == [], f"{language} lacks these translations"
        assert sorted(set(words) - set(english)) == [], f"{language} has keys English lacks"
        differ = [
            key for key in english if template_fields(english[key]) != template_fields(words[key])
        ]
        assert differ == [], f"{language}: placeholders differ from English"


@pytest.mark.parametrize("language", list(Language))
def test_every_character_of_the_catalogue_is_in_the_font_that_draws_it(language):
    pygame.init()
    use_language(language)
    fonts = {face: open_font(face, 40) for face in Face}
    missing = {}
    for key, template in table(language).items():
        text = literal_text(template)
        face = face_for(text)
        lacking = [
            character
            for character, metrics in zip(text, fonts[face].metrics(text), strict=True)
            if not character.isspace() and (metrics is None or drawn_as_missing(character, face))
        ]
        if lacking:
            missing[key] = "".join(lacking)
    assert missing == {}, f"run python tools/make_cjk_font.py: {missing}"
    assert paths.shipped_cjk_font_path().stat().st_size < 400_000  # a subset, not the whole face


@functools.cache
def drawn_as_missing(character: str, face: Face) -> bool:
    """True when ``face`` draws ``character`` as its empty box: the shipped subset has metrics
    for a character it lacks (its box's), so ``metrics`` alone never says it is missing."""
    font = open_font(face, 40)

    def pixels(text):
        return pygame.image.tobytes(font.render(text, True, (255, 255, 255)), "RGBA")

    return pixels(character) == pixels(NEVER_IN_A_FONT)


def ink_height(surface: pygame.Surface) -> int:
    return surface.get_bounding_rect(min_alpha=64).height


def test_chinese_at_the_smallest_size_is_as_tall_as_the_english_there():
    pygame.init()
    text = Text()
    english = ink_height(text.render("H", MIN_TEXT_SIZE))  # the 12 px the house rule names
    use_language(Language.CHINESE)
    assert ink_height(text.render("国", MIN_TEXT_SIZE)) >= english
    assert round(MIN_TEXT_SIZE * BUNDLED_EM) >= 12  # the Chinese font's em, in pixels


def test_chinese_lines_break_between_characters_never_before_closing_punctuation():
    pygame.init()
    use_language(Language.CHINESE)
    font = Text().font(22)
    sentence = table(Language.CHINESE)["lesson.conv_text"]
    for width in range(120, 700, 37):
        lines = wrap_words(sentence, font, width)
        assert "".join(lines) == sentence  # nothing lost, no space put in
        assert all(font.size(line)[0] <= width for line in lines)
        assert not any(line[0] in "，。、：；？！）”" for line in lines[1:]), lines


# --- the real screens -----------------------------------------------------------------------


def overlapping(drawn) -> list[tuple[str, str]]:
    """Pairs of strings drawn in one layer of a frame whose letters overlap (the same string
    drawn twice at one place, a redraw, is not a pair)."""
    pairs = []
    inked = [item for item in drawn if item.ink is not None]
    for index, first in enumerate(inked):
        for second in inked[index + 1 :]:
            clash = first.ink.clip(second.ink)
            if clash.width > 1 and clash.height > 1 and first.rect != second.rect:
                pairs.append((first.string, second.string))
    return pairs


def top_layer(app, drawn):
    """What was drawn on top: the help card, or an open layer card, or the whole frame."""
    strings = [item.string for item in drawn]
    if app.help_open:
        return drawn[strings.index(phrase("help.title", title=app.scene.TITLE)) :]
    detail = getattr(app.scene, "detail", None)
    if detail is not None and detail.is_open:
        first = next(item.text for item in detail.items if isinstance(item, Label))
        return drawn[strings.index(first) :]
    return drawn


ENGLISH_ONLY = {  # English lines with no values to fill, worded otherwise in Chinese (but
    value  # the glossary's words, which the help shows beside their Chinese twins on purpose)
    for key, value in table(Language.ENGLISH).items()
    if not template_fields(value) and value != table(Language.CHINESE)[key]
} - {value for key, value in table(Language.ENGLISH).items() if key.startswith("glossary.name_")}


def check_frame(app, where: str, problems: list[str], overlaps: dict[str, int]) -> None:
    """Draw one frame of ``app`` and note every string that leaves the window, overlaps
    another, is cut with "...", or is too small. With the help open, what overlaps is only
    looked for on the help card (it is drawn over the dimmed screen on purpose)."""
    with TextRecorder(app.context.text) as seen:
        app.frame(1 / 60)
    canvas = app.screen.get_rect()
    drawn = top_layer(app, seen.drawn)
    for item in seen.drawn:
        if not canvas.contains(item.rect):
            problems.append(f"{where}: out of the window: {item.string!r}")
        if item.string.endswith("...") and has_cjk(item.string):
            problems.append(f"{where}: cut short: {item.string!r}")
        if item.string in ENGLISH_ONLY and current_language() is Language.CHINESE:
            problems.append(f"{where}: English in a Chinese screen: {item.string!r}")
    overlaps[where] = len(overlapping(drawn))
    if seen.sizes and min(seen.sizes) < MIN_TEXT_SIZE:
        problems.append(f"{where}: text under {MIN_TEXT_SIZE} (12 px): {min(seen.sizes)}")


def with_help(app, where: str, problems: list[str], overlaps: dict[str, int]) -> None:
    check_frame(app, where, problems, overlaps)
    post_key(pygame.K_h)
    check_frame(app, f"{where} + help", problems, overlaps)
    post_key(pygame.K_h)
    app.frame(1 / 60)


def board_states(app, problems: list[str], overlaps: dict[str, int]) -> None:
    with_help(app, "board, empty", problems, overlaps)
    post_stroke(SEVEN)
    read_board(app)
    check_frame(app, "board, read", problems, overlaps)
    scene = app.scene
    context = app.context
    prediction, weights = context.readings.reading.prediction, context.model.weights
    for layer, channel in (("conv1", 2), ("conv2", 5), ("pool1", 1), ("dense", 0)):
        scene.detail.open_tile(layer, channel, prediction, weights)
        for _ in range(30):  # the card's animation, a few steps in
            app.frame(1 / 10)
        check_frame(app, f"board, {layer} card", problems, overlaps)
        scene.detail.close()
    post_key(pygame.K_w)
    assert settle(app)
    check_frame(app, "board, why", problems, overlaps)


def other_screens(app, problems: list[str], overlaps: dict[str, int]) -> None:
    for scene_id in (SceneId.BOOK, SceneId.EVALUATION, SceneId.TRAINING, SceneId.CHALLENGE):
        app.switch_to(scene_id)
        for _ in range(90):  # a round under way, the test digits read
            app.frame(1 / 20)
        with_help(app, scene_id.name.lower(), problems, overlaps)
    app.switch_to(SceneId.LESSON)
    lesson = app.scene
    for step in range(len(STEPS)):
        lesson.go(step)
        settle(app)
        for _ in range(5):
            app.frame(1 / 20)
        with_help(app, f"lesson step {step + 1}", problems, overlaps)


def words_whole_in_both_languages(make_app, visit) -> None:
    """Out of the window, cut short or too small fails in either language; text over text is
    counted state by state, and the Chinese screens may have no more of it than the English."""
    problems: list[str] = []
    overlaps: dict[Language, dict[str, int]] = {}
    for language in Language:
        use_language(language)
        app = make_app()
        overlaps[language] = {}
        visit(app, problems, overlaps[language])
    english, chinese = overlaps[Language.ENGLISH], overlaps[Language.CHINESE]
    assert english.keys() == chinese.keys()
    worse = {
        where: (english[where], chinese[where])
        for where in english
        if chinese[where] > english[where]
    }
    assert problems == [], "\n".join(problems)
    assert worse == {}, "text over text (English, Chinese), by screen"


# Two tests, not one, so that pytest-xdist's workers share the frames between them.
def test_the_board_keeps_its_words_whole_inside_the_window_in_both_languages(make_app):
    words_whole_in_both_languages(make_app, board_states)


def test_every_other_screen_keeps_its_words_whole_inside_the_window_in_both_languages(make_app):
    words_whole_in_both_languages(make_app, other_screens)
