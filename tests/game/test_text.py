"""Text on screen: wrapped sentences never lose words silently."""

import pygame

from mnist_arcade.game.widgets.text import Text
from testing_support.text_recorder import TextRecorder


def _drawn_lines(text, sentence, width, max_lines):
    with TextRecorder(text) as seen:
        text.draw_wrapped(
            pygame.Surface((400, 200)), sentence, (0, 0), width, 20, max_lines=max_lines
        )
    return seen.strings


def test_a_sentence_too_long_for_its_lines_ends_with_an_ellipsis_that_fits(window):
    text = Text()
    sentence = " ".join(["Go back to the shipped model? Press R again to confirm"] * 3)
    lines = _drawn_lines(text, sentence, 300, 2)
    assert len(lines) == 2 and lines[-1].endswith("...")
    assert all(text.font(20).size(line)[0] <= 300 for line in lines)


def test_a_sentence_that_fits_is_drawn_whole_without_an_ellipsis(window):
    text = Text()
    sentence = "Network ready: the shipped model (99.2% of 10,000 test digits right). Draw, then P."
    lines = _drawn_lines(text, sentence, 300, 3)
    assert " ".join(lines) == sentence and not lines[-1].endswith("...")


def test_a_models_name_takes_the_only_when_it_has_no_article_of_its_own():
    from mnist_arcade.messages import with_the

    assert with_the("shipped model") == "the shipped model"
    assert with_the("your trained model") == "your trained model"
    assert with_the("the model taught your 6 digits") == "the model taught your 6 digits"


def test_a_word_wider_than_the_line_is_broken_and_never_drawn_past_it(window):
    text = Text()
    sentence = "could not load /home/someone/.local/share/mnist-arcade/trained_model.keras today"
    for max_lines in (2, 5):
        lines = _drawn_lines(text, sentence, 200, max_lines)
        assert 2 <= len(lines) <= max_lines
        assert all(text.font(20).size(line)[0] <= 200 for line in lines), lines
    assert "".join(_drawn_lines(text, sentence, 200, 5)).replace(" ", "") == sentence.replace(
        " ", ""
    )
