"""The window at other sizes: scaled without distortion, and the mouse still lands right."""

import pygame

from mnist_arcade.game.scenes.board_scene import BOARD_TOPLEFT
from mnist_arcade.game.widgets.theme import BACKGROUND, WINDOW_SIZE
from testing_support.game_input import post_key, post_stroke

LEFT, TOP = BOARD_TOPLEFT


def test_an_800x450_window_stays_800x450_with_the_canvas_scaled_into_it(make_app, monkeypatch):
    """A 1024x768 projector needs the game smaller than the canvas (issue 22): it used to snap
    back to 1280x720."""
    app = make_app(load=False)
    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [(1920, 1080)])
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(800, 450), w=800, h=450))
    app.frame(1 / 60)
    assert app.window.display.get_size() == (800, 450) and app.window.scale == 0.625
    assert app.window.target == pygame.Rect(0, 0, 800, 450)
    app.window.resize((300, 200))  # smaller than anything readable: held at 640x360
    assert app.window.display.get_size() == (640, 360)


def test_a_half_size_window_keeps_the_aspect_and_maps_the_mouse(make_app, monkeypatch):
    app = make_app(load=False)
    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [(640, 500)])  # a tiny screen
    app.window.resize((640, 500))  # taller than 16:9: bars above and below
    assert app.window.scale == 0.5
    assert app.window.target.size == (640, 360) and app.window.target.top == 70
    # Draw on the board where the player sees it: half the canvas position, below the bar.
    x, y = (LEFT + 150) // 2, 70 + (TOP + 60) // 2
    post_stroke([(x, y), (x, y + 80)])
    app.frame(1 / 60)
    painted = app.context.board.pixels
    assert painted[60, 150] == 255 and painted[60 + 150, 150] == 255
    assert painted[:, :130].max() == 0 and painted[:, 172:].max() == 0


def test_a_videoresize_event_rescales_and_the_canvas_stays_1280x720(make_app):
    app = make_app(load=False)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(1920, 1080), w=1920, h=1080))
    app.frame(1 / 60)
    assert app.window.display.get_size() == (1920, 1080)
    assert app.window.scale == 1.5 and app.screen.get_size() == WINDOW_SIZE
    display = app.window.display
    assert display.get_at((30, 1050))[:3] == BACKGROUND  # canvas (20, 700), scaled by 1.5
    assert display.get_at((round((LEFT + 150) * 1.5), round((TOP + 150) * 1.5)))[:3] == (0, 0, 0)


def test_f_toggles_fullscreen_and_back(make_app):
    app = make_app(load=False)
    post_key(pygame.K_f)
    app.frame(1 / 60)
    assert app.window.fullscreen
    post_key(pygame.K_F11)
    app.frame(1 / 60)
    assert not app.window.fullscreen and app.window.display.get_size() == WINDOW_SIZE


def test_a_screen_reported_as_0x0_still_gives_fullscreen_a_usable_size(monkeypatch):
    from mnist_arcade.game.window import screen_size

    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [(0, 0)])
    assert screen_size() == WINDOW_SIZE
    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [])
    assert screen_size() == WINDOW_SIZE


def test_f_covers_the_screen_from_its_corner_and_f_again_restores_size_and_place(make_app):
    from mnist_arcade.game.window import _sdl_window

    app = make_app(load=False)
    app.window.resize((1000, 600))
    _sdl_window().position = (120, 80)
    post_key(pygame.K_f)
    app.frame(1 / 60)
    screen = pygame.display.get_desktop_sizes()[0]
    assert app.window.display.get_size() == screen and _sdl_window().position == (0, 0)
    post_key(pygame.K_f)
    # The resize X reports for the fullscreen size can arrive after F has left it.
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=screen, w=screen[0], h=screen[1]))
    app.frame(1 / 60)
    assert not app.window.fullscreen and app.window.display.get_size() == (1000, 600)
    assert _sdl_window().position == (120, 80)
