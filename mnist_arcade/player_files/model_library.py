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
import time
from dataclasses import dataclass
from pathlib import Path

from mnist_arcade import paths
from mnist_arcade.player_files.atomic_files import set_aside, write_atomically
from mnist_arcade.player_files.model_archives import archive_problem
from mnist_arcade.player_files.small_json import is_number, read_small_json
from mnist_arcade.presets import PresetName

FOLDER = "models"
KINDS = (  # what a library file's name ends in: how its model was made
    *PresetName,
    "saved",  # the player's model, kept here before a newer one replaced it
    "aside",  # a kept-aside run, kept here before a newer one replaced it
)


@dataclass(frozen=True)
class LibraryName:
    """What a library file's name says: when it was kept, how it was made (a preset's name or
    one of :data:`KINDS`), and its number for a second run in the same second (0: none)."""

    when: time.struct_time
    kind: str
    number: int = 0


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
        (
            p
            for p in folder.glob("*.keras")
            if not p.name.startswith(".") and ".unreadable-" not in p.name
        ),
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


def read_library_name(path: Path) -> LibraryName | None:
    """When and how the model in ``path`` was made, from its name (None for a name the game did
    not give), to the second and numbered for a second run in the same second: runs a minute
    apart are common (the tutorial run takes seconds), and the game names each one apart. The
    words are the game's (``game.words.model_names``): this package says no sentences."""
    parts = path.stem.split("_")
    if len(parts) != 3:
        return None
    day, clock, kind = parts
    try:
        when = time.strptime(f"{day} {clock[:6]}", "%Y-%m-%d %H%M%S")
    except ValueError:
        return None
    number = int(clock[7:]) if clock[6:7] == "-" and clock[7:].isdigit() else 0
    return LibraryName(when, kind, number)


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
    was recorded, else None (a copy of the player's model, a note gone: nothing is claimed)."""
    return read_accuracy_note(model)[0]


def read_accuracy_note(model: Path) -> tuple[float | None, str | None]:
    """The accuracy in ``model``'s note, and a plain line if the note had to be set aside: one
    that is not what :func:`record_accuracy` writes (too big, too deep, ``true`` for a number)
    is moved out of the way, so it is never read as 100%."""
    note = _accuracy_file(model)
    if not note.exists():
        return None, None
    try:
        content = read_small_json(note)
        accuracy = content.get("accuracy") if isinstance(content, dict) else None
        if not is_number(accuracy) or not 0 <= accuracy <= 1:
            raise ValueError("it holds no accuracy between 0 and 1")
    except ValueError as error:
        return None, f"the note {note.name} could not be read ({error}); it was {set_aside(note)}"
    except OSError:
        return None, None
    return float(accuracy), None


def set_aside_model(model: Path) -> str:
    """Move a library file that cannot be a model out of N's way (renamed with its note, never
    deleted, and no longer listed); say where it went."""
    note = _accuracy_file(model)
    if note.exists():
        set_aside(note)
    return set_aside(model)


_whole: dict[Path, tuple[int, int]] = {}  # library files found whole: (size, mtime) then


def checked_library_models() -> tuple[list[Path], list[str]]:
    """The kept models, newest first, each found whole (see ``model_archives``), and a plain
    line for each one that was not, which is set aside: one damaged file must not be offered
    by every N, hiding the older runs behind it."""
    kept, problems = [], []
    for model in library_models():
        try:
            stat = model.stat()
        except OSError:
            continue  # gone meanwhile
        if _whole.get(model) == (stat.st_size, stat.st_mtime_ns):
            kept.append(model)
            continue
        problem = archive_problem(model)
        if problem is None:
            _whole[model] = (stat.st_size, stat.st_mtime_ns)
            kept.append(model)
        else:
            where = set_aside_model(model)
            problems.append(f"{model.name} could not be a model ({problem}); it was {where}")
    return kept, problems
