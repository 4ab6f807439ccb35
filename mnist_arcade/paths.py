"""Where the game finds its shipped files and where it keeps the player's trained model.

The shipped model and data subset sit at the top of the repository (``assets/``, ``data/``) and
are copied into the installed package (``mnist_arcade/assets``, ``mnist_arcade/data``) by the
wheel build, so an installed game never reads the source tree. From a source checkout the
top-level folders are used.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
SHIPPED_MODEL_NAME = "mnist_cnn.keras"  # the model trained with `mnist-arcade train --preset full`
SHIPPED_SUBSET_NAME = "mnist_subset.npz"  # stratified MNIST subset for offline training
SHIPPED_PEN_STROKES_NAME = "pen_strokes.npz"  # half of the pendigits writers' real pen strokes
SHIPPED_CJK_FONT_NAME = "ArcadeSansSC-Regular.otf"  # Noto Sans CJK SC, cut to the catalogue
USER_MODEL_NAME = "trained_model.keras"  # the player's model in use, loaded at launch
KEPT_ASIDE_NAME = "kept_aside.keras"  # a run that was not put in use, offered to the player
HOME_ENV = "MNIST_ARCADE_HOME"  # overrides the per-user folder (tests, portable installs)


def _shipped_dir(name: str) -> Path:
    """Return the installed copy of a top-level folder, else the source tree's."""
    installed = PACKAGE_DIR / name
    if installed.is_dir():
        return installed
    return PACKAGE_DIR.parent / name


def shipped_model_path() -> Path:
    """The model that ships with the game; never overwritten."""
    return _shipped_dir("assets") / SHIPPED_MODEL_NAME


def shipped_subset_path() -> Path:
    """The small MNIST subset that lets training work offline."""
    return _shipped_dir("data") / SHIPPED_SUBSET_NAME


def shipped_cjk_font_path() -> Path:
    """The Chinese font (a renamed subset of Noto Sans CJK SC: ``tools/make_cjk_font.py``)."""
    return _shipped_dir("assets") / SHIPPED_CJK_FONT_NAME


def shipped_pen_strokes_path() -> Path:
    """Real people's pen strokes (30 writers, compact), shipped so training on them works
    offline (:mod:`mnist_arcade.practice.pen_strokes` reads it)."""
    return _shipped_dir("data") / SHIPPED_PEN_STROKES_NAME


def user_dir() -> Path:
    """The per-user folder for saved models (created on demand by whoever writes there)."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("mnist-arcade", appauthor=False))


def user_model_path() -> Path:
    """Where a model the player trained is saved and looked for on the next launch."""
    return user_dir() / USER_MODEL_NAME


def kept_aside_model_path() -> Path:
    """Where a run that was not put in use is kept (stopped, or not better than the model in
    use), so the player can still choose it; never the file the next launch loads."""
    return user_dir() / KEPT_ASIDE_NAME
