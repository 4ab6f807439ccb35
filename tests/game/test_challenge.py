"""The challenge: its rules on their own, and a scripted game through the real loop and model."""

import json

import pygame

from mnist_arcade import paths
from mnist_arcade.game.context import SceneId
from mnist_arcade.game.services.best_scores import load_scores, record_score
from mnist_arcade.game.services.challenge import (
    CONFIDENT,
    ROUND_SECONDS,
    STREAK_BONUS,
    Challenge,
    RoundKind,
)
from tests.game.conftest import post_key, post_stroke, run_until

DRAW, FOOL = RoundKind.DRAW, RoundKind.FOOL


def test_a_confident_right_reading_wins_faster_and_surer_scores_more():
    game = Challenge([3, 5], [DRAW, DRAW])
    assert game.update(2.0, 3, 0.5, None) is None  # not sure enough yet
    won = game.update(1.0, 3, 0.95, None)
    assert won.won and won.points == round(100 * 0.95 + 10 * (ROUND_SECONDS - 3.0))
    assert game.streak == 1 and game.asked == 5 and game.time_left == ROUND_SECONDS


def test_a_streak_multiplies_and_a_miss_resets_it():
    game = Challenge([1, 2, 3], [DRAW, DRAW, DRAW])
    game.update(1.0, 1, 1.0, None)
    second = game.update(1.0, 2, 1.0, None)
    assert second.points == round((100 + 10 * (ROUND_SECONDS - 1)) * (1 + STREAK_BONUS))
    missed = game.update(ROUND_SECONDS, 8, 0.99, None)  # the wrong digit until time runs out
    assert not missed.won and missed.points == 0 and game.streak == 0 and game.over


def test_the_fool_round_is_won_by_a_confident_other_digit():
    game = Challenge([4], [FOOL])
    assert game.update(1.0, 4, 0.99, None) is None  # read as asked: not fooled
    assert game.update(1.0, 9, CONFIDENT, None).won


def test_new_games_have_six_different_digits_and_end_with_a_fool_round():
    game = Challenge.new(seed=3)
    assert len(set(game.digits)) == 6 and game.kinds[-1] is FOOL
    assert Challenge.new(seed=3).digits == game.digits


def test_best_scores_are_kept_atomically_and_a_corrupt_file_is_set_aside():
    best, new = record_score(120)
    assert best == [120] and new
    best, new = record_score(80)
    assert best == [120, 80] and not new
    assert json.loads((paths.user_dir() / "best_scores.json").read_text()) == {"best": [120, 80]}
    (paths.user_dir() / "best_scores.json").write_text("{ not json")
    scores, problem = load_scores()
    assert scores == [] and "set aside" in problem
    kept = [p for p in paths.user_dir().iterdir() if "unreadable" in p.name]
    assert len(kept) == 1 and kept[0].read_text() == "{ not json"  # never deleted
    assert [p.name for p in paths.user_dir().iterdir() if p.name.startswith(".")] == []


LEFT, TOP = 40, 110  # the challenge board's top-left corner


def draw_digit(app, digit):
    if digit == 1:
        post_stroke([(LEFT + 150, TOP + 40), (LEFT + 150, TOP + 260)])
    else:  # a 7
        post_stroke([(LEFT + 60, TOP + 50), (LEFT + 240, TOP + 50), (LEFT + 120, TOP + 270)])


def test_a_scripted_challenge_game_scores_as_specified(make_app):
    app = make_app()
    post_key(pygame.K_g)
    app.frame(1 / 60)
    scene = app.scene
    assert scene is app.scenes[SceneId.CHALLENGE]
    scene.challenge = Challenge([1, 7, 1, 7, 1, 1], [DRAW] * 5 + [FOOL])
    game = scene.challenge
    plan = {0: 1, 1: 7, 2: 1, 3: None, 4: 1, 5: 7}  # round -> digit drawn (None: nothing)
    expected_streak, expected_score = 0, 0
    for round_index, digit in plan.items():
        assert game.round_index == round_index
        if digit is not None:
            draw_digit(app, digit)
            # Real frames until the engine has read the drawing as it is (its answer takes
            # real time; the round's own clock only runs in game time below).
            assert run_until(app, lambda: app.context.prediction is not None, 30)
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
    assert game.over and game.results[-1].kind is FOOL and game.results[-1].read == 7
    assert load_scores()[0] == [expected_score]
    for _ in range(3):
        app.frame(1 / 60)
    assert len(scene._summary_tiles) == 6
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
            run_until(app, lambda: app.context.model._requests.empty(), 1)
    return len(game.results) > round_index
