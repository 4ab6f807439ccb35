"""A run is named in words on screen ("the tutorial run", 教程训练), never by the CLI's preset
names: "seed" and "full" (``--preset seed|full``) mean nothing to a 13-year-old, and the
Chinese screens showed them as they are ("1  seed：教程的训练", "seed 训练（教程的）")."""

import re
import time
from types import SimpleNamespace

import pytest

from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.widgets.board_status import training_status
from mnist_arcade.game.words.chinese import CHINESE
from mnist_arcade.game.words.english import ENGLISH
from mnist_arcade.game.words.languages import Language, use_language
from mnist_arcade.game.words.model_names import shown_library_name, shown_run_kind
from mnist_arcade.player_files.model_library import library_dir, new_model_path
from mnist_arcade.presets import PresetName
from testing_support.text_recorder import TextRecorder

CODE_NAMES = re.compile(r"\bseed\b|\bfinetune\b", re.IGNORECASE)  # "the full run" is English
CHINESE_CODE_NAMES = re.compile(r"\bseed\b|\bfull\b|\bfinetune\b", re.IGNORECASE)


def code_names_in(strings, language):
    pattern = CHINESE_CODE_NAMES if language is Language.CHINESE else CODE_NAMES
    return [string for string in strings if pattern.search(string)]


@pytest.mark.parametrize("language", list(Language))
def test_no_catalogue_entry_names_a_run_by_its_preset_code_name(language):
    table = CHINESE if language is Language.CHINESE else ENGLISH
    assert code_names_in(table.values(), language) == []


@pytest.mark.parametrize("language", list(Language))
def test_the_training_screen_names_both_runs_in_words(make_app, language):
    use_language(language)
    app = make_app(load=False)
    app.switch_to(SceneId.TRAINING)
    with TextRecorder(app.context.text) as seen:
        app.frame(1 / 60)
    assert code_names_in(seen.strings, language) == []
    for preset in (PresetName.SEED, PresetName.FULL):
        assert any(shown_run_kind(preset) in string for string in seen.strings), preset


@pytest.mark.parametrize("language", list(Language))
def test_the_boards_training_line_names_the_run_in_words(language):
    use_language(language)
    for preset in PresetName:
        training = SimpleNamespace(
            offer=None,
            active=True,
            preset=preset,
            progress=SimpleNamespace(epoch=3),
            total_epochs=50,
        )
        line = training_status(training)
        assert shown_run_kind(preset) in line and not code_names_in([line], language), line


@pytest.mark.parametrize(
    ("language", "first", "second"),
    [
        (
            Language.ENGLISH,
            "your tutorial run of 26 Nov, 04:12:30",
            "your tutorial run of 26 Nov, 04:12:30 (no. 2)",
        ),
        (
            Language.CHINESE,
            "你 11 月 26 日 04:12:30 的教程训练",
            "你 11 月 26 日 04:12:30 的教程训练（第 2 个）",
        ),
    ],
)
def test_a_kept_run_n_offers_is_named_in_the_players_language(language, first, second):
    """N names the player's kept runs: in a Chinese game it said "your seed run of 26 Nov"."""
    use_language(language)
    library_dir().mkdir(parents=True)
    when = time.mktime((2026, 11, 26, 4, 12, 30, 0, 0, -1))
    one, two = new_model_path("seed", when), None
    one.write_bytes(b"a")
    two = new_model_path("seed", when)  # the same second: numbered, never one name
    assert [shown_library_name(one), shown_library_name(two)] == [first, second]
