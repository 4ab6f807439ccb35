"""The shipped model, measured through the game's own path: board -> preprocessing -> model."""

import numpy as np
import pytest

from mnist_arcade.drawn import scale_onto_board
from mnist_arcade.evaluation import board_accuracy, drawn_accuracy
from mnist_arcade.hand_strokes import hand_drawn_set
from mnist_arcade.preprocess import to_network_input

pytestmark = pytest.mark.slow


def test_shipped_model_reads_1000_digits_scaled_onto_the_board(predictor, mnist):
    rng = np.random.default_rng(7)
    chosen = rng.choice(len(mnist.x_test), 1000, replace=False)
    inputs = np.stack([to_network_input(scale_onto_board(mnist.x_test[i])) for i in chosen])
    predicted = predictor.probabilities(inputs).argmax(axis=1)
    accuracy = float(np.mean(predicted == mnist.y_test[chosen]))
    print(f"board-scaled MNIST accuracy: {accuracy:.4f}")
    assert accuracy >= 0.98


def test_shipped_model_reaches_99_percent_on_the_mnist_test_set(predictor, mnist):
    if len(mnist.x_test) < 10000:
        pytest.skip("needs the full MNIST test set in ../shared")
    predicted = predictor.probabilities(mnist.x_test / 255.0).argmax(axis=1)
    accuracy = float(np.mean(predicted == mnist.y_test))
    print(f"MNIST test accuracy: {accuracy:.4f}")
    assert accuracy >= 0.99


def test_shipped_model_reads_digits_drawn_with_the_brush(predictor, mnist):
    result = drawn_accuracy(predictor, mnist.x_test, mnist.y_test, 500, seed=3)
    print(f"brush-drawn accuracy: {result.accuracy:.4f}")
    assert result.accuracy >= 0.94


def test_mnist_style_preprocessing_beats_the_plain_resize_on_drawn_digits(predictor):
    boards, labels = hand_drawn_set(per_digit=20, seed=5)
    centred = board_accuracy(predictor, "centred", boards, labels, "mnist")
    plain = board_accuracy(predictor, "plain", boards, labels, "plain")
    print(f"hand strokes: MNIST-style {centred.accuracy:.3f}, plain {plain.accuracy:.3f}")
    assert centred.accuracy >= 0.95
    assert centred.accuracy > plain.accuracy + 0.05
