"""The challenge as a player sees it: the drawing on the board survives a game, a notice stays
on the screen (and in the part of the game) that said it, a round's result is shown under its
own prompt before the next round's, and the round box's words sit inside it at a readable size.
"""

import itertools

import numpy as np
import pygame
import pytest

from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes.challenge_scene import BOX_PADDING, PAUSE_SECONDS, ROUND_BOX
from mnist_arcade.game.services.challenge import ROUND_SECONDS, Challenge, RoundKind
from mnist_arcade.game.widgets.theme import MIN_TEXT_SIZE
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.languages import Language, use_language
from testing_support.game_input import post_key, post_stroke, read_board
from testing_support.text_recorder import drawn_in_frames
from tests.game.test_challenge import judge, reading, through_countdown

DRAW, FOOL = RoundKind.DRAW, RoundKind.FOOL
LEFT, TOP = 40, 84  # the board scene's board
ONE = [(LEFT + 150, TOP + 40), (LEFT + 150, TOP + 260)]
BAR = [(LEFT + 60, TOP + 150), (LEFT + 240, TOP + 150)]


def press_ctrl_z():
    pygame.event.post(
        pygame.event.Event(
            pygame.KEYDOWN, key=pygame.K_z, mod=pygame.KMOD_LCTRL, unicode="", scancode=0
        )
    )


def open_challenge(app):
    post_key(pygame.K_g)
    app.frame(1 / 60)
    assert app.scene is app.scenes[SceneId.CHALLENGE]
    return app.scene


def test_a_game_keeps_the_drawing_on_the_board_and_gives_it_back(make_app):
    app = make_app()
    context = app.context
    post_stroke(ONE)
    app.frame(1 / 60)
    one_stroke = context.board.pixels.copy()
    post_stroke(BAR)
    app.frame(1 / 60)
    read_board(app)
    drawn, reading_shown = context.board.pixels.copy(), context.readings.prediction
    assert reading_shown is not None
    scene = open_challenge(app)
    assert context.board.is_empty  # the game's own board
    assert phrase("challenge_screen.drawing_kept") in drawn_in_frames(app).strings  # said so
    through_countdown(app, scene)
    post_stroke([(40 + 150, 110 + 40), (40 + 150, 110 + 260)])  # a stroke in the game
    app.frame(1 / 60)
    post_key(pygame.K_ESCAPE)
    app.frame(1 / 60)
    assert app.scene is app.scenes[SceneId.BOARD]
    np.testing.assert_array_equal(context.board.pixels, drawn)
    assert context.readings.prediction is reading_shown  # on show again, and current
    press_ctrl_z()  # takes back the player's own last stroke, not one of the game's
    app.frame(1 / 60)
    np.testing.assert_array_equal(context.board.pixels, one_stroke)
    assert phrase("reading.undone") == context.notices.current


def test_ctrl_z_after_a_clear_says_it_brought_the_drawing_back(make_app):
    app = make_app()
    post_stroke(ONE)
    app.frame(1 / 60)
    drawn = app.context.board.pixels.copy()
    post_key(pygame.K_c)
    app.frame(1 / 60)
    press_ctrl_z()
    app.frame(1 / 60)
    np.testing.assert_array_equal(app.context.board.pixels, drawn)
    assert app.context.notices.current == phrase("reading.undone_clear")
    assert "Took back the last stroke" not in app.context.notices.current


def test_the_boards_notice_is_not_shown_in_the_game(make_app):
    app = make_app()
    post_stroke(ONE)
    post_key(pygame.K_c)  # "Board cleared ... then press P."
    app.frame(1 / 60)
    cleared = app.context.notices.current
    assert "press P" in cleared
    open_challenge(app)
    assert cleared not in drawn_in_frames(app).strings


@pytest.mark.parametrize("language", list(Language))
def test_the_boards_hint_is_not_shown_on_the_training_screen(make_app, language):
    use_language(language)
    app = make_app()
    post_key(pygame.K_ESCAPE)  # nothing to close: the board says how Esc is used there
    app.frame(1 / 60)
    hint = phrase("board_screen.no_card_to_close")
    assert app.context.notices.current == hint
    post_key(pygame.K_t)
    app.frame(1 / 60)
    assert app.scene is app.scenes[SceneId.TRAINING]
    assert not any(hint in line for line in drawn_in_frames(app).strings)


