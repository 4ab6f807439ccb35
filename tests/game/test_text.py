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


def test_small_text_keeps_the_fonts_own_letter_spacing(window):
    """At 12 px the hinted font spread "lights appears" into "ligh ts ap pears" (issue 22):
    drawn, a line is as wide as the font's outline says, not as the rounded advances say."""
    text = Text()
    line = "lights appears what the net sees: the filter lights up where its pattern appears"
    designed = pygame.font.Font(None, 36).size(line)[0] / 2  # the outline twice as large, halved
    drawn = text.render(line, 18).get_width()  # 18: 12 px on screen
    assert abs(drawn - designed) <= 2
    assert text.font(18).size(line)[0] == drawn  # and layouts measure what is drawn
    assert text.render(line, 18).get_height() <= text.font(18).get_linesize() + 1


def test_larger_text_lifts_every_small_size_and_leaves_large_ones(window):
    text = Text()
    small, heading = text.render("the filter", 12).get_height(), text.render("MNIST", 44)
    assert text.toggle_large()
    assert text.render("the filter", 12).get_height() > small
    assert text.render("MNIST", 44).get_size() == heading.get_size()


def test_f2_turns_larger_text_on_and_the_help_names_it(make_app):
    from testing_support.game_input import post_key

    app = make_app()
    post_key(pygame.K_F2)
    app.frame(1 / 60)
    assert app.context.text.large and "Larger text on" in app.context.notices.current
    shown = []
    original = app.context.text.draw
    app.context.text.draw = lambda t, s, *a, **k: shown.append(s) or original(t, s, *a, **k)
    post_key(pygame.K_h)
    app.frame(1 / 60)
    del app.context.text.draw
    assert "larger text on or off (for a projector)" in " ".join(shown)  # it may wrap
