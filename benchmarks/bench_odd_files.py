"""A corpus of malformed player files through the game's own readers: 0 crashes, each set aside.

    python benchmarks/bench_odd_files.py [--samples N]

Makes (in a temporary user folder, one fresh folder per file) every odd file of
``tests/player_files/odd_files.py``: digit books with odd arrays or headers claiming a
terabyte, best-scores files nested 100,000 deep or holding ``true``, accuracy notes, and
``.keras`` files that are damaged, zip bombs or hold ``../`` names, both as the player's model
in use and in the model library. Each goes through the reader the game uses for it:

  book     ``load_book`` (D, a digit key)            scores   ``load_scores`` (G)
  notes    ``read_accuracy_note`` (N)                model    ``load_live_model`` (launch)
  names    ``recorded_model_name`` (launch: the name of the player's model, the same odd notes)
  library  ``checked_library_models`` (N, and every save's library scan), then a save of the
           player's model over an older one, which scans the library, must succeed.

Prints the count of files, of crashes (an exception out of the reader: the target is 0), of
files set aside (renamed ``*.unreadable-*``, never deleted), of files refused but left in
place (a whole ``.keras`` archive that Keras cannot load stays put: it may be another Keras
version's), and a few of the one-line reasons. Exits 1 if anything crashed or was not refused.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import traceback
from collections import Counter
from pathlib import Path

import _common  # noqa: F401  (sets the environment first)
from _common import REPO

sys.path.insert(0, str(REPO))  # the odd files live with the tests that share them


def _fresh_home(root: Path, index: int) -> Path:
    home = root / f"user-{index}"
    os.environ["MNIST_ARCADE_HOME"] = str(home)
    home.mkdir()
    return home


def _set_aside(home: Path) -> bool:
    return any(".unreadable-" in path.name for path in home.rglob("*"))


def check_book(home: Path, content: bytes) -> str | None:
    from mnist_arcade.player_files.digit_book import book_path, load_book

    book_path().write_bytes(content)
    book, problem = load_book()
    assert len(book) == 0
    return problem


def check_scores(home: Path, content: bytes) -> str | None:
    from mnist_arcade.game.services.best_scores import load_scores, scores_path

    scores_path().write_bytes(content)
    _, problem = load_scores()
    return problem


def check_note(home: Path, content: bytes) -> str | None:
    from mnist_arcade import paths
    from mnist_arcade.player_files.model_library import library_dir, read_accuracy_note

    library_dir().mkdir()
    model = library_dir() / "2026-01-02_030405_full.keras"
    shutil.copyfile(paths.shipped_model_path(), model)
    model.with_suffix(".json").write_bytes(content)
    accuracy, problem = read_accuracy_note(model)
    assert accuracy is None, f"read as {accuracy}"
    return problem


def check_name(home: Path, content: bytes) -> str | None:
    from mnist_arcade import paths
    from mnist_arcade.player_files.model_names import name_note, recorded_model_name

    shutil.copyfile(paths.shipped_model_path(), paths.user_model_path())
    name_note(paths.user_model_path()).write_bytes(content)
    name, problem = recorded_model_name(paths.user_model_path())
    assert name is None, f"named {name!r}"
    return problem


def check_model(home: Path, content: bytes) -> str | None:
    from mnist_arcade import paths
    from mnist_arcade.ml.model_files import load_live_model

    paths.user_model_path().write_bytes(content)
    loaded = load_live_model()
    assert loaded.source == "shipped", "an odd model was put in use"
    return loaded.warning


def check_library(home: Path, content: bytes) -> str | None:
    from mnist_arcade import paths
    from mnist_arcade.errors import ModelLoadError
    from mnist_arcade.ml.model_files import copy_model_atomic, load_model
    from mnist_arcade.player_files.model_library import (
        checked_library_models,
        library_dir,
        set_aside_model,
    )

    library_dir().mkdir()
    odd = library_dir() / "2026-01-02_030405_full.keras"
    odd.write_bytes(content)
    kept, problems = checked_library_models()
    reason = problems[0] if problems else None
    if kept:  # whole as an archive: N puts it in use, Keras refuses, the game sets it aside
        try:
            load_model(kept[0])
            raise AssertionError("an odd library model loaded")
        except ModelLoadError as error:
            reason = f"{error}; it was {set_aside_model(kept[0])}"
    copy_model_atomic(paths.shipped_model_path(), paths.user_model_path())
    copy_model_atomic(paths.shipped_model_path(), paths.kept_aside_model_path())
    copy_model_atomic(paths.shipped_model_path(), paths.user_model_path())  # scans the library
    return reason


def corpus() -> list[tuple[str, str, bytes]]:
    from mnist_arcade import paths
    from tests.player_files.odd_files import odd_books, odd_models, odd_notes, odd_scores

    shipped = paths.shipped_model_path().read_bytes()
    files = [("book", what, content) for what, content in odd_books()]
    files += [("scores", what, content) for what, content in odd_scores()]
    files += [("notes", what, content) for what, content in odd_notes()]
    files += [("names", what, content) for what, content in odd_notes()]
    models = list(odd_models(shipped))
    files += [("model", what, content) for what, content in models]
    files += [("library", what, content) for what, content in models]
    return files


CHECKS = {
    "book": check_book,
    "scores": check_scores,
    "notes": check_note,
    "names": check_name,
    "model": check_model,
    "library": check_library,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=2, help="reasons shown per kind")
    args = parser.parse_args()
    os.environ["MNIST_ARCADE_OFFLINE"] = "1"
    files = corpus()
    crashes, refused_in_place, not_refused = [], [], []
    set_aside, reasons = Counter(), {}
    with tempfile.TemporaryDirectory(prefix="bench-odd-files-") as root:
        for index, (kind, what, content) in enumerate(files):
            home = _fresh_home(Path(root), index)
            try:
                reason = CHECKS[kind](home, content)
            except Exception as error:  # a crash is what this benchmark counts
                crashes.append((kind, what, traceback.format_exception_only(error)[-1].strip()))
                continue
            if reason is None:
                not_refused.append((kind, what))
            elif _set_aside(home):
                set_aside[kind] += 1
                reasons.setdefault(kind, []).append((what, reason))
            else:
                refused_in_place.append((kind, what, reason))
    kinds = Counter(kind for kind, _, _ in files)
    print(f"odd player files: {len(files)} ({', '.join(f'{k} {n}' for k, n in kinds.items())})")
    print(f"crashes: {len(crashes)}")
    print(f"set aside with a one-line reason: {sum(set_aside.values())}")
    print(f"refused, left in place (a whole .keras Keras cannot load): {len(refused_in_place)}")
    print(f"not refused: {len(not_refused)}")
    multi_line = [r for pairs in reasons.values() for _, r in pairs if "\n" in r]
    print(f"reasons longer than one line: {len(multi_line)}")
    for kind, pairs in reasons.items():
        for what, reason in pairs[: args.samples]:
            print(f"  {kind:8s}{what}: {reason}")
    for kind, what, reason in refused_in_place[: args.samples]:
        print(f"  in place {kind} {what}: {reason}")
    for kind, what, error in crashes:
        print(f"  CRASH {kind} {what}: {error}")
    for kind, what in not_refused:
        print(f"  NOT REFUSED {kind} {what}")
    sys.exit(1 if crashes or not_refused or multi_line else 0)


if __name__ == "__main__":
    main()
