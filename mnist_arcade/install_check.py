"""Spot an environment where plain pygame and pygame-ce are both installed.

Both distributions install the same ``pygame`` folder. Whichever was installed last owns the
files, and uninstalling either one deletes files the other still lists, so the game later fails
in some odd way (a missing module, a function pygame-ce has and pygame lacks). The cure is to
remove both and install pygame-ce again. ``mnist_arcade.cli`` asks :func:`pygame_conflict`
before the game imports pygame, and prints its line as a warning.

Only :mod:`importlib.metadata` is used: pygame itself is never imported here, and nothing runs at
import time.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib import metadata


def installed_version(name: str, path: Sequence[str] | None = None) -> str | None:
    """The version of distribution ``name`` found on ``path`` (default: ``sys.path``), or None.

    Names are matched as pip does, so ``pygame-ce`` finds a ``pygame_ce-2.5.8.dist-info`` folder.
    """
    search = list(sys.path if path is None else path)
    for distribution in metadata.distributions(name=name, path=search):
        return distribution.version
    return None


def pygame_conflict(path: Sequence[str] | None = None, python: str | None = None) -> str | None:
    """One line that says how to fix an environment holding both pygame and pygame-ce, else None.

    ``path`` is where to look for installed distributions (default: ``sys.path``); ``python`` is
    the interpreter named in the fix (default: the one running now, so the fix reaches this
    environment and not whichever ``pip`` comes first on PATH).
    """
    pygame = installed_version("pygame", path)
    pygame_ce = installed_version("pygame-ce", path)
    if pygame is None or pygame_ce is None:
        return None
    python = python or sys.executable
    if " " in python:
        python = f'"{python}"'
    return (
        f"pygame {pygame} and pygame-ce {pygame_ce} are both installed and overwrite each "
        f"other's files; fix it with: {python} -m pip uninstall -y pygame pygame-ce && "
        f"{python} -m pip install pygame-ce"
    )
