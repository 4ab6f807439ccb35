"""Read the game's small JSON files (best scores, accuracy notes) without trusting them.

A player file can be anything: megabytes long, nested ten thousand deep (Python's parser then
raises RecursionError), or a ``true`` where a number belongs. The size is checked before the
file is read and the nesting before it is parsed, so an odd file gives a plain ValueError, never
a crash. Pure Python.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

MAX_BYTES = 4096  # the game's own files are well under 200 bytes
MAX_DEPTH = 4  # {"best": [1, 2]} is 2 deep


class OddJson(ValueError):
    """A small JSON file that is too big, too deep, not JSON, or of the wrong types."""


def read_small_json(path: Path, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> object:
    """The JSON value in ``path``; OddJson with a plain reason if it is not a small, shallow
    JSON document (OSError if it cannot be read at all)."""
    size = path.stat().st_size
    if size > max_bytes:
        raise OddJson(f"it is {size:,} bytes, far more than the game ever writes")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise OddJson("it is not UTF-8 text") from error
    if nesting_depth(text) > max_depth:
        raise OddJson("it is nested far deeper than the game ever writes")
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise OddJson(f"it is not JSON ({error.msg} at character {error.pos})") from error


def _no_constant(name: str) -> float:
    raise OddJson(f"it holds {name}, which is not a number")


def nesting_depth(text: str) -> int:
    """How deep the brackets of a JSON text go, strings skipped (no parsing, no recursion)."""
    depth = deepest = 0
    in_string = escaped = False
    for character in text:
        if in_string:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                in_string = False
        elif character == '"':
            in_string = True
        elif character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "]}":
            depth -= 1
    return deepest


def is_number(value: object) -> bool:
    """A finite JSON number: ``true`` is an int to Python, never a number here."""
    return (
        isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    )
