"""A seeded random player that drives the real game loop with real pygame events.

Every key a scene or the window answers (read from the scenes' own key bindings, so a new key
is pressed as soon as it is bound), every other letter, digit and function key, some with
Shift, Ctrl or Alt, key releases and typed text; mouse strokes that start on the board, beside
it, in the bars around a scaled canvas or outside the window (some never released, as when the
button goes up outside the window), stray clicks and wheel turns; window resizes of any size,
1x1 among them, fullscreen, focus and exposure events, focus lost in the middle of a stroke,
files and text dropped on the window, strokes to +-2**31; and idle pauses during which training
gets on. Events
are posted on SDL's queue and read by ``App.frame`` exactly as the game reads the player's.

:func:`play_launch` starts the game as ``mnist-arcade play [--model PATH]`` does
(:func:`mnist_arcade.game.app.make_app`), feeds it a number of events and counts what happened:
exceptions out of the loop or out of a thread, the problems the player was told about, and the
training runs started, stopped, finished, put in use or kept aside.

Shared by ``tests/game/test_random_events.py`` (a short stream in CI) and
``benchmarks/bench_reliability.py`` (the long one). Only :func:`write_odd_models` imports
TensorFlow, to make broken model files on purpose.
"""

from __future__ import annotations

import contextlib
import random
import threading
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pygame

from mnist_arcade.canvas.board import BOARD_SIZE
from mnist_arcade.game.app import FULLSCREEN_KEYS, HELP_KEYS, App, make_app
from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes.board_scene import BOARD_TOPLEFT
from mnist_arcade.game.services.training_session import (
    ACTIVE,
    FAILED,
    FINISHED,
    LOADING_DATA,
    STOPPED,
    STOPPING,
)
from mnist_arcade.game.widgets.theme import WINDOW_SIZE
from testing_support.closing import Closed

STEP = 1 / 60  # dt of the frames that carry events: they run back to back, faster than a player
SLOW_FRAME = 0.050  # a frame that takes longer than this is a visible stall

WINDOW_KEYS = (*FULLSCREEN_KEYS, *HELP_KEYS)  # answered by the window in every scene
EXPLICIT_CHOICES = {  # the keys with which a player puts a kept model in use on purpose
    SceneId.TRAINING: (pygame.K_RETURN, pygame.K_KP_ENTER),  # use a kept-aside run anyway
    SceneId.BOARD: (pygame.K_n,),  # next model: the shipped one, then each run kept
}
OTHER_KEYS = (  # every letter, digit and function key, and the usual others
    *(getattr(pygame, f"K_{name}") for name in "abcdefghijklmnopqrstuvwxyz0123456789"),
    *(getattr(pygame, f"K_F{number}") for number in range(1, 13)),
    pygame.K_ESCAPE, pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_UP,
    pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_TAB, pygame.K_BACKSPACE,
    pygame.K_DELETE, pygame.K_LSHIFT, pygame.K_RCTRL, pygame.K_LALT, pygame.K_KP5,
    pygame.K_KP_PLUS, pygame.K_HOME, pygame.K_PAGEDOWN, pygame.K_CAPSLOCK, pygame.K_PRINTSCREEN,
    pygame.K_MENU, pygame.K_SLASH, pygame.K_QUESTION, pygame.K_PERIOD,
)  # fmt: skip
MODIFIERS = (pygame.KMOD_SHIFT, pygame.KMOD_CTRL, pygame.KMOD_ALT)
WINDOW_EVENTS = (
    pygame.WINDOWFOCUSLOST, pygame.WINDOWFOCUSGAINED, pygame.WINDOWLEAVE, pygame.WINDOWENTER,
    pygame.VIDEOEXPOSE, pygame.WINDOWMINIMIZED, pygame.WINDOWRESTORED,
)  # fmt: skip
BOARD_RECT = pygame.Rect(BOARD_TOPLEFT, (BOARD_SIZE, BOARD_SIZE))


def key_event(key: int, up: bool = False, mod: int = 0) -> pygame.event.Event:
    name = pygame.key.name(key)
    return pygame.event.Event(
        pygame.KEYUP if up else pygame.KEYDOWN,
        key=key,
        mod=mod,
        unicode=name if len(name) == 1 else "",
        scancode=0,
    )


