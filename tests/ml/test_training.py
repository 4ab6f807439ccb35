"""Real training on a few hundred real digits: messages, stopping, saving."""

import dataclasses
import threading

import numpy as np
import pytest

from mnist_arcade.dataset import load_npz
from mnist_arcade.messages import (
    BatchProgress,
    EpochResult,
    TrainingStarted,
    WeightsSnapshot,
)
from mnist_arcade.ml.training import PRESETS, select_training_data, train

TINY = dataclasses.replace(
    PRESETS["seed"], train_samples=300, validation_samples=100, batch_size=30, epochs=2
)


@pytest.fixture(scope="module")
def tiny_data(small_mnist_file):
    return select_training_data(load_npz(small_mnist_file), TINY)


def test_epoch_messages_carry_the_keras_metric_names(tiny_data):
    posted = []
    model, finished = train(TINY, tiny_data, posted.append, seed=0)
    epochs = [m for m in posted if isinstance(m, EpochResult)]
    assert [m.epoch for m in epochs] == [1, 2]
    assert set(epochs[0].logs) >= {"accuracy", "loss", "val_accuracy", "val_loss"}
    batches = [m for m in posted if isinstance(m, BatchProgress)]
    assert len(batches) == 2 * 10 and batches[-1].batches_per_epoch == 10
    assert all(b.samples_per_second > 0 for b in batches)
    snapshots = [m for m in posted if isinstance(m, WeightsSnapshot)]
    assert len(snapshots) == 2
    assert isinstance(posted[0], TrainingStarted) and posted[-1] is finished
    assert not finished.stopped_early and finished.epochs_done == 2
    for mine, theirs in zip(finished.weights, model.get_weights(), strict=True):
        np.testing.assert_array_equal(mine, theirs)


def test_training_learns_from_real_digits(small_mnist_file):
    data = load_npz(small_mnist_file)
    preset = dataclasses.replace(TINY, train_samples=600, validation_samples=200, epochs=8)
    posted = []
    _, finished = train(preset, select_training_data(data, preset), posted.append, seed=0)
    epochs = [m for m in posted if isinstance(m, EpochResult)]
    assert epochs[-1].logs["loss"] < epochs[0].logs["loss"]
    assert finished.best_val_accuracy > 0.6  # chance is 0.1


def test_stop_takes_effect_after_the_current_batch(tiny_data):
    stop = threading.Event()
    posted = []

    def post(message):
        posted.append(message)
        if isinstance(message, BatchProgress) and message.batch == 3:
            stop.set()

    _, finished = train(TINY, tiny_data, post, stop, seed=0)
    batches = [m for m in posted if isinstance(m, BatchProgress)]
    assert [(b.epoch, b.batch) for b in batches] == [(1, 1), (1, 2), (1, 3)]
    assert finished.stopped_early and finished.epochs_done == 0
    assert not any(isinstance(m, EpochResult) for m in posted)  # no half-epoch metrics
    assert finished.weights  # the weights so far are kept


def test_seed_preset_is_the_tutorials_run():
    seed = PRESETS["seed"]
    assert (seed.train_samples, seed.validation_samples, seed.batch_size, seed.epochs) == (
        1000,
        200,
        500,
        50,
    )
    full = PRESETS["full"]
    assert full.train_samples is None and full.augment


def _image_keys(images):
    return {np.asarray(image, dtype=np.float32).tobytes() for image in images}


def test_validation_digits_are_the_held_out_tenth_and_never_test_digits(small_mnist_file):
    from mnist_arcade.ml.training import split_point, to_float_images, validation_pool

    data = load_npz(small_mnist_file)
    full = dataclasses.replace(
        PRESETS["full"],
        style_drawings=0,
        redrawn_digits=0,
        small_redrawn=0,
        non_digits=0,
        pen_replays=0,
        small_pen_replays=0,
    )
    chosen = select_training_data(data, full, seed=3)
    pool, _ = validation_pool(data)
    assert len(pool) == len(data.x_train) - split_point(data) == 60
    assert _image_keys(chosen.x_val) == _image_keys(to_float_images(pool))
    assert not _image_keys(chosen.x_val) & _image_keys(to_float_images(data.x_test))
    assert not _image_keys(chosen.x_train) & _image_keys(chosen.x_val)
    assert len(chosen.x_train) == split_point(data)


DRAWN = dataclasses.replace(
    TINY,
    style_drawings=40,
    redrawn_digits=20,
    small_redrawn=15,
    non_digits=10,
    validation_drawings=20,
)


