"""The player's models: every run the game judged is kept here, so the player can switch back.

Files live in the user folder's ``models/`` as ``YYYY-MM-DD_HHMMSS_<preset>.keras``; the name
says when and how each was trained, and the engine measures each one when it is put in use.
Pure Python (paths and names); saving and loading are the ML package's.
"""

from __future__ import annotations

import time
from pathlib import Path

from mnist_arcade import paths

FOLDER = "models"
PRESET_WORDS = {
    "seed": "seed run",
    "full": "full run",
    "finetune": "taught run",
    "saved": "saved model",  # the player's model, kept here before a newer one replaced it
    "aside": "kept-aside run",  # a kept-aside run, kept here before a newer one replaced it
}


def library_dir() -> Path:
    return paths.user_dir() / FOLDER


def new_model_path(preset: str, when: float | None = None) -> Path:
    """Where a run of ``preset`` finished at ``when`` (default: now) is kept."""
    stamp = time.strftime("%Y-%m-%d_%H%M%S", time.localtime(when))
    path = library_dir() / f"{stamp}_{preset}.keras"
    suffix = 2
    while path.exists():  # two runs in one second: keep both
        path = library_dir() / f"{stamp}-{suffix}_{preset}.keras"
        suffix += 1
    return path


def library_models() -> list[Path]:
    """The kept models, newest first."""
    folder = library_dir()
    if not folder.is_dir():
        return []
    return sorted(
        (p for p in folder.glob("*.keras") if not p.name.startswith(".")),
        key=_order,
        reverse=True,
    )


def _order(path: Path) -> tuple[str, int]:
    """Sort key: the time stamp, then the number added for a second run in the same second."""
    stamp = path.stem.rpartition("_")[0]
    base, dash, number = stamp.rpartition("-")
    if dash and number.isdigit() and "_" in base:
        return base, int(number)
    return stamp, 1


def describe(path: Path) -> str:
    """ "your seed run of 26 Nov, 04:12:30" from the file's name (its own name if unknown),
    to the second, and numbered for a second run in the same second: runs a minute apart are
    common (the seed run takes seconds), and two models must not share a name."""
    parts = path.stem.split("_")
    if len(parts) != 3:
        return path.stem
    day, clock, preset = parts
    try:
        when = time.strptime(f"{day} {clock[:6]}", "%Y-%m-%d %H%M%S")
    except ValueError:
        return path.stem
    words = PRESET_WORDS.get(preset, f"{preset} run")
    number = clock[7:] if clock[6:7] == "-" and clock[7:].isdigit() else ""
    return f"your {words} of {time.strftime('%d %b, %H:%M:%S', when)}" + (
        f" (no. {number})" if number else ""
    )
