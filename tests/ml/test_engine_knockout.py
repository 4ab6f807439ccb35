"""Knocking filters out through the real engine thread and the shipped model.

A knocked-out filter must change every layer exactly as zeroing its kernel and bias in a Keras
copy does; switching it back must give the model in use's outputs bit for bit; and the model
in use must read exactly as before, whatever was knocked out in between.
"""

import time

import numpy as np
import pytest

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.game.services.model_client import ModelClient
from mnist_arcade.layers import SHOWN_LAYERS
from mnist_arcade.messages import KnockOutReady


@pytest.fixture(scope="module")
def client():
    client = ModelClient()
    client.start()
    assert client.wait(120) and client.ready
    yield client
    client.shutdown(30)


def knockout_answer(client, request_id, seconds=60.0) -> KnockOutReady:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        client.poll()
        if client.knockout is not None and client.knockout.request_id == request_id:
            return client.knockout
        time.sleep(0.005)
    raise AssertionError(f"no answer to knock-out request {request_id}")


def live_reading(client, net_input):
    request = client.request_prediction(net_input)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for event in client.poll():
            if getattr(event, "request_id", None) == request:
                return event.prediction
        time.sleep(0.005)
    raise AssertionError("no reading")


def keras_with_filters_zeroed(shipped_model, layer: str, off: list[int]):
    """The reference: a Keras copy of the shipped model, its filters zeroed by hand."""
    from mnist_arcade.ml.backend import keras
    from mnist_arcade.ml.model import build_model

    copy = build_model()
    copy.set_weights(shipped_model.get_weights())
    kernel, bias = copy.get_layer(layer).get_weights()
    kernel[:, :, :, off] = 0.0
    bias[off] = 0.0
    copy.get_layer(layer).set_weights([kernel, bias])
    return keras.Model(copy.inputs[0], [copy.get_layer(n).output for n in SHOWN_LAYERS])


@pytest.mark.parametrize(("layer", "off"), [("conv1", [2]), ("conv1", [0, 5, 7]), ("conv2", [9])])
def test_a_knocked_out_filter_changes_the_maps_as_zeroing_it_in_keras_does(
    client, shipped_model, mnist, layer, off
):
    digit = mnist_digits_as_input(mnist.x_test[7])
    answer = knockout_answer(client, client.request_knockout(layer, tuple(off), digit))
    assert (answer.layer, answer.off) == (layer, tuple(off))
    expected = keras_with_filters_zeroed(shipped_model, layer, off)(digit[None, :, :, None])
    shown = {activation.name: activation.values for activation in answer.prediction.layers}
    for name, values in zip(SHOWN_LAYERS, expected, strict=True):
        np.testing.assert_allclose(shown[name], values.numpy()[0], rtol=1e-5, atol=1e-6)
    assert not shown[layer][:, :, off].any()  # the switched-off maps are blank
    live = live_reading(client, digit)
    changed = dict(zip(SHOWN_LAYERS, [a.values for a in live.layers], strict=True))
    assert not np.allclose(changed[layer][:, :, off], 0.0)  # they were not blank before


def test_switching_filters_back_on_gives_the_model_in_uses_outputs_bit_for_bit(client, mnist):
    digit = mnist_digits_as_input(mnist.x_test[3])
    before = live_reading(client, digit)
    knockout_answer(client, client.request_knockout("conv1", tuple(range(8)), digit))
    restored = knockout_answer(client, client.request_knockout("conv1", (), digit))
    after = live_reading(client, digit)
    for old, back, new in zip(before.layers, restored.prediction.layers, after.layers, strict=True):
        np.testing.assert_array_equal(back.values, old.values)
        np.testing.assert_array_equal(new.values, old.values)  # the model in use is untouched
    assert restored.accuracy == restored.accuracy_all_on


def test_the_accuracy_is_measured_on_500_test_digits_with_and_without_the_filters(
    client, predictor
):
    from mnist_arcade.canvas.preprocess import mnist_digits_as_input as as_input
    from mnist_arcade.dataset import load_shipped_subset
    from mnist_arcade.ml.knockout import balanced_sample

    everything_off = knockout_answer(client, client.request_knockout("conv1", tuple(range(8))))
    assert everything_off.prediction is None and everything_off.test_digits == 500
    data = load_shipped_subset()
    chosen = balanced_sample(data.y_test, 500)
    assert np.bincount(data.y_test[chosen]).tolist() == [50] * 10
    right = predictor.probabilities(as_input(data.x_test[chosen])).argmax(axis=1)
    assert everything_off.accuracy_all_on == pytest.approx(np.mean(right == data.y_test[chosen]))
    assert everything_off.accuracy_all_on > 0.9
    # No first-layer map at all: every digit reads the same, so one digit in ten is right.
    assert everything_off.accuracy == pytest.approx(0.1)


