"""Is a ``.keras`` file whole and small enough to hand to Keras? Checked with ``zipfile`` alone.

A ``.keras`` model is a zip archive of three entries (``metadata.json``, ``config.json``,
``model.weights.h5``); the game's model unpacks to about 100 KB, with its optimizer's state a
few hundred. A file in the player's folder may instead be damaged (a bad CRC, a broken deflate
stream), a zip bomb that unpacks to gigabytes, or hold entries named ``../x``. Each is found here,
before Keras opens it, and said in one plain line. Pure Python: the UI thread may call it.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path, PurePosixPath

MAX_UNPACKED_BYTES = 8 * 2**20  # all entries together; the game's model is ~0.1 MB
MAX_ENTRIES = 16  # a Keras model has 3


def archive_problem(path: Path, verify: bool = True) -> str | None:
    """Why ``path`` cannot be a model the game saved, in plain words, or None if it can.

    ``verify`` also unpacks every entry to check its CRC (bounded by MAX_UNPACKED_BYTES, as the
    sizes the archive claims are checked first and zipfile never unpacks past them)."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            problem = _entries_problem(entries)
            if problem is None and verify:
                damaged = archive.testzip()
                if damaged is not None:
                    problem = f"it is damaged (its entry {damaged!r} fails its checksum)"
            return problem
    except zipfile.BadZipFile:
        return "it is not a .keras file (not a whole zip archive)"
    except (zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as error:
        return f"it is damaged ({type(error).__name__}: {' '.join(str(error).split())[:80]})"
    except OSError as error:
        return f"it cannot be read ({error.strerror or type(error).__name__})"


def _entries_problem(entries: list[zipfile.ZipInfo]) -> str | None:
    if len(entries) > MAX_ENTRIES:
        return f"it holds {len(entries):,} files, not the 3 of a Keras model"
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED_BYTES:
        return (
            f"it would unpack to {unpacked / 2**20:,.0f} MB, far more than a model of this game "
            f"(at most {MAX_UNPACKED_BYTES // 2**20} MB): refused before loading"
        )
    for entry in entries:
        name = PurePosixPath(entry.filename.replace("\\", "/"))
        if name.is_absolute() or ".." in name.parts or ":" in entry.filename:
            return f"it holds a file named {entry.filename!r}, outside the model: refused"
    names = {entry.filename for entry in entries}
    if len(names) != len(entries):
        return "it holds two files of the same name: refused"
    return None


def whole_sentences(text: str, limit: int = 240) -> str:
    """``text`` cut at the end of its last whole sentence within ``limit`` characters (a
    reason cut mid-word reads as a fault of its own); the first sentence if it alone is longer,
    cut at a word with an ellipsis."""
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    end = max(head.rfind(". "), head.rfind(".\n"))
    if end > 0:
        return head[: end + 1]
    return head[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "..."
