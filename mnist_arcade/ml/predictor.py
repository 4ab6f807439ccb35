"""Run the live model on a digit: probabilities and every shown layer's maps in one call.

One digit (P, the live reading, a knock-out, a preview) is read by
:class:`~mnist_arcade.ml.numpy_network.NumpyNetwork`: the same layers in NumPy, with the
model's own weights, read from it again whenever ``set_weights`` changes them. For 0.3 M
multiply-adds TensorFlow's cost is all per-call overhead: ``model.predict`` (built for large
batches) takes ~80 ms, an XLA-compiled ``tf.function`` of the feature extractor ~1 ms, NumPy
~0.2 ms (``benchmarks/bench_predict.py``). Many digits at once go through Keras: a traced
``tf.function`` for probabilities, and a feature-extractor model
(``keras.Model(inputs, [layer.output ...])``) for every shown layer's maps.
"""

from __future__ import annotations

import numpy as np

from mnist_arcade.layers import SHOWN_LAYERS
from mnist_arcade.messages import LayerActivation, Prediction
from mnist_arcade.ml.backend import keras, tf
from mnist_arcade.ml.model import INPUT_SHAPE, check_architecture
from mnist_arcade.ml.numpy_network import NumpyNetwork

BATCH_CHUNK = 2048  # digits per call when scoring many at once


class Predictor:
    """Wraps a model; ``predict`` is cheap enough to call on every key press."""

    def __init__(self, model: keras.Model) -> None:
        check_architecture(model)
        self.model = model
        self._extractor = keras.Model(
            model.inputs[0], [model.get_layer(name).output for name in SHOWN_LAYERS]
        )
        self._one_digit = NumpyNetwork()
        self._one_digit.load(model.get_weights())
        self._probabilities = tf.function(
            lambda digits: model(digits, training=False),
            input_signature=[tf.TensorSpec((None, *INPUT_SHAPE), tf.float32)],
        )

    def __repr__(self) -> str:
        return f"Predictor({self.model.name}, {self.model.count_params()} weights)"

    def predict(self, net_input: np.ndarray) -> Prediction:
        """(28, 28) float32 in [0, 1] -> a Prediction with every shown layer's activations."""
        net_input = np.asarray(net_input, dtype=np.float32)
        if net_input.shape != INPUT_SHAPE[:2]:
            raise ValueError(f"expected a 28x28 input, got shape {net_input.shape}")
        outputs = self._one_digit.forward(net_input)
        layers = tuple(
            LayerActivation(name, output)
            for name, output in zip(SHOWN_LAYERS, outputs, strict=True)
        )
        return Prediction(net_input=net_input, probabilities=layers[-1].values, layers=layers)

    def probabilities(self, digits: np.ndarray) -> np.ndarray:
        """(N, 28, 28) float32 in [0, 1] -> (N, 10) class probabilities, in large batches."""
        digits = np.asarray(digits, dtype=np.float32).reshape(-1, *INPUT_SHAPE)
        chunks = [
            self._probabilities(digits[start : start + BATCH_CHUNK]).numpy()
            for start in range(0, len(digits), BATCH_CHUNK)
        ]
        return np.concatenate(chunks) if chunks else np.zeros((0, 10), dtype=np.float32)

    def layer_maps(self, digits: np.ndarray, names: tuple[str, ...]) -> dict[str, np.ndarray]:
        """(N, 28, 28) digits -> each named shown layer's (N, H, W, C) maps, in ONE call (the
        detector views: a few thousand digits, once per model)."""
        digits = np.asarray(digits, dtype=np.float32).reshape(-1, *INPUT_SHAPE)
        outputs = self._extractor(tf.constant(digits), training=False)
        return {
            name: output.numpy()
            for name, output in zip(SHOWN_LAYERS, outputs, strict=True)
            if name in names
        }

    def set_weights(self, weights: list[np.ndarray]) -> None:
        """Use freshly trained weights from now on: the traced functions read the model's
        variables; the one-digit network reads them back from the model (what it now holds,
        not the list given), so it never computes with other weights than Keras."""
        self.model.set_weights(weights)
        self._one_digit.load(self.model.get_weights())

    def get_weights(self) -> list[np.ndarray]:
        return self.model.get_weights()
