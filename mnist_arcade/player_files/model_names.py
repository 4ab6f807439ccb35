"""The name of the player's model in use, kept beside it so a relaunch says the same name.

"the model taught your 7 digits" is what the game called the model the player put in use; the
next launch must not call it "your trained model". The name is kept in a small note beside the
model file (``trained_model.name.json``), written atomically, with the SHA-256 of the model
file it names: a note whose model was replaced since (by ``mnist-arcade train``, another copy
of the game, R) names another model, and is not believed. Read like every player file: a note
that is not what :func:`record_model_name` writes is set aside, never trusted. Pure Python.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from mnist_arcade.player_files.atomic_files import set_aside, write_atomically
from mnist_arcade.player_files.folder_lock import UserFolderBusy, holding_user_folder
from mnist_arcade.player_files.small_json import read_small_json

MAX_NAME = 120  # characters: the game's names are under 60
NOTE_SUFFIX = ".name.json"


def name_note(model: Path) -> Path:
    """Where the name of ``model`` is kept (``trained_model.name.json`` for the model in use)."""
    return model.with_name(model.stem + NOTE_SUFFIX)


def _fingerprint(model: Path) -> str:
    return hashlib.sha256(model.read_bytes()).hexdigest()


def record_model_name(model: Path, name: str) -> bool:
    """Keep ``name`` beside the model file ``model`` (just saved), under the folder lock; True
    if it was kept. A failure only loses the name (the next launch says "your trained model")."""
    if not _plain_name(name):
        return False
    try:
        with holding_user_folder():
            note = json.dumps({"name": name, "sha256": _fingerprint(model)}).encode()
            write_atomically(name_note(model), lambda file: file.write(note))
        return True
    except (OSError, UserFolderBusy):
        return False


def recorded_model_name(model: Path) -> tuple[str | None, str | None]:
    """The name kept beside ``model`` if it names this very file, and a plain line if the note
    had to be set aside (not what :func:`record_model_name` writes)."""
    note = name_note(model)
    if not note.exists():
        return None, None
    try:
        content = read_small_json(note)
        if not isinstance(content, dict) or set(content) != {"name", "sha256"}:
            raise ValueError("it holds no name and fingerprint")
        name, fingerprint = content["name"], content["sha256"]
        if not _plain_name(name) or not isinstance(fingerprint, str) or len(fingerprint) != 64:
            raise ValueError("its name or fingerprint is not what the game writes")
        matches = _fingerprint(model) == fingerprint
    except ValueError as error:
        return None, f"the note {note.name} could not be read ({error}); it was {set_aside(note)}"
    except OSError:
        return None, None
    if not matches:  # the model was replaced since: the name is another model's (left alone:
        return None, None  # the next model put in use writes its own)
    return name, None


def _plain_name(name: object) -> bool:
    """A name the screen can show: a short line of printable text."""
    return isinstance(name, str) and 0 < len(name) <= MAX_NAME and name.isprintable()
