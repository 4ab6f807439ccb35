"""The adoption rule's sentences: two different accuracies never print alike."""

from mnist_arcade.scoring.adoption import judge_run, percentages_that_differ


def test_close_accuracies_get_the_decimals_that_tell_them_apart():
    assert percentages_that_differ(0.9920, 0.9915) == ("99.20%", "99.15%")
    assert percentages_that_differ(0.98, 0.75) == ("98.0%", "75.0%")
    assert percentages_that_differ(0.99, 0.99) == ("99.0%", "99.0%")


def test_a_verdict_says_better_only_with_numbers_that_show_it():
    verdict = judge_run(0.9920, 0.9915, completed=True)
    assert verdict.adopt and "99.20%" in verdict.reason and "(99.15%)" in verdict.reason
    kept = judge_run(0.9915, 0.9920, completed=True)
    assert not kept.adopt and "not better than the model in use (99.20%)" in kept.reason


def test_the_training_screen_shows_the_decimals_that_tell_two_runs_apart():
    from mnist_arcade.game.widgets.run_lines import verdict_line
    from mnist_arcade.messages import RunJudged

    judged = RunJudged(True, "better", 0.99200, 0.99150, 6000, [], None)
    line, _ = verdict_line(judged, offer_taken=False)
    assert "99.20% of 6,000 practice-exam digits (model in use, same digits: 99.15%)" in line
    first, _ = verdict_line(RunJudged(True, "first", 0.95, None, 6000, [], None), False)
    assert first == "Now in use: it reads 95.0% of 6,000 practice-exam digits."
