"""No on-screen words are built outside the catalogue: an AST scan of mnist_arcade/game finds
every string literal with words in it, outside docstrings, error messages, reprs and enum
values, and fails on any that did not come from ``phrase`` (words/english.py) or numbers. And
the words a class holds (a scene's title and panels) are looked up when read, so a language
chosen while the game runs shows on every later screen."""

import ast
import re
from pathlib import Path

import mnist_arcade
from mnist_arcade.game.scenes.board_scene import BoardScene
from mnist_arcade.game.widgets.help_overlay import GLOSSARY
from mnist_arcade.game.words import english

GAME = Path(mnist_arcade.__file__).parent / "game"
CATALOGUE = GAME / "words"
IDENTIFIER = re.compile(r"^[a-z0-9_.{}:/%+-]*$")  # keys, layer names, anchors: "conv1", "midtop"
KEY_CAP = re.compile(r"^([A-Z]|F\d+|[A-Z0-9]+(_[A-Z0-9]+)+)$")  # "P", "F11", "SDL_..." names
NOT_SHOWN = {  # stdout, attribute names, the environment, the log (for --verbose, not a player)
    *("print", "getattr", "setdefault"),
    *("debug", "info", "warning", "error", "exception"),
}
NOT_WORDS = {  # literals with letters that are not words a player reads, and why
    "_ink_box_or_empty(pixels)",  # lesson_scene's STAGE_CODE: source lines it searches for
    "_resize(crop",
    "center_of_mass(digit)",
    "shear_rows(field",
    "digit / 255.0",
    "LANG",  # language_choice: the locale variable it reads
    "_resize(pixels, MNIST_SIDE",
}


def _is_enum(node: ast.ClassDef) -> bool:
    return any("Enum" in ast.unparse(base) for base in node.bases)


def _skipped(tree: ast.AST) -> set[int]:
    """The nodes no player reads: docstrings, raise, __repr__, enum values, print/getattr."""
    skipped = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skipped.add(id(body[0].value))  # a docstring
        hidden = isinstance(node, ast.Raise)
        hidden |= isinstance(node, ast.FunctionDef) and node.name == "__repr__"
        hidden |= isinstance(node, ast.ClassDef) and _is_enum(node)
        hidden |= isinstance(node, ast.Compare)  # compared with, not shown: kind == "Dense"
        hidden |= (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name | ast.Attribute)
            and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) in NOT_SHOWN
        )
        if hidden:
            skipped.update(id(sub) for sub in ast.walk(node))
    return skipped


def words_outside_the_catalogue(source: str) -> list[tuple[int, str]]:
    tree = ast.parse(source)
    skipped = _skipped(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.JoinedStr):
            skipped.update(id(sub) for sub in ast.walk(node))
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
            if re.search(r"[A-Za-z]{2}| \w", text) and not IDENTIFIER.match(text):
                found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            allowed = IDENTIFIER.match(text) or KEY_CAP.match(text) or text in NOT_WORDS
            if re.search(r"[A-Za-z]", text) and not allowed:
                found.append((node.lineno, repr(text)))
    return found


def test_no_on_screen_words_are_written_outside_the_catalogue():
    found = []
    for path in sorted(GAME.rglob("*.py")):
        if CATALOGUE in path.parents:
            continue
        for line, literal in words_outside_the_catalogue(path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(GAME)}:{line}: {literal}")
    assert found == []


def test_the_scan_finds_words_passed_to_the_text_renderer():
    source = '''
def draw(self, surface, value):
    """A docstring is not shown."""
    self.text.draw(surface, f"values {value:.2f} to 3", (0, 0), 18)
    self.text.draw(surface, "Press P", (0, 0), 18)
    self.text.draw(surface, phrase("board_screen.title"), (0, 0), 18, "midtop")
    raise ValueError(f"no layer {value!r}")
'''
    assert [line for line, _ in words_outside_the_catalogue(source)] == [4, 5]


def test_a_scenes_title_panels_and_the_glossary_are_looked_up_when_read(monkeypatch):
    monkeypatch.setitem(english.ENGLISH, "board_screen.title", "Das Zeichenbrett")
    monkeypatch.setitem(english.ENGLISH, "board_screen.name_board", "das Brett")
    monkeypatch.setitem(english.ENGLISH, "glossary.name_epoch", "Epoche")
    assert BoardScene.TITLE == "Das Zeichenbrett"
    assert "das Brett" in BoardScene.PANELS
    assert "Epoche" in GLOSSARY and "epoch" not in GLOSSARY
