"""One lock on the player's folder, shared by every copy of the game and every CLI command.

Every read-judge-write of the player's files (the model in use, the kept-aside run, the model
library, the digit book, best scores) happens inside ``holding_user_folder()``. It is a
cross-process file lock (``filelock``) on ``<user folder>/.lock`` plus a process-wide re-entrant
lock, so two threads of one game, two games, or a game and ``mnist-arcade train`` never
interleave their writes, and a nested call in the same thread does not deadlock.

The lock is held for a short judge-and-save (a second or two), never for a whole training run.
If another copy holds it longer than ``timeout`` seconds, ``UserFolderBusy`` says so plainly.
Pure Python: the game's UI thread may take it without importing TensorFlow.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from mnist_arcade import paths
from mnist_arcade.errors import MnistArcadeError

LOCK_NAME = ".lock"  # the lock file inside the user folder; holds no data
DEFAULT_TIMEOUT_S = 30.0  # longer than any judge-and-save; a stuck copy gets a plain message

_in_process = threading.RLock()  # serialises this process's threads; re-entrant per thread
_file_locks: dict[Path, FileLock] = {}
_file_locks_guard = threading.Lock()


class UserFolderBusy(MnistArcadeError):
    """Another copy of the game (or a CLI command) has held the player's folder too long."""


def lock_path(folder: Path | None = None) -> Path:
    """Where the lock file lives for ``folder`` (default: the player's folder)."""
    return (folder or paths.user_dir()) / LOCK_NAME


def _file_lock(path: Path) -> FileLock:
    # One FileLock object per path and per process, shared by every thread (thread_local=False):
    # the RLock above already decides which thread may hold it, and FileLock counts nesting.
    with _file_locks_guard:
        lock = _file_locks.get(path)
        if lock is None:
            lock = FileLock(path, thread_local=False)
            _file_locks[path] = lock
        return lock


@contextlib.contextmanager
def holding_user_folder(timeout: float = DEFAULT_TIMEOUT_S) -> Iterator[None]:
    """Hold the player's folder for one read-judge-write; re-entrant in the same thread.

    Raises ``UserFolderBusy`` when another process keeps it past ``timeout``, and ``OSError``
    when the folder cannot even hold a lock file (it is a file, read-only, or the disk is full);
    callers treat that like any other failed save.
    """
    folder = paths.user_dir()
    if not _in_process.acquire(timeout=timeout):
        raise UserFolderBusy("another part of the game is still saving; try again in a moment")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        file_lock = _file_lock(lock_path(folder))
        try:
            file_lock.acquire(timeout=timeout)
        except Timeout as error:
            raise UserFolderBusy(
                f"another copy of MNIST Arcade has been saving in {folder} for over "
                f"{timeout:.0f} s; close it, or wait and try again"
            ) from error
        try:
            yield
        finally:
            file_lock.release()
    finally:
        _in_process.release()
