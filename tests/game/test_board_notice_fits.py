"""The notice under the board stays whole above the reading panel, in both languages.

The reading panel is drawn after the notice, so a notice line below the panel's top edge is
hidden without a trace (in Chinese the "ready" news lost its last words "字，然后按 P").
"""

import pytest

from mnist_arcade.game.scenes.board_scene import NOTICE_TOPLEFT
from mnist_arcade.game.widgets.reading_panel import RESULT_RECT
from mnist_arcade.game.words import phrase, with_the
from mnist_arcade.game.words.languages import Language, use_language
from mnist_arcade.game.words.model_names import shown_measured_on, shown_model_name
from mnist_arcade.messages import yardstick_words
from testing_support.text_recorder import TextRecorder


def ready_news() -> str:
    """The "ready" news for the shipped model measured on 10,000 digits, worded as the game
    words it when the first model loads."""
    accuracy = phrase(
        "model.accuracy", accuracy=0.989, measured_on=shown_measured_on(yardstick_words(10000))
    )
    name = with_the(shown_model_name("shipped model"))
    return phrase("model.ready", name=name, accuracy=accuracy)


def notice_lines(app):
    """The notice's lines as the next frame draws them: strings at the notice's left edge,
    from its top down past the reading panel's top (the panel's own words sit further right)."""
    with TextRecorder(app.context.text) as seen:
        app.frame(1 / 60)
    return [
        item
        for item in seen.drawn
        if item.rect.left == NOTICE_TOPLEFT[0]
        and NOTICE_TOPLEFT[1] <= item.rect.top < RESULT_RECT.bottom
    ]


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
def test_a_notice_too_long_for_the_room_ends_in_an_ellipsis_above_the_panel(make_app, language):
    use_language(language)
    app = make_app()
    app.context.notices.say(app.context.notices.current * 10)
    lines = notice_lines(app)
    assert lines and all(line.rect.bottom <= RESULT_RECT.top for line in lines)
    assert lines[-1].string.endswith("...")
