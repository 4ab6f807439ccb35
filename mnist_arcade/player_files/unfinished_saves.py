"""Temporary files being written right now, and the ones a killed writer left behind.

Every save in the game writes a temporary file beside its target and renames it into place. The
temporary's name says which process writes it (``.<name>-<pid>-XXXXXXXX<suffix>``, made by
:func:`temporary_prefix`), so start-up cleanup removes only files whose writer is dead: starting
the game while ``mnist-arcade train`` (or a second game) is saving never deletes that save's
file. While a temporary exists it is also registered here; the game's fast exit (which skips
the interpreter's own shutdown) removes whatever is still registered, so closing the window in
the middle of a save leaves no half-written file behind. Pure Python: the game's exit path must
not import TensorFlow.
"""

from __future__ import annotations

import os
import re
import threading
import time
from pathlib import Path

STALE_AFTER_S = 3600.0  # a save takes seconds; a temporary this old has no writer left
_WRITER = re.compile(r"^\..+-(?P<pid>\d+)-[a-z0-9_]{8}(\.[A-Za-z0-9]+)?$")
_OLD_STYLE = re.compile(r"^\..+-[a-z0-9_]{8}\.(keras|json|npz)$")  # before names had a pid

_unfinished: set[Path] = set()
_lock = threading.Lock()


def temporary_prefix(target: Path) -> str:
    """The name a temporary file for ``target`` starts with (give it to ``mkstemp``)."""
    return f".{target.stem}-{os.getpid()}-"


def register(path: Path) -> None:
    with _lock:
        _unfinished.add(Path(path))


def unregister(path: Path) -> None:
    with _lock:
        _unfinished.discard(Path(path))


def remove_unfinished_saves() -> list[Path]:
    """Delete every registered temporary file that still exists; return those removed."""
    with _lock:
        pending, removed = list(_unfinished), []
        _unfinished.clear()
    for path in pending:
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass  # already renamed into place, or gone
    return removed


def process_alive(pid: int) -> bool:
    """True if process ``pid`` still runs (or might: where it cannot be asked, say yes)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":  # Windows' os.kill would end the process: never ask it there
        return True
    try:
        os.kill(pid, 0)  # signal 0 only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it exists, and belongs to someone else
        return True
    return True


def left_by_dead_writer(path: Path, now: float | None = None) -> bool:
    """True for a temporary save file whose writer is gone: its pid is no living process, or
    it is older than any save takes (an old-style name without a pid, a reused pid)."""
    writer = _WRITER.match(path.name)
    if writer is None and _OLD_STYLE.match(path.name) is None:
        return False  # not one of our temporaries
    if writer is not None and not process_alive(int(writer["pid"])):
        return True
    try:
        age = (time.time() if now is None else now) - path.stat().st_mtime
    except OSError:
        return False
    return age > STALE_AFTER_S


def clean_stale_temporaries(*folders: Path) -> list[Path]:
    """Delete the temporary files that killed writers left in ``folders`` (the user folder and
    its model library: models, accuracy notes, digit books); return what was removed."""
    removed = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for leftover in folder.glob(".*-*"):
            if not leftover.is_file() or not left_by_dead_writer(leftover):
                continue
            try:
                leftover.unlink()
                removed.append(leftover)
            except OSError:
                pass  # read-only, or removed meanwhile: harmless to leave
    return removed