@dataclass(frozen=True)
class Idle:
    """The player does nothing for ``seconds``: frames run at the game's own 60 FPS pace."""

    seconds: float


class RandomPlayer:
    """Chooses what happens in each frame; ``next_frame(app)`` gives the events or an Idle.

    ``choose_models`` False leaves out the keys that may put a weaker model in use on purpose
    (:data:`EXPLICIT_CHOICES`: Enter on the training screen, N on the board), so that whatever
    else the player does, a good model in use must stay good.
    """

    def __init__(
        self,
        seed: int,
        choose_models: bool = True,
        idle_seconds: tuple[float, float] = (0.05, 0.6),
    ) -> None:
        self.rng = random.Random(seed)
        self.idle_seconds = idle_seconds
        self.choose_models = choose_models
        self.kinds: Counter = Counter()  # what was posted, by kind
        self._pending: list[list[pygame.event.Event]] = []  # the rest of a stroke, per frame
        self._actions = {
            "scene key": (14, self._scene_key),
            "R twice (restore)": (1, self._restore_twice),
            "other key": (2, self._other_key),
            "key up / text": (1, self._key_up_or_text),
            "stroke": (4, self._stroke),
            "stray mouse": (2, self._stray_mouse),
            "resize": (1, self._resize),
            "window event": (0.5, self._window_event),
            "idle": (1.5, self._idle),
            "dropped file": (0.3, self._dropped_file),
            "huge coordinates": (0.3, self._huge_coordinates),
            "1x1 resize": (0.2, self._tiny_resize),
            "focus lost mid-stroke": (0.3, self._focus_lost_mid_stroke),
        }

    def __repr__(self) -> str:
        return f"RandomPlayer(kinds={dict(self.kinds)})"

    def next_frame(self, app: App) -> list[pygame.event.Event] | Idle:
        # A stroke goes on over several frames, but a key, a resize or a scene switch may come
        # in the middle of it, as when a player presses T with the button still held.
        if self._pending and self.rng.random() > 0.15:
            return self._pending.pop(0)
        names = list(self._actions)
        weights = [self._actions[name][0] for name in names]
        name = self.rng.choices(names, weights)[0]
        self.kinds[name] += 1
        return self._actions[name][1](app)

    # --- positions ---------------------------------------------------------------------------

    def _to_display(self, app: App, point: tuple[float, float]) -> tuple[int, int]:
        """A canvas point -> the display point over it, at the window's current scale."""
        window = app.window
        return (
            round(window.target.left + point[0] * window.scale),
            round(window.target.top + point[1] * window.scale),
        )

    def _position(self, app: App) -> tuple[int, int]:
        """A display position: on the board, elsewhere on the canvas, or off the canvas."""
        rng = self.rng
        where = rng.random()
        if where < 0.5:
            board = BOARD_RECT.inflate(40, 40)
            return self._to_display(
                app, (rng.uniform(board.left, board.right), rng.uniform(board.top, board.bottom))
            )
        if where < 0.8:
            return self._to_display(
                app, (rng.uniform(0, WINDOW_SIZE[0]), rng.uniform(0, WINDOW_SIZE[1]))
            )
        width, height = app.window.display.get_size()  # the bars, or outside the window
        return rng.randint(-200, width + 200), rng.randint(-200, height + 200)

    # --- actions -----------------------------------------------------------------------------

    def _allowed(self, app: App, key: int) -> bool:
        """False for a key that would choose a model on purpose, when that is left out."""
        if self.choose_models:
            return True
        return not any(
            app.scene is app.scenes.get(scene_id) and key in keys
            for scene_id, keys in EXPLICIT_CHOICES.items()
        )

    def _bound_keys(self, app: App, scene) -> list[int]:
        """The keys ``scene`` answers, as its bindings list them (one binding, one chance)."""
        keys = [self.rng.choice(binding.keys) for binding in scene.bindings()]
        return [key for key in keys if self._allowed(app, key)]

    def _scene_key(self, app: App) -> list[pygame.event.Event]:
        """A key the current scene answers; now and then one the window or another scene does."""
        rng = self.rng
        where = rng.random()
        if where < 0.08:
            keys = list(WINDOW_KEYS)
        elif where < 0.2:
            keys = self._bound_keys(app, rng.choice(list(app.scenes.values())))
        else:
            keys = self._bound_keys(app, app.scene)
        if not keys:
            return []
        key = rng.choice(keys)
        self.kinds[f"key {pygame.key.name(key)}"] += 1
        return [key_event(key)]

    def _restore_twice(self, app: App) -> list[pygame.event.Event]:
        self._pending.insert(0, [key_event(pygame.K_r)])  # the confirming R, next frame
        return [key_event(pygame.K_r)]

    def _other_key(self, app: App) -> list[pygame.event.Event]:
        """Any key at all: most do nothing here, some belong to the scene or another one."""
        key = self.rng.choice(OTHER_KEYS)
        if not self._allowed(app, key):
            return []
        mod = self.rng.choice(MODIFIERS) if self.rng.random() < 0.15 else 0
        return [key_event(key, mod=mod)]

    def _key_up_or_text(self, app: App) -> list[pygame.event.Event]:
        if self.rng.random() < 0.5:
            return [key_event(self.rng.choice([*WINDOW_KEYS, *OTHER_KEYS]), up=True)]
        text = self.rng.choice(["p", "t", "1", "é", " ", "\u4e2d"])
        return [pygame.event.Event(pygame.TEXTINPUT, text=text)]

    def _stroke(self, app: App) -> list[pygame.event.Event]:
        """Button down, motion over a few frames, then up, up elsewhere, or never up."""
        rng = self.rng
        button = 1 if rng.random() < 0.85 else rng.choice([2, 3])
        buttons = {1: (1, 0, 0), 2: (0, 1, 0), 3: (0, 0, 1)}[button]
        x, y = self._position(app)
        frames = [[pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=button)]]
        for _ in range(rng.randint(1, 12)):
            frame = []
            for _ in range(rng.randint(1, 4)):
                dx, dy = rng.randint(-40, 40), rng.randint(-40, 40)
                x, y = x + dx, y + dy
                frame.append(
                    pygame.event.Event(
                        pygame.MOUSEMOTION, pos=(x, y), rel=(dx, dy), buttons=buttons
                    )
                )
            frames.append(frame)
        ending = rng.random()
        if ending < 0.8:
            frames.append([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x, y), button=button)])
        elif ending < 0.9:  # released outside the window: the next motion has no button down
            frames.append(
                [pygame.event.Event(pygame.MOUSEMOTION, pos=(x, y), rel=(0, 0), buttons=(0, 0, 0))]
            )
        # else: never released as far as the game knows
        first, *rest = frames
        self._pending = rest + self._pending
        return first

    def _stray_mouse(self, app: App) -> list[pygame.event.Event]:
        rng = self.rng
        position = self._position(app)
        choice = rng.random()
        if choice < 0.5:
            return [
                pygame.event.Event(pygame.MOUSEMOTION, pos=position, rel=(1, -1), buttons=(0, 0, 0))
            ]
        if choice < 0.75:
            button = rng.choice([1, 2, 3, 4, 5])  # 4 and 5: the old wheel buttons
            return [
                pygame.event.Event(pygame.MOUSEBUTTONUP, pos=position, button=button),
                pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=position, button=button),
            ]
        return [
            pygame.event.Event(
                pygame.MOUSEWHEEL, x=0, y=rng.choice([-3, -1, 1, 3]), flipped=False,
                precise_x=0.0, precise_y=1.0, touch=False,
            )
        ]  # fmt: skip

    def _resize(self, app: App) -> list[pygame.event.Event]:
        rng = self.rng
        width, height = rng.choice(
            [
                (rng.randint(1, 4000), rng.randint(1, 2400)),  # anything, tiny to huge
                (rng.randint(300, 1400), rng.randint(200, 900)),  # laptop-like
                (1280, 720),  # back to one-to-one
            ]
        )
        return [pygame.event.Event(pygame.VIDEORESIZE, size=(width, height), w=width, h=height)]

    def _window_event(self, app: App) -> list[pygame.event.Event]:
        return [pygame.event.Event(self.rng.choice(WINDOW_EVENTS))]

    def _dropped_file(self, app: App) -> list[pygame.event.Event]:
        """A file, a folder, a missing path or text dragged onto the window."""
        rng = self.rng
        dropped = rng.choice(
            [__file__, str(Path(__file__).parent), "/no/such/file.png", "", "\u4e2d.keras"]
        )
        kind = rng.choice([pygame.DROPFILE, pygame.DROPTEXT])
        return [
            pygame.event.Event(pygame.DROPBEGIN),
            pygame.event.Event(kind, file=dropped, text=dropped),
            pygame.event.Event(pygame.DROPCOMPLETE),
        ]

    def _huge_coordinates(self, app: App) -> list[pygame.event.Event]:
        """A broken driver's (or a crafted) stroke to +-2**31, from on the board."""
        rng = self.rng
        start = self._to_display(app, BOARD_RECT.center)
        far = (rng.choice([-(2**31), 2**31 - 1, 0]), rng.choice([-(2**31), 2**31 - 1, 5]))
        self._pending.insert(0, [pygame.event.Event(pygame.MOUSEBUTTONUP, pos=far, button=1)])
        return [
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=start, button=1),
            pygame.event.Event(pygame.MOUSEMOTION, pos=far, rel=far, buttons=(1, 0, 0)),
        ]

    def _tiny_resize(self, app: App) -> list[pygame.event.Event]:
        return [pygame.event.Event(pygame.VIDEORESIZE, size=(1, 1), w=1, h=1)]

    def _focus_lost_mid_stroke(self, app: App) -> list[pygame.event.Event]:
        """The window loses focus with the button held (Alt-Tab mid-stroke), the motion goes
        on, and focus comes back with no button-up ever seen."""
        x, y = self._to_display(app, BOARD_RECT.center)
        self._pending = [
            [
                pygame.event.Event(pygame.WINDOWFOCUSLOST),
                pygame.event.Event(
                    pygame.MOUSEMOTION, pos=(x + 30, y), rel=(30, 0), buttons=(1, 0, 0)
                ),
            ],
            [
                pygame.event.Event(pygame.WINDOWFOCUSGAINED),
                pygame.event.Event(
                    pygame.MOUSEMOTION, pos=(x + 60, y), rel=(30, 0), buttons=(0, 0, 0)
                ),
            ],
            *self._pending,
        ]
        return [
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=1),
            pygame.event.Event(pygame.MOUSEMOTION, pos=(x + 10, y), rel=(10, 0), buttons=(1, 0, 0)),
        ]

    def _idle(self, app: App) -> Idle:
        return Idle(self.rng.uniform(*self.idle_seconds))


