"""Errors a user can act on: each message says what went wrong and what to do about it."""

from __future__ import annotations


class MnistArcadeError(Exception):
    """Base class for problems that are reported to the user as one line, never a traceback."""


class EmptyBoardError(MnistArcadeError):
    """The board (or image) has no ink, so there is nothing to read."""


class ModelLoadError(MnistArcadeError):
    """A model file is missing, corrupt or not the kind of model the game expects."""


class DataSourceError(MnistArcadeError):
    """An MNIST source could not be read (missing file, wrong layout, no network)."""


class ImageReadError(MnistArcadeError):
    """A file given to ``mnist-arcade predict`` is missing, not an image, or damaged."""


class ModelSaveError(MnistArcadeError):
    """A trained model cannot be written where it was asked to go."""


def why_unreadable(error: BaseException) -> str:
    """A file's read error as one short plain reason. numpy answers a file that is not an .npz
    archive with advice to load it unsafely (``allow_pickle``), which must never reach a
    player: that is said as "not a NumPy .npz archive"."""
    text = str(error).strip()
    if "allow_pickle" in text or "pickled" in text:
        return "not a NumPy .npz archive"
    return text.splitlines()[0][:160] if text else type(error).__name__
