"""The game: owns the window and the loop (events -> update -> draw), and the scenes.

``main()`` starts pygame and opens the window at once; the engine thread imports TensorFlow and
loads the model in the background. Nothing here runs at import time.

Run it with ``mnist-arcade`` or ``python -m mnist_arcade``.
"""

from __future__ import annotations

import logging
import os
import time

import pygame

from mnist_arcade.game.context import GameContext
from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes import SCENES
from mnist_arcade.game.scenes.scene import Scene
from mnist_arcade.game.services import exam_digits
from mnist_arcade.game.services.model_client import ModelClient
from mnist_arcade.game.services.training_session import TrainingSession
from mnist_arcade.game.state.language_choice import LanguageChoice
from mnist_arcade.game.widgets.help_overlay import draw_help
from mnist_arcade.game.widgets.theme import FPS, WARN
from mnist_arcade.game.window import Window
from mnist_arcade.game.words import phrase

CLOSE_WAIT_BOUND_S = 60.0  # closing waits this long at most for the threads (a log line if hit)
FULLSCREEN_KEYS = (pygame.K_F11,)  # F11 everywhere; F on each scene too (see its bindings)
HELP_KEYS = (pygame.K_h, pygame.K_F1, pygame.K_QUESTION)  # and shift+/ (the ? key)
LARGER_TEXT_KEYS = (pygame.K_F2,)  # every screen: small text larger, for a projector
LOG = logging.getLogger(__name__)


class App:
    """The window, the clock, the current scene and the context the scenes share."""

    def __init__(self, window: Window, context: GameContext) -> None:
        self.window = window
        self.context = context
        self.clock = pygame.time.Clock()
        self.running = True
        self.help_open = False
        context.switch_to = self.switch_to
        context.toggle_fullscreen = window.toggle_fullscreen
        context.on_language_switched = window.retitle
        self.scenes: dict[SceneId, Scene] = {
            scene_id: scene_class(context) for scene_id, scene_class in SCENES.items()
        }
        self.scene: Scene | None = None
        self.switch_to(SceneId.BOARD)

    def __repr__(self) -> str:
        return f"App(scene={type(self.scene).__name__}, {self.context.model!r})"

    @property
    def screen(self) -> pygame.Surface:
        """The canvas the scenes draw on (1280x720 whatever the window's size)."""
        return self.window.canvas

    def switch_to(self, scene_id: SceneId) -> None:
        """Put ``scene_id`` on show. The notices are told first, so the last screen's notice
        is withdrawn and what the old screen says as it closes is the new screen's."""
        self.context.notices.show_screen(scene_id)
        if self.scene is not None:
            self.scene.on_exit()
        self.scene = self.scenes[scene_id]
        self.scene.on_enter()

    def handle(self, event: pygame.event.Event) -> None:
        """One input event: window-level ones here, the rest to the current scene."""
        if event.type == pygame.QUIT:
            self.running = False
        elif event.type == pygame.VIDEORESIZE and not self.window.fullscreen:
            self.window.resize(event.size)
        elif event.type == pygame.KEYDOWN and event.key in FULLSCREEN_KEYS:
            self.window.toggle_fullscreen()
        elif event.type == pygame.KEYDOWN and event.key in LARGER_TEXT_KEYS and not self.help_open:
            self.toggle_larger_text()
        elif event.type == pygame.KEYDOWN and (self.help_open or _is_help_key(event)):
            self.help_open = not self.help_open  # any key closes the help; H, F1, ? open it
        elif self.help_open and event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEMOTION):
            pass  # no drawing through the help card
        else:
            self.scene.handle_event(self.window.map_event(event))

    def toggle_larger_text(self) -> None:
        """F2: larger text on or off, on every screen. A screen whose text is already that large
        (the lesson) looks the same either way, so it says so rather than claim a change; so
        does a window too small for the normal sizes, where larger text stays on."""
        text = self.context.text
        large = text.toggle_large()
        if text.window_small:  # a small window draws it large either way (Text.fit_window)
            key = "notice.larger_text_kept_small_window"
            if large:
                key = "notice.larger_text_chosen_small_window"
        elif self.scene.TEXT_ALREADY_LARGE:
            key = "notice.larger_text_elsewhere_on" if large else "notice.larger_text_elsewhere_off"
        else:
            key = "notice.larger_text_on" if large else "notice.larger_text_off"
        self.context.say(phrase(key))

    def frame(self, dt: float | None = None) -> None:
        """One turn of the loop: events, background news, update, draw, present."""
        if dt is None:
            dt = self.clock.tick(FPS) / 1000.0
        for event in pygame.event.get():
            self.handle(event)
            if not self.running:
                return
        if self.context.text.fit_window(self.window.scale):
            self.context.say(phrase("notice.larger_text_small_window"))
        self.context.tick(dt)
        self.context.poll()
        self.scene.update(0.0 if self.help_open else dt)  # help pauses a round's clock
        self.scene.draw(self.window.canvas)
        if self.help_open:
            keys = [(binding.label, binding.what) for binding in self.scene.bindings()]
            text = self.context.text
            with text.at_least(self.scene.LEAST_TEXT_SIZE):
                draw_help(self.window.canvas, text, self.scene.TITLE, keys, self.scene.PANELS)
        self.window.present()

    def run(self) -> None:
        while self.running:
            self.frame()

    def shutdown(self) -> bool:
        """The window is closed: end every thread, the window gone first; True if none is left.

        Both threads are told at once (the trainer ends after its current batch and saves
        nothing; the engine after its current step, starting no new one), then the window is
        taken off the screen, so the player sees it go at once, and only then are the threads
        waited for: a TensorFlow call (a batch, an XLA compile, a model load) cannot be cut
        short, and a thread left running when the process exits could be in the middle of
        anything. The wait is bounded by CLOSE_WAIT_BOUND_S, with a log line if that is hit.
        """
        training, model = self.context.training, self.context.model
        training.end_run()
        model.request_stop()
        self.window.close()
        deadline = time.monotonic() + CLOSE_WAIT_BOUND_S
        ended = {
            "trainer": training.shutdown(CLOSE_WAIT_BOUND_S),
            "engine": model.shutdown(max(0.0, deadline - time.monotonic())),
            "test-digits": exam_digits.wait_for_loaders(max(0.0, deadline - time.monotonic())),
        }
        still_running = [name for name, done in ended.items() if not done]
        if still_running:
            LOG.warning(
                "closing: the %s did not end within %.0f s of the window closing; "
                "leaving without waiting longer",
                " and the ".join(still_running),
                CLOSE_WAIT_BOUND_S,
            )
        return not still_running


