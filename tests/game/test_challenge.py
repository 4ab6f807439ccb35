"""The challenge: its rules on their own, and a scripted game through the real loop and model."""

import json
import re

import numpy as np
import pygame
import pytest

from mnist_arcade import paths
from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes.challenge_scene import missed_line
from mnist_arcade.game.services.best_scores import load_scores, record_score
from mnist_arcade.game.services.challenge import (
    CONFIDENT,
    ROUND_SECONDS,
    STILL_SEEN,
    STREAK_BONUS,
    Challenge,
    RoundKind,
    RoundResult,
    with_article,
)
from testing_support.game_input import post_key, post_stroke, run_until
from testing_support.text_recorder import drawn_in_frames

DRAW, FOOL = RoundKind.DRAW, RoundKind.FOOL


def reading(digit, confidence, second=None, second_share=0.0):
    """Ten probabilities: ``digit`` at ``confidence``, ``second`` (if given) at
    ``second_share``, and what is left shared evenly by the other digits."""
    probabilities = np.zeros(10)
    probabilities[digit] = confidence
    if second is not None:
        probabilities[second] = second_share
    others = probabilities == 0
    probabilities[others] = (1.0 - probabilities.sum()) / others.sum()
    return probabilities


def judge(game, dt, probabilities, finished=True):
    """One frame of a finished drawing (or, with ``finished=False``, of a stroke going on)."""
    return game.update(dt, probabilities, None, finished=finished)


def test_a_confident_right_reading_wins_faster_and_surer_scores_more():
    game = Challenge([3, 5], [DRAW, DRAW])
    assert judge(game, 2.0, reading(3, 0.5)) is None  # not sure enough yet
    won = judge(game, 1.0, reading(3, 0.95))
    assert won.won and won.confidence == pytest.approx(0.95)
    assert won.points == round(100 * 0.95 + 10 * (ROUND_SECONDS - 3.0))
    assert game.streak == 1 and game.asked == 5 and game.time_left == ROUND_SECONDS


def test_a_streak_multiplies_and_a_miss_resets_it():
    game = Challenge([1, 2, 3], [DRAW, DRAW, DRAW])
    judge(game, 1.0, reading(1, 1.0))
    second = judge(game, 1.0, reading(2, 1.0))
    assert second.points == round((100 + 10 * (ROUND_SECONDS - 1)) * (1 + STREAK_BONUS))
    missed = judge(game, ROUND_SECONDS, reading(8, 0.99))  # the wrong digit until time is up
    assert not missed.won and missed.points == 0 and game.streak == 0 and game.over


def test_a_round_is_not_judged_while_a_stroke_is_in_progress():
    game = Challenge([8], [DRAW])
    half_drawn = reading(8, 0.97)  # the first loop of an 8 that happens to read as one
    assert judge(game, 1.0, half_drawn, finished=False) is None
    assert judge(game, ROUND_SECONDS, half_drawn, finished=False) is None  # even past time
    assert game.time_left == 0.0 and not game.results
    result = judge(game, 0.1, reading(3, 0.95))  # the finished drawing is what counts
    assert not result.won and result.read == 3 and game.over


def test_a_round_ending_mid_stroke_is_judged_when_the_stroke_ends():
    game = Challenge([8], [DRAW])
    assert judge(game, ROUND_SECONDS + 5, reading(2, 0.6), finished=False) is None
    result = judge(game, 0.1, reading(8, 0.96))
    assert result.won and result.seconds == ROUND_SECONDS and result.points == 96  # no time bonus


def test_the_fool_round_is_won_by_a_real_digit_the_network_misreads():
    game = Challenge([1], [FOOL])
    assert judge(game, 1.0, reading(1, 0.99)) is None  # read as asked: not fooled
    flagged_one = reading(7, 0.95, second=1, second_share=0.04)  # a 1 with a long flag
    result = judge(game, 1.0, flagged_one)
    assert result.won and result.read == 7 and result.second == 1


