"""Events a broken driver or an odd desktop sends, through the real loop: a stroke to 2**31,
a 1x1 window, a dropped file, focus lost mid-stroke. Nothing raises and the board is right."""

import numpy as np
import pygame

from mnist_arcade.canvas.board import Board
from mnist_arcade.game.scenes.board_scene import BOARD_TOPLEFT
from testing_support.game_input import post_key


def test_a_stroke_to_two_to_the_31_draws_to_the_board_edge_and_the_frame_ends(make_app):
    app = make_app(load=False)
    left, top = BOARD_TOPLEFT
    start = (left + 150, top + 150)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=start, button=1))
    far = (2**31 - 1, top + 150)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=far, rel=far, buttons=(1, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=far, button=1))
    app.frame(1 / 60)  # the old stroke loop stamped 2**31 steps here: minutes
    expected = Board()
    expected.begin_stroke(150, 150)
    expected.continue_stroke(400, 150)
    np.testing.assert_array_equal(app.context.board.pixels, expected.pixels)


def test_a_1x1_window_a_dropped_file_and_focus_lost_mid_stroke_raise_nothing(make_app):
    app = make_app(load=False)
    left, top = BOARD_TOPLEFT
    for event in (
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(left + 50, top + 50), button=1),
        pygame.event.Event(pygame.WINDOWFOCUSLOST),
        pygame.event.Event(pygame.MOUSEMOTION, pos=(left + 250, top + 50), rel=(200, 0),
                           buttons=(1, 0, 0)),
        pygame.event.Event(pygame.VIDEORESIZE, size=(1, 1), w=1, h=1),
        pygame.event.Event(pygame.DROPFILE, file="/no/such/file.png"),
        pygame.event.Event(pygame.DROPTEXT, text="7"),
        pygame.event.Event(pygame.WINDOWFOCUSGAINED),
    ):  # fmt: skip
        pygame.event.post(event)
        app.frame(1 / 60)
    board = app.context.board.pixels
    assert board[50, 50] == 255 and board[50, 250] == 0  # the stroke ended at focus loss
    post_key(pygame.K_h)
    app.frame(1 / 60)  # drawn in a 1x1 window: no division by zero, no exception
