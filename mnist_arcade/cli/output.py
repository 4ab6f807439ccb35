"""How the command line speaks: one line on stderr per problem, strict JSON on stdout, and a
quiet exit when the reader of a pipe went away."""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import sys

USER_ERROR = 2
INTERRUPTED = 130  # the shell's status for a run ended by Ctrl-C (128 + SIGINT)
BROKEN_PIPE = 1  # what the Python docs' recipe exits with when the reader went away


def one_line(text: str) -> str:
    """Fold line breaks (from a file name or a library's message) so an error stays one line."""
    return re.sub(r"\s*[\r\n]+\s*", " ", text).strip()


def say(message: str) -> None:
    """One line on stderr, prefixed with the program's name."""
    with contextlib.suppress(OSError, ValueError):  # stderr closed: there is nobody to tell
        print(f"mnist-arcade: {one_line(message)}", file=sys.stderr, flush=True)


def stdout_to_devnull() -> None:
    """The Python docs' recipe for a closed pipe (``... | head -1``): point stdout at devnull
    so the interpreter's last flush does not fail again on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # stdout is not a real file (tests capture it): nothing to redirect


def finite(value):
    """``value`` with every NaN or infinity replaced by None, which JSON can say."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [finite(item) for item in value]
    return value


def strict_json(value) -> str:
    """Strict JSON: never the ``NaN`` that ``json.dumps`` writes by default and parsers reject."""
    return json.dumps(finite(value), allow_nan=False)
