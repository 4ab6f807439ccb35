"""Names and order of the kept models."""

import time

from mnist_arcade.player_files.model_library import (
    library_dir,
    library_models,
    new_model_path,
    read_library_name,
    record_accuracy,
    recorded_accuracy,
)


def test_kept_models_are_named_by_when_and_how_and_listed_newest_first():
    library_dir().mkdir(parents=True)
    when = time.mktime((2026, 11, 26, 4, 12, 30, 0, 0, -1))
    first = new_model_path("seed", when)
    first.write_bytes(b"a")
    second = new_model_path("seed", when)  # the same second: both kept
    second.write_bytes(b"b")
    later = new_model_path("finetune", when + 60)
    later.write_bytes(b"c")
    (library_dir() / ".half-written.keras").write_bytes(b"")
    assert library_models() == [later, second, first]
    named = [read_library_name(path) for path in (first, second, later)]
    kinds = [(name.kind, name.number) for name in named]
    assert kinds == [("seed", 0), ("seed", 2), ("finetune", 0)]
    assert named[0].when[:6] == named[1].when[:6] == time.localtime(when)[:6]  # numbered
    assert named[2].when[:6] == time.localtime(when + 60)[:6]
    assert read_library_name(library_dir() / "model.keras") is None  # not named by the game
    assert first != second


def test_a_kept_run_carries_its_accuracy_and_a_bad_note_claims_nothing():
    library_dir().mkdir(parents=True)
    run, copy, damaged = (library_dir() / f"2026-11-26_0412{s}_seed.keras" for s in (10, 20, 30))
    record_accuracy(run, 0.9375, 6000)
    record_accuracy(copy, None, 6000)  # not measured: no note
    record_accuracy(damaged, 0.9, 6000)
    damaged.with_suffix(".json").write_text('{"accuracy": 1.7')  # cut short
    assert recorded_accuracy(run) == 0.9375
    assert recorded_accuracy(copy) is None and not copy.with_suffix(".json").exists()
    assert recorded_accuracy(damaged) is None
    assert not list(library_dir().glob(".*"))  # no temporary left behind
