"""Load and save one model file safely: Keras' safe mode on load, write-then-rename on save.

A failed save never touches the last good model, and a model that cannot be loaded is reported
in one line naming the file, so the game can fall back to the shipped model. What happens to
the player's own slots and library when a file is replaced is :mod:`mnist_arcade.ml.library_saves`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mnist_arcade import paths
from mnist_arcade.errors import ModelLoadError, ModelSaveError
from mnist_arcade.messages import ENGINE_MODEL_NAMES
from mnist_arcade.ml.backend import keras
from mnist_arcade.ml.model import check_architecture
from mnist_arcade.player_files import unfinished_saves
from mnist_arcade.player_files.atomic_files import set_aside
from mnist_arcade.player_files.model_archives import archive_problem, whole_sentences
from mnist_arcade.player_files.model_names import recorded_model_name
from mnist_arcade.said import Said

LOG = logging.getLogger(__name__)

BeforeReplace = Callable[[Path], object]  # called with the target just before it is replaced


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
        prefix = unfinished_saves.temporary_prefix(path)
        handle, probe = tempfile.mkstemp(prefix=prefix, suffix=".probe", dir=path.parent)
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        raise ModelSaveError(f"cannot save a model in {path.parent}: {why(error, path)}") from error
    return path


def why(error: BaseException, path: Path | None = None) -> str:
    """A failed save's reason in a few plain words: "No space left on device", "/x is a file,
    not a folder" (what ``mkdir`` would call "File exists" or "Not a directory")."""
    if path is not None and isinstance(error, OSError):
        blocking = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
        if blocking is not None:
            return f"{blocking} is a file, not a folder"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return " ".join(str(error).split()) or type(error).__name__


@contextlib.contextmanager
def temporary_beside(target: Path):
    """A temporary ``.keras`` file in ``target``'s folder (to be renamed onto it), named with
    this process's id (start-up cleanup leaves a living writer's file alone), registered so that
    a fast exit mid-write removes it, and removed here if it was not renamed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(
        prefix=unfinished_saves.temporary_prefix(target), suffix=".keras", dir=target.parent
    )
    os.close(handle)
    temporary = Path(name)
    unfinished_saves.register(temporary)
    try:
        yield temporary
    finally:
        temporary.unlink(missing_ok=True)
        unfinished_saves.unregister(temporary)


def save_model_atomic(
    model: keras.Model, path: str | os.PathLike, before_replace: BeforeReplace | None = None
) -> Path:
    """Save to a temporary file beside ``path``, check it loads, then rename it into place
    (calling ``before_replace(path)`` first: the library keeps the file being replaced)."""
    path = Path(path)
    _check_keras_name(path)
    broken = non_finite_layers(model)
    if broken:
        raise ModelSaveError(
            f"not saving the model as {path}: the weights of {', '.join(broken)} are not finite"
        )
    with temporary_beside(path) as temporary:
        model.save(temporary)
        put_in_place(temporary, path, before_replace)
    return path


def copy_model_atomic(
    source: str | os.PathLike, path: str | os.PathLike, before_replace: BeforeReplace | None = None
) -> keras.Model:
    """Put a copy of the model file ``source`` at ``path`` as :func:`save_model_atomic` puts a
    model there; return the model read back. The bytes are copied, not saved again: a model
    saved again loses its optimizer's state and so no longer matches its file in the library,
    which would then keep a second copy of it every time it is replaced."""
    path = Path(path)
    _check_keras_name(path)
    with temporary_beside(path) as temporary:
        shutil.copyfile(source, temporary)
        return put_in_place(temporary, path, before_replace)


def put_in_place(
    temporary: Path, path: Path, before_replace: BeforeReplace | None = None
) -> keras.Model:
    """Rename a just-written model file over ``path`` once it loads (the model it holds is
    returned); ``before_replace(path)`` runs first, and a failure there leaves ``path`` alone."""
    model = load_model(temporary)  # never rename a file we could not read back
    if before_replace is not None:
        before_replace(path)
    os.replace(temporary, path)
    return model


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
        LOG.warning("the model could not be saved at %s", path, exc_info=True)
        reason = why(error, Path(path))
    return save_to_fallback(model, f"cannot save the model at {path} ({reason})"), reason


def save_to_fallback(model: keras.Model, failure: str) -> Path:
    """Save a run that could not be saved where it belongs in the temporary folder; where it
    went. ``failure`` says why, for the message if this save fails too."""
    fallback = fallback_model_path()
    try:
        return save_model_atomic(model, fallback)
    except Exception as error:
        raise ModelSaveError(f"{failure}, nor at {fallback} ({why(error)})") from error


@dataclass(frozen=True)
class LoadedModel:
    """A model ready to use, where it came from, and any problem met on the way."""

    model: keras.Model
    source: str  # "trained" (the player's own), "shipped" or "given" (--model)
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
            where = None
            if archive_problem(user_path) is not None:  # damaged or a bomb: set aside, as a
                where = set_aside(user_path)  # book is (another Keras's model stays put)
            warning = f"{error}{f' ({where})' if where else ''}; using the shipped model instead"
            LOG.warning("the player's model did not load: %s", warning)
            if getattr(where, "key", None) == "file.set_aside":  # the game says it plainly,
                warning = Said(warning, "model.saved_kept_aside", **where.values)  # named
            else:  # still there as it was (another Keras's model, or it could not be renamed)
                warning = Said(warning, "model.saved_left_unread", name=user_path.name)
    shipped = paths.shipped_model_path()
    return LoadedModel(load_model(shipped), "shipped", shipped, warning)


SOURCE_NAMES = ENGINE_MODEL_NAMES  # in English; the game words them in its own language


def launch_name(loaded: LoadedModel) -> str:
    """What the model the game starts with is called: the player's own model by the name it
    had when it was put in use ("the model taught your 7 digits"), if its note says so."""
    if loaded.source != "trained":
        return SOURCE_NAMES[loaded.source]
    name, problem = recorded_model_name(loaded.path)
    if problem:
        LOG.warning("the model's name was not kept: %s", problem)
    return name or SOURCE_NAMES["trained"]
