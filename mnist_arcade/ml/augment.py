"""Data augmentation that makes MNIST look more like digits drawn on the game's board.

A player's digit, after preprocessing, differs from MNIST's in stroke thickness (a 25 px square
brush), position and size (bounding boxes of blocky strokes), and slant. Each training batch is
given a random stroke thickness (grey-scale dilation or erosion, blended by a random amount),
then a small random rotation, zoom and shift, using Keras' own preprocessing layers.

Each random layer has its own seed (``seed``, ``seed + 1``, ...), so rotation, zoom, shift and
thickness vary independently, and a run with the same seed repeats exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from mnist_arcade.ml.backend import keras, tf


@dataclass(frozen=True)
class Ranges:
    """How far each random layer may move a digit."""

    rotation_degrees: float
    zoom: float  # +- this share of the size
    shift: float  # +- this share of 28 px
    thickness: tuple[float, float]  # -1 = fully eroded, 0 = unchanged, 1 = fully dilated (3x3)


# Mild on purpose: the full preset's drawings already bring the board's sizes, places and
# stroke widths, and six thousand weights spent on large rotations and zooms read MNIST worse
# (held-out tenth, two seeds each: 99.08% with these ranges, 98.92% with WIDE;
# ``python benchmarks/bench_recipes.py``).
MILD = Ranges(rotation_degrees=6.0, zoom=0.06, shift=0.05, thickness=(-0.3, 0.5))
WIDE = Ranges(rotation_degrees=10.0, zoom=0.12, shift=0.08, thickness=(-0.6, 1.0))


def _layer_seed(seed: int | None, offset: int) -> int | None:
    return None if seed is None else seed + offset


class RandomThickness(keras.layers.Layer):
    """Blend each image towards its 3x3 dilation or erosion by a random per-image amount."""

    def __init__(self, amount_range=MILD.thickness, seed: int | None = None, **kwargs):
        super().__init__(**kwargs)
        self.amount_range = tuple(amount_range)
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, images, training=True):
        if not training:
            return images
        dilated = tf.nn.max_pool2d(images, ksize=3, strides=1, padding="SAME")
        eroded = -tf.nn.max_pool2d(-images, ksize=3, strides=1, padding="SAME")
        amount = keras.random.uniform(
            (tf.shape(images)[0], 1, 1, 1),
            *self.amount_range,
            seed=self.seed_generator,
        )
        thicker = images + tf.maximum(amount, 0.0) * (dilated - images)
        return thicker + tf.maximum(-amount, 0.0) * (eroded - thicker)


def make_augmenter(seed: int | None = None, ranges: Ranges = MILD) -> keras.Sequential:
    """Random thickness and geometry layers, each with its own seed; active only when called
    with ``training=True``."""
    return keras.Sequential(
        [
            RandomThickness(ranges.thickness, seed=_layer_seed(seed, 3), name="thickness"),
            keras.layers.RandomRotation(
                ranges.rotation_degrees / 360.0, fill_mode="constant", seed=_layer_seed(seed, 0)
            ),
            keras.layers.RandomZoom(ranges.zoom, fill_mode="constant", seed=_layer_seed(seed, 1)),
            keras.layers.RandomTranslation(
                ranges.shift, ranges.shift, fill_mode="constant", seed=_layer_seed(seed, 2)
            ),
        ],
        name="augmenter",
    )


def augmented_dataset(
    images, labels, batch_size: int, seed: int | None = None, weights=None, ranges: Ranges = MILD
) -> tf.data.Dataset:
    """Shuffled, augmented batches of (images (B, 28, 28, 1) float32, one-hot labels), with
    per-image loss weights as a third element when ``weights`` is given."""
    augmenter = make_augmenter(seed, ranges)

    @tf.autograph.experimental.do_not_convert  # no Python control flow; converting it warned
    def augment(batch_images, *rest):
        moved = augmenter(batch_images, training=True)
        return (tf.clip_by_value(moved, 0.0, 1.0), *rest)

    parts = (images, labels) if weights is None else (images, labels, weights)
    return (
        tf.data.Dataset.from_tensor_slices(parts)
        .shuffle(len(images), seed=seed, reshuffle_each_iteration=True)
        .batch(batch_size)
        .map(augment, num_parallel_calls=tf.data.AUTOTUNE)
        .prefetch(tf.data.AUTOTUNE)
    )
