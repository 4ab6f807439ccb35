"""The training screen's words stay apart and on screen, in both languages, with F2 or not.

After a run, with larger text on, the run's summary sat on the "Epoch 50 of 50" headline and
the line that says what an epoch is ran into the charts; in Chinese the key line's second line
fell off the bottom of the window.
"""

import pytest

from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes.train_scene import ACCURACY_RECT, MAPS_RECT
from mnist_arcade.game.services.training_session import TrainingSession
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.languages import Language, use_language
from testing_support.fake_trainers import ScriptedTrainer, judged_seed_run
from testing_support.game_input import post_stroke, read_board, settle
from testing_support.text_recorder import TextRecorder, drawn_in_frames


def screen_after_a_run(make_app, large: bool):
    """The training screen, a 7 read on the board before, once a scripted seed run has
    finished and been judged (kept aside: the longest summary), its verdict's notice gone;
    the app and what one frame draws."""
    script = []
    session = TrainingSession(ScriptedTrainer(script))
    app = make_app(training=session)
    post_stroke([(80, 110), (300, 110), (200, 300), (150, 360)])  # a 7: the maps show it
    read_board(app)
    assert settle(app)
    if large:
        app.context.text.toggle_large()
    script += judged_seed_run(app.context.model.weights, epochs=50)
    app.switch_to(SceneId.TRAINING)
    session.start()
    app.frame(1 / 60)
    app.frame(10.0)  # the verdict's notice has given way to the run's summary
    return app, [item for item in drawn_in_frames(app).drawn if item.ink is not None]


@pytest.mark.parametrize("large", [False, True], ids=["normal text", "F2"])
@pytest.mark.parametrize("language", list(Language))
def test_the_lines_above_the_charts_keep_apart_and_off_the_charts(make_app, language, large):
    use_language(language)
    _, drawn = screen_after_a_run(make_app, large)
    strip = [item for item in drawn if item.rect.top < ACCURACY_RECT.top]
    headline = phrase("train_screen.epoch", epoch=50, epochs=50)
    assert headline in [item.string for item in strip]
    assert any("92.7%" in item.string for item in strip)  # the summary
    for index, first in enumerate(strip):
        assert first.ink.bottom <= ACCURACY_RECT.top, first.string
        for second in strip[index + 1 :]:
            assert not first.ink.colliderect(second.ink), (first.string, second.string)


@pytest.mark.parametrize("large", [False, True], ids=["normal text", "F2"])
@pytest.mark.parametrize("language", list(Language))
def test_every_key_line_is_on_screen_below_the_maps(make_app, language, large):
    use_language(language)
    app, drawn = screen_after_a_run(make_app, large)
    footer = [item for item in drawn if item.rect.top >= MAPS_RECT.bottom]
    assert footer
    assert all(item.rect.bottom <= app.screen.get_height() for item in footer)
    shown = phrase("keys.footer_gap").join(item.string for item in footer).replace(" ", "")
    assert shown == app.scene.key_line().replace(" ", "")  # every key, none cut off


@pytest.mark.parametrize("large", [False, True], ids=["normal text", "F2"])
@pytest.mark.parametrize("language", list(Language))
def test_the_maps_words_stay_inside_their_panel(make_app, language, large):
    use_language(language)
    _, drawn = screen_after_a_run(make_app, large)
    inside = [item for item in drawn if MAPS_RECT.colliderect(item.ink)]
    assert inside
    for item in inside:
        assert MAPS_RECT.contains(item.ink), item.string


@pytest.mark.parametrize("large", [False, True], ids=["normal text", "F2"])
@pytest.mark.parametrize("language", list(Language))
def test_the_charts_words_keep_clear_of_each_other(make_app, language, large):
    from mnist_arcade.game.widgets.line_chart import AXIS_NAME_LEFT

    use_language(language)
    app, _ = screen_after_a_run(make_app, large)
    for chart in (app.scene.accuracy_chart, app.scene.loss_chart):
        with TextRecorder(app.context.text) as seen:
            chart._key = None  # drawn afresh, not its cached surface
            chart.draw(app.screen, {"loss": [0.5], "accuracy": [0.5]}, 50)
        words = [item for item in seen.drawn if item.ink is not None]
        for index, first in enumerate(words):
            for second in words[index + 1 :]:
                assert not first.ink.colliderect(second.ink), (first, second)
        # the axis's name, turned on its side at the left edge, and the tick labels beside it
        name_right = AXIS_NAME_LEFT + app.context.text.render(chart.y_label, 18).get_height()
        ticks = [item for item in words if item.rect.right < chart.plot_area.left]
        assert ticks and all(item.ink.left > name_right for item in ticks), chart.y_label


@pytest.mark.parametrize("large", [False, True], ids=["normal text", "F2"])
@pytest.mark.parametrize("language", list(Language))
def test_each_charts_subtitle_is_shown_whole_inside_the_chart(make_app, language, large):
    """Before a run the accuracy chart says what its lines mean in its longest words; with
    larger text (a small window, F2) they ran past the chart's edge, cut off mid-word."""
    use_language(language)
    app = make_app()
    if large:
        app.context.text.toggle_large()
    app.switch_to(SceneId.TRAINING)
    app.frame(1 / 60)
    for chart in (app.scene.accuracy_chart, app.scene.loss_chart):
        with TextRecorder(app.context.text) as seen:
            chart._key = None  # drawn afresh, not its cached surface
            chart.draw(app.screen, {}, 2)
        words = [item for item in seen.drawn if item.ink is not None]
        lines = [item for item in words if item.string in chart.subtitle]
        assert "".join(item.string for item in lines).replace(" ", "") == (
            chart.subtitle.replace(" ", "")
        )
        for line in lines:
            assert line.ink.right <= chart.rect.width - 4, line.string
            assert line.ink.bottom < chart.plot_area.top, line.string
