"""The game's log: the raw reasons behind the plain words on screen, for a teacher to read.

The screen says "the small set of MNIST digits that comes with the game"; the log keeps why the
whole set was not used ("Keras: mnist.npz is not cached and the download failed ([Errno -2]
Name or service not known)"), which model file was set aside and why, where a run that could not
be saved went, and a failed run's traceback. Every module logs to ``logging.getLogger(__name__)``
under ``mnist_arcade``; :func:`set_up_logging` (called once by the command line) sends those
records to a small rotating file in the player's folder, ``mnist-arcade.log``, and with
``--verbose`` to stderr as well.

The log must never cost the player anything: a folder that cannot hold it (read-only, full, a
file where the folder should be) means no log file, and a write that fails later is dropped
quietly, never an exception in the game.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from mnist_arcade import paths

LOG_NAME = "mnist-arcade.log"
MAX_BYTES = 256 * 1024  # one file; with its BACKUPS the log never passes a megabyte
BACKUPS = 2  # mnist-arcade.log.1 and .2: the last few sessions
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_handlers: list[logging.Handler] = []  # the ones set_up_logging added, so a second call
# (tests, a second command in one process) replaces them instead of doubling every line


class QuietRotatingFile(logging.handlers.RotatingFileHandler):
    """A rotating log file, opened (and its folder made) only when the first record comes, so
    a command that has nothing to say leaves no file; failed writes (disk full, a read-only
    folder, a file where the folder should be) are dropped: logging's own handler would print
    a traceback on stderr for each."""

    def _open(self):
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:
        return


def log_path() -> Path:
    """Where the log is: ``mnist-arcade.log`` in the player's folder."""
    return paths.user_dir() / LOG_NAME


def set_up_logging(verbose: bool = False) -> Path | None:
    """Log the game's records (INFO and up) to the player's folder, and to stderr when
    ``verbose``; the log file's path (written when the first record comes), or None."""
    logger = logging.getLogger("mnist_arcade")
    for handler in _handlers:
        logger.removeHandler(handler)
        handler.close()
    _handlers.clear()
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    logger.propagate = False  # the records go where this says, not to the root logger
    written = _file_handler()
    if written is not None:
        _handlers.append(written)
    if verbose:
        shown = logging.StreamHandler(sys.stderr)
        shown.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        _handlers.append(shown)
    if not _handlers:  # no file and not verbose: nothing on stderr either
        _handlers.append(logging.NullHandler())
    for handler in _handlers:
        logger.addHandler(handler)
    return None if written is None else log_path()


def _file_handler() -> logging.Handler | None:
    try:
        handler = QuietRotatingFile(
            log_path(), maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        return None  # no folder can be named at all: the game runs on without a log
    handler.setFormatter(logging.Formatter(FORMAT))
    return handler
