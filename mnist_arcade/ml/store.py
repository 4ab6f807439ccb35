"""Load and save models safely: Keras' safe mode on load, write-then-rename on save.

A failed save never touches the last good model, and a model that cannot be loaded is reported
in one line naming the file, so the game can fall back to the shipped model.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mnist_arcade import paths
from mnist_arcade.errors import ModelLoadError
from mnist_arcade.ml.backend import keras
from mnist_arcade.ml.model import check_architecture


def load_model(path: str | os.PathLike) -> keras.Model:
    """Load a native ``.keras`` model in safe mode (no arbitrary code), checked for our layers."""
    path = Path(path)
    if not path.is_file():
        raise ModelLoadError(f"model file not found: {path}")
    try:
        model = keras.saving.load_model(path, compile=False, safe_mode=True)
    except Exception as error:  # Keras raises many types for a damaged zip or config
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ModelLoadError(f"cannot load model {path}: {reason[:200]}") from error
    try:
        check_architecture(model)
    except ValueError as error:
        raise ModelLoadError(f"{path} is not an MNIST Arcade model: {error}") from error
    return model


def save_model_atomic(model: keras.Model, path: str | os.PathLike) -> Path:
    """Save to a temporary file beside ``path``, check it loads, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary_name = tempfile.mkstemp(
        prefix=f".{path.stem}-", suffix=".keras", dir=path.parent
    )
    os.close(handle)
    temporary = Path(temporary_name)
    try:
        model.save(temporary)
        load_model(temporary)  # never rename a file we could not read back
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path


@dataclass(frozen=True)
class LoadedModel:
    """A model ready to use, where it came from, and any problem met on the way."""

    model: keras.Model
    source: str  # "trained" (the player's own) or "shipped"
    path: Path
    warning: str | None = None


def load_live_model(explicit_path: str | os.PathLike | None = None) -> LoadedModel:
    """The model the game starts with: an explicit path, else the player's saved model, else the
    shipped one. A broken player model gives a warning and the shipped model, never a crash."""
    if explicit_path is not None:
        return LoadedModel(load_model(explicit_path), "given", Path(explicit_path))
    warning = None
    user_path = paths.user_model_path()
    if user_path.exists():
        try:
            return LoadedModel(load_model(user_path), "trained", user_path)
        except ModelLoadError as error:
            warning = f"{error}; using the shipped model instead"
    shipped = paths.shipped_model_path()
    return LoadedModel(load_model(shipped), "shipped", shipped, warning)


def forget_trained_model() -> bool:
    """Delete the player's saved model so the next launch uses the shipped one."""
    user_path = paths.user_model_path()
    if user_path.exists():
        user_path.unlink()
        return True
    return False
