"""The ten chance bars: every digit's label readable, whatever room the panel gives them."""

import numpy as np
import pygame
import pytest

from mnist_arcade.game.widgets.probability_bars import draw_probability_bars
from mnist_arcade.game.widgets.text import Text
from testing_support.text_recorder import TextRecorder


@pytest.mark.parametrize("height", [100, 124, 260])
def test_no_two_digit_labels_touch_in_horizontal_bars(window, height):
    text = Text()
    rect = pygame.Rect(10, 10, 86, height)
    with TextRecorder(text) as seen:
        surface = pygame.Surface((200, 300))
        draw_probability_bars(surface, text, rect, np.full(10, 0.1), vertical=False)
    labels = {item.string: item.rect for item in seen.drawn}
    assert sorted(labels) == [str(d) for d in range(10)]
    boxes = list(labels.values())
    for i, first in enumerate(boxes):
        assert rect.contains(first)
        assert not any(first.colliderect(second) for second in boxes[i + 1 :])
