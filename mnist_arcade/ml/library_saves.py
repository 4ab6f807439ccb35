"""The player's model files: the model in use, the kept-aside run, and the model library.

Replacing either slot first keeps the old file in the library (``models/``), so no trained model
is ever lost to a newer one: N can always switch back to it. Every function here that writes a
slot or the library holds the player's folder (:func:`holding_user_folder`) while it does, so
two copies of the game, or a game and ``mnist-arcade train``, never interleave their writes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
import zlib
from pathlib import Path

from mnist_arcade import paths
from mnist_arcade.ml.backend import keras
from mnist_arcade.ml.model_files import copy_model_atomic, save_model_atomic, temporary_beside
from mnist_arcade.player_files import unfinished_saves
from mnist_arcade.player_files.atomic_files import set_aside
from mnist_arcade.player_files.folder_lock import holding_user_folder
from mnist_arcade.player_files.model_archives import archive_problem
from mnist_arcade.player_files.model_library import (
    checked_library_models,
    library_dir,
    new_model_path,
    record_accuracy,
)


def _player_slots() -> tuple[Path, ...]:
    """The files that are replaced as runs come and go: the model in use, the kept-aside run."""
    return paths.user_model_path(), paths.kept_aside_model_path()


def _digest(path: Path) -> str:
    """What a model file holds, not when it was written: a .keras archive records its save
    time (``metadata.json``, the zip's entry dates), so the same model saved twice differs in
    bytes. Its other members (config, weights) are hashed; a file that is no archive, whole."""
    digest = hashlib.sha256()
    try:
        with zipfile.ZipFile(path) as archive:
            for name in sorted(archive.namelist()):
                if name != "metadata.json":
                    digest.update(name.encode() + b"\0" + archive.read(name))
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError):
        digest = hashlib.sha256(path.read_bytes())  # damaged inside: its bytes, whole
    return digest.hexdigest()


def _same_model_in_library(digest: str) -> Path | None:
    """A library file holding the model with ``digest``; files that cannot be read (gone
    meanwhile, a dangling link, no permission) are passed over, never an error."""
    for kept in checked_library_models()[0]:  # a damaged one is set aside, never an error
        try:
            if _digest(kept) == digest:
                return kept
        except OSError:
            continue
    return None


def library_copy_of_player_slot(path: str | os.PathLike) -> Path | None:
    """Before the player's model or kept-aside run is replaced, keep the old file in the model
    library (unless the library holds the same bytes already), so no trained model is ever lost
    to a newer one: N can always switch back to it. Returns where it is kept, if it was."""
    path = Path(path)
    if not path.is_file() or path.resolve() not in {p.resolve() for p in _player_slots()}:
        return None
    with holding_user_folder():
        if archive_problem(path) is not None:  # a damaged or junk file is no model to keep: it
            set_aside(path)  # is set aside beside the slot (named), not copied into the library
            return None
        kept = _same_model_in_library(_digest(path))
        if kept is not None:
            return kept
        preset = "saved" if path.resolve() == paths.user_model_path().resolve() else "aside"
        target = new_model_path(preset, when=path.stat().st_mtime)
        target.parent.mkdir(parents=True, exist_ok=True)
        return keep_copy(path, target)


def save_over_player_slot(model: keras.Model, path: str | os.PathLike) -> Path:
    """Save ``model`` at ``path`` (a slot, usually), keeping the file it replaces."""
    with holding_user_folder():
        return save_model_atomic(model, path, before_replace=library_copy_of_player_slot)


def copy_over_player_slot(source: str | os.PathLike, path: str | os.PathLike) -> keras.Model:
    """Copy the model file ``source`` to ``path``, keeping the file it replaces; the model."""
    with holding_user_folder():
        return copy_model_atomic(source, path, before_replace=library_copy_of_player_slot)


def keep_aside_user_model() -> Path | None:
    """Move the player's saved model to the kept-aside slot instead of deleting it."""
    with holding_user_folder():
        user_path = paths.user_model_path()
        if not user_path.exists():
            return None
        target = paths.kept_aside_model_path()
        library_copy_of_player_slot(target)  # the run kept aside before stays in the library
        os.replace(user_path, target)
        return target


def keep_run_in_library(
    model: keras.Model, preset: str, accuracy: float | None, validation_digits: int
) -> Path:
    """Save a judged run in the model library, with the accuracy it was judged on beside it
    (N shows it before switching); where it is kept. A failure leaves neither file."""
    with holding_user_folder():
        kept = save_model_atomic(model, new_model_path(preset))
        record_accuracy(kept, accuracy, validation_digits)
        return kept


def forget_library_run(kept: Path) -> None:
    """Remove a run just added by :func:`keep_run_in_library` and its note (a rollback)."""
    with holding_user_folder():
        kept.unlink(missing_ok=True)
        kept.with_suffix(".json").unlink(missing_ok=True)


def keep_copy(saved: Path, target: Path) -> Path:
    """Copy a model file that was just saved and read back, atomically, to ``target`` (the
    player's model library): the bytes are the checked ones, so no second save is needed."""
    with temporary_beside(target) as temporary:
        shutil.copyfile(saved, temporary)
        os.replace(temporary, target)
    return target


def clean_stale_temporaries() -> list[Path]:
    """Delete the temporaries killed writers left in the user folder and its model library
    (never a living writer's: see :mod:`mnist_arcade.player_files.unfinished_saves`)."""
    return unfinished_saves.clean_stale_temporaries(paths.user_dir(), library_dir())
