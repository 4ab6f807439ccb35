"""The seams of the house, checked by importing each module in a fresh interpreter.

TensorFlow lives only in ``mnist_arcade.ml``; pygame only in ``mnist_arcade.game`` (and not in
its services); pure modules import neither. Each module is imported alone in a subprocess, and
the test looks at what ended up in ``sys.modules``, so an import hidden three levels down still
counts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import mnist_arcade

PACKAGE = Path(mnist_arcade.__file__).parent


def all_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__main__":
            continue
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def heavy_imports_of(modules: list[str]) -> dict[str, list[str]]:
    """For each module: which of tensorflow, keras and pygame importing it alone pulls in."""
    script = (
        "import importlib, json, sys\n"
        "result = {}\n"
        "for name in sys.argv[1:]:\n"
        "    before = set(sys.modules)\n"
        "    for loaded in [m for m in sys.modules if m.split('.')[0] in "
        "('tensorflow', 'keras', 'pygame', 'mnist_arcade')]:\n"
        "        del sys.modules[loaded]\n"
        "    importlib.import_module(name)\n"
        "    result[name] = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'tensorflow', 'keras', 'pygame'})\n"
        "print(json.dumps(result))\n"
    )

    def one(name: str) -> dict[str, list[str]]:  # one interpreter per module: nothing leaks
        out = subprocess.run(
            [sys.executable, "-c", script, name],
            capture_output=True,
            text=True,
            check=True,
            env={
                "SDL_VIDEODRIVER": "dummy",
                "PYGAME_HIDE_SUPPORT_PROMPT": "1",
                "TF_CPP_MIN_LOG_LEVEL": "3",
                "PATH": "",
            },
        )
        return json.loads(out.stdout.strip().splitlines()[-1])

    found = {}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:  # as many as there are
        for result in pool.map(one, modules):  # cores: the interpreters are independent
            found.update(result)
    return found


@pytest.fixture(scope="module")
def light_modules() -> dict[str, list[str]]:
    """Every module outside ``mnist_arcade.ml`` (importing those takes TensorFlow by design)."""
    return heavy_imports_of([m for m in all_modules() if not m.startswith("mnist_arcade.ml.")])


def test_only_the_ml_package_imports_tensorflow(light_modules):
    offenders = {
        m: found for m, found in light_modules.items() if {"tensorflow", "keras"} & set(found)
    }
    assert not offenders


def test_pure_modules_import_neither_pygame_nor_tensorflow(light_modules):
    pure = {
        m: found
        for m, found in light_modules.items()
        if not m.startswith("mnist_arcade.game") or m.startswith("mnist_arcade.game.services")
    }
    assert "mnist_arcade.canvas.preprocess" in pure
    assert "mnist_arcade.game.services.model_client" in pure
    offenders = {m: found for m, found in pure.items() if found}
    assert not offenders


PURE_SUBPACKAGES = ("canvas", "practice", "explaining", "scoring", "player_files")
PURE_GAME_PARTS = ("mnist_arcade.game.words", "mnist_arcade.game.scene_id")
PURE_TOP_MODULES = ("mnist_arcade.presets", "mnist_arcade.layers", "mnist_arcade.messages")


@pytest.mark.parametrize("subpackage", PURE_SUBPACKAGES)
def test_each_grouped_subpackage_is_pure(light_modules, subpackage):
    prefix = f"mnist_arcade.{subpackage}"
    modules = {m: found for m, found in light_modules.items() if m.startswith(prefix)}
    assert len(modules) >= 2, f"{prefix} has no modules left to check: was it renamed?"
    assert {m: found for m, found in modules.items() if found} == {}


def test_the_words_the_scene_ids_and_the_shared_names_are_pure(light_modules):
    checked = {
        m: found
        for m, found in light_modules.items()
        if m.startswith(PURE_GAME_PARTS) or m in PURE_TOP_MODULES
    }
    assert set(PURE_TOP_MODULES) <= set(checked) and "mnist_arcade.game.words" in checked
    assert {m: found for m, found in checked.items() if found} == {}


def test_the_window_does_not_import_every_scene_by_name():
    source = (PACKAGE / "game" / "app.py").read_text()
    assert "board_scene" not in source and "train_scene" not in source
