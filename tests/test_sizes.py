"""Small files with one idea each: no module in mnist_arcade/ over 400 lines, no function over
60, unless it is listed below with the reason (the house rule; docs/architecture.md).

A function's length counts from its ``def`` to its last line, docstring included.
"""

from __future__ import annotations

import ast
from pathlib import Path

import mnist_arcade

PACKAGE = Path(mnist_arcade.__file__).parent
MODULE_LINES = 400
FUNCTION_LINES = 60

LONG_MODULES = {  # path inside mnist_arcade/: why it may be longer
    "game/words/english.py": "the catalogue: every on-screen phrase in one table, on purpose",
    "game/words/chinese.py": "the catalogue's Chinese table: the same keys, one table, on purpose",
}
LONG_FUNCTIONS = {  # (path, function): why it may be longer
    ("game/scenes/board_scene.py", "bindings"): "the board's whole key map as one table, which "
    "the help card and the 'that key does nothing' hint read (its comment says so)",
}


def sources() -> dict[str, str]:
    return {
        path.relative_to(PACKAGE).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def long_modules(found: dict[str, str]) -> dict[str, int]:
    lines = {name: len(text.splitlines()) for name, text in found.items()}
    return {name: count for name, count in lines.items() if count > MODULE_LINES}


def long_functions(found: dict[str, str]) -> dict[tuple[str, str], int]:
    long = {}
    for name, text in found.items():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > FUNCTION_LINES:
                    long[(name, node.name)] = length
    return long


def test_no_module_is_over_400_lines_unless_listed_with_its_reason():
    over = long_modules(sources())
    assert {name: count for name, count in over.items() if name not in LONG_MODULES} == {}


def test_no_function_is_over_60_lines_unless_listed_with_its_reason():
    over = long_functions(sources())
    assert {key: count for key, count in over.items() if key not in LONG_FUNCTIONS} == {}


def test_the_allow_lists_name_only_what_is_still_long():
    """A split module leaves the list too, so the list never excuses a file grown long again."""
    found = sources()
    assert set(LONG_MODULES) <= set(long_modules(found))
    assert set(LONG_FUNCTIONS) <= set(long_functions(found))


def test_the_checks_find_a_long_module_and_a_long_function():
    body = "\n".join(f"    x{i} = {i}" for i in range(FUNCTION_LINES))
    made_up = {"made_up.py": "def long():\n" + body + "\n" + "\n" * MODULE_LINES}
    assert long_modules(made_up) == {"made_up.py": MODULE_LINES + FUNCTION_LINES + 1}
    assert long_functions(made_up) == {("made_up.py", "long"): FUNCTION_LINES + 1}
