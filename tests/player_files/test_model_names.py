"""The name of the player's model in use, kept beside it for the next launch."""

import json

import pytest

from mnist_arcade import paths
from mnist_arcade.player_files.model_names import (
    name_note,
    record_model_name,
    recorded_model_name,
)


@pytest.fixture
def model_file():
    """A file in the player's model slot (its bytes are all the note looks at)."""
    model = paths.user_model_path()
    model.parent.mkdir(parents=True, exist_ok=True)
    model.write_bytes(paths.shipped_model_path().read_bytes())
    return model


def test_a_recorded_name_is_read_back_for_the_same_model(model_file):
    assert record_model_name(model_file, "the model taught your 7 digits")
    assert recorded_model_name(model_file) == ("the model taught your 7 digits", None)


def test_a_name_of_a_model_replaced_since_is_not_believed(model_file):
    record_model_name(model_file, "the model taught your 7 digits")
    model_file.write_bytes(model_file.read_bytes() + b"another model")  # e.g. `train` saved
    assert recorded_model_name(model_file) == (None, None)
    assert name_note(model_file).exists()  # left alone: the next model put in use replaces it


@pytest.mark.parametrize(
    "content",
    [
        b"not json",
        b"[1, 2]",
        json.dumps({"name": "x" * 500, "sha256": "0" * 64}).encode(),
        json.dumps({"name": "two\nlines", "sha256": "0" * 64}).encode(),
        json.dumps({"name": True, "sha256": "0" * 64}).encode(),
        json.dumps({"name": "ok", "sha256": 7}).encode(),
        json.dumps({"name": "ok"}).encode(),
        b"[" * 10_000,
        b"\xff\xfe",
        b" " * 100_000,
    ],
)
def test_an_odd_note_is_set_aside_with_a_plain_line_never_read(model_file, content):
    note = name_note(model_file)
    note.write_bytes(content)
    name, problem = recorded_model_name(model_file)
    assert name is None and problem.startswith(f"the note {note.name} could not be read")
    assert not note.exists() and list(note.parent.glob("trained_model.name.unreadable-*"))


def test_a_name_that_cannot_be_kept_is_only_lost_not_an_error(model_file):
    paths.user_dir().chmod(0o500)  # read-only folder (root ignores this: then it is kept)
    try:
        kept = record_model_name(model_file, "the model taught your 7 digits")
    finally:
        paths.user_dir().chmod(0o700)
    expected = "the model taught your 7 digits" if kept else None
    assert recorded_model_name(model_file)[0] == expected
