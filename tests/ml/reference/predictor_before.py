"""Test- and benchmark-only reference: `ml/predictor.py` before issue 20 read one digit in NumPy,
kept verbatim (its one-digit call is the XLA-compiled concrete function of the extractor).

``benchmarks/bench_predict.py`` times it beside the NumPy path. Never import this from the
package.

The original docstring follows.

Run the live model on a digit: probabilities and every shown layer's maps in one call.

A Keras feature-extractor model (``keras.Model(inputs, [layer.output ...])``) returns conv1,
pool1, conv2, pool2 and the softmax output together. It is wrapped in a ``tf.function`` with a
fixed input signature and traced once up front, which takes a prediction from the ~80 ms of
``model.predict`` (built for large batches) to well under a millisecond.
"""

from __future__ import annotations

import numpy as np

from mnist_arcade.layers import SHOWN_LAYERS
from mnist_arcade.messages import LayerActivation, Prediction
from mnist_arcade.ml.backend import keras, tf
from mnist_arcade.ml.model import INPUT_SHAPE, check_architecture

BATCH_CHUNK = 2048  # digits per call when scoring many at once


def _one_digit_function(extractor: keras.Model, compile_fast: bool = True):
    """The extractor traced for one 28x28 digit, compiled with XLA where TensorFlow can.

    For 0.3 M multiply-adds the cost is all overhead: running the graph op by op takes about
    0.8 ms a call here, one XLA-fused kernel about 0.2 ms. The concrete function itself is
    returned and called with a tensor, which skips tf.function's per-call dispatch. Weights
    stay variables, so ``set_weights`` still takes effect without tracing again.
    """
    signature = [tf.TensorSpec((1, *INPUT_SHAPE), tf.float32)]
    zeros = tf.zeros((1, *INPUT_SHAPE), tf.float32)
    for jit in (True, False) if compile_fast else (False,):
        try:
            function = tf.function(
                lambda digit: extractor(digit, training=False),
                input_signature=signature,
                jit_compile=jit,
            ).get_concrete_function()
            function(zeros)  # compile now (an XLA-less build fails here), not on the first P
            return function
        except Exception:  # any XLA failure: the plain graph computes the same
            if not jit:
                raise
    raise AssertionError("unreachable")


class Predictor:
    """Wraps a model; ``predict`` is cheap enough to call on every key press."""

    def __init__(self, model: keras.Model, compile_fast: bool = True) -> None:
        """``compile_fast``: compile the one-digit call with XLA (the live model; a preview
        read once an epoch does not need it, nor the memory XLA's compiler takes)."""
        check_architecture(model)
        self.model = model
        self.compile_fast = compile_fast
        extractor = keras.Model(
            model.inputs[0], [model.get_layer(name).output for name in SHOWN_LAYERS]
        )
        self._extractor = extractor
        self._all_layers = _one_digit_function(extractor, compile_fast)
        self._probabilities = tf.function(
            lambda digits: model(digits, training=False),
            input_signature=[tf.TensorSpec((None, *INPUT_SHAPE), tf.float32)],
        )
        self.predict(np.zeros(INPUT_SHAPE[:2], dtype=np.float32))  # trace now, not on first P

    def __repr__(self) -> str:
        return f"Predictor({self.model.name}, {self.model.count_params()} weights)"

    def predict(self, net_input: np.ndarray) -> Prediction:
        """(28, 28) float32 in [0, 1] -> a Prediction with every shown layer's activations."""
        net_input = np.asarray(net_input, dtype=np.float32)
        if net_input.shape != INPUT_SHAPE[:2]:
            raise ValueError(f"expected a 28x28 input, got shape {net_input.shape}")
        outputs = self._all_layers(tf.constant(net_input.reshape(1, *INPUT_SHAPE)))
        layers = tuple(
            LayerActivation(name, output.numpy()[0])
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
        """Use freshly trained weights from now on (the traced functions read the variables)."""
        self.model.set_weights(weights)

    def get_weights(self) -> list[np.ndarray]:
        return self.model.get_weights()