def test_the_fool_round_is_not_won_by_a_drawing_with_no_trace_of_the_digit():
    game = Challenge([1], [FOOL])
    bar = reading(7, 0.92, second=9, second_share=0.05)  # the bar of the walkthrough
    assert judge(game, 1.0, bar) is None
    plain_seven = reading(7, 0.99, second=1, second_share=STILL_SEEN / 2)
    assert judge(game, 1.0, plain_seven) is None
    missed = judge(game, ROUND_SECONDS, bar)
    assert not missed.won and missed.points == 0
    assert missed_line(missed) == "Time's up: I read a 7 (92%), but my second guess was 9, not 1."


def test_each_round_says_exactly_what_wins_it():
    game = Challenge([7, 1], [DRAW, FOOL])
    assert game.requirement() == f"I need to be {CONFIDENT:.0%} sure it is a 7."
    judge(game, 1.0, reading(7, 0.99))
    fool = game.requirement()
    assert f"{CONFIDENT:.0%} sure it is another digit" in fool
    assert f"1 as my second guess ({STILL_SEEN:.0%} or more)" in fool
    assert "real 1" in game.prompt()


def test_an_8_takes_an():
    assert with_article(8) == "an 8" and [with_article(d) for d in (1, 7)] == ["a 1", "a 7"]
    game = Challenge([8, 8], [DRAW, FOOL])
    assert (
        game.prompt() == "Draw an 8!" and "I need to be 90% sure it is an 8." in game.requirement()
    )
    unsure = RoundResult(8, DRAW, False, 8, 0.5, ROUND_SECONDS, 0)
    assert missed_line(unsure) == "Time's up: I read an 8 (50%), not sure enough."


def test_new_games_have_six_different_digits_and_end_with_a_fool_round():
    game = Challenge.new(seed=3)
    assert len(set(game.digits)) == 6 and game.kinds[-1] is FOOL
    assert Challenge.new(seed=3).digits == game.digits


def test_best_scores_are_kept_atomically_and_a_corrupt_file_is_set_aside():
    best, new = record_score(0)
    assert best == [0] and not new  # a first game that scored nothing is no best to praise
    best, new = record_score(120)
    assert best == [120, 0] and new
    best, new = record_score(80)
    assert best == [120, 80, 0] and not new
    assert json.loads((paths.user_dir() / "best_scores.json").read_text()) == {"best": [120, 80, 0]}
    (paths.user_dir() / "best_scores.json").write_text("{ not json")
    scores, problem = load_scores()
    assert scores == [] and "set aside" in problem
    kept = [p for p in paths.user_dir().iterdir() if "unreadable" in p.name]
    assert len(kept) == 1 and kept[0].read_text() == "{ not json"  # never deleted
    hidden = [p.name for p in paths.user_dir().iterdir() if p.name.startswith(".")]
    assert hidden == [".lock"]  # the folder lock's file only: no temporary file left


LEFT, TOP = 40, 110  # the challenge board's top-left corner


SEVEN = [(LEFT + 60, TOP + 50), (LEFT + 240, TOP + 50), (LEFT + 120, TOP + 270)]
FLAGGED_ONE = [(LEFT + 52, TOP + 78), (LEFT + 170, TOP + 40), (LEFT + 170, TOP + 260)]


def draw_digit(app, digit):
    """A 1, a 7, or (for ``"fool 1"``) a real 1 with a long flag that the network reads as 7."""
    if digit == 1:
        post_stroke([(LEFT + 150, TOP + 40), (LEFT + 150, TOP + 260)])
    elif digit == "fool 1":
        post_stroke(FLAGGED_ONE)
    else:
        post_stroke(SEVEN)


