"""The seams of the house, checked by importing each module alone and by reading the sources.

TensorFlow lives only in ``mnist_arcade.ml``; pygame only in ``mnist_arcade.game`` (and not in
its services); pure modules import neither. Each module is imported alone, in an interpreter
that first forgets every mnist_arcade, pygame and TensorFlow module, and the test looks at what
ended up in ``sys.modules``, so an import hidden three levels down still counts. Every
subpackage's imports are also read from its source and checked against the map of packages in
docs/architecture.md (``ml`` this way only: importing it for real is a TensorFlow start).
"""

from __future__ import annotations

import ast
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
    """For each module: which of tensorflow, keras and pygame importing it alone pulls in.

    Before each import every mnist_arcade, pygame, TensorFlow and Keras module is dropped from
    ``sys.modules``, so what is there afterwards is what that one module pulled in. A few
    interpreters (one per core) share the modules: one interpreter per module cost a hundred
    interpreter starts, ten seconds of the fast suite, and told nothing more.
    """
    script = (
        "import importlib, json, sys\n"
        "result = {}\n"
        "for name in sys.argv[1:]:\n"
        "    for loaded in [m for m in sys.modules if m.split('.')[0] in "
        "('tensorflow', 'keras', 'pygame', 'mnist_arcade')]:\n"
        "        del sys.modules[loaded]\n"
        "    importlib.import_module(name)\n"
        "    result[name] = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'tensorflow', 'keras', 'pygame'})\n"
        "print(json.dumps(result))\n"
    )

    def some(names: list[str]) -> dict[str, list[str]]:
        out = subprocess.run(
            [sys.executable, "-c", script, *names],
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

    shares = os.cpu_count() or 2
    found = {}
    with ThreadPoolExecutor(max_workers=shares) as pool:  # the interpreters are independent
        for result in pool.map(some, [modules[i::shares] for i in range(shares)]):
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


# --- which part of the house may import which: every subpackage, read from its source ----------

SUBPACKAGES = (
    "canvas",
    "practice",
    "explaining",
    "scoring",
    "player_files",
    "ml",
    "game",
    "game.scenes",
    "game.services",
    "game.state",
    "game.widgets",
    "game.words",
)
GAME_PARTS = {part for part in SUBPACKAGES if part.startswith("game")}
PURE = {"canvas", "practice", "explaining", "scoring", "player_files"}
MAY_IMPORT = {  # docs/architecture.md's map of packages (top-level shared modules: anyone)
    "canvas": set(),
    "practice": {"canvas"},
    "explaining": {"canvas"},
    "scoring": {"canvas", "practice"},
    "player_files": {"canvas"},
    "ml": PURE,
    **{part: PURE | GAME_PARTS for part in GAME_PARTS},
}
# The game starts the two threads by name, inside the functions that start them: importing the
# game never imports TensorFlow (test_only_the_ml_package_imports_tensorflow proves it).
STARTS_A_THREAD_OF_ML = {
    "mnist_arcade.game.services.model_client",
    "mnist_arcade.game.services.training_session",
}


def part_of(module: str) -> str:
    """The subpackage a module lies in: ``mnist_arcade.game.widgets.theme`` -> ``game.widgets``;
    a top-level module (``mnist_arcade.paths``) is its own name."""
    parts = module.split(".")[1:]
    if parts and parts[0] == "game" and len(parts) > 1 and (PACKAGE / "game" / parts[1]).is_dir():
        return f"game.{parts[1]}"
    return parts[0] if parts else ""


def imports_of(module: str) -> set[str]:
    """Every module ``module``'s source imports, at its top or inside a function."""
    relative = Path(*module.split(".")[1:])
    path = PACKAGE / relative / "__init__.py"
    if not path.is_file():
        path = PACKAGE / relative.with_suffix(".py")
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_part_of_names_the_subpackage_a_module_lies_in():
    assert part_of("mnist_arcade.game.widgets.theme") == "game.widgets"
    assert part_of("mnist_arcade.game.app") == "game"
    assert part_of("mnist_arcade.canvas.preprocess") == "canvas"
    assert part_of("mnist_arcade.paths") == "paths"


@pytest.mark.parametrize("subpackage", SUBPACKAGES)
def test_each_subpackage_imports_only_the_parts_it_may(subpackage):
    modules = [m for m in all_modules() if part_of(m) == subpackage]
    assert len(modules) >= 2, f"mnist_arcade.{subpackage} has no modules: was it renamed?"
    wrong = {}
    for module in modules:
        for imported in imports_of(module):
            if not imported.startswith("mnist_arcade."):
                continue
            target = part_of(imported)
            is_subpackage = target in MAY_IMPORT
            if not is_subpackage or target == subpackage or target in MAY_IMPORT[subpackage]:
                continue
            if target == "ml" and module in STARTS_A_THREAD_OF_ML:
                continue
            wrong.setdefault(module, []).append(imported)
    assert wrong == {}


def test_the_ml_package_never_imports_pygame_or_the_game():
    """ml's own imports, read from its source (importing it for real costs a TensorFlow start):
    what else it imports are the pure subpackages, which the tests above import for real."""
    modules = [m for m in all_modules() if part_of(m) == "ml"]
    assert len(modules) >= 10
    offenders = {
        module: sorted(
            name
            for name in imports_of(module)
            if name.split(".")[0] == "pygame" or name.startswith("mnist_arcade.game")
        )
        for module in modules
    }
    assert {module: names for module, names in offenders.items() if names} == {}


@pytest.mark.parametrize("part", sorted(GAME_PARTS))
def test_no_part_of_the_game_imports_tensorflow_when_imported(light_modules, part):
    checked = {m: found for m, found in light_modules.items() if part_of(m) == part}
    assert len(checked) >= 2, f"mnist_arcade.{part} has no modules left to check"
    assert {m: found for m, found in checked.items() if {"tensorflow", "keras"} & set(found)} == {}