def test_only_the_newest_knock_out_request_in_a_burst_is_answered():
    from mnist_arcade.messages import KnockOutRequest, PredictRequest
    from mnist_arcade.ml.engine_requests import newest_predictions_only

    digit = np.zeros((28, 28), np.float32)
    burst = [
        KnockOutRequest(1, "conv1", (0,)),
        PredictRequest(2, digit),
        KnockOutRequest(3, "conv1", (0, 1)),
    ]
    assert [r.request_id for r in newest_predictions_only(burst)] == [2, 3]


def test_a_figure_is_measured_once_per_set_of_weights_and_digits():
    from mnist_arcade.ml.accuracy_memo import AccuracyPerWeights

    measured = []

    def measure():
        measured.append(len(measured))
        return 0.9 + len(measured) / 100

    weights = [np.arange(6, dtype=np.float32).reshape(2, 3), np.ones(3, np.float32)]
    other = [weights[0].copy(), weights[1].copy()]
    other[1][2] = 0.5  # one weight differs
    memo = AccuracyPerWeights()
    first = memo.get(weights, "yardstick", measure)
    again = memo.get([array.copy() for array in weights], "yardstick", measure)
    assert first == again == pytest.approx(0.91)
    assert len(measured) == 1  # equal weights (a copy) read no digits again
    assert memo.get(other, "yardstick", measure) == pytest.approx(0.92)  # another model
    assert memo.get(weights, "knock-out digits", measure) == pytest.approx(0.93)  # other digits
    assert len(measured) == 3


def test_the_memo_forgets_the_oldest_figure_first():
    from mnist_arcade.ml.accuracy_memo import AccuracyPerWeights

    memo = AccuracyPerWeights(most=2)
    models = [[np.full(3, value, np.float32)] for value in (1.0, 2.0, 3.0)]
    for index, weights in enumerate(models):
        memo.get(weights, "yardstick", lambda index=index: index / 10)
    assert memo.get(models[2], "yardstick", lambda: 9.0) == pytest.approx(0.2)  # remembered
    assert memo.get(models[0], "yardstick", lambda: 9.0) == 9.0  # forgotten: measured again


def accuracy_through_the_engine(client, images, labels) -> float:
    """The model in use's share right on ``images``, read by the engine's own classify path."""
    from mnist_arcade.messages import ClassifyReady

    request = client.request_classification(images)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for event in client.poll():
            if isinstance(event, ClassifyReady) and event.request_id == request:
                return float(np.mean(event.probabilities.argmax(axis=1) == labels))
        time.sleep(0.005)
    raise AssertionError("no classification")


def wait_for_version(client, version, seconds=60.0) -> None:
    deadline = time.monotonic() + seconds
    while client.version < version and time.monotonic() < deadline:
        client.poll()
        time.sleep(0.005)
    assert client.version >= version


def test_putting_another_model_in_use_measures_the_all_on_accuracy_again(client, shipped_model):
    from mnist_arcade.dataset import load_shipped_subset
    from mnist_arcade.ml.knockout import balanced_sample

    data = load_shipped_subset()
    chosen = balanced_sample(data.y_test, 500)
    images, labels = mnist_digits_as_input(data.x_test[chosen]), data.y_test[chosen]
    shipped = shipped_model.get_weights()
    first = knockout_answer(client, client.request_knockout("conv1", (1,)))
    again = knockout_answer(client, client.request_knockout("conv1", (1, 2)))
    assert first.accuracy_all_on == again.accuracy_all_on
    assert first.accuracy_all_on == accuracy_through_the_engine(client, images, labels)
    weaker = [weights.copy() for weights in shipped]
    weaker[0][:, :, :, :6] = 0.0  # six of conv1's eight filters gone, in the model in use
    weaker[1][:6] = 0.0
    try:
        client.use_weights(weaker, "weaker", save=False)
        wait_for_version(client, first.version + 1)
        after = knockout_answer(client, client.request_knockout("conv1", (1,)))
        assert after.version > first.version
        assert after.accuracy_all_on == accuracy_through_the_engine(client, images, labels)
        assert after.accuracy_all_on < first.accuracy_all_on  # not the old model's figure
    finally:
        client.use_weights(shipped, "shipped", save=False)
        wait_for_version(client, first.version + 2)
    back = knockout_answer(client, client.request_knockout("conv1", (1,)))
    assert (back.accuracy_all_on, back.accuracy) == (first.accuracy_all_on, first.accuracy)
