"""Best scores and accuracy notes that are too big, too deep or of the wrong types: set aside
with a plain reason, never a RecursionError, and never read as a score or an accuracy."""

import json

import pytest

from mnist_arcade import paths
from mnist_arcade.game.services.best_scores import load_scores, record_score, scores_path
from mnist_arcade.player_files.model_library import recorded_accuracy
from mnist_arcade.player_files.small_json import nesting_depth

DEEP = "[" * 100_000 + "]" * 100_000


def aside_files():
    return sorted(p.name for p in paths.user_dir().rglob("*.unreadable-*"))


@pytest.mark.parametrize(
    "content, reason",
    [
        ('{"best": ' + DEEP + "}", "too big"),
        ('{"best": ' + "[" * 50 + "]" * 50 + "}", "nested far deeper"),
        ('{"bestest": [1]}', "it has no list of best scores"),
        ('{"best": [true, false]}', "not a list of whole numbers"),
        ('{"best": [NaN]}', "NaN, which is not a number"),
        ('{"best": [1e400]}', "not a list of whole numbers"),
        ("[1, 2, 3]", "it has no list of best scores"),
        ('"best"', "it has no list of best scores"),
    ],
)
def test_an_odd_best_scores_file_is_set_aside_with_a_plain_reason(content, reason):
    scores_path().parent.mkdir(parents=True)
    scores_path().write_text(content)
    scores, problem = load_scores()
    assert scores == []
    assert "could not be read (" in problem and "set aside" in problem
    assert reason in problem or (reason == "too big" and "bytes, far more" in problem)
    assert "'best'" not in problem  # the old "could not be read ('best')"
    assert len(aside_files()) == 1
    assert record_score(40) == ([40], True)  # the next game's score is kept
    assert json.loads(scores_path().read_text()) == {"best": [40]}


def write_note(content: str):
    model = paths.user_dir() / "models" / "2026-01-02_030405_full.keras"
    model.parent.mkdir(parents=True)
    model.write_bytes(b"model bytes")
    model.with_suffix(".json").write_text(content)
    return model


@pytest.mark.parametrize(
    "content",
    [
        '{"accuracy": true}',
        '{"accuracy": "0.98"}',
        '{"accuracy": 1.5}',
        '{"accuracy": NaN}',
        '{"accuracy": [0.9]}',
        '{"accuracy": ' + "[" * 5000 + "]" * 5000 + "}",
        '{"accuracy": ' + "[" * 1000 + "]" * 1000 + "}",
        "[0.9]",
        "0.9",
    ],
    ids=["true", "text", "above 1", "NaN", "a list", "100 KB deep", "1000 deep", "list", "bare"],
)
def test_an_odd_accuracy_note_claims_nothing_and_is_set_aside(content):
    model = write_note(content)
    assert recorded_accuracy(model) is None  # {"accuracy": true} read as 100.0% before
    assert not model.with_suffix(".json").exists() and len(aside_files()) == 1
    assert model.exists()  # the model itself stays in the library


def test_a_good_note_still_reads():
    model = write_note('{"accuracy": 0.9375, "validation_digits": 160}')
    assert recorded_accuracy(model) == 0.9375


def test_nesting_is_measured_without_parsing_and_strings_do_not_count():
    assert nesting_depth('{"a": [1, {"b": "[[[[\\"]]"}]}') == 3
    assert nesting_depth(DEEP) == 100_000
