"""Load and save models safely: Keras' safe mode on load, write-then-rename on save.

A failed save never touches the last good model, and a model that cannot be loaded is reported
in one line naming the file, so the game can fall back to the shipped model.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mnist_arcade import paths
from mnist_arcade.errors import ModelLoadError, ModelSaveError
from mnist_arcade.ml.backend import keras
from mnist_arcade.ml.model import check_architecture
from mnist_arcade.player_files import unfinished_saves
from mnist_arcade.player_files.atomic_files import set_aside
from mnist_arcade.player_files.model_archives import archive_problem, whole_sentences
from mnist_arcade.player_files.model_library import (
    checked_library_models,
    new_model_path,
    record_accuracy,
)


def non_finite_layers(model: keras.Model) -> list[str]:
    """Names of the layers whose weights hold NaN or infinity (a run that diverged)."""
    return [
        layer.name
        for layer in model.layers
        if not all(np.isfinite(weights).all() for weights in layer.get_weights())
    ]


def load_model(path: str | os.PathLike) -> keras.Model:
    """Load a native ``.keras`` model in safe mode (no arbitrary code), checked for our layers,
    their sizes, and finite weights (NaN weights would print NaN probabilities)."""
    path = Path(path)
    if path.is_dir():
        raise ModelLoadError(f"{path} is a folder, not a .keras model file")
    if not path.is_file():
        raise ModelLoadError(f"model file not found: {path}")
    problem = archive_problem(path)  # a damaged file, a zip bomb, '../' names: before Keras
    if problem is not None:
        raise ModelLoadError(f"cannot load model {path}: {problem}")
    try:
        model = keras.saving.load_model(path, compile=False, safe_mode=True)
    except Exception as error:  # Keras raises many types for a damaged zip or config
        reason = whole_sentences(" ".join(str(error).split()) or type(error).__name__)
        raise ModelLoadError(f"cannot load model {path}: {reason}") from error
    try:
        check_architecture(model)
    except ValueError as error:
        raise ModelLoadError(f"{path} is not an MNIST Arcade model: {error}") from error
    broken = non_finite_layers(model)
    if broken:
        raise ModelLoadError(
            f"cannot use model {path}: the weights of {', '.join(broken)} are not finite "
            "numbers (NaN or infinity; the run that made it diverged)"
        )
    return model


def _check_keras_name(path: Path) -> None:
    if path.suffix != ".keras":
        raise ModelSaveError(
            f"cannot save a model as {path}: the name must end in .keras (Keras' own format, "
            "the only one the game loads)"
        )


def check_save_target(path: str | os.PathLike) -> Path:
    """Fail now, not after a long run, if a model cannot be saved at ``path``.

    The name must end in ``.keras`` and not be a folder; the folder is created and a temporary
    file is written in it and removed, which proves it is writable (permissions alone do not
    say so for root, read-only mounts or full disks).
    """
    path = Path(path).expanduser()
    if path.is_dir():
        raise ModelSaveError(f"cannot save a model as {path}: it is a folder, not a file name")
    _check_keras_name(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=f".{path.stem}-probe-", dir=path.parent)
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        blocking = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
        reason = (
            f"{blocking} is a file, not a folder"
            if blocking is not None
            else error.strerror or type(error).__name__
        )
        raise ModelSaveError(f"cannot save a model in {path.parent}: {reason}") from error
    return path


@contextlib.contextmanager
def _temporary_beside(target: Path):
    """A temporary ``.keras`` file in ``target``'s folder (to be renamed onto it), registered
    so that a fast exit mid-write removes it, and removed here if it was not renamed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".keras", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    unfinished_saves.register(temporary)
    try:
        yield temporary
    finally:
        temporary.unlink(missing_ok=True)
        unfinished_saves.unregister(temporary)


def save_model_atomic(model: keras.Model, path: str | os.PathLike) -> Path:
    """Save to a temporary file beside ``path``, check it loads, then rename it into place."""
    path = Path(path)
    _check_keras_name(path)
    broken = non_finite_layers(model)
    if broken:
        raise ModelSaveError(
            f"not saving the model as {path}: the weights of {', '.join(broken)} are not finite"
        )
    with _temporary_beside(path) as temporary:
        model.save(temporary)
        _put_in_place(temporary, path)
    return path


def copy_model_atomic(source: str | os.PathLike, path: str | os.PathLike) -> keras.Model:
    """Put a copy of the model file ``source`` at ``path`` as :func:`save_model_atomic` puts a
    model there; return the model read back. The bytes are copied, not saved again: a model
    saved again loses its optimizer's state and so no longer matches its file in the library,
    which would then keep a second copy of it every time it is replaced."""
    path = Path(path)
    _check_keras_name(path)
    with _temporary_beside(path) as temporary:
        shutil.copyfile(source, temporary)
        return _put_in_place(temporary, path)


