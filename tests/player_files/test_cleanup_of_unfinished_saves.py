"""Start-up cleanup removes only the temporaries whose writer is dead (issue 18, items 6, 13)."""

import subprocess
import sys

from mnist_arcade import paths
from mnist_arcade.player_files.atomic_files import write_atomically
from mnist_arcade.player_files.model_library import library_dir
from mnist_arcade.player_files.unfinished_saves import clean_stale_temporaries, temporary_prefix


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_living_writers_temporary_survives_start_up_cleanup():
    """`mnist-arcade train` saving while the game starts: its file must not be deleted."""
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        paths.user_dir().mkdir(parents=True)
        in_progress = paths.user_dir() / f".trained_model-{writer.pid}-abcd1234.keras"
        in_progress.write_bytes(b"train is writing this")
        assert clean_stale_temporaries(paths.user_dir()) == []
        assert in_progress.read_bytes() == b"train is writing this"
    finally:
        writer.kill()
        writer.wait()
    assert clean_stale_temporaries(paths.user_dir()) == [in_progress]  # its writer is gone now


def test_a_killed_library_copy_and_note_write_are_removed_at_the_next_start():
    library_dir().mkdir(parents=True)
    pid = dead_pid()
    model = library_dir() / f".2026-11-26_041230_seed-{pid}-k3j4abcd.keras"
    note = library_dir() / f".2026-11-26_041230_seed-{pid}-x9y8z7w6.json"
    kept = library_dir() / "2026-11-26_041230_seed.keras"
    for path in (model, note, kept):
        path.write_bytes(b"x")
    removed = clean_stale_temporaries(paths.user_dir(), library_dir())
    assert sorted(removed) == sorted([model, note])
    assert kept.exists() and not model.exists() and not note.exists()


def test_every_atomic_write_names_its_writer(tmp_path):
    seen = []

    def write(file):
        seen.extend(p.name for p in tmp_path.iterdir())
        file.write(b"{}")

    write_atomically(tmp_path / "note.json", write)
    assert len(seen) == 1 and seen[0].startswith(temporary_prefix(tmp_path / "note.json"))
    assert clean_stale_temporaries(tmp_path) == []  # the finished note is no temporary