def start_challenge(make_app, digits, kinds):
    """The real game on the challenge screen (G), with the rounds fixed."""
    app = make_app(real=True)  # who wins a round depends on what the real network reads
    post_key(pygame.K_g)
    app.frame(1 / 60)
    scene = app.scene
    assert scene is app.scenes[SceneId.CHALLENGE]
    scene.challenge = Challenge(digits, kinds)
    through_countdown(app, scene)
    return app, scene, scene.challenge


def through_countdown(app, scene):
    """The 3-2-1 before a round, in game time: the board takes strokes once it is over."""
    while scene.countdown > 0:
        app.frame(0.5)


def read_fresh(app, digit):
    """Real frames until the engine has read the board as it is, as ``digit`` surely."""
    context = app.context

    def read_now():
        prediction = context.readings.prediction
        return prediction is not None and prediction.digit == digit

    assert run_until(app, read_now, 30)
    assert context.readings.prediction.confidence >= CONFIDENT


def test_a_round_waits_for_the_mouse_button_to_go_up(make_app):
    app, scene, game = start_challenge(make_app, [7], [DRAW])
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=SEVEN[0], button=1))
    for point in SEVEN[1:]:  # the whole 7, with the button still held down
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=point, rel=(0, 0), buttons=(1, 0, 0))
        )
    read_fresh(app, 7)
    for _ in range(int(ROUND_SECONDS * 10) + 10):  # past the whole round, in game time
        app.frame(0.1)
    assert scene.canvas.drawing and not game.results and game.time_left == 0.0
    assert "Time's up: finish your stroke" in drawn_in_frames(app).strings
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=SEVEN[-1], button=1))
    assert run_until_result(app, game, 0)
    result = game.results[0]
    assert result.won and result.read == 7 and result.points == round(100 * result.confidence)


def test_a_plain_7_does_not_win_fool_me_with_a_1(make_app):
    app, _, game = start_challenge(make_app, [1], [FOOL])
    draw_digit(app, 7)
    read_fresh(app, 7)
    assert run_until_result(app, game, 0)
    result = game.results[0]
    assert not result.won and result.read == 7 and result.seconds == ROUND_SECONDS


def test_a_scripted_challenge_game_scores_as_specified(make_app):
    app, scene, game = start_challenge(make_app, [1, 7, 1, 7, 1, 1], [DRAW] * 5 + [FOOL])
    plan = {0: 1, 1: 7, 2: 1, 3: None, 4: 1, 5: "fool 1"}  # round -> digit drawn (None: nothing)
    expected_streak, expected_score = 0, 0
    for round_index, digit in plan.items():
        assert game.round_index == round_index
        if digit is not None:
            draw_digit(app, digit)
            # Real frames until the engine has read the drawing as it is (its answer takes
            # real time; the round's own clock only runs in game time below).
            assert run_until(app, lambda: app.context.readings.prediction is not None, 30)
        # Fixed steps of game time, so the score is known exactly from the readings.
        assert run_until_result(app, game, round_index)
        result = game.results[-1]
        if digit is None:
            assert not result.won and result.points == 0
            expected_streak = 0
        else:
            assert result.won, (round_index, result)
            expected_streak += 1
            time_left = ROUND_SECONDS - result.seconds
            base = 100 * result.confidence + 10 * time_left
            assert result.points == round(base * (1 + STREAK_BONUS * (expected_streak - 1)))
        expected_score += result.points
        assert game.score == expected_score and game.streak == expected_streak
        if game.over:
            break
        for _ in range(100):  # the pause, then a clean board for the next round
            app.frame(1 / 30)
            if scene.pause <= 0:
                break
        assert app.context.board.is_empty
        through_countdown(app, scene)
    assert game.over and game.results[-1].kind is FOOL and game.results[-1].read == 7
    assert load_scores()[0] == [expected_score]
    for _ in range(3):
        app.frame(1 / 60)
    summary_rows = [s for s in drawn_in_frames(app).strings if re.match(r"\+\d+ points in ", s)]
    assert len(summary_rows) == 6  # one row per round
    assert run_until(app, lambda: scene.fool_why is not None, 30)  # why it was fooled
    assert scene.fool_why.evidence.digit == 7
    post_key(pygame.K_SPACE)  # a new game
    app.frame(1 / 60)
    assert not scene.challenge.over and scene.challenge.score == 0


