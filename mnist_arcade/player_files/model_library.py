"""The player's models: every run the game judged is kept here, so the player can switch back.

Files live in the user folder's ``models/`` as ``YYYY-MM-DD_HHMMSS_<preset>.keras``; the name
says when and how each was trained. A run judged when it was kept has its accuracy beside it
(``<same name>.json``), so N can say how well a model reads before the player switches to it;
the engine measures each one again when it is put in use. Pure Python (paths, names, a little
JSON); saving and loading models are the ML package's.
"""

from __future__ import annotations

import contextlib
import json
import math
import time
from pathlib import Path

from mnist_arcade import paths
from mnist_arcade.player_files.atomic_files import write_atomically
from mnist_arcade.presets import PresetName

FOLDER = "models"
PRESET_WORDS = {
    PresetName.SEED: "seed run",
    PresetName.FULL: "full run",
    PresetName.FINETUNE: "taught run",
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


def _accuracy_file(model: Path) -> Path:
    return model.with_suffix(".json")


def record_accuracy(model: Path, accuracy: float | None, digits: int) -> None:
    """Keep, beside a library model, how many of how many held-out validation digits it read
    right when it was judged (nothing if that could not be measured). Written whole or not at
    all; a failure only loses the note."""
    if accuracy is None:
        return
    note = json.dumps({"accuracy": accuracy, "validation_digits": digits}).encode()
    with contextlib.suppress(OSError):
        write_atomically(_accuracy_file(model), lambda file: file.write(note))


def recorded_accuracy(model: Path) -> float | None:
    """The share of held-out validation digits the model read right when it was kept, if that
    was recorded, else None (a copy of the player's model, a note gone or unreadable: nothing
    is claimed)."""
    try:
        accuracy = float(json.loads(_accuracy_file(model).read_text())["accuracy"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return accuracy if math.isfinite(accuracy) and 0 <= accuracy <= 1 else None
