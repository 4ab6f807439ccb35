"""A board emptied by Ctrl+Z or by rubbing out says what an empty board says ("draw a digit"),
never "you changed the drawing: press P to read it again", a key that then only answers that
the board is empty."""

import pygame
import pytest

from testing_support.game_input import post_key, post_stroke, read_board
from testing_support.text_recorder import drawn_in_frames

LEFT, TOP = 40, 84  # the board's top-left corner on the 1280x720 canvas
STROKE = [(LEFT + 150, TOP + 40), (LEFT + 150, TOP + 260)]


def undo_it():
    pygame.event.post(
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_z, mod=pygame.KMOD_LCTRL, unicode="")
    )


def rub_it_out():
    """The right button down at the stroke's top, held along it, up at its foot."""
    (x, top), (_, bottom) = STROKE
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, top - 20), button=3))
    for y in range(top - 20, bottom + 21, 10):
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=(x, y), rel=(0, 0), buttons=(0, 0, 1))
        )
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x, bottom + 20), button=3))


@pytest.mark.parametrize("empty_it", [undo_it, rub_it_out], ids=["ctrl_z", "rubbed_out"])
@pytest.mark.parametrize("live", [True, False], ids=["live", "on_p"])
def test_a_board_emptied_after_a_reading_asks_for_a_drawing_not_for_p(make_app, empty_it, live):
    app = make_app()
    if not live:
        post_key(pygame.K_v)
    post_stroke(STROKE)
    app.frame(1 / 60)
    read_board(app)
    empty_it()
    app.frame(1 / 60)
    assert app.context.board.is_empty
    shown = drawn_in_frames(app, 3).strings
    assert "Draw a digit on the black board, then press P" in shown
    assert "You changed the drawing since the last reading." not in shown
    assert "drawing changed: press P" not in shown
