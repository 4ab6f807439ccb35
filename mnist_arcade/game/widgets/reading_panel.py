"""The board's reading panel, under the board: the digit read, how sure, and the ten chances."""

from __future__ import annotations

import pygame

from mnist_arcade.game.state.readings import method_name
from mnist_arcade.game.widgets.probability_bars import draw_probability_bars
from mnist_arcade.game.widgets.theme import ACCENT, GOOD, MUTED, WARN, panel
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.numbers import sure
from mnist_arcade.scoring.confidence import reads_as_digit

RESULT_RECT = pygame.Rect(40, 440, 300, 260)


def shows_a_reading(readings, shown: bool) -> bool:
    """Whether the panel shows a reading (else only a line on what to do, which a shorter panel
    holds as well: the notice above may then take some of its room)."""
    either = readings.prediction is not None or readings.live_prediction is not None
    return shown and either


def draw_reading_panel(
    surface: pygame.Surface, text, readings, shown: bool, rect: pygame.Rect = RESULT_RECT
) -> None:
    """What the network read: the digit and how sure (or "not a digit"), the method, and the
    ten chances as bars; while nothing is shown yet, what to do, in ``rect`` (a reading is
    always shown in the whole RESULT_RECT). ``shown`` says the network view has finished
    showing this reading, so the answer never comes before its maps."""
    prediction = readings.prediction
    as_you_draw = prediction is None and readings.live_prediction is not None
    if as_you_draw:  # a reading a stroke behind: said so, in grey
        prediction = readings.live_prediction
    if not shows_a_reading(readings, shown):
        panel(surface, rect)
        if readings.drawing_changed:
            message = phrase("board_screen.result_changed")
        else:
            message = phrase(
                "board_screen.result_press_p"
                if prediction is None
                else "board_screen.result_reading"
            )
        text.draw(surface, message, rect.center, 24, MUTED, "center")
        return
    panel(surface, RESULT_RECT)
    title = phrase("board_screen.reads_live" if as_you_draw else "board_screen.reads")
    text.draw(surface, title, (RESULT_RECT.left + 16, RESULT_RECT.top + 12), 22, MUTED)
    digit_bottom, words_bottom = _draw_guess(surface, text, prediction, as_you_draw)
    left, top = RESULT_RECT.topleft
    # Each line below the ones above it: larger text (F2) and Chinese lines are taller.
    method_top = max(top + 102, words_bottom + 2)
    method = text.draw(surface, method_name(readings.method), (left + 110, method_top), 18, MUTED)
    chances_top = max(digit_bottom + 4, method.bottom + 2)
    chances = phrase("board_screen.chances")
    chances_bottom = text.draw(surface, chances, (left + 16, chances_top), 18, MUTED).bottom
    bars_top = max(top + 142, chances_bottom + 2)
    bars_height = RESULT_RECT.bottom - 6 - bars_top
    bars = pygame.Rect(left + 12, bars_top, RESULT_RECT.width - 24, bars_height)
    draw_probability_bars(surface, text, bars, prediction.probabilities)


def _draw_guess(surface: pygame.Surface, text, prediction, as_you_draw: bool) -> tuple[int, int]:
    """The digit read and how sure, or "not a digit" and the best guess, in grey while the
    reading is a stroke behind. Returns the y of the big digit's foot, and the y just below
    the words beside it."""
    left, top = RESULT_RECT.topleft
    is_digit = reads_as_digit(prediction.probabilities)
    digit = str(prediction.digit) if is_digit else "?"
    digit_color = MUTED if as_you_draw or not is_digit else ACCENT
    shown = text.draw(surface, digit, (left + 24, top + 30), 120, digit_color)
    digit_bottom = shown.top + text.font(120, digit).get_ascent()  # its baseline: no descender
    color = GOOD if prediction.confidence >= 0.8 else WARN
    color = MUTED if as_you_draw else color
    if is_digit:
        words = phrase("board_screen.sure", sure=sure(prediction.confidence))
        return digit_bottom, text.draw(surface, words, (left + 110, top + 72), 30, color).bottom
    # Calibrated, and trained to be unsure on scribbles: say so, not a digit.
    not_a_digit = phrase("reading.not_a_digit")
    below = text.draw_wrapped(surface, not_a_digit, (left + 110, top + 44), 180, 22, WARN)
    sureness = sure(prediction.confidence)
    best = phrase("board_screen.best_guess", digit=prediction.digit, sure=sureness)
    best_top = max(top + 84, below + 2)
    return digit_bottom, text.draw(surface, best, (left + 110, best_top), 18, MUTED).bottom
