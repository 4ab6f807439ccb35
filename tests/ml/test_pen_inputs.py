"""Real pen strokes in a preset: the training writers' replays join training, the held-out
writers' join validation (and the judging of a run), and never the other way round."""

import dataclasses

import numpy as np
import pytest

from mnist_arcade import paths
from mnist_arcade.dataset import load_npz
from mnist_arcade.ml.pen_inputs import (
    pen_drawings_to_make,
    pen_training_inputs,
    pen_validation_inputs,
)
from mnist_arcade.ml.training import PRESETS, select_training_data
from mnist_arcade.ml.training_data import judging_digits
from mnist_arcade.ml.validation import validation_pool
from mnist_arcade.practice.pen_strokes import (
    VALIDATION_WRITERS,
    load_compact,
    save_compact,
    split_by_writer,
)

PEN_ONLY = dataclasses.replace(
    PRESETS["full"],
    train_samples=100,
    style_drawings=0,
    redrawn_digits=0,
    small_redrawn=0,
    non_digits=0,
    validation_drawings=0,
    pen_replays=2,
    small_pen_replays=1,
)


@pytest.fixture(scope="module")
def few_pen_digits():
    """Twenty real digits of the shipped half: ten by training writers, ten by held-out ones."""
    training, held_out = split_by_writer(load_compact(paths.shipped_pen_strokes_path()))
    return training[::150][:10] + held_out[::40][:10]


@pytest.fixture(scope="module")
def pen_file(tmp_path_factory, few_pen_digits):
    path = tmp_path_factory.mktemp("pen") / "few.npz"
    save_compact(few_pen_digits, path)
    return path


def _keys(images: np.ndarray) -> set[bytes]:
    return {image.tobytes() for image in images}


def test_training_replays_come_from_training_writers_only(few_pen_digits):
    x, y = pen_training_inputs(few_pen_digits, PEN_ONLY, seed=4)
    training, _ = split_by_writer(few_pen_digits)
    assert len(x) == len(training) * 3  # two replays and one small of each
    labels = [digit.label for digit in training]
    assert list(y.argmax(1)) == labels * 3
    assert x.reshape(len(x), -1).max(axis=1).min() > 0  # every replay left ink
    again, _ = pen_training_inputs(few_pen_digits, PEN_ONLY, seed=4)
    assert np.array_equal(x, again)


def test_validation_replays_are_the_held_out_writers_large_and_small(few_pen_digits):
    x, y = pen_validation_inputs(few_pen_digits, seed=0)
    held_out = [digit for digit in few_pen_digits if digit.writer in VALIDATION_WRITERS]
    assert len(held_out) == 10
    assert list(y.argmax(1)) == [digit.label for digit in held_out] * 2
    training, _ = pen_training_inputs(few_pen_digits, PEN_ONLY, seed=0)
    assert not _keys(x) & _keys(training)
    assert pen_drawings_to_make(PEN_ONLY, few_pen_digits) == 10 * 3 + 10 * 2


def test_a_preset_with_pen_replays_trains_and_validates_on_them(small_mnist_file, pen_file):
    data = load_npz(small_mnist_file)
    chosen = select_training_data(data, PEN_ONLY, seed=2, pen_strokes=pen_file)
    assert len(chosen.x_train) == 100 + 10 * 3
    assert len(chosen.x_val_pen) == len(chosen.x_val_drawn) == 20
    assert not _keys(chosen.x_val_pen) & _keys(chosen.x_train)
    inputs, labels = judging_digits(data, PEN_ONLY, pen_strokes=pen_file, seed=2)
    pool, pool_labels = validation_pool(data)
    assert len(inputs) == len(pool) + 20 and inputs.shape[1:] == (28, 28)
    assert list(labels[len(pool) :]) == list(chosen.y_val_pen.argmax(1))
    assert np.array_equal(labels[: len(pool)], pool_labels)


def test_a_preset_without_pen_replays_is_judged_on_mnist_alone(small_mnist_file):
    data = load_npz(small_mnist_file)
    seed_preset = PRESETS["seed"]
    inputs, labels = judging_digits(data, seed_preset)
    assert len(inputs) == len(validation_pool(data)[0]) == len(labels)
    chosen = select_training_data(data, seed_preset)
    assert len(chosen.x_val_pen) == 0
