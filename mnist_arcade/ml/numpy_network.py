"""The game's CNN for ONE digit, computed in NumPy from the live Keras model's own weights.

Pressing P reads one 28x28 digit: about 0.3 M multiply-adds, which NumPy does in a few small
matrix products. TensorFlow spends far longer on every call than on the arithmetic (about 1 ms
for the XLA-compiled graph here, against about 0.2 ms for this; ``benchmarks/bench_predict.py``
measures both side by side), so :class:`~mnist_arcade.ml.predictor.Predictor` reads one digit
with this and keeps Keras for what Keras is for: training, saving, loading and large batches.

The layers are the Keras model's, in the same order and with the same weights (read again from
the model every time they change, never kept from elsewhere):

* conv (5x5, valid, relu) as *im2col*: every 5x5 window of the input gathered into a row by
  one precomputed index array, then one matrix product with the kernel. A column of ones is
  gathered too, and the bias is the kernel's last row, so the product adds it;
* 2x2 max-pool as the larger of each two rows, then of each two columns;
* dense as a matrix product, then softmax.

Every call returns new arrays, so a reading shown on screen is never overwritten by the next.
"""

from __future__ import annotations

import math

import numpy as np

KERNEL = 5  # both convolutions are 5x5, stride 1, no padding (the tutorial's)


def _window_indices(side: int, channels: int) -> np.ndarray:
    """For a (side, side, channels) map stored flat with a 1 after it: for every output pixel
    of a 5x5 valid convolution (row-major), the flat indices of its window's values in
    (row, column, channel) order, then the index of the 1 (the bias's input)."""
    out = side - KERNEL + 1
    rows = np.arange(out)[:, None, None, None, None] + np.arange(KERNEL)[None, None, :, None, None]
    cols = np.arange(out)[None, :, None, None, None] + np.arange(KERNEL)[None, None, None, :, None]
    flat = (rows * side + cols) * channels + np.arange(channels)
    flat = flat.reshape(out * out, KERNEL * KERNEL * channels)
    ones = np.full((out * out, 1), side * side * channels)
    return np.concatenate([flat, ones], axis=1).astype(np.intp)


def _with_bias_row(kernel: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """A (5, 5, C, F) conv kernel as the (25 C + 1, F) matrix im2col rows multiply."""
    rows = kernel.reshape(-1, kernel.shape[-1])  # (kh, kw, C) order, as the windows
    return np.ascontiguousarray(np.vstack([rows, bias[None, :]]), dtype=np.float32)


def _pool_into(maps: np.ndarray, out: np.ndarray) -> np.ndarray:
    """2x2 max-pool of C-contiguous (H, W, C) ``maps`` written into ``out`` (H/2, W/2, C):
    the larger of each two rows (one call over whole rows), then of each two columns of that;
    two calls where the four strided quarter-views took three, on the same values."""
    height, width, channels = maps.shape
    row_pairs = maps.reshape(height // 2, 2, width * channels)
    rows = np.maximum(row_pairs[:, 0], row_pairs[:, 1])
    columns = rows.reshape(height // 2, width // 2, 2, channels)
    return np.maximum(columns[:, :, 0], columns[:, :, 1], out=out)


def _map_with_one(shape: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    """A new map of ``shape`` and the flat buffer it lives in, which ends in a 1 (the im2col
    gather reads the bias's input there). Sized with ``math.prod``: ``np.prod`` of a tuple
    makes an array first, and cost more than the rest of this."""
    buffer = np.empty(math.prod(shape) + 1, dtype=np.float32)
    buffer[-1] = 1.0
    return buffer[:-1].reshape(shape), buffer


class NumpyNetwork:
    """conv1, pool1, conv2, pool2 and the ten probabilities of one digit, in NumPy.

    ``load(model.get_weights())`` after every change of the model's weights; the
    :class:`~mnist_arcade.ml.predictor.Predictor` does this in ``__init__`` and
    ``set_weights``.
    """

    def __init__(self) -> None:
        self._conv1_windows = _window_indices(28, 1)  # (576, 26)
        self._conv2_windows = _window_indices(12, 8)  # (64, 201)
        self._conv1 = self._conv2 = self._dense = self._dense_bias = None

    def __repr__(self) -> str:
        return f"NumpyNetwork({'weights loaded' if self._conv1 is not None else 'no weights'})"

    def load(self, weights: list[np.ndarray]) -> None:
        """Take the model's weights, in ``get_weights()`` order (kernel, bias per layer)."""
        conv1, bias1, conv2, bias2, dense, dense_bias = (np.asarray(w) for w in weights)
        self._conv1 = _with_bias_row(conv1, bias1)
        self._conv2 = _with_bias_row(conv2, bias2)
        self._dense = np.ascontiguousarray(dense, dtype=np.float32)
        self._dense_bias = np.asarray(dense_bias, dtype=np.float32)

    def forward(self, digit: np.ndarray) -> tuple[np.ndarray, ...]:
        """(28, 28) float32 -> conv1 (24, 24, 8), pool1 (12, 12, 8), conv2 (8, 8, 16),
        pool2 (4, 4, 16) and the probabilities (10,), as the Keras model computes them."""
        if self._conv1 is None:
            raise ValueError("NumpyNetwork.load(weights) must come before forward().")
        flat = np.empty(28 * 28 + 1, dtype=np.float32)
        flat[:-1] = digit.reshape(-1)
        flat[-1] = 1.0
        conv1 = flat.take(self._conv1_windows) @ self._conv1  # take: fancy indexing, less overhead
        conv1 = np.maximum(conv1, 0.0, out=conv1).reshape(24, 24, -1)
        pool1, pool1_flat = _map_with_one((12, 12, conv1.shape[-1]))
        _pool_into(conv1, pool1)
        conv2 = pool1_flat.take(self._conv2_windows) @ self._conv2
        conv2 = np.maximum(conv2, 0.0, out=conv2).reshape(8, 8, -1)
        pool2 = _pool_into(conv2, np.empty((4, 4, conv2.shape[-1]), dtype=np.float32))
        logits = pool2.reshape(-1) @ self._dense + self._dense_bias
        exponentials = np.exp(logits - logits.max())
        return conv1, pool1, conv2, pool2, exponentials / exponentials.sum()
