"""MNIST digits and labels in the shapes ``fit`` wants: float images (N, 28, 28, 1) in [0, 1]
and one-hot targets (N, 10)."""

from __future__ import annotations

import numpy as np

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.ml.model import NUM_CLASSES


def empty_images() -> np.ndarray:
    return np.zeros((0, 28, 28, 1), dtype=np.float32)


def empty_labels() -> np.ndarray:
    return np.zeros((0, NUM_CLASSES), dtype=np.float32)


def to_float_images(images: np.ndarray) -> np.ndarray:
    """MNIST digits, uint8 (N, 28, 28) -> float32 (N, 28, 28, 1) in [0, 1], stood upright: the
    network's input (:func:`mnist_arcade.canvas.preprocess.mnist_digits_as_input`)."""
    return mnist_digits_as_input(images)[..., None]


def one_hot(labels: np.ndarray) -> np.ndarray:
    return np.eye(NUM_CLASSES, dtype=np.float32)[np.asarray(labels, dtype=np.int64)]
