"""When an answer counts as reading a digit, and the calibration error of a set of answers."""

import numpy as np
import pytest

from mnist_arcade.scoring.confidence import (
    DIGIT_THRESHOLD,
    expected_calibration_error,
    reads_as_digit,
)


def one_sure_answer(digit, probability):
    values = np.full(10, (1 - probability) / 9)
    values[digit] = probability
    return values


def test_a_sure_answer_reads_as_a_digit_and_an_even_spread_does_not():
    assert reads_as_digit(one_sure_answer(3, 0.97))
    assert not reads_as_digit(np.full(10, 0.1))
    assert reads_as_digit(one_sure_answer(5, DIGIT_THRESHOLD))
    assert not reads_as_digit(one_sure_answer(5, DIGIT_THRESHOLD - 0.01))


def test_the_threshold_sits_between_a_guess_and_a_sure_answer():
    assert 0.3 < DIGIT_THRESHOLD < 0.9


@pytest.mark.parametrize("bad", [np.full(9, 0.1), np.full((2, 10), 0.1)])
def test_reads_as_digit_wants_one_drawings_ten_probabilities(bad):
    with pytest.raises(ValueError, match="probabilities"):
        reads_as_digit(bad)


def test_calibration_error_is_zero_when_confidence_matches_accuracy():
    # 80% sure every time and right 8 times out of 10.
    answers = np.stack([one_sure_answer(0, 0.8)] * 10)
    labels = np.array([0] * 8 + [1] * 2)
    assert expected_calibration_error(answers, labels) == pytest.approx(0.0, abs=1e-9)


def test_calibration_error_is_the_gap_for_an_overconfident_model():
    # 99% sure every time but right only half the time: the error is 0.49.
    answers = np.stack([one_sure_answer(4, 0.99)] * 10)
    labels = np.array([4] * 5 + [3] * 5)
    assert expected_calibration_error(answers, labels) == pytest.approx(0.49)


def test_calibration_error_weighs_each_bin_by_its_share():
    answers = np.stack([one_sure_answer(0, 0.95)] * 3 + [one_sure_answer(0, 0.55)])
    labels = np.array([0, 0, 0, 1])  # bin 0.95: right 3/3 (gap 0.05); bin 0.55: 0/1 (0.55)
    assert expected_calibration_error(answers, labels) == pytest.approx(0.75 * 0.05 + 0.25 * 0.55)
