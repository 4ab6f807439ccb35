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
