""" "Why" that explains itself: one line says how the map was made, a runner-up is named only when
it had a real chance, and W toggles the overlay while Esc removes it. Real model, real digits."""

import numpy as np
import pygame
import pytest

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.explaining import occlusion
from mnist_arcade.game.widgets.occlusion_overlay import OcclusionOverlay, evidence_surface
from mnist_arcade.game.widgets.surfaces import surface_to_rgb
from testing_support.game_input import post_key, post_stroke, read_board, run_until
from tests.game.test_board_scene import LEFT, TOP


def evidence_for(predictor, net_input):
    batch, boxes = occlusion.occlusion_inputs(net_input)
    probabilities = predictor.probabilities(np.concatenate([net_input[None], batch]))
    digit, runner_up = occlusion.top_two(probabilities[0])
    return occlusion.occlusion_map(probabilities[0], probabilities[1:], boxes, digit, runner_up)


@pytest.fixture(scope="module")
def test_digits(predictor, mnist):
    """The shipped model's chances for the test digits, to find a sure and an unsure reading."""
    inputs = mnist_digits_as_input(mnist.x_test[:1000])
    return inputs, predictor.probabilities(inputs)


def second_chance(probabilities):
    return np.sort(probabilities, axis=1)[:, -2]


def test_a_runner_up_without_a_real_chance_is_not_named(predictor, test_digits):
    inputs, probabilities = test_digits
    sure = int(np.argmin(second_chance(probabilities)))  # the runner-up has next to nothing
    evidence = evidence_for(predictor, inputs[sure])
    assert evidence.runner_up_chance < occlusion.REAL_CHANCE
    assert not evidence.names_runner_up
    pygame.init()
    overlay = OcclusionOverlay(evidence)
    assert overlay.title.startswith(f"Why a {evidence.digit}? Covering a green square")
    assert f"made {evidence.runner_up} " not in overlay.title
    # What is drawn is the winner's lead over all other digits, not its balance against one
    # digit at 0%; and it is real evidence, strongest on the ink.
    np.testing.assert_array_equal(evidence.shown, evidence.for_lead)
    ink = inputs[sure] > 0.5
    strength = np.abs(evidence.shown)
    assert strength[ink].mean() > strength[~ink].mean() > 0 or strength[~ink].max() == 0
    assert surface_to_rgb(evidence_surface(evidence.shown)).any()
    pygame.quit()


def test_a_runner_up_with_a_real_chance_is_named_with_how_the_map_was_made(predictor, test_digits):
    inputs, probabilities = test_digits
    unsure = np.flatnonzero(second_chance(probabilities) >= 0.2)
    assert unsure.size, "no test digit with a real runner-up: pick another source"
    evidence = evidence_for(predictor, inputs[int(unsure[0])])
    assert evidence.names_runner_up and evidence.runner_up_chance >= 0.2
    pygame.init()
    title = OcclusionOverlay(evidence).title
    pygame.quit()
    assert f"Covering a green square made {evidence.digit} less likely" in title
    assert f"a pink one made {evidence.runner_up} less likely" in title
    np.testing.assert_array_equal(evidence.shown, evidence.balance)


def test_w_toggles_the_overlay_and_esc_removes_it(make_app):
    app = make_app()
    post_stroke([(LEFT + 150, TOP + 40), (LEFT + 150, TOP + 260)])
    app.frame(1 / 60)
    read_board(app)
    why = app.context.why
    post_key(pygame.K_w)
    assert run_until(app, lambda: why.on_show is not None, 30)
    assert "We covered each square in turn" in app.context.notices.current
    post_key(pygame.K_w)  # W again: off
    app.frame(1 / 60)
    assert why.on_show is None and app.scene._why is None
    post_key(pygame.K_w)  # and on again
    assert run_until(app, lambda: why.on_show is not None, 30)
    app.frame(1 / 60)
    post_key(pygame.K_ESCAPE)  # Esc: removed
    app.frame(1 / 60)
    assert why.on_show is None
    app.frame(1 / 60)
    assert app.scene._why is None