def run_until_result(app, game, round_index):
    """Frames of 1/10 s of game time until the round has a result (at most 20 s of it)."""
    for _ in range(int(ROUND_SECONDS * 10) + 20):
        if len(game.results) > round_index:
            return True
        app.frame(0.1)
        if game.results and len(game.results) <= round_index:
            run_until(app, lambda: app.context.model.requests_waiting == 0, 1)
    return len(game.results) > round_index


def test_points_are_explained_in_words_that_add_up_to_them():
    game = Challenge([1, 7], [DRAW, DRAW])
    judge(game, 8.0, reading(1, 0.95))
    judge(game, 5.0, reading(7, 0.93))
    first, second = game.results
    assert first.points == 95 + 120 and first.points_explained() == (
        "95 for being 95% sure + 120 for the seconds left"
    )
    assert second.points == round((93 + 150) * 1.25)
    assert second.points_explained() == (
        "93 for being 93% sure + 150 for the seconds left, then +25% for 2 won in a row"
    )


def test_each_round_starts_with_3_2_1_and_help_pauses_its_clock(make_app):
    from tests.game.test_board_scene import drawn_strings

    app = make_app(load=False)
    post_key(pygame.K_g)
    app.frame(1 / 60)
    scene, game = app.scene, app.scene.challenge
    shown = drawn_strings(app)
    assert "3" in shown and "Get ready..." in shown
    assert any("plus 10 for every second left" in line for line in shown)
    app.frame(1.0)
    assert "2" in drawn_strings(app) and game.time_left == ROUND_SECONDS  # the clock waits
    for _ in range(3):
        app.frame(1.0)
    assert scene.countdown == 0 and game.time_left < ROUND_SECONDS
    running = game.time_left
    post_key(pygame.K_h)  # the help card covers the round: its clock stops
    for _ in range(5):
        app.frame(1.0)
    assert app.help_open and game.time_left == running
    post_key(pygame.K_h)  # closed as this frame begins: its second counts again
    app.frame(1.0)
    assert not app.help_open and game.time_left == running - 1.0


def test_c_in_a_round_clears_and_says_nothing_about_p(make_app):
    app = make_app()
    post_key(pygame.K_g)
    app.frame(1 / 60)
    through_countdown(app, app.scene)
    post_key(pygame.K_c)
    app.frame(1 / 60)
    notice = app.context.notices.current
    assert "Board cleared" in notice and "P" not in notice.replace("Board", "")


def test_a_round_read_right_but_unsure_shows_mnists_digits_of_that_kind_once(make_app):
    from tests.game.test_board_scene import drawn_strings

    app = make_app(load=False)
    post_key(pygame.K_g)
    app.frame(1 / 60)
    scene = app.scene
    assert run_until(app, lambda: scene.mnist.data is not None, 30)
    scene.challenge = Challenge([0], [DRAW])
    scene.countdown = 0.0
    judge(scene.challenge, ROUND_SECONDS, reading(0, 0.6))  # a 0, but only 60% sure
    scene._finish()
    row = scene.summary.rows[0]
    assert len(row["asked"]) == 3 and row["read"] == []
    assert drawn_strings(app).count("MNIST's 0s:") == 1


def test_the_game_never_says_it_was_100_percent_sure():
    game = Challenge([1], [FOOL])
    almost_certain = reading(7, 0.9996, second=9, second_share=0.0003)  # "100%" if rounded
    missed = judge(game, ROUND_SECONDS, almost_certain)
    assert "(99%)" in missed_line(missed) and "100%" not in missed_line(missed)
