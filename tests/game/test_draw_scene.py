"""The game loop driven by real pygame events on the dummy video driver."""

import numpy as np
import pygame

from mnist_arcade.game.draw_scene import BOARD_TOPLEFT, NETWORK_RECT
from mnist_arcade.game.surfaces import surface_to_rgb
from tests.game.conftest import post_key, post_stroke

LEFT, TOP = BOARD_TOPLEFT


def on_screen(app, x, y):
    """The colour the player sees at board coordinate (x, y)."""
    return tuple(app.screen.get_at((LEFT + x, TOP + y)))[:3]


def draw_a_one(app):
    post_stroke([(LEFT + 150, TOP + 40), (LEFT + 150, TOP + 260)])  # one fast vertical stroke
    app.frame(1 / 60)


def test_the_window_has_the_caption(make_app):
    make_app(load=False)
    assert pygame.display.get_caption()[0] == "MNIST Arcade"


def test_a_mouse_stroke_paints_the_board_and_the_screen(make_app):
    app = make_app()
    draw_a_one(app)
    assert app.board.pixels[40:261, 150].all()
    assert on_screen(app, 150, 150) == (255, 255, 255)
    assert on_screen(app, 30, 150) == (0, 0, 0)


def test_p_predicts_with_the_live_model_and_shows_the_maps(make_app):
    app = make_app()
    draw_a_one(app)
    before = surface_to_rgb(app.screen)[
        NETWORK_RECT.top : NETWORK_RECT.bottom, NETWORK_RECT.left : NETWORK_RECT.right
    ].copy()
    post_key(pygame.K_p)
    for _ in range(150):  # 2.5 s of frames: the animation runs to the end
        app.frame(1 / 60)
    assert app.prediction is not None and app.prediction.digit == 1
    assert app.prediction.confidence > 0.5
    after = surface_to_rgb(app.screen)[
        NETWORK_RECT.top : NETWORK_RECT.bottom, NETWORK_RECT.left : NETWORK_RECT.right
    ]
    assert np.abs(after.astype(int) - before).sum() > 0
    scene = app.scene
    assert scene.network.done
    conv1 = next(column for column in scene.network.columns if column.name == "conv1")
    x, y = conv1.positions[0]
    tile = surface_to_rgb(app.screen)[y : y + 72, x : x + 72]
    assert len({tuple(p) for p in tile.reshape(-1, 3)}) > 3  # a coloured map, not a blank


def test_the_maps_scan_in_one_layer_after_another(make_app):
    app = make_app()
    draw_a_one(app)
    post_key(pygame.K_p)
    app.frame(1 / 60)
    view = app.scene.network
    progress = [view.stage_progress(stage) for stage in range(view.stage_count)]
    assert progress[0] < 1 and progress[-1] == 0
    app.frame(view.animation_seconds / 2)
    halfway = [view.stage_progress(stage) for stage in range(view.stage_count)]
    assert halfway[0] == 1 and halfway[-1] == 0
    assert halfway == sorted(halfway, reverse=True)  # data flows left to right


def test_c_clears_board_and_prediction(make_app):
    app = make_app()
    draw_a_one(app)
    post_key(pygame.K_p)
    app.frame(1 / 60)
    post_key(pygame.K_c)
    app.frame(1 / 60)
    assert app.board.is_empty and app.prediction is None
    assert on_screen(app, 150, 150) == (0, 0, 0)


def test_p_on_an_empty_board_says_so(make_app):
    app = make_app()
    post_key(pygame.K_p)
    app.frame(1 / 60)
    assert app.prediction is None
    assert "empty" in app.notice


def test_m_switches_to_the_plain_resize_and_predicts_again(make_app):
    app = make_app()
    post_stroke([(LEFT + 40, TOP + 40), (LEFT + 40, TOP + 120)])  # small, in a corner
    app.frame(1 / 60)
    post_key(pygame.K_p)
    app.frame(1 / 60)
    centred = app.prediction.net_input
    post_key(pygame.K_m)
    app.frame(1 / 60)
    assert app.method == "plain"
    assert not np.allclose(app.prediction.net_input, centred)
    assert app.prediction.net_input[:, 14:].max() == 0  # the plain resize keeps it in the corner


def test_p_while_the_model_loads_predicts_once_it_is_ready(make_app):
    app = make_app(load=False)
    draw_a_one(app)
    post_key(pygame.K_p)
    app.frame(1 / 60)
    if app.prediction is None:
        assert "loading" in app.notice
    app.model.wait(120)
    app.frame(1 / 60)
    assert app.prediction is not None and app.prediction.digit == 1


def test_long_notices_wrap_beside_the_board_not_under_the_network(make_app):
    app = make_app()
    app.say("No model to predict with (a long reason that cannot fit on one line). Press T.")
    app.frame(1 / 60)
    strip = surface_to_rgb(app.screen)[390:428, 40:372]
    text_rows = np.flatnonzero((strip.max(axis=2) > 120).any(axis=1))
    assert text_rows.max() - text_rows.min() > 20  # two lines of text, not one cut-off line
    gap = surface_to_rgb(app.screen)[390:428, 345:371]
    assert gap.max() < 120  # nothing spills into the gap before the network panel
