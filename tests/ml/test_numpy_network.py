"""The one-digit NumPy network computes what Keras computes, layer by layer, with the live weights.

Issue 20: a P reads one digit through :class:`mnist_arcade.ml.numpy_network.NumpyNetwork`
instead of a TensorFlow call. Keras stays the reference: its feature extractor reads the same
real MNIST digits (and real drawings, which light up other filters) with the shipped model, and
every map and the ten probabilities must agree to within 1e-5; after ``set_weights`` (other
weights, filters knocked out) the NumPy network must follow the model at once.
"""

from __future__ import annotations

import numpy as np
import pytest

from mnist_arcade.canvas.preprocess import mnist_digits_as_input, to_network_input
from mnist_arcade.explaining.kernels import knocked_out
from mnist_arcade.ml.model import SHOWN_LAYERS
from mnist_arcade.ml.numpy_network import NumpyNetwork
from mnist_arcade.practice.redrawn_mnist import draw_with_brush

TOLERANCE = 1e-5
DIGITS = 200


def _keras_layers(model, digits: np.ndarray) -> list[np.ndarray]:
    from mnist_arcade.ml.backend import keras

    extractor = keras.Model(model.inputs[0], [model.get_layer(n).output for n in SHOWN_LAYERS])
    return [np.asarray(out) for out in extractor.predict(digits[..., None], verbose=0)]


def _assert_every_layer_matches(predictor, model, digits: np.ndarray) -> None:
    expected = _keras_layers(model, digits)
    for i, digit in enumerate(digits):
        prediction = predictor.predict(digit)
        assert [layer.name for layer in prediction.layers] == list(SHOWN_LAYERS)
        for layer, reference in zip(prediction.layers, expected, strict=True):
            assert layer.values.dtype == np.float32 and layer.values.shape == reference.shape[1:]
            difference = float(np.abs(layer.values - reference[i]).max())
            assert difference <= TOLERANCE, f"digit {i}, {layer.name}: off by {difference}"
        assert np.array_equal(prediction.probabilities, prediction.layers[-1].values)


def test_every_layer_matches_keras_on_real_mnist_digits(predictor, shipped_model, mnist):
    digits = mnist_digits_as_input(mnist.x_test[:DIGITS])
    _assert_every_layer_matches(predictor, shipped_model, digits)


def test_every_layer_matches_keras_on_real_drawings(predictor, shipped_model, mnist):
    rng = np.random.default_rng(20)
    boards = [draw_with_brush(mnist.x_test[i], rng) for i in range(DIGITS, DIGITS + 40)]
    digits = np.stack([to_network_input(board) for board in boards])
    _assert_every_layer_matches(predictor, shipped_model, digits)


def test_it_reads_the_digits_keras_reads(predictor, shipped_model, mnist):
    digits = mnist_digits_as_input(mnist.x_test[:DIGITS])
    read = [predictor.predict(digit).digit for digit in digits]
    assert read == list(shipped_model.predict(digits[..., None], verbose=0).argmax(axis=1))
    assert np.mean(np.array(read) == mnist.y_test[:DIGITS]) > 0.9  # the real model, reading


@pytest.mark.parametrize("layer, off", [("conv1", (0, 3)), ("conv2", (1, 2, 7, 15))])
def test_set_weights_reaches_the_numpy_network_at_once(shipped_model, mnist, layer, off):
    from mnist_arcade.ml.model import build_model
    from mnist_arcade.ml.predictor import Predictor

    own = Predictor(build_model(seed=7))
    digits = mnist_digits_as_input(mnist.x_test[:30])
    untrained = [own.predict(digit).probabilities for digit in digits]
    _assert_every_layer_matches(own, own.model, digits)
    own.set_weights(knocked_out(shipped_model.get_weights(), layer, off))
    assert not np.allclose(untrained, [own.predict(digit).probabilities for digit in digits])
    _assert_every_layer_matches(own, own.model, digits)
    maps = own.predict(digits[0]).layers[SHOWN_LAYERS.index(layer)].values
    assert not maps[..., list(off)].any()  # the knocked-out filters' maps are all zero


def test_a_reading_is_not_overwritten_by_the_next(predictor, mnist):
    digits = mnist_digits_as_input(mnist.x_test[:2])
    first = predictor.predict(digits[0])
    kept = [layer.values.copy() for layer in first.layers]
    predictor.predict(digits[1])
    for layer, values in zip(first.layers, kept, strict=True):
        assert np.array_equal(layer.values, values), layer.name


def test_a_network_without_weights_says_so():
    with pytest.raises(ValueError, match="load"):
        NumpyNetwork().forward(np.zeros((28, 28), np.float32))
