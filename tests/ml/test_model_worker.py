"""'Why this digit?' through the real engine thread: one request, one batched call, one answer.

The game's ModelClient starts the engine with the shipped model; the answer must equal the
occlusion map computed directly from the same model, and stale answers must never come back.
"""

import numpy as np
import pytest

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.explaining import occlusion
from mnist_arcade.game.services.model_client import ModelClient, OcclusionAnswer
from testing_support.engine_relay import RelayedEngine


@pytest.fixture
def client():
    engine = RelayedEngine()
    client = ModelClient(starter=engine.start)
    client.engine = engine  # the test waits on it
    client.start()
    assert client.wait(120) and client.ready
    yield client
    client.shutdown(30)


def events_until(client, done) -> list:
    """Poll as the game loop does, after each of the engine's answers, until ``done(events)``."""
    events = []
    while not done(events):
        assert client.engine.wait_for_answer(60), "the engine stopped answering"
        events += client.poll()
    return events


def answers_until(client, request_id) -> list[OcclusionAnswer]:
    """Every occlusion answer the client passes on, up to the one to ``request_id``."""
    events = events_until(
        client,
        lambda events: any(getattr(e, "request_id", None) == request_id for e in events),
    )
    return [event for event in events if isinstance(event, OcclusionAnswer)]


def test_the_engine_answers_an_occlusion_request_with_the_models_evidence(client, predictor, mnist):
    digit = mnist_digits_as_input(mnist.x_test[18])
    request = client.request_occlusion(digit)
    (answer,) = answers_until(client, request)
    batch, boxes = occlusion.occlusion_inputs(digit)
    probabilities = predictor.probabilities(np.concatenate([digit[None], batch]))
    winner, runner_up = occlusion.top_two(probabilities[0])
    expected = occlusion.occlusion_map(
        probabilities[0], probabilities[1:], boxes, winner, runner_up
    )
    evidence = answer.evidence
    assert (evidence.digit, evidence.runner_up) == (winner, runner_up)
    np.testing.assert_allclose(evidence.for_digit, expected.for_digit, atol=1e-3)
    np.testing.assert_allclose(evidence.for_runner_up, expected.for_runner_up, atol=1e-3)


def test_only_the_newest_occlusion_answer_is_shown(client, mnist):
    first = client.request_occlusion(mnist_digits_as_input(mnist.x_test[0]))
    second = client.request_occlusion(mnist_digits_as_input(mnist.x_test[1]))
    answers = answers_until(client, second)
    assert [answer.request_id for answer in answers] == [second] and first != second
    assert answers[0].evidence.digit == mnist.y_test[1]
    forgotten = client.request_occlusion(mnist_digits_as_input(mnist.x_test[2]))
    client.forget_requests()  # the drawing changed: the answer on its way is no longer wanted
    marker = client.request_prediction(mnist_digits_as_input(mnist.x_test[3]))
    events = events_until(
        client, lambda events: any(getattr(e, "request_id", None) == marker for e in events)
    )
    assert not [e for e in events if isinstance(e, OcclusionAnswer) and e.request_id == forgotten]
