"""Built predictors pass from an engine that ends to the next: same readings, no new graph."""

import numpy as np
import pytest

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.game.services.model_client import ModelClient
from mnist_arcade.ml import predictor_pool
from mnist_arcade.ml.model import build_model
from mnist_arcade.ml.predictor_pool import give_back, take_predictor
from testing_support.engine_relay import RelayedEngine
from tests.ml.impostor_models import same_names_other_sizes


def test_a_spare_taken_again_reads_with_the_new_models_weights(shipped_model, mnist):
    untrained = take_predictor(build_model(seed=5))
    give_back(untrained)
    taken = take_predictor(shipped_model)
    assert taken is untrained  # no second graph built
    digits = mnist_digits_as_input(mnist.x_test[:20])
    expected = shipped_model.predict(digits[..., None], verbose=0)
    np.testing.assert_allclose(taken.probabilities(digits), expected, atol=1e-5)
    for digit, reference in zip(digits[:3], expected, strict=False):
        np.testing.assert_allclose(taken.predict(digit).probabilities, reference, atol=1e-5)


def test_a_network_of_another_shape_is_refused_even_with_a_spare_waiting():
    give_back(take_predictor())
    waiting = predictor_pool.spare_count()
    with pytest.raises(ValueError, match="conv1"):
        take_predictor(same_names_other_sizes(conv1_filters=4))
    assert predictor_pool.spare_count() == waiting  # the spare is still there, unused


def test_two_takers_never_share_one_predictor():
    first = take_predictor()
    second = take_predictor()
    assert first is not second
    give_back(first, second, first)  # given back twice by mistake: still kept once
    assert take_predictor() is not take_predictor()


def test_an_engine_gives_its_predictor_back_when_it_ends_and_the_next_reads_the_same():
    blank = np.zeros((28, 28), np.float32)
    blank[6:22, 12:16] = 1.0  # a plain stroke: a 1
    readings = []
    for _ in range(2):
        engine = RelayedEngine()
        client = ModelClient(starter=engine.start)
        client.start()
        assert client.wait(120) and client.ready
        before = predictor_pool.spare_count()
        request = client.request_prediction(blank)
        answers = []
        while not answers:
            assert engine.wait_for_answer(60), "the engine stopped answering"
            answers = [e for e in client.poll() if getattr(e, "request_id", None) == request]
        readings.append(answers[0].prediction.probabilities)
        client.shutdown(60)
        assert predictor_pool.spare_count() == before + 1  # its live predictor, given back
    np.testing.assert_allclose(readings[0], readings[1], atol=1e-6)