def test_the_rounds_clear_notice_is_gone_by_the_next_get_ready(make_app):
    app = make_app()
    scene = open_challenge(app)
    scene.challenge = Challenge([3, 5], [DRAW, DRAW])
    through_countdown(app, scene)
    scene.challenge.time_left = 0.4  # the round ends in the next frame (an empty board)
    post_key(pygame.K_c)
    app.frame(1 / 60)
    goes_on = phrase("challenge_screen.cleared")
    assert app.context.notices.current == goes_on
    app.frame(0.5)  # time is up: the round's result
    assert scene.challenge.results and scene.pause > 0
    shown = []
    while scene.countdown > 0 or scene.pause > 0:  # the result, then the next 3-2-1
        shown += drawn_in_frames(app).strings  # all within the notice's few seconds
        app.frame(0.25)
    assert phrase("challenge_screen.get_ready") in shown
    assert goes_on not in shown
    post_key(pygame.K_c)  # during the 3-2-1, C does not say that a clock runs
    scene.countdown = 2.0
    app.frame(1 / 60)
    assert goes_on not in drawn_in_frames(app).strings


def show_result(scene, challenge, probabilities, seconds=3.0):
    """End the round in play after ``seconds`` with ``probabilities``; show its result."""
    scene.challenge, scene.countdown = challenge, 0.0
    scene.last, scene.pause = judge(challenge, seconds, probabilities), PAUSE_SECONDS
    assert scene.last is not None


def drawn_with_sizes(app):
    """Each string the next frame draws, the size asked for, and where its ink landed."""
    text, seen = app.context.text, []
    draw = text.draw

    def recording(target, string, position, size=22, *args, **kwargs):
        rect = draw(target, string, position, size, *args, **kwargs)
        ink = text.render(string, size).get_bounding_rect(64).move(rect.topleft)
        seen.append((string, size, ink))
        return rect

    text.draw = recording
    try:
        app.frame(0.0)
    finally:
        del text.draw
    return seen


def test_a_rounds_result_is_shown_under_its_own_prompt_then_the_next_prompt(make_app):
    app = make_app()
    scene = open_challenge(app)
    game = Challenge([6, 5], [DRAW, DRAW])
    show_result(scene, game, reading(6, 0.97))
    shown = [string for string, *_ in drawn_with_sizes(app)]
    won = phrase("challenge_screen.won", digit="a 6", points=game.results[0].points)
    assert won in shown and "Draw a 6!" in shown and "Round 1 of 2" in shown
    assert "Draw a 5!" not in shown and "5" not in shown  # the next round waits for its 3-2-1
    scene.pause = 0.01
    app.frame(0.05)  # the result's time is up: the next round's get-ready
    shown = [string for string, *_ in drawn_with_sizes(app)]
    assert "Draw a 5!" in shown and "5" in shown and "Round 2 of 2" in shown
    assert won not in shown


@pytest.mark.parametrize("language", list(Language))
def test_the_round_boxs_lines_are_readable_inside_it_and_apart(make_app, language):
    use_language(language)
    app = make_app()
    scene = open_challenge(app)
    phases = {"get ready": None}
    phases["a fool round"] = lambda: setattr(scene, "countdown", 0.0)
    missed = reading(7, 0.95, second=3, second_share=0.04)  # the longest result line
    phases["a missed fool round"] = lambda: show_result(
        scene, Challenge([1, 2], [FOOL, DRAW]), missed, ROUND_SECONDS
    )
    phases["a won round"] = lambda: show_result(
        scene, Challenge([6, 5], [DRAW, DRAW]), reading(6, 0.97)
    )
    scene.challenge = Challenge([1], [FOOL])
    for phase, setup in phases.items():
        if setup is not None:
            setup()
        boxed = [
            (string, size, ink)
            for string, size, ink in drawn_with_sizes(app)
            if ROUND_BOX.colliderect(ink)
        ]
        meant = [words for words, *_ in scene._box_lines()]
        assert [string for string, *_ in boxed] == meant, phase  # each whole, none cut short
        inside = ROUND_BOX.inflate(-BOX_PADDING, -BOX_PADDING)  # half the padding at least
        for string, size, ink in boxed:
            assert inside.contains(ink), (phase, string, ink)
            assert size > MIN_TEXT_SIZE, (phase, string, size)  # not squashed to the least
        inks = [ink for *_, ink in boxed]
        for upper, lower in itertools.pairwise(inks):
            assert upper.bottom < lower.top, (phase, upper, lower)  # one under the other
        first_size = boxed[0][1]
        assert all(size < first_size for _, size, _ in boxed[1:])  # the headline, then details
        assert len({size for _, size, _ in boxed[1:]}) == 1, phase  # the details alike
