"""The notice under the board stays whole above the reading panel, in both languages.

The reading panel is drawn after the notice, so a notice line below the panel's top edge is
hidden without a trace (in Chinese the "ready" news lost its last words "字，然后按 P").
"""

import numpy as np
import pygame
import pytest

from mnist_arcade.game.scenes.board_scene import NOTICE_OVER_EMPTY_PANEL, NOTICE_TOPLEFT
from mnist_arcade.game.widgets.reading_panel import RESULT_RECT
from mnist_arcade.game.words import phrase, with_the
from mnist_arcade.game.words.languages import Language, use_language
from mnist_arcade.game.words.model_names import shown_measured_on, shown_model_name
from mnist_arcade.messages import yardstick_words
from testing_support.game_input import post_stroke, read_board, run_until, settle
from testing_support.text_recorder import TextRecorder


def ready_news() -> str:
    """The "ready" news for the shipped model measured on 10,000 digits, worded as the game
    words it when the first model loads."""
    accuracy = phrase(
        "model.accuracy", accuracy=0.989, measured_on=shown_measured_on(yardstick_words(10000))
    )
    name = with_the(shown_model_name("shipped model"))
    return phrase("model.ready", name=name, accuracy=accuracy)


def notice_lines(app, below: int = RESULT_RECT.bottom):
    """The notice's lines as the next frame draws them: strings at the notice's left edge,
    from its top down to ``below`` (the panel's own words sit further right)."""
    with TextRecorder(app.context.text) as seen:
        app.frame(1 / 60)
    return [
        item
        for item in seen.drawn
        if item.rect.left == NOTICE_TOPLEFT[0] and NOTICE_TOPLEFT[1] <= item.rect.top < below
    ]


def assert_no_line_hidden(app, lines):
    """The reading panel, drawn after the notice, hides no line of it: each line's ink still
    shows the notice's colour on the canvas."""
    canvas = pygame.surfarray.pixels3d(app.window.canvas)
    color = np.array(app.context.notices.color[:3])
    for item in lines:
        ink = item.ink
        area = canvas[ink.left : ink.right, ink.top : ink.bottom].reshape(-1, 3)
        assert (np.abs(area.astype(int) - color).sum(axis=1) < 60).any(), item.string
    del canvas


@pytest.mark.parametrize("language", list(Language))
def test_the_ready_news_is_whole_above_the_reading_panel(make_app, language):
    use_language(language)
    app = make_app()
    notice = ready_news()
    app.context.notices.say(notice)
    lines = notice_lines(app)
    assert all(line.rect.bottom <= RESULT_RECT.top for line in lines)
    assert "".join(line.string for line in lines).replace(" ", "") == notice.replace(" ", "")


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("reading", [False, True])
def test_a_notice_too_long_for_the_room_ends_in_an_ellipsis_above_the_panel(
    make_app, language, reading
):
    """Above a reading the notice keeps to the room over RESULT_RECT; over an empty panel it
    may take NOTICE_OVER_EMPTY_PANEL of the panel's top, and no more."""
    use_language(language)
    app = make_app()
    if reading:
        post_stroke([(80, 110), (300, 110), (200, 300)])
        read_board(app)
        assert settle(app) and run_until(app, lambda: app.scene.network.done, 30)
    app.context.notices.say(app.context.notices.current * 30)
    lines = notice_lines(app, below=RESULT_RECT.top + NOTICE_OVER_EMPTY_PANEL)
    bound = RESULT_RECT.top if reading else RESULT_RECT.top + NOTICE_OVER_EMPTY_PANEL
    assert lines and all(line.rect.bottom <= bound for line in lines)
    assert lines[-1].string.endswith("...")
    assert_no_line_hidden(app, lines)


def _write_archive_keras_cannot_load(path) -> None:
    """A zip with a config Keras rejects: say, a model saved by another Keras version."""
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("config.json", "{}")


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("broken", ["corrupt", "another version's"])
def test_a_saved_model_that_will_not_load_is_named_whole_above_the_reading_panel(
    make_app, language, large, broken
):
    """A corrupt saved model is renamed *.unreadable-<time>.keras and the shipped model used:
    the board's notice named the old path and was cut with "...", hiding where the bytes
    went. It says in plain words that the file could not be read, the new file's name (whole,
    no folder) and that the shipped model is in use; the empty reading panel gives it room.
    An archive that only this Keras cannot read stays where it was, and the notice was the
    English error with its folder, in Chinese too: it now says so in the player's words."""
    from mnist_arcade import paths

    use_language(language)
    saved = paths.user_model_path()
    saved.parent.mkdir(parents=True, exist_ok=True)
    if broken == "corrupt":
        saved.write_bytes(b"not a model")
    else:
        _write_archive_keras_cannot_load(saved)
    app = make_app(real=True)
    if large:
        app.context.text.toggle_large()
    if broken == "corrupt":
        (aside,) = saved.parent.glob("trained_model.unreadable-*.keras")
        said = phrase("model.saved_kept_aside", name=aside.name)
    else:
        said = phrase("model.saved_left_unread", name=saved.name)
        assert saved.is_file()
    notice = app.context.notices.current
    assert notice == phrase("model.warning_whole", warning=said)
    assert str(saved.parent) not in notice
    with TextRecorder(app.context.text) as seen:
        app.frame(1 / 60)
    lines = [item for item in seen.drawn if item.rect.left == NOTICE_TOPLEFT[0]]
    lines = [item for item in lines if item.rect.top >= NOTICE_TOPLEFT[1]]
    shown = "".join(item.string for item in lines).replace(" ", "")
    assert notice.replace(" ", "") in shown  # whole: no "..."
    assert_no_line_hidden(app, lines)
