"""One traced call gives the probabilities and every conv and pool layer's maps."""

import numpy as np

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.ml.model import SHOWN_LAYERS
from tests.ml.test_model import EXPECTED_SHAPES


def test_one_call_returns_every_shown_layer(predictor, mnist):
    prediction = predictor.predict(mnist_digits_as_input(mnist.x_test[0]))
    assert [layer.name for layer in prediction.layers] == list(SHOWN_LAYERS)
    for layer in prediction.layers:
        assert layer.values.shape == EXPECTED_SHAPES[layer.name]
    assert (
        prediction.probabilities.sum() == np.float32(1.0)
        or abs(prediction.probabilities.sum() - 1) < 1e-5
    )


def test_predictions_match_keras_model_predict(predictor, shipped_model, mnist):
    digits = mnist_digits_as_input(mnist.x_test[:20])
    expected = shipped_model.predict(digits[..., None], verbose=0)
    for digit, reference in zip(digits, expected, strict=True):
        np.testing.assert_allclose(predictor.predict(digit).probabilities, reference, atol=1e-5)
    np.testing.assert_allclose(predictor.probabilities(digits), expected, atol=1e-5)


def test_the_maps_are_the_layers_real_outputs(predictor, shipped_model, mnist):
    from mnist_arcade.ml.backend import keras

    digit = mnist_digits_as_input(mnist.x_test[1])
    conv1_only = keras.Model(shipped_model.inputs[0], shipped_model.get_layer("conv1").output)
    reference = conv1_only.predict(digit[None, ..., None], verbose=0)[0]
    np.testing.assert_allclose(predictor.predict(digit).layers[0].values, reference, atol=1e-5)
    pool1 = predictor.predict(digit).layers[1].values
    np.testing.assert_allclose(
        pool1, reference.reshape(12, 2, 12, 2, 8).max(axis=(1, 3)), atol=1e-5
    )


def test_new_weights_are_used_at_once(shipped_model, mnist):
    from mnist_arcade.ml.model import build_model
    from mnist_arcade.ml.predictor import Predictor

    live = Predictor(build_model(seed=5))
    digit = mnist_digits_as_input(mnist.x_test[2])
    before = live.predict(digit).probabilities
    live.set_weights(shipped_model.get_weights())
    after = live.predict(digit).probabilities
    assert not np.allclose(before, after)
    assert after.argmax() == mnist.y_test[2]
