"""The held-out validation pool: the last tenth of MNIST's training digits, as Keras'
``validation_split`` takes it. No preset trains on it, so every run and the model in use can be
measured on the same digits; the test set is kept for the final report."""

from __future__ import annotations

import numpy as np

from mnist_arcade.dataset import MnistData

VALIDATION_FRACTION = 0.1  # the last tenth of the training digits, as Keras' validation_split


def split_point(data: MnistData) -> int:
    """Index where the held-out validation pool starts in ``data.x_train``."""
    return len(data.x_train) - max(1, round(len(data.x_train) * VALIDATION_FRACTION))


def validation_pool(data: MnistData) -> tuple[np.ndarray, np.ndarray]:
    """The held-out validation digits (uint8 images, labels): the last tenth of the training
    digits, as Keras' ``validation_split`` takes it. No preset ever trains on them, so every run,
    and the model in use, can be measured on them; the test set is left for the final report."""
    start = split_point(data)
    return data.x_train[start:], data.y_train[start:]