def test_drawings_join_the_training_data_and_non_digits_have_a_uniform_target(small_mnist_file):
    data = load_npz(small_mnist_file)
    chosen = select_training_data(data, DRAWN, seed=1)
    assert len(chosen.x_train) == 300 + 40 + 20 + 10 + 15
    uniform = np.all(np.isclose(chosen.y_train, 0.1), axis=1)
    assert uniform.sum() == 10
    assert np.allclose(chosen.y_train.sum(axis=1), 1.0)
    assert chosen.x_train.shape[1:] == (28, 28, 1) and chosen.x_train.min() >= 0
    drawings = chosen.x_train[300:].reshape(85, -1)
    assert chosen.x_train.max() <= 1 and drawings.max(axis=1).min() > 0
    assert len(chosen.x_val_drawn) == 20 and len(chosen.x_val) == 60  # the whole held-out tenth
    again = select_training_data(data, DRAWN, seed=1)
    assert np.array_equal(chosen.x_train, again.x_train)
    # Validation drawings come from their own stream: none equals a training drawing.
    assert not _image_keys(chosen.x_val_drawn) & _image_keys(chosen.x_train)


@pytest.mark.slow
def test_the_best_epochs_weights_are_restored(tiny_data):
    preset = dataclasses.replace(TINY, epochs=4, learning_rate=0.05)  # big steps: ups and downs
    posted = []
    model, finished = train(preset, tiny_data, posted.append, seed=2)
    epochs = [m for m in posted if isinstance(m, EpochResult)]
    best = max(epochs, key=lambda m: m.logs["val_accuracy"])
    assert finished.best_val_accuracy == pytest.approx(best.logs["val_accuracy"])
    snapshot = next(m for m in posted if isinstance(m, WeightsSnapshot) and m.epoch == best.epoch)
    for mine, theirs in zip(snapshot.weights, model.get_weights(), strict=True):
        np.testing.assert_array_equal(mine, theirs)


def test_temperature_is_recovered_from_overconfident_scores():
    from mnist_arcade.ml.training import fit_temperature, one_hot

    rng = np.random.default_rng(0)
    scores = rng.normal(0, 3, (4000, 10))
    softened = np.exp(scores / 2.0)
    softened /= softened.sum(axis=1, keepdims=True)
    labels = np.array([rng.choice(10, p=p) for p in softened])
    assert fit_temperature(scores, one_hot(labels)) == pytest.approx(2.0, rel=0.1)


def test_baked_temperature_divides_the_scores_and_keeps_the_answers(tiny_data):
    from mnist_arcade.ml.model import build_model
    from mnist_arcade.ml.training import bake_temperature, logits

    model = build_model(seed=0)
    digits = tiny_data.x_val[:50]
    before = np.asarray(model(digits, training=False))
    scores = logits(model, digits)
    bake_temperature(model, 2.5)
    after = np.asarray(model(digits, training=False))
    expected = np.exp(scores / 2.5 - (scores / 2.5).max(axis=1, keepdims=True))
    np.testing.assert_allclose(after, expected / expected.sum(axis=1, keepdims=True), atol=1e-5)
    assert np.array_equal(before.argmax(axis=1), after.argmax(axis=1))
    assert [layer.name for layer in model.layers] == [layer.name for layer in build_model().layers]


def test_every_random_layer_has_its_own_seed_and_thickness_obeys_it():
    from mnist_arcade.ml.augment import RandomThickness, make_augmenter

    augmenter = make_augmenter(7)
    seeds = [layer.seed for layer in augmenter.layers if hasattr(layer, "seed")]
    assert len(set(seeds)) == len(seeds) >= 3  # rotation, zoom and shift move independently
    images = np.random.default_rng(0).uniform(0, 1, (16, 28, 28, 1)).astype(np.float32)

    def thickened(seed):
        return np.asarray(RandomThickness(seed=seed)(images, training=True))

    assert np.array_equal(thickened(5), thickened(5))
    assert not np.array_equal(thickened(5), thickened(6))
    assert not np.array_equal(thickened(5), images)


def test_drawings_can_weigh_less_than_mnist_digits(small_mnist_file):
    data = load_npz(small_mnist_file)
    preset = dataclasses.replace(DRAWN, drawing_weight=0.25, augment=True, epochs=1)
    chosen = select_training_data(data, preset, seed=1)
    assert chosen.weights is not None
    assert np.array_equal(np.unique(chosen.weights), [0.25, 1.0])
    assert (chosen.weights == 1.0).sum() == 300
    _, finished = train(preset, chosen, lambda message: None, seed=0)
    assert finished.epochs_done == 1


def test_augmentation_ranges_reach_the_random_layers():
    from mnist_arcade.ml.augment import MILD, WIDE, make_augmenter

    for ranges in (MILD, WIDE):
        layers = {layer.name: layer for layer in make_augmenter(3, ranges).layers}
        assert layers["thickness"].amount_range == ranges.thickness
        rotation = next(layer for name, layer in layers.items() if "rotation" in name)
        assert np.isclose(abs(rotation.factor[0]), ranges.rotation_degrees / 360.0)
    assert PRESETS["full"].augment_ranges == MILD
