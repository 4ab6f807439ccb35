"""The help card's layout: every line has its own room, in both languages and with larger text
on, and a row that mixes the two fonts stands on one baseline."""

import itertools

import pygame
import pytest

from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.languages import Language, use_language
from testing_support.text_recorder import TextRecorder


def help_card_lines(app):
    """(string, rect) of every line the help card draws over the current scene."""
    app.help_open = True
    with TextRecorder(app.context.text) as seen:
        app.frame(1 / 60)
    app.help_open = False
    strings = seen.strings
    start = strings.index(phrase("help.title", title=app.scene.TITLE))
    return [(item.string, item.rect) for item in seen.drawn[start:]]


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.CHINESE])
@pytest.mark.parametrize("large", [False, True])
def test_no_line_of_the_help_card_overlaps_another(make_app, language, large):
    use_language(language)
    app = make_app()
    if large:
        app.context.text.toggle_large()
    for scene_id in SceneId:
        app.switch_to(scene_id)
        lines = help_card_lines(app)
        clashes = [
            (first, second)
            for index, (first, first_rect) in enumerate(lines)
            for second, second_rect in lines[index + 1 :]
            if first_rect.colliderect(second_rect)
        ]
        assert not clashes, (scene_id, clashes[:3])


def test_a_key_and_its_meaning_in_another_font_share_a_baseline(make_app):
    """Y's meaning holds Chinese, so it is drawn in the CJK font, whose letters sit lower in
    their line than the bundled font's: both must stand on one baseline, as in every row."""
    app = make_app()
    text = app.context.text
    lines = help_card_lines(app)
    meaning = next(string for string, _ in lines if "中文" in string)
    index = [string for string, _ in lines].index(meaning)
    (key, key_rect), (_, meaning_rect) = lines[index - 1], lines[index]
    assert key == "Y"
    key_baseline = key_rect.top + text.font(22, key).get_ascent()
    meaning_baseline = meaning_rect.top + text.font(22, meaning).get_ascent()
    assert abs(key_baseline - meaning_baseline) <= 1
    above = next(rect for string, rect in reversed(lines[: index - 1]) if string != "Y")
    assert not above.colliderect(meaning_rect) and not above.colliderect(key_rect)
    assert pygame.Rect(key_rect).union(meaning_rect).height <= meaning_rect.height + 1