def _is_help_key(event: pygame.event.Event) -> bool:
    return (
        event.key in HELP_KEYS
        or (event.key == pygame.K_SLASH and event.mod & pygame.KMOD_SHIFT)
        or getattr(event, "unicode", "") == "?"
    )


def make_app(
    model_path: str | None = None,
    data_path: str | None = None,
    model: ModelClient | None = None,
    language: str | None = None,
    **training_options,
) -> App:
    """Open the window and build the game around it; the engine starts loading at once.

    ``model``: a model client not yet started (one with a fake engine, say); by default one
    that starts the real engine on ``model_path``. ``language``: ``--lang`` ("zh" or "en"),
    over the remembered choice and the locale (:mod:`.state.language_choice`)."""
    languages = LanguageChoice.load()
    languages.decide(language)
    window = Window()
    model = model or ModelClient(model_path)
    model.start()
    training = TrainingSession(data_path=data_path, **training_options)
    context = GameContext(model, training, languages=languages)
    if problem := languages.take_problem():
        context.say(problem, WARN)
    return App(window, context)


def main(
    model_path: str | None = None,
    data_path: str | None = None,
    startup_check: bool = False,
    language: str | None = None,
) -> int:
    """Start pygame, open the window (in ``language``, if given), run until it is closed.

    With ``startup_check``, print "first frame" as soon as the window has drawn once and exit
    at once (``benchmarks/bench_startup.py`` times the launch that way).
    """
    pygame.display.init()  # only what the game uses: no sound, so no sound card is opened
    pygame.font.init()
    try:
        app = make_app(model_path, data_path, language=language)
        app.frame(0.0)
        if startup_check:
            print("first frame", flush=True)
            _exit_now()  # do not wait for TensorFlow's import, still running on its thread
        app.run()
        app.shutdown()  # the window goes at once; then every thread is waited for
    finally:
        pygame.quit()
    _exit_now()
    return 0  # not reached: kept for readers and type checkers


def _exit_now() -> None:
    """Leave at once, skipping the interpreter's own shutdown.

    Once TensorFlow is loaded, Python's normal exit spends most of a second tearing it down.
    By now ``App.shutdown`` has seen every thread end (unless its bound was hit, which it
    logs), and everything the player keeps is on disk (saves are atomic; a closing game saves
    nothing new): flush what was printed, remove any temporary model file still registered
    (none, unless a thread outlived the bound), and exit.
    """
    import sys

    from mnist_arcade.player_files.unfinished_saves import remove_unfinished_saves

    remove_unfinished_saves()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