# --- counting what happens --------------------------------------------------------------------


@dataclass
class Tally:
    """What a stream did and what came of it, over one or more launches."""

    events: int = 0
    frames: int = 0
    launches: Counter = field(default_factory=Counter)
    exceptions: list[str] = field(default_factory=list)  # formatted tracebacks
    problems: Counter = field(default_factory=Counter)  # warnings the player was shown
    runs: Counter = field(default_factory=Counter)  # started, stop asked, finished, adopted...
    slow_frames: int = 0  # frames with events that took longer than SLOW_FRAME
    slowest_frame: float = 0.0
    closes: list[Closed] = field(default_factory=list)  # one per launch closed

    def add_exception(self, where: str) -> None:
        self.exceptions.append(f"{where}:\n{traceback.format_exc()}")


@contextlib.contextmanager
def thread_exceptions_counted(tally: Tally):
    """Count an exception that kills any thread (engine, trainer) as an exception too."""
    previous = threading.excepthook

    def hook(arguments):
        tally.exceptions.append(
            f"thread {arguments.thread.name if arguments.thread else '?'}:\n"
            + "".join(
                traceback.format_exception(
                    arguments.exc_type, arguments.exc_value, arguments.exc_traceback
                )
            )
        )

    threading.excepthook = hook
    try:
        yield tally
    finally:
        threading.excepthook = previous