@pytest.mark.parametrize("large", [False, True])
def test_the_row_in_two_fonts_is_spaced_like_every_other_key_row(make_app, large):
    """The key rows stand at one spacing, Y's (drawn partly in the CJK font) among them: its
    letters neither sit low in their row nor crowd the row below (measured on the letters
    drawn: a key without a descender stands its ink on its baseline)."""
    app = make_app()
    if large:
        app.context.text.toggle_large()
    app.help_open = True
    with TextRecorder(app.context.text) as seen:
        app.frame(1 / 60)
    app.help_open = False
    from mnist_arcade.game.widgets.help_overlay import _window_keys

    rows = _window_keys([(binding.label, binding.what) for binding in app.scene.bindings()])
    keys = [label for label, _ in rows]  # the card's key rows, the window's among them
    y_index = keys.index("Y")
    around = keys[y_index - 2 : y_index + 3]  # two rows above Y, Y, two below
    assert not any(set(key) & set("gjpqy,;()") for key in around)  # no descenders
    drawn = [item for item in seen.drawn if item.string in around]
    assert sorted(item.string for item in drawn) == sorted(around)  # each once: its ink its own
    assert len({item.rect.left for item in drawn}) == 1, "the rows around Y are in one column"
    baselines = [next(item.ink.bottom for item in drawn if item.string == key) for key in around]
    spacings = [lower - upper for upper, lower in itertools.pairwise(baselines)]
    pitch = min(spacings)  # a row whose meaning wraps is two or more of these
    assert all(abs(gap - round(gap / pitch) * pitch) <= 1 for gap in spacings), spacings
    assert abs(spacings[2] - pitch) <= 1  # Y's meaning is one line: the next row one pitch on


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.CHINESE])
def test_words_the_larger_text_card_cannot_hold_are_counted_not_silently_left_out(
    make_app, language
):
    """With larger text on, the board's card may not hold the whole glossary: the words it
    leaves out are counted in a note at its foot, so every glossary word is shown or counted."""
    from mnist_arcade.game.widgets.help_overlay import GLOSSARY

    use_language(language)
    app = make_app()
    app.context.text.toggle_large()
    strings = [string for string, _ in help_card_lines(app)]
    shown = [word for word in GLOSSARY if word in strings]
    left_out = len(GLOSSARY) - len(shown)
    note = phrase("help.more_words_large", count=left_out)
    assert (note in strings) == (left_out > 0)
    assert not any(phrase("help.more_words_large", count=n) in strings for n in range(20)
                   if n != left_out)  # fmt: skip


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.CHINESE])
@pytest.mark.parametrize("large", [False, True])
def test_every_line_of_the_help_card_stays_inside_the_card(make_app, language, large):
    """A glossary sentence wrapped to its column ran past the card's right edge on the training
    screen (Chinese, larger text): its third column was measured narrower than it was drawn."""
    use_language(language)
    app = make_app()
    if large:
        app.context.text.toggle_large()
    width, height = app.screen.get_size()
    card = pygame.Rect(40, 30, width - 80, height - 60)  # draw_help's card
    for scene_id in SceneId:
        app.switch_to(scene_id)
        outside = [string for string, rect in help_card_lines(app) if not card.contains(rect)]
        assert not outside, (scene_id, outside[:3])


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.CHINESE])
def test_the_help_card_over_the_lesson_keeps_the_lessons_smallest_text(make_app, language):
    """The lesson's rule is 16 px text at the least (LESSON_SIZE), for a projector; its help
    card was drawn at the game's 12-14 px. Every line of it is now at least as tall as the
    same words at the lesson's size (the card's layout is then the larger-text one, which the
    tests above hold inside the card, line clear of line)."""
    from mnist_arcade.game.widgets.lesson_panels import LESSON_SIZE

    use_language(language)
    app = make_app()
    app.switch_to(SceneId.LESSON)
    text = app.context.text
    lines = help_card_lines(app)
    small = [
        string
        for string, rect in lines
        if rect.height < text.font(LESSON_SIZE, string).get_height()
    ]
    assert lines and not small, small[:3]
    card = pygame.Rect(40, 30, app.screen.get_width() - 80, app.screen.get_height() - 60)
    assert all(card.contains(rect) for _, rect in lines)


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.CHINESE])
def test_every_help_card_has_one_fullscreen_row_for_f_and_f11(make_app, language):
    """F (each screen's) and F11 (the window's) were two rows saying "fullscreen on or off"."""
    use_language(language)
    app = make_app()
    fullscreen = phrase("keys.fullscreen")
    for scene_id in SceneId:
        app.switch_to(scene_id)
        strings = [string for string, _ in help_card_lines(app)]
        assert strings.count(fullscreen) == 1, scene_id
        assert strings[strings.index(fullscreen) - 1] == phrase(
            "keys.or_window_fullscreen", key="F"
        ), scene_id
        assert "F11" not in strings and "F" not in strings, scene_id


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.CHINESE])
def test_a_glossary_word_both_languages_spell_alike_is_shown_once(make_app, language):
    """softmax is softmax in Chinese too: its row showed "softmax softmax" (the word and its
    twin in the other language); every word of the glossary is drawn once."""
    from mnist_arcade.game.widgets.help_overlay import GLOSSARY

    use_language(language)
    app = make_app()
    app.switch_to(SceneId.TRAINING)  # the screen the play-test saw it on
    strings = [string for string, _ in help_card_lines(app)]
    glossary = strings[strings.index(phrase("help.words")) :]  # panels may share a word
    for name in GLOSSARY.catalogue_keys:
        assert glossary.count(phrase(name)) == 1, phrase(name)


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.CHINESE])
@pytest.mark.parametrize("chosen", [False, True], ids=["by the window", "F2 too"])
def test_in_a_small_window_the_left_out_words_note_does_not_send_the_player_to_f2_alone(
    make_app, language, chosen
):
    """In a window smaller than the canvas larger text stays on whatever F2 says, yet the
    board's help card said its left-out words were one F2 away; it now says a bigger window
    shows them (and F2 after it, where the player chose larger text)."""
    use_language(language)
    app = make_app()
    app.window.resize((960, 540))
    if chosen:
        app.context.text.toggle_large()
    strings = [string for string, _ in help_card_lines(app)]
    assert app.context.text.window_small
    key = "help.more_words_bigger_window_chosen" if chosen else "help.more_words_bigger_window"
    assert any(phrase(key, count=n) in strings for n in range(1, 20))
    assert not any(phrase("help.more_words_large", count=n) in strings for n in range(20))
