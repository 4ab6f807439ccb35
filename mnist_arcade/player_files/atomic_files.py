"""Small files the game keeps for the player (digit book, best scores): written atomically,
and set aside, never deleted, when they cannot be read. Pure Python."""

from __future__ import annotations

import errno
import logging
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from mnist_arcade.player_files.unfinished_saves import temporary_prefix
from mnist_arcade.said import Said

LOG = logging.getLogger(__name__)


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
        LOG.warning("set aside %s as %s (it could not be read)", path, aside.name)
        return Said(f"set aside as {aside.name}", "file.set_aside", name=aside.name)
    except OSError as error:
        LOG.warning("could not set aside %s (%r): left where it is", path, error)
        return Said("left where it is", "file.left_in_place")


def why_not_saved(error: OSError, path: Path) -> str:
    """A failed save's reason in plain words: "File exists" for a user folder that is a file
    tells a player nothing; "<folder> is a file, not a folder" does."""
    blocking = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()), None)
    if blocking is not None and blocking != path:
        return Said(f"{blocking} is a file, not a folder", "file.not_a_folder", path=blocking)
    folder = path.parent
    words = {
        errno.ENOSPC: Said("the disk is full", "file.disk_full"),
        errno.EROFS: Said(f"{folder} is on a read-only disk", "file.read_only", folder=folder),
        errno.EACCES: Said(f"you may not write in {folder}", "file.no_permission", folder=folder),
        errno.EPERM: Said(f"you may not write in {folder}", "file.no_permission", folder=folder),
        errno.EDQUOT: Said("your disk quota is full", "file.quota_full"),
    }
    return words.get(error.errno) or error.strerror or str(error) or type(error).__name__
