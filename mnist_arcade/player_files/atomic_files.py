"""Small files the game keeps for the player (digit book, best scores): written atomically,
and set aside, never deleted, when they cannot be read. Pure Python."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from mnist_arcade.player_files.unfinished_saves import temporary_prefix


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write`` on a temporary file beside ``path``, then rename it into place, so a
    crash or a full disk leaves the old file whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=temporary_prefix(path), suffix=path.suffix, dir=path.parent
    )
    try:
        with os.fdopen(handle, "wb") as file:
            write(file)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return path


def set_aside(path: Path) -> str:
    """Move an unreadable file to ``<name>.unreadable-<time><suffix>``; say where it went."""
    aside = path.with_name(f"{path.stem}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}{path.suffix}")
    try:
        os.replace(path, aside)
        return f"set aside as {aside.name}"
    except OSError:
        return "left where it is"
