"""The board's hint "Tab shows another input map on a conv2 card" goes once the player has
found one: opening a conv2 card withdraws it from the notice line, where it stayed till
another notice replaced it."""

import pygame

from mnist_arcade.game.words import phrase
from testing_support.game_input import post_key, read_board
from testing_support.text_recorder import drawn_in_frames
from tests.game.test_board_scene import draw_a_one


def click_map(app, layer: str, index: int) -> None:
    column = next(column for column in app.scene.network.columns if column.name == layer)
    x, y = column.positions[index]
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x + 3, y + 3), button=1))
    app.frame(1 / 60)


def shown(app) -> str:
    """The words of the next frame, the notice's wrapped lines joined again."""
    return " ".join(drawn_in_frames(app).strings)


def test_the_tab_hint_goes_once_a_conv2_card_is_open(make_app):
    hint = phrase("board_screen.no_card_to_tab")
    app = make_app()
    draw_a_one(app)
    read_board(app)
    app.frame(3.0)
    post_key(pygame.K_TAB)  # no card open: the hint says where Tab works
    app.frame(1 / 60)
    assert hint in shown(app)
    click_map(app, "conv1", 2)  # a card, but not the one Tab works on: the hint still helps
    assert app.scene.detail.layer == "conv1"
    assert hint in shown(app)
    click_map(app, "conv2", 3)
    assert app.scene.detail.is_open and app.scene.detail.layer == "conv2"
    assert hint not in shown(app)
    post_key(pygame.K_TAB)  # Tab on the card now turns its input map, saying nothing
    app.frame(1 / 60)
    assert hint not in shown(app)
