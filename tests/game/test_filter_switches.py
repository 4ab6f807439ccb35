"""The filter switches with the real engine and the shipped model: a number key or a click
switches a filter off, the reading and the accuracy with it off arrive, and switching it back
gives the model in use's own reading, bit for bit."""

import time

import numpy as np
import pygame
import pytest

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.game.services.model_client import ModelClient
from mnist_arcade.game.widgets.filter_switches import FilterSwitches
from mnist_arcade.game.words import phrase
from testing_support.text_recorder import TextRecorder


@pytest.fixture(scope="module")
def client():
    client = ModelClient()
    client.start()
    assert client.wait(120) and client.ready
    yield client
    client.shutdown(30)


@pytest.fixture
def switches(client, mnist):
    pygame.init()
    switches = FilterSwitches(pygame.Rect(40, 400, 1200, 220), client)
    switches.set_input(mnist_digits_as_input(mnist.x_test[0]))
    yield switches
    pygame.quit()


def settle(switches, seconds=60.0):
    """Run frames as the game does until the newest request is answered."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        switches.model_client.poll()
        switches.update(1 / 60)
        answer = switches.answer
        wanted = answer is not None and answer.off == tuple(sorted(switches.off))
        if wanted and answer.request_id == switches._request:
            return answer
        time.sleep(0.005)
    raise AssertionError("the engine did not answer")


def test_a_number_key_and_a_click_switch_filters_off_and_back_on(switches):
    all_on = settle(switches)
    assert all_on.off == () and all_on.accuracy == all_on.accuracy_all_on
    pressed = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_3, mod=0, unicode="3")
    assert switches.handle_event(pressed)
    click = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=switches.switch(5).center, button=1)
    assert switches.handle_event(click)
    off = settle(switches)
    assert off.off == (2, 5)
    maps = off.prediction.layers[0].values
    assert not maps[:, :, [2, 5]].any() and maps[:, :, 0].any()
    assert off.test_digits == 500 and off.accuracy != off.accuracy_all_on
    assert "off: 3, 6" in switches.lines[0] and "500 test digits" in switches.lines[2]
    switches.handle_event(pressed)
    switches.handle_event(click)
    back = settle(switches)
    for restored, original in zip(back.prediction.layers, all_on.prediction.layers, strict=True):
        np.testing.assert_array_equal(restored.values, original.values)
    with TextRecorder(switches.text) as seen:
        switches.draw(pygame.Surface((1280, 720)))
    assert min(seen.sizes) >= 24  # 16 px text: it reads on a projector
    assert all(switches.rect.contains(drawn.rect) for drawn in seen.drawn)


def test_keys_beyond_the_layers_filters_are_not_used(switches):
    nine = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_9, mod=0, unicode="9")
    assert not switches.handle_event(nine)  # conv1 has eight filters
    with pytest.raises(ValueError, match="filters 1 to 8"):
        switches.toggle(8)


def test_with_the_fake_engine_the_switches_say_there_are_no_test_digits(mnist):
    from testing_support.fake_engine import FakeEngine

    engine = FakeEngine()
    client = ModelClient(starter=engine.start)
    client.start()
    assert client.wait(10)
    pygame.init()
    switches = FilterSwitches(pygame.Rect(40, 400, 1200, 220), client)
    switches.set_input(mnist_digits_as_input(mnist.x_test[0]))
    switches.toggle(0)
    assert engine.answered_all()
    client.poll()
    switches.update(1 / 60)
    assert switches.answer.off == (0,)
    assert not switches.answer.prediction.layers[0].values[:, :, 0].any()
    assert switches.lines[0] == phrase("filter_switches.off", filters="1")
    assert switches.lines[2] == phrase("filter_switches.no_accuracy")
    client.shutdown(5)
    pygame.quit()
