"""The best challenge scores, kept in the player's data folder as a small JSON file.

Written atomically (a temporary file, then a rename), so a crash never leaves half a file. A
file that cannot be read is moved aside with a message, never a crash, and never deleted.
"""

from __future__ import annotations

import json
from pathlib import Path

from mnist_arcade import paths
from mnist_arcade.game.words import phrase
from mnist_arcade.player_files.atomic_files import set_aside, write_atomically
from mnist_arcade.player_files.folder_lock import holding_user_folder
from mnist_arcade.player_files.small_json import read_small_json

KEPT = 5  # scores remembered
FILE_NAME = "best_scores.json"


def scores_path() -> Path:
    return paths.user_dir() / FILE_NAME


def load_scores(path: Path | None = None) -> tuple[list[int], str | None]:
    """The best scores, highest first, and a message if the file had to be set aside."""
    path = path or scores_path()
    if not path.exists():
        return [], None
    try:
        return _read(path), None
    except (OSError, ValueError) as error:
        where = set_aside(path)
        return [], phrase("best_scores.unreadable", error=error, where=where)


def _read(path: Path) -> list[int]:
    content = read_small_json(path)
    if not isinstance(content, dict) or "best" not in content:
        raise ValueError("it has no list of best scores")
    scores = content["best"]
    if not isinstance(scores, list) or not all(_is_score(s) for s in scores):
        raise ValueError("its best scores are not a list of whole numbers")
    return sorted(scores, reverse=True)[:KEPT]


def _is_score(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**9


def record_score(score: int, path: Path | None = None) -> tuple[list[int], bool]:
    """Add ``score``; return the best scores and whether it is a new best (a first game counts
    only if it scored: "A new best score! 0 points." would be no praise). The file is read again
    and written under the folder lock, so a second copy's scores are kept too."""
    path = path or scores_path()
    with holding_user_folder():
        best, _ = load_scores(path)
        new_best = score > (best[0] if best else 0)
        best = sorted([*best, score], reverse=True)[:KEPT]
        write_atomically(path, lambda file: file.write(json.dumps({"best": best}).encode("utf-8")))
    return best, new_best
