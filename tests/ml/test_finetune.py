"""Teaching the network the player's handwriting: the data recipe, and a real fine-tune.

The fast tests check the recipe on digits whose origin is written into their pixels: every
training image is either a nudged copy of a book digit or a replayed MNIST *training* digit,
never one of the held-out validation digits the run is judged on. The slow test teaches the
shipped model 30 drawings in a style it misreads (``testing_support/personal_style.py``) through the
game's own trainer, and measures it on held-back drawings of the same style and on MNIST test
digits, as ``benchmarks/bench_finetune.py`` does on the whole test set.
"""

from __future__ import annotations

import queue
import threading
from collections import Counter

import numpy as np
import pytest

from mnist_arcade.dataset import MnistData
from mnist_arcade.ml import finetune
from mnist_arcade.ml.finetune import FINETUNE, MAX_NUDGE, finetune_data, nudged_copies
from mnist_arcade.ml.training import split_point

SHIFTS = [
    (dy, dx) for dy in range(-MAX_NUDGE, MAX_NUDGE + 1) for dx in range(-MAX_NUDGE, MAX_NUDGE + 1)
]


def book_digits(count: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Random float 'digits' with ink only inside a margin wider than MAX_NUDGE, and labels."""
    rng = np.random.default_rng(seed)
    inputs = np.zeros((count, 28, 28), dtype=np.float32)
    margin = MAX_NUDGE + 2
    inputs[:, margin:-margin, margin:-margin] = rng.uniform(
        0, 1, (count, 28 - 2 * margin, 28 - 2 * margin)
    )
    return inputs, rng.integers(0, 10, count)


def coded_mnist(train: int = 20000) -> MnistData:
    """Blank uint8 'MNIST' whose training image i carries the code i + 1 in its first pixels,
    so any image met later says where it came from (0: not a training digit)."""
    x_train = np.zeros((train, 28, 28), dtype=np.uint8)
    codes = np.arange(1, train + 1)
    x_train[:, 0, 0], x_train[:, 0, 1] = codes // 256, codes % 256
    labels = (np.arange(train) % 10).astype(np.uint8)
    return MnistData(x_train, labels, x_train[:10], labels[:10], source="coded")


def origin(images: np.ndarray) -> np.ndarray:
    """The training index each float image (N, 28, 28, 1) was made from; -1 for none."""
    pixels = np.rint(images[:, 0, :2, 0] * 255).astype(np.int64)
    return pixels[:, 0] * 256 + pixels[:, 1] - 1


def test_nudged_copies_shift_each_digit_by_at_most_max_nudge_pixels():
    inputs, _ = book_digits(4)
    copies = nudged_copies(inputs, 25, np.random.default_rng(1))
    assert copies.shape == (100, 28, 28) and copies.dtype == np.float32
    shifts_used = set()
    for index, copy in enumerate(copies):
        original = inputs[index // 25]  # the copies of one digit come together
        matches = [s for s in SHIFTS if np.array_equal(np.roll(original, s, axis=(0, 1)), copy)]
        assert matches, f"copy {index} is not its digit shifted by {MAX_NUDGE} px or less"
        shifts_used.add(matches[0])
    assert len(shifts_used) > 10  # the copies are nudged different ways, not all alike


def test_nudged_copies_are_the_same_for_the_same_seed():
    inputs, _ = book_digits(3)
    first = nudged_copies(inputs, 5, np.random.default_rng(7))
    again = nudged_copies(inputs, 5, np.random.default_rng(7))
    other = nudged_copies(inputs, 5, np.random.default_rng(8))
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, other)


def test_finetune_data_mixes_every_book_digit_copies_times_with_the_mnist_replay():
    data = coded_mnist()
    inputs, labels = book_digits(30)
    chosen = finetune_data(data, inputs, labels, seed=0)
    expected = 30 * finetune.COPIES + min(finetune.REPLAY, split_point(data))
    assert chosen.x_train.shape == (expected, 28, 28, 1)
    assert chosen.y_train.shape == (expected, 10)
    assert chosen.x_val.shape == (FINETUNE.validation_samples, 28, 28, 1)
    assert chosen.y_val.shape == (FINETUNE.validation_samples, 10)
    np.testing.assert_array_equal(chosen.y_train.sum(axis=1), 1.0)  # one-hot
    came_from = origin(chosen.x_train)
    read_as = chosen.y_train.argmax(axis=1)
    book = came_from == -1
    assert book.sum() == 30 * finetune.COPIES
    assert Counter(read_as[book].tolist()) == Counter((labels.repeat(finetune.COPIES)).tolist())
    replayed = came_from[~book]
    assert len(set(replayed.tolist())) == len(replayed)  # each replay digit once
    np.testing.assert_array_equal(read_as[~book], data.y_train[replayed])
    in_first_half = book[: len(book) // 2].sum() / book.sum()
    assert 0.3 < in_first_half < 0.7  # shuffled in among the replay, not one block


def test_the_replay_never_includes_the_held_out_validation_digits():
    data = coded_mnist()
    inputs, labels = book_digits(30)
    chosen = finetune_data(data, inputs, labels, seed=3)
    start = split_point(data)
    replayed = origin(chosen.x_train)
    replayed = replayed[replayed >= 0]
    validated = origin(chosen.x_val)
    assert replayed.max() < start  # training digits only
    assert validated.min() >= start  # the held-out pool only
    np.testing.assert_array_equal(chosen.y_val.argmax(axis=1), data.y_train[validated])


def test_finetune_data_is_the_same_for_the_same_seed():
    data = coded_mnist(3000)
    inputs, labels = book_digits(6)
    first = finetune_data(data, inputs, labels, seed=5)
    again = finetune_data(data, inputs, labels, seed=5)
    np.testing.assert_array_equal(first.x_train, again.x_train)
    np.testing.assert_array_equal(first.y_train, again.y_train)
    np.testing.assert_array_equal(first.x_val, again.x_val)


@pytest.mark.slow
def test_finetuning_learns_the_players_style_and_keeps_mnist(mnist, shipped_model, tmp_path):
    from mnist_arcade.messages import FinetuneReport, RunJudged, TrainingFailed
    from mnist_arcade.ml.backend import keras
    from mnist_arcade.ml.judging import keras_reader
    from mnist_arcade.ml.trainer import model_with, run_training
    from mnist_arcade.scoring.accuracy import accuracy
    from testing_support.personal_style import taught_and_held_back

    data_path = tmp_path / "mnist.npz"  # every training and test digit (issue 10's figure)
    test = slice(0, len(mnist.x_test))
    np.savez(
        data_path,
        x_train=mnist.x_train,
        y_train=mnist.y_train,
        x_test=mnist.x_test[test],
        y_test=mnist.y_test[test],
    )
    (book_inputs, book_labels), (held_inputs, held_labels) = taught_and_held_back(30, 100)
    assert accuracy(keras_reader(shipped_model), held_inputs, held_labels) < 0.5  # misread style

    keras.utils.set_random_seed(0)
    messages: queue.Queue = queue.Queue()
    run_training(
        "finetune",
        messages,
        threading.Event(),
        data_path=data_path,
        incumbent_weights=shipped_model.get_weights(),
        book=(book_inputs, book_labels),
        save_path=tmp_path / "mine.keras",
        aside_path=tmp_path / "aside.keras",
    )
    posted = []
    while not messages.empty():
        posted.append(messages.get_nowait())
    assert not [m for m in posted if isinstance(m, TrainingFailed)]
    report = next(m for m in posted if isinstance(m, FinetuneReport))
    judged = next(m for m in posted if isinstance(m, RunJudged))

    taught = model_with(judged.weights)
    assert accuracy(keras_reader(taught), held_inputs, held_labels) >= 0.9
    assert report.book_digits == 30
    assert report.book_right_after > report.book_right_before
    assert report.test_digits == len(mnist.x_test)
    assert report.test_accuracy_before >= 0.985  # the shipped model, for reference
    assert report.test_accuracy_after >= 0.985
    assert (tmp_path / "mine.keras").is_file() or (tmp_path / "aside.keras").is_file()
