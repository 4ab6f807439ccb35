"""Half-written model files never outlive the game: removed at a fast exit and at next start."""

import numpy as np
import pytest

from mnist_arcade import paths
from mnist_arcade.player_files import unfinished_saves


def test_a_registered_temporary_file_is_removed_at_a_fast_exit(tmp_path):
    unfinished = tmp_path / ".trained_model-x1y2.keras"
    unfinished.write_bytes(b"half a zip")
    done = tmp_path / ".other-z9.keras"
    done.write_bytes(b"a whole zip")
    unfinished_saves.register(unfinished)
    unfinished_saves.register(done)
    done.unlink()  # renamed into place already
    assert unfinished_saves.remove_unfinished_saves() == [unfinished]
    assert not unfinished.exists()
    assert unfinished_saves.remove_unfinished_saves() == []


def test_a_fast_exit_in_the_middle_of_a_save_removes_its_half_written_file(tmp_path, shipped_model):
    """What the registry promises, seen from outside: the game's fast exit during a save
    removes the temporary being written, and the save then fails rather than leave a file."""
    from mnist_arcade.errors import ModelLoadError
    from mnist_arcade.ml.model_files import save_model_atomic

    removed_at_exit = []
    original = shipped_model.save

    def save_then_exit_fast(path, *args, **kwargs):
        original(path, *args, **kwargs)
        removed_at_exit.extend(unfinished_saves.remove_unfinished_saves())

    shipped_model.save = save_then_exit_fast
    try:
        with pytest.raises(ModelLoadError):
            save_model_atomic(shipped_model, tmp_path / "model.keras")
    finally:
        del shipped_model.save
    assert len(removed_at_exit) == 1 and removed_at_exit[0].parent == tmp_path
    assert list(tmp_path.iterdir()) == []


def test_a_finished_save_leaves_nothing_for_a_fast_exit_to_remove(tmp_path, shipped_model):
    from mnist_arcade.ml.model_files import load_model, save_model_atomic

    target = save_model_atomic(shipped_model, tmp_path / "model.keras")
    assert unfinished_saves.remove_unfinished_saves() == []
    assert [p.name for p in tmp_path.iterdir()] == ["model.keras"]
    np.testing.assert_array_equal(
        load_model(target).get_weights()[0], shipped_model.get_weights()[0]
    )


def test_leftovers_of_a_crash_are_cleaned_when_the_game_starts():
    from mnist_arcade.game.services.model_client import ModelClient

    paths.user_dir().mkdir(parents=True)
    leftover = paths.user_dir() / f".trained_model-{dead_pid()}-k3j4abcd.keras"
    leftover.write_bytes(b"what a crash left")
    keep = paths.user_dir() / "notes.txt"
    keep.write_text("the player's own file")
    client = ModelClient()
    client.start()
    assert client.wait(120) and client.ready
    client.shutdown(5)
    assert not leftover.exists() and keep.read_text() == "the player's own file"


def dead_pid() -> int:
    """The id of a process that has ended (a writer killed mid-save)."""
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid
