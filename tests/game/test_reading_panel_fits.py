"""The reading panel under the board: its lines stack, in both languages and with larger text.

With F2 in Chinese the "chances of each digit (%)" label sat on the bars' figures: the panel
placed each line at a fixed height, which taller lines outgrow.
"""

from types import SimpleNamespace

import numpy as np
import pygame
import pytest

from mnist_arcade.canvas.methods import Method
from mnist_arcade.game.widgets.reading_panel import RESULT_RECT, draw_reading_panel
from mnist_arcade.game.widgets.text import Text
from mnist_arcade.game.words.languages import Language, use_language
from mnist_arcade.messages import Prediction
from testing_support.text_recorder import TextRecorder


def a_reading(probabilities) -> SimpleNamespace:
    """What the panel reads of the board's readings: a finished reading of a 3."""
    prediction = Prediction(np.zeros((28, 28), np.float32), np.asarray(probabilities, np.float32))
    return SimpleNamespace(
        prediction=prediction, live_prediction=None, is_stale=False, method=Method.MNIST
    )


def vertical_gap(first: pygame.Rect, second: pygame.Rect) -> int | None:
    """The pixels between two boxes one above the other (None if no column holds both)."""
    if first.right <= second.left or second.right <= first.left:
        return None
    return max(second.top - first.bottom, first.top - second.bottom)


MIN_GAP = 3  # px of dark between two lines' letters: less, and they read as one smudge
MIN_BARS = 48  # px between the figures above the bars and the digits below them

A_THREE = np.array([0.01] * 3 + [0.91] + [0.01] * 6)
NOT_A_DIGIT = np.full(10, 0.1)


@pytest.mark.parametrize("probabilities", [A_THREE, NOT_A_DIGIT], ids=["a 3", "not a digit"])
@pytest.mark.parametrize("large", [False, True], ids=["normal text", "F2"])
@pytest.mark.parametrize("language", list(Language))
def test_the_reading_panels_lines_keep_apart(window, language, large, probabilities):
    use_language(language)
    text = Text()
    if large:
        text.toggle_large()
    surface = pygame.Surface((400, 720))
    with TextRecorder(text) as seen:
        draw_reading_panel(surface, text, a_reading(probabilities), shown=True)
    inked = [item for item in seen.drawn if item.ink is not None]
    assert len(inked) >= 24  # title, answer, sureness, method, label, ten figures, ten digits
    for i, first in enumerate(inked):
        assert RESULT_RECT.contains(first.ink), first.string
        for second in inked[i + 1 :]:
            gap = vertical_gap(first.ink, second.ink)
            assert gap is None or gap >= MIN_GAP, (first.string, second.string, gap)
    labels, figures = seen.drawn[-20::2], seen.drawn[-19::2]  # each bar: its digit, its figure
    assert [item.string for item in labels] == [str(digit) for digit in range(10)]
    room = min(item.ink.top for item in labels) - max(item.ink.bottom for item in figures)
    assert room >= MIN_BARS, room  # the bars between them stay tall enough to compare
