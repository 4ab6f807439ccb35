"""The best challenge scores, kept in the player's data folder as a small JSON file.

Written atomically (a temporary file, then a rename), so a crash never leaves half a file. A
file that cannot be read is moved aside with a message, never a crash, and never deleted.
"""

from __future__ import annotations

import json
from pathlib import Path

from mnist_arcade import paths
from mnist_arcade.player_files.atomic_files import set_aside, write_atomically

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
        scores = json.loads(path.read_text(encoding="utf-8"))["best"]
        if not isinstance(scores, list) or not all(isinstance(s, int) for s in scores):
            raise ValueError("not a list of whole numbers")
        return sorted(scores, reverse=True)[:KEPT], None
    except (OSError, ValueError, KeyError, TypeError) as error:
        where = set_aside(path)
        return [], f"the best-scores file could not be read ({error}); it was {where}"


def record_score(score: int, path: Path | None = None) -> tuple[list[int], bool]:
    """Add ``score``; return the best scores and whether it is a new best (a first game counts
    only if it scored: "A new best score! 0 points." would be no praise). Saves atomically."""
    path = path or scores_path()
    best, _ = load_scores(path)
    new_best = score > (best[0] if best else 0)
    best = sorted([*best, score], reverse=True)[:KEPT]
    write_atomically(path, lambda file: file.write(json.dumps({"best": best}).encode("utf-8")))
    return best, new_best
