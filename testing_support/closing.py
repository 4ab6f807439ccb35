"""Closing the game as ``main()`` does, and what was left running once it returned.

The random player (``random_events``) closes every launch with :func:`close`; the reliability
benchmark prints each :class:`Closed`. A thread counts whatever it is: the engine, the trainer,
or any other the game started, found with ``threading.enumerate()`` once ``App.shutdown`` has
returned, with the line of this project it was running.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mnist_arcade.game.app import App
    from testing_support.random_events import Tally


@dataclass(frozen=True)
class Closed:
    """One close of the game: what was still running once ``App.shutdown`` returned (each
    thread but the main one, as "name in file:line function"), and how long it took."""

    threads_left: tuple[str, ...]
    seconds: float  # App.shutdown, from its start to its return
    window_gone_s: float | None  # from its start to the window's close (None: never closed)
    during: str  # what the training run was doing


def close(app: App, tally: Tally) -> bool:
    """Close the game as ``main()`` does after the loop; record every thread still alive once
    ``App.shutdown`` has returned (engine, trainer or any other), and how long it took. True
    if none was."""
    training = app.context.training
    during = f"run {training.preset} {training.status.value} after {len(training.epochs)} epochs"
    started = time.perf_counter()
    gone: list[float] = []
    close_window = app.window.close

    def timed_close() -> None:  # the moment the player sees the window go
        close_window()
        gone.append(time.perf_counter() - started)

    app.window.close = timed_close
    try:
        app.shutdown()
    except Exception:
        tally.add_exception("App.shutdown")
    seconds = time.perf_counter() - started
    left = tuple(
        sorted(
            f"{thread.name} in {where_is(thread)}"
            for thread in threading.enumerate()
            if thread is not threading.main_thread()
        )
    )
    tally.closes.append(Closed(left, seconds, gone[0] if gone else None, during))
    return not left


def where_is(thread: threading.Thread) -> str:
    """The innermost line of this project that ``thread`` is running, as file:line function."""
    frame = sys._current_frames().get(thread.ident)
    for entry in reversed(traceback.extract_stack(frame) if frame else []):
        if "mnist_arcade" in entry.filename:
            return f"{Path(entry.filename).name}:{entry.lineno} {entry.name}"
    return "?"
