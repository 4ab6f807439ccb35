"""News nobody asked for (the network has loaded) waits behind a warning the player is reading.

A player who presses a key in the first second of the game and is told something went wrong
(an odd lesson file, set aside) must get to read it: the "ready" notice would otherwise replace
it within a frame. The model's name and figure show in the header all the same.
"""

import pygame

from mnist_arcade.game.state.lesson_progress import progress_path
from mnist_arcade.game.state.notices import WARNING_HOLD_SECONDS
from testing_support.fake_engine import FakeEngine
from testing_support.game_input import post_key


def loads_after(app, engine: FakeEngine) -> None:
    engine.release()
    assert engine.answered_all()
    app.frame(1 / 60)
    assert app.context.model.ready


def warned_while_loading(make_app, odd_lesson_file: bytes):
    """A game still loading its network, whose L just warned of an odd lesson file: the app,
    its held engine and the warning."""
    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(odd_lesson_file)
    engine = FakeEngine()
    engine.hold()
    app = make_app(load=False, engine=engine)
    post_key(pygame.K_l)
    app.frame(1 / 60)
    warning = app.context.notices.current
    assert "starts again at step 1" in warning
    return app, engine, warning


def test_a_warning_said_while_loading_stays_when_the_network_is_ready(make_app):
    app, engine, warning = warned_while_loading(make_app, b"{not json")
    loads_after(app, engine)
    assert app.context.notices.current == warning


def test_with_no_warning_on_show_the_ready_notice_is_shown(make_app):
    engine = FakeEngine()
    engine.hold()
    app = make_app(load=False, engine=engine)
    loading = app.context.notices.current
    loads_after(app, engine)
    assert app.context.notices.current != loading and "ready" in app.context.notices.current


def test_an_old_warning_gives_way_to_the_news(make_app):
    app, engine, warning = warned_while_loading(make_app, b"[]")
    app.context.clock.tick(WARNING_HOLD_SECONDS + 0.1)  # read long ago
    loads_after(app, engine)
    assert app.context.notices.current != warning
