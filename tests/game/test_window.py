"""The window at other sizes: scaled without distortion, and the mouse still lands right."""

import pygame

from mnist_arcade.game.scenes.board_scene import BOARD_TOPLEFT
from mnist_arcade.game.widgets.theme import BACKGROUND, WINDOW_SIZE
from mnist_arcade.game.window import SMALLEST_WINDOW
from testing_support.game_input import post_key, post_stroke

LEFT, TOP = BOARD_TOPLEFT


def test_a_1024x576_window_stays_1024x576_with_the_canvas_scaled_into_it(make_app, monkeypatch):
    """A 1024x768 projector needs the game smaller than the canvas (issue 22): it used to snap
    back to 1280x720."""
    app = make_app(load=False)
    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [(1920, 1080)])
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(1024, 576), w=1024, h=576))
    app.frame(1 / 60)
    assert app.window.display.get_size() == (1024, 576) and app.window.scale == 0.8
    assert app.window.target == pygame.Rect(0, 0, 1024, 576)
    app.window.resize((300, 200))  # smaller than anything readable: held at SMALLEST_WINDOW
    assert app.window.display.get_size() == SMALLEST_WINDOW


def test_a_smaller_window_keeps_the_aspect_and_maps_the_mouse(make_app, monkeypatch):
    app = make_app(load=False)
    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [(960, 700)])  # a tiny screen
    app.window.resize((960, 700))  # taller than 16:9: bars above and below
    assert app.window.scale == 0.75
    assert app.window.target.size == (960, 540) and app.window.target.top == 80
    # Draw on the board where the player sees it: 3/4 of the canvas position, below the bar.
    x, y = round((LEFT + 150) * 0.75), 80 + round((TOP + 60) * 0.75)
    post_stroke([(x, y), (x, y + 120)])
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


def _smallest_em_on_screen(app) -> float:
    """The em of the game's smallest text as the player sees it: drawn size x the scale."""
    from mnist_arcade.game.widgets.text import BUNDLED_EM

    return app.context.text.shown_size(1) * BUNDLED_EM * app.window.scale


def test_a_window_smaller_than_the_canvas_draws_larger_text_and_never_under_12_px(make_app):
    """At 1024x576 the canvas's 12 px text was 9.6 px on screen, and at the old 640x360 it was
    6 px: the game now draws larger text by itself whenever the canvas is scaled down, and the
    smallest window keeps that larger text at 12 px or more."""
    app = make_app(load=False)
    app.frame(1 / 60)
    assert not app.context.text.large and _smallest_em_on_screen(app) >= 12
    for size in ((1024, 576), (1100, 700), (300, 200)):
        app.window.resize(size)
        app.frame(1 / 60)
        assert app.context.text.large, size
        assert _smallest_em_on_screen(app) >= 12, size
    assert "smaller than the game" in app.context.notices.current
    app.window.resize(WINDOW_SIZE)  # back to full size: the player's own setting (off)
    app.frame(1 / 60)
    assert not app.context.text.large


def test_f2_in_a_small_window_says_larger_text_stays_and_keeps_the_choice_for_later(make_app):
    app = make_app(load=False)
    app.window.resize((1024, 576))
    app.frame(1 / 60)
    post_key(pygame.K_F2)  # on: already drawn large, and now chosen too
    app.frame(1 / 60)
    assert "window is big again" in app.context.notices.current
    post_key(pygame.K_F2)  # off: the small window keeps it on, and says so
    app.frame(1 / 60)
    assert app.context.text.large and "stays on" in app.context.notices.current
    post_key(pygame.K_F2)
    app.frame(1 / 60)
    app.window.resize(WINDOW_SIZE)
    app.frame(1 / 60)
    assert app.context.text.large  # the player chose it: it stays at full size too
