"""Numbers a child can read: every detail card, drawn with the shipped model's real reading of
real MNIST digits, shows rounded numbers (at most 3 significant digits, never e-notation) until
X asks for the exact ones."""

import re

import numpy as np
import pygame
import pytest

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.game.widgets.detail_view import DetailView
from mnist_arcade.game.widgets.text import Text
from mnist_arcade.game.words.languages import Language, use_language
from mnist_arcade.game.words.numbers import digits_counted, exact, readable, readable_percent

CARD_RECT = pygame.Rect(384, 96, 844, 476)
NUMBER = re.compile(r"(?<![A-Za-z\d.,^])\d[\d,]*(?:\.\d+)?")
E_NOTATION = re.compile(r"\d(?:\.\d+)?[eE][+-]?\d")
LAYERS = {"conv1": 8, "pool1": 8, "conv2": 16, "pool2": 16}


def significant_digits(number: str) -> int:
    digits = number.replace(",", "")
    if "." not in digits:
        digits = digits.rstrip("0") or "0"
    return len(digits.replace(".", "").lstrip("0")) or 1


@pytest.fixture
def text():
    pygame.init()
    yield Text()
    pygame.quit()


@pytest.fixture(scope="module")
def readings(predictor, shipped_model, mnist):
    """Real digits of three different labels, found by label (never by position)."""
    picked = [int(np.flatnonzero(mnist.y_test == label)[0]) for label in (1, 4, 8)]
    digits = [mnist_digits_as_input(mnist.x_test[i]) for i in picked]
    return [predictor.predict(d) for d in digits], shipped_model.get_weights()


def every_card(view: DetailView, predictions, weights):
    """Each prediction's dense card and every map's card, at its first two window steps."""
    for prediction in predictions:
        view.open_dense(prediction, weights)
        yield view.shown_text()
        for layer, count in LAYERS.items():
            for channel in range(count):
                view.open_tile(layer, channel, prediction, weights)
                yield view.shown_text()
                view.update(10.0)  # the window slides on to another pixel
                yield view.shown_text()


def test_every_card_shows_numbers_a_child_can_read(text, readings):
    predictions, weights = readings
    view = DetailView(text, CARD_RECT)
    numbers = 0
    for shown in every_card(view, predictions, weights):
        for line in shown:
            assert not E_NOTATION.search(line), line
            for number in NUMBER.findall(line):
                numbers += 1
                assert significant_digits(number) <= 3, (number, line)
    assert numbers > 1000  # the pattern really read the cards' numbers


def test_x_shows_the_exact_numbers_and_x_again_the_rounded_ones(text, readings):
    predictions, weights = readings
    view = DetailView(text, CARD_RECT)
    view.open_dense(predictions[0], weights)
    steps = view.softmax
    winner = float(steps.probabilities[steps.digit])
    rounded = view.shown_text()
    assert readable_percent(winner) in " ".join(rounded)
    view.toggle_exact()
    assert f"{winner:.2%}" in " ".join(view.shown_text())
    assert view.shown_text() != rounded
    view.toggle_exact()
    assert view.shown_text() == rounded


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (9.87e05, "987,000"),
        (987_654, "988,000"),
        (6.4e-07, "less than 0.001"),
        (0.00168, "0.002"),
        (0.0017, "0.002"),
        (2.3712, "2.37"),
        (-0.7374, "-0.737"),
        (12.345, "12.3"),
        (0.5, "0.5"),
        (0.0, "0"),
        (4.85e08, "485,000,000"),
    ],
)
def test_readable_rounds_to_what_a_child_reads(value, words):
    assert readable(value) == words


def test_readable_percent_and_exact():
    assert readable_percent(0.99871) == "99.9%"
    assert readable_percent(6e-9) == "less than 0.1%"
    assert readable_percent(0.9994) == "99.9%"
    assert readable_percent(0.99962) == readable_percent(1.0) == "more than 99.9%"  # never 100%
    assert exact(0.00168) == "0.00168"
    assert exact(987_654.5) == "987,654.5"


@pytest.mark.parametrize(
    ("language", "number", "words"),
    [
        (Language.ENGLISH, 0, "no 3s"),
        (Language.ENGLISH, 1, "one 3"),
        (Language.ENGLISH, 2, "two 3s"),
        (Language.ENGLISH, 10, "ten 3s"),
        (Language.ENGLISH, 11, "11 of the 3s"),  # "11 3s": the two figures ran together
        (Language.ENGLISH, 1024, "1,024 of the 3s"),
        (Language.CHINESE, 0, "没有一个 3"),
        (Language.CHINESE, 1, "1 个 3"),
        (Language.CHINESE, 2, "2 个 3"),  # its measure word already parts the two figures
        (Language.CHINESE, 1024, "1,024 个 3"),
    ],
)
def test_a_small_count_beside_a_digit_is_a_word_so_the_two_figures_never_touch(
    language, number, words
):
    use_language(language)
    assert digits_counted(number, 3) == words