PROBLEM_STARTS = (  # notices that report a failure, not a player's mistake
    "The network could not do that",
    "Training failed",
    "No model could be loaded",
    "No model to read with",
)


class Observer:
    """Watches one app between frames: training runs, kept-aside runs used, problems shown."""

    def __init__(self, app: App, tally: Tally) -> None:
        self.app = app
        self.tally = tally
        self.status = app.context.training.status
        self.offer_taken = False
        self.first_in_use = None  # the first ModelInUse of this launch (name, weights)

    def look(self) -> None:
        context, tally = self.app.context, self.tally
        training = context.training
        if self.first_in_use is None and context.model.in_use is not None:
            self.first_in_use = context.model.in_use
        if training.status is not self.status:
            status = training.status
            if status is LOADING_DATA:
                tally.runs["started"] += 1
            elif status is STOPPING:
                tally.runs["stop asked"] += 1
            elif status in (FINISHED, STOPPED, FAILED):
                tally.runs[status.value] += 1
                judged = training.judged
                if judged is not None:
                    tally.runs["put in use" if judged.adopted else "kept aside"] += 1
            self.status = status
        if training.offer_taken and not self.offer_taken:
            tally.runs["kept-aside run used (Enter)"] += 1
        self.offer_taken = training.offer_taken
        if context.notices.current.startswith(PROBLEM_STARTS):
            tally.problems[context.notices.current[:160]] += 1


