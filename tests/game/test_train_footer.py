"""The training screen's key line says what each key does now: "stop the run" only while a
run is going; with none going (before the first, after the last) Esc, T and B only go back to
the board, and the footer says so."""

import pygame
import pytest

from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes.train_scene import MAPS_RECT
from mnist_arcade.game.services.training_session import TrainingSession
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.languages import Language, use_language
from mnist_arcade.messages import EpochResult, TrainingStarted
from testing_support.fake_trainers import ScriptedTrainer
from testing_support.game_input import post_key
from testing_support.text_recorder import drawn_in_frames

LOG = {"accuracy": 0.9, "val_accuracy": 0.8, "loss": 0.3, "val_loss": 0.4}


def footer_words(app) -> str:
    """The words drawn under the maps panel (the key line, however it wrapped), unspaced so
    a Chinese line broken between characters reads as one."""
    drawn = drawn_in_frames(app).drawn
    footer = [item.string for item in drawn if item.rect.top >= MAPS_RECT.bottom]
    return "".join(footer).replace(" ", "")


def unspaced(name: str, **values) -> str:
    return phrase(name, **values).replace(" ", "")


def said_idle(words: str) -> bool:
    leave = unspaced("keys.footer_key", key=phrase("keys.esc_t_or_b"),
                     what=phrase("keys.back_to_board"))  # fmt: skip
    return (
        leave in words
        and unspaced("train_screen.key_stop") not in words
        and (unspaced("train_screen.key_back") not in words)
    )


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.CHINESE])
def test_the_footer_offers_stop_the_run_only_while_a_run_is_going(make_app, language):
    use_language(language)
    trainer = ScriptedTrainer(
        [TrainingStarted("seed", 1, 1, 500), EpochResult(1, 1, LOG, 1.0)], hold=True
    )
    session = TrainingSession(trainer)
    app = make_app(training=session)
    app.switch_to(SceneId.TRAINING)
    assert said_idle(footer_words(app))  # no run started yet

    post_key(pygame.K_SPACE)
    app.frame(1 / 60)
    assert session.active
    going = footer_words(app)
    assert unspaced("train_screen.key_stop") in going and not said_idle(going)
    assert unspaced("train_screen.key_back") in going

    session.stop()  # the held run ends at its next batch, as a real one does
    trainer.threads[-1].join(5)
    app.frame(1 / 60)
    assert not session.active
    assert said_idle(footer_words(app))  # the run is over


def test_with_no_run_going_esc_t_and_b_each_go_back_to_the_board(make_app):
    session = TrainingSession(ScriptedTrainer())
    app = make_app(training=session)
    for key in (pygame.K_ESCAPE, pygame.K_t, pygame.K_b):
        app.switch_to(SceneId.TRAINING)
        post_key(key)
        app.frame(1 / 60)
        assert app.scene is app.scenes[SceneId.BOARD]


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.CHINESE])
@pytest.mark.parametrize("large", [False, True])
def test_the_footer_sits_between_the_maps_panel_and_the_bottom_edge(make_app, language, large):
    """In Chinese with larger text the key line takes two rows, and its second row ended 2 px
    above the window's edge; it keeps FOOTER_MARGIN now, and stays below the maps panel."""
    from mnist_arcade.game.scenes.scene import FOOTER_MARGIN
    from mnist_arcade.game.widgets.theme import WINDOW_SIZE

    use_language(language)
    app = make_app()
    if large:
        app.context.text.toggle_large()
    app.switch_to(SceneId.TRAINING)
    drawn = drawn_in_frames(app).drawn
    footer = [item.rect for item in drawn if item.rect.top >= MAPS_RECT.bottom]
    assert footer, "no key line under the maps panel"
    assert max(rect.bottom for rect in footer) <= WINDOW_SIZE[1] - FOOTER_MARGIN
    below_charts = [item.rect for item in drawn if item.rect.top > MAPS_RECT.top]
    assert not [rect for rect in below_charts if rect.top < MAPS_RECT.bottom < rect.bottom]


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.CHINESE])
def test_the_maps_panel_names_the_inputs_size_whole_with_larger_text(make_app, language):
    """The training screen's maps panel has one line per caption: with larger text the
    input's "28x28 pixels" (28x28 像素) was cut to "28x2...", a number no child can read.
    Where the words do not fit, the size alone is shown."""
    from testing_support.game_input import post_stroke, read_board, settle

    use_language(language)
    app = make_app(real=True)
    post_stroke([(120, 150), (120, 330)])
    read_board(app)
    assert settle(app)
    app.context.text.toggle_large()
    app.switch_to(SceneId.TRAINING)
    drawn = [item for item in drawn_in_frames(app).drawn if MAPS_RECT.contains(item.rect)]
    strings = [item.string for item in drawn]
    assert any("28x28" in string for string in strings), strings
    assert not [string for string in strings if string.endswith(("...", "…"))]