def _put_in_place(temporary: Path, path: Path) -> keras.Model:
    """Rename a just-written model file over ``path`` once it loads (the model it holds is
    returned), keeping the old file in the library first if it is the player's."""
    model = load_model(temporary)  # never rename a file we could not read back
    library_copy_of_player_slot(path)
    os.replace(temporary, path)
    return model


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


def fallback_model_path() -> Path:
    """A new timestamped file in the system's temporary folder, for a run whose save failed."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return Path(tempfile.gettempdir()) / f"mnist-arcade-run-{stamp}-{os.getpid()}.keras"


def save_with_fallback(model: keras.Model, path: str | os.PathLike) -> tuple[Path, str | None]:
    """Save at ``path``; if that fails, save in the temporary folder so the run is not lost.

    Returns where the model now is and, when that is not ``path``, why ``path`` failed. Raises
    ModelSaveError only when both saves fail.
    """
    try:
        return save_model_atomic(model, path), None
    except Exception as error:  # whatever went wrong (disk full, folder gone), keep the run
        reason = " ".join(str(error).split()) or type(error).__name__
    fallback = fallback_model_path()
    try:
        return save_model_atomic(model, fallback), reason
    except Exception as error:
        also = " ".join(str(error).split()) or type(error).__name__
        raise ModelSaveError(
            f"cannot save the model at {path} ({reason}) nor at {fallback} ({also})"
        ) from error


@dataclass(frozen=True)
class LoadedModel:
    """A model ready to use, where it came from, and any problem met on the way."""

    model: keras.Model
    source: str  # "trained" (the player's own) or "shipped"
    path: Path
    warning: str | None = None


def load_live_model(explicit_path: str | os.PathLike | None = None) -> LoadedModel:
    """The model the game starts with: an explicit path, else the player's saved model, else the
    shipped one. A broken player model is set aside (renamed, never deleted) with a warning, and
    the shipped model is used: never a crash."""
    if explicit_path is not None:
        return LoadedModel(load_model(explicit_path), "given", Path(explicit_path))
    warning = None
    user_path = paths.user_model_path()
    if user_path.exists():
        try:
            return LoadedModel(load_model(user_path), "trained", user_path)
        except ModelLoadError as error:
            where = ""
            if archive_problem(user_path) is not None:  # damaged or a bomb: set aside, as a
                where = f" ({set_aside(user_path)})"  # book is (another Keras's model stays put)
            warning = f"{error}{where}; using the shipped model instead"
    shipped = paths.shipped_model_path()
    return LoadedModel(load_model(shipped), "shipped", shipped, warning)


def clean_stale_temporaries(folder: str | os.PathLike | None = None) -> list[Path]:
    """Delete the temporary files a crash in the middle of a save left in the user folder.

    ``save_model_atomic`` writes ``.<name>-XXXX.keras`` beside the target and renames it; a
    process killed in between leaves one behind. Returns what was removed.
    """
    folder = Path(folder) if folder is not None else paths.user_dir()
    removed = []
    for leftover in folder.glob(".*-*.keras") if folder.is_dir() else ():
        try:
            leftover.unlink()
            removed.append(leftover)
        except OSError:
            pass  # someone else's file, or read-only: harmless to leave
    return removed


def keep_aside_user_model() -> Path | None:
    """Move the player's saved model to the kept-aside slot instead of deleting it."""
    user_path = paths.user_model_path()
    if not user_path.exists():
        return None
    target = paths.kept_aside_model_path()
    library_copy_of_player_slot(target)  # the run kept aside before stays in the library
    os.replace(user_path, target)
    return target


def keep_run_in_library(
    saved: Path, preset: str, accuracy: float | None, validation_digits: int
) -> Path:
    """Keep a judged run's just-saved file in the model library, with the accuracy it was
    judged on beside it (N shows it before switching); where the copy is kept."""
    kept = keep_copy(saved, new_model_path(preset))
    record_accuracy(kept, accuracy, validation_digits)
    return kept


def keep_copy(saved: Path, target: Path) -> Path:
    """Copy a model file that was just saved and read back, atomically, to ``target`` (the
    player's model library): the bytes are the checked ones, so no second save is needed."""
    with _temporary_beside(target) as temporary:
        shutil.copyfile(saved, temporary)
        os.replace(temporary, target)
    return target
