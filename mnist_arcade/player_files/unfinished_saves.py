"""Temporary model files being written right now, so an abrupt exit can remove them.

``ml.store.save_model_atomic`` writes a temporary file beside its target and renames it into
place. It registers the temporary file here while it exists; the game's fast exit (which skips
the interpreter's own shutdown) removes whatever is still registered, so closing the window in
the middle of a save leaves no half-written file behind. Pure Python: the game's exit path must
not import TensorFlow.
"""

from __future__ import annotations

import threading
from pathlib import Path

_unfinished: set[Path] = set()
_lock = threading.Lock()


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
