"""Names and order of the kept models."""

import time

from mnist_arcade.model_library import describe, library_dir, library_models, new_model_path


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
    assert describe(first) == "your seed run of 26 Nov, 04:12:30"
    assert describe(second) == "your seed run of 26 Nov, 04:12:30 (no. 2)"  # never one name
    assert describe(later) == "your taught run of 26 Nov, 04:13:30"  # for two models
    assert first != second
