"""Teach the model in use the player's own handwriting, without forgetting MNIST.

The player's digits from their digit book are few (a few dozen), so each is used several times,
nudged by a pixel or two, and mixed with a replay of real MNIST training digits so that the
network keeps reading MNIST (fine-tuning on the player's digits alone would make it forget).
Training starts from the weights in use, for a few epochs. The replay is large and each replay
digit is seen only a few times: a small replay seen many times still lets the network drift
away from MNIST (on the benchmark's player, 2,400 digits over 10 epochs cost about 0.45 points
of MNIST test accuracy; 12,000 over 5 epochs about 0.1). ``benchmarks/bench_finetune.py``
measures the recipe: seconds, the player's held-back drawings read right before and after,
MNIST before and after.
"""

from __future__ import annotations

import numpy as np

from mnist_arcade.dataset import MnistData
from mnist_arcade.ml.labels import one_hot, to_float_images
from mnist_arcade.ml.presets import Preset
from mnist_arcade.ml.training_data import TrainingData
from mnist_arcade.ml.validation import split_point, validation_pool
from mnist_arcade.presets import PresetName

FINETUNE = Preset(
    PresetName.FINETUNE,
    "your digits plus MNIST replay, starting from the model in use",
    epochs=5,
    batch_size=128,
    train_samples=None,
    validation_samples=1000,
    augment=False,
    learning_rate=1e-3,
    cosine_decay=False,
)
COPIES = 30  # each of the player's digits, nudged this many ways
REPLAY = 12000  # real MNIST training digits mixed in, so MNIST is not forgotten
MAX_NUDGE = 2  # pixels


def nudged_copies(inputs: np.ndarray, copies: int, rng: np.random.Generator) -> np.ndarray:
    """(N, 28, 28) -> (N * copies, 28, 28): each digit shifted by up to MAX_NUDGE pixels."""
    out = np.empty((len(inputs) * copies, *inputs.shape[1:]), dtype=np.float32)
    for index, image in enumerate(np.repeat(inputs, copies, axis=0)):
        dy, dx = rng.integers(-MAX_NUDGE, MAX_NUDGE + 1, size=2)
        out[index] = np.roll(image, (int(dy), int(dx)), axis=(0, 1))
    return out


def finetune_data(
    data: MnistData, book_inputs: np.ndarray, book_labels: np.ndarray, seed: int = 0
) -> TrainingData:
    """The player's digits (nudged copies) and an MNIST replay; MNIST held-out validation."""
    rng = np.random.default_rng(seed)
    mine = nudged_copies(np.asarray(book_inputs, dtype=np.float32), COPIES, rng)
    my_labels = np.repeat(np.asarray(book_labels, dtype=np.int64), COPIES)
    replay = rng.permutation(split_point(data))[:REPLAY]
    x_train = np.concatenate([mine[..., None], to_float_images(data.x_train[replay])])
    y_train = np.concatenate([one_hot(my_labels), one_hot(data.y_train[replay])])
    order = rng.permutation(len(x_train))
    x_pool, y_pool = validation_pool(data)
    chosen = rng.permutation(len(x_pool))[: FINETUNE.validation_samples]
    return TrainingData(
        x_train[order], y_train[order], to_float_images(x_pool[chosen]), one_hot(y_pool[chosen])
    )
