"""The catalogue of on-screen words: every key the code asks for exists, every entry is used,
and a template is filled by name (a missing value is an error, never a half-filled line)."""

import re
import string
from pathlib import Path

import pytest

import mnist_arcade
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.english import ENGLISH

PACKAGE = Path(mnist_arcade.__file__).parent
ASKED = re.compile(r"""phrase\(\s*f?["']([a-z_]+\.[a-z_{}.]*)["']""")
KEY_CHOICE = re.compile(r"""["']([a-z_]+\.[a-z_]+)["'] if .* else ["']([a-z_]+\.[a-z_]+)["']""")
KEY_LITERAL = re.compile(r"""["']([a-z_]+\.[a-z_]+)["']""")  # key = "verdict.in_use", ...


def keys_in_code() -> set[str]:
    asked = set()
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        asked.update(ASKED.findall(source))
        for pair in KEY_CHOICE.findall(source):
            asked.update(pair)
    return asked


def test_every_key_the_code_asks_for_is_in_the_catalogue():
    asked = {key for key in keys_in_code() if "{" not in key}
    assert asked, "the pattern found no phrase() calls: it no longer matches the code"
    assert sorted(asked - set(ENGLISH)) == []


def test_every_entry_of_the_catalogue_is_used():
    asked = keys_in_code()
    for path in PACKAGE.rglob("*.py"):
        if path.name not in ("english.py", "chinese.py"):  # the tables, not their users
            asked.update(KEY_LITERAL.findall(path.read_text(encoding="utf-8")))
    prefixes = {key.split("{")[0] for key in asked if "{" in key}  # f"method.{method.value}"
    unused = [k for k in ENGLISH if k not in asked and not k.startswith(tuple(prefixes))]
    assert unused == []


def test_every_template_parses_and_names_its_values():
    for key, template in ENGLISH.items():
        fields = [name for _, name, _, _ in string.Formatter().parse(template) if name]
        assert all(name.isidentifier() for name in fields), key


def test_a_template_is_filled_by_name_and_formats_its_numbers():
    line = phrase("training.scores_beside", accuracy=0.98765, digits=6000, in_use=0.9)
    assert line == (
        "practice exam: 98.8% of 6,000 unseen digits (model in use, same digits: 90.0%)"
    )
    with pytest.raises(KeyError):
        phrase("switch.failed", name="the shipped model")  # no reason: not shown half-filled