def run_frame(app: App, tally: Tally, observer: Observer, dt: float | None) -> None:
    started = time.perf_counter()
    try:
        app.frame(dt)
    except Exception:
        tally.add_exception(f"App.frame, frame {tally.frames}")
    tally.frames += 1
    if dt is not None:  # paced frames sleep on purpose; only count the ones that do not
        seconds = time.perf_counter() - started
        tally.slowest_frame = max(tally.slowest_frame, seconds)
        tally.slow_frames += seconds > SLOW_FRAME
    observer.look()


def play_launch(
    player: RandomPlayer,
    tally: Tally,
    events: int,
    model_path: str | None = None,
    data_path: str | None = None,
    kind: str = "saved or shipped model",
    **training_options,
) -> tuple[App, Observer]:
    """Launch the game as ``mnist-arcade play`` does and feed it ``events`` random events.

    The app is left running (the caller settles, inspects and shuts it down); pygame must be
    initialised. The player starts at once, while the network is still loading.
    """
    tally.launches[kind] += 1
    app = make_app(model_path, data_path, **training_options)
    observer = Observer(app, tally)
    target = tally.events + events
    while tally.events < target:
        step = player.next_frame(app)
        if isinstance(step, Idle):
            until = time.monotonic() + step.seconds
            while time.monotonic() < until:
                run_frame(app, tally, observer, None)
            continue
        for event in step:
            pygame.event.post(event)
        tally.events += len(step)
        run_frame(app, tally, observer, STEP)
    return app, observer


def wind_down(
    app: App, tally: Tally, observer: Observer, stop: bool = True, seconds: float = 60.0
) -> bool:
    """Run paced frames until training and the engine are idle (after asking a run to stop,
    or letting it finish); True if they went idle within ``seconds``."""
    if stop:
        app.context.training.stop()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        run_frame(app, tally, observer, None)
        context = app.context
        idle = (
            context.training.status not in ACTIVE
            and not context.training.running
            and context.model.requests_waiting == 0
            and not context.readings.awaiting
        )
        if idle:
            for _ in range(3):  # the engine's last answers, and the poll that reads them
                time.sleep(0.05)
                run_frame(app, tally, observer, None)
            return True
    return False


# --- odd models -------------------------------------------------------------------------------


def write_odd_models(folder: Path) -> dict[str, Path]:
    """Model files a player might point ``--model`` at: each must be refused, never crash.

    Imports TensorFlow (through Keras) to write the ones that are real Keras files.
    """
    import zipfile

    import numpy as np

    from mnist_arcade.ml.model import build_model
    from tests.ml.impostor_models import same_names_other_sizes

    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "corrupt file": folder / "corrupt.keras",
        "zip that is no model": folder / "not_a_model.keras",
        "same names, other sizes": folder / "other_sizes.keras",
        "same shapes, no bias": folder / "no_bias.keras",
        "NaN weights": folder / "nan_weights.keras",
        "missing file": folder / "missing.keras",
    }
    files["corrupt file"].write_bytes(bytes(random.Random(1).randrange(256) for _ in range(4096)))
    with zipfile.ZipFile(files["zip that is no model"], "w") as archive:
        archive.writestr("config.json", "{not json")

    same_names_other_sizes(4, True).save(files["same names, other sizes"])
    same_names_other_sizes(8, False).save(files["same shapes, no bias"])
    diverged = build_model(seed=3)
    weights = diverged.get_weights()
    weights[2][0, 0, 0, 0] = np.nan  # one NaN in conv2's kernel, as a diverged run leaves
    diverged.set_weights(weights)
    diverged.save(files["NaN weights"])
    return files
