"""The names of the training presets: the one list the CLI, the game and ``ml`` share.

Pure (no TensorFlow): the game names a preset without importing ``ml``. The recipes themselves
(epochs, batch size, data) live in :mod:`mnist_arcade.ml.presets`.
"""

from __future__ import annotations

import enum


class PresetName(enum.StrEnum):
    """A training preset; its value is the word the CLI accepts and the library files record."""

    SEED = "seed"  # the tutorial's run: 1,000 digits, batch 500, 50 epochs
    FULL = "full"  # every training digit plus practice drawings, augmented
    FINETUNE = "finetune"  # teach the model in use the player's digit book, mixed with MNIST
