"""Which language the game speaks: --lang over the remembered choice over the locale, the board's
Y key switching at once, and the choice kept across a relaunch (an odd file set aside)."""

import errno
import json
import re

import pygame
import pytest

from mnist_arcade.cli.arguments import build_parser
from mnist_arcade.game.state.language_choice import (
    LanguageChoice,
    choice_path,
    language_from_locale,
)
from mnist_arcade.game.widgets.board_status import language_key
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.languages import Language, current_language, table, use_language
from mnist_arcade.player_files.atomic_files import why_not_saved
from testing_support.game_input import post_key
from testing_support.text_recorder import drawn_in_frames

ENGLISH, CHINESE = Language.ENGLISH, Language.CHINESE


def no_locale():
    return (None, None)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, CHINESE),
        ({"LANG": "zh_TW.Big5"}, CHINESE),
        ({"LANG": "en_GB.UTF-8"}, ENGLISH),
        ({"LANG": "C"}, ENGLISH),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, ENGLISH),  # LC_ALL wins
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, CHINESE),
        ({"LC_ALL": "", "LANG": "zh_CN"}, CHINESE),  # an empty variable is not set
        ({}, ENGLISH),
    ],
)
def test_a_zh_locale_gives_chinese_and_any_other_english(environ, expected):
    assert language_from_locale(environ, no_locale) is expected


def test_without_locale_variables_the_system_locale_decides_and_an_odd_one_is_english():
    assert language_from_locale({}, lambda: ("Chinese (Simplified)_China", "936")) is CHINESE
    assert language_from_locale({}, lambda: ("zh_CN", "UTF-8")) is CHINESE

    def broken():
        raise ValueError("unknown locale: UTF-8")

    assert language_from_locale({}, broken) is ENGLISH


def test_lang_beats_the_remembered_choice_which_beats_the_locale():
    chinese_locale = {"LANG": "zh_CN.UTF-8"}
    assert LanguageChoice().decide(None, chinese_locale) is CHINESE
    assert LanguageChoice(remembered=ENGLISH).decide(None, chinese_locale) is ENGLISH
    assert LanguageChoice(remembered=ENGLISH).decide("zh", {"LANG": "C"}) is CHINESE
    assert current_language() is CHINESE  # what decide() chose is what phrase() speaks
    assert phrase("board_screen.title") == table(CHINESE)["board_screen.title"]


def test_the_command_line_takes_lang_zh_or_en_for_play():
    assert build_parser().parse_args(["play", "--lang", "zh"]).lang == "zh"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["play", "--lang", "fr"])


def test_the_switch_is_remembered_and_an_odd_choice_file_is_set_aside(isolated_user_folder):
    choice = LanguageChoice.load()
    choice.decide(None, {"LANG": "C"})
    notice = choice.switch()
    assert current_language() is CHINESE and notice == phrase("language.switched", other="English")
    assert json.loads(choice_path().read_text()) == {"language": "zh"}
    assert LanguageChoice.load().decide(None, {"LANG": "C"}) is CHINESE  # a relaunch

    choice_path().write_text('{"language": "klingon"}')
    relaunched = LanguageChoice.load()
    assert relaunched.decide(None, {"LANG": "C"}) is ENGLISH
    assert "language.json" in relaunched.take_problem()
    assert relaunched.take_problem() is None  # told once
    assert not choice_path().exists()
    assert len(list(isolated_user_folder.glob("language.unreadable-*.json"))) == 1


def test_what_happened_to_a_players_file_is_said_in_the_language_in_use(isolated_user_folder):
    """player_files says "set aside as ..." in English for the CLI and the log; a Chinese
    notice says it in Chinese, with the real file name the folder now holds."""
    choice_path().parent.mkdir(parents=True, exist_ok=True)
    choice_path().write_text("[not json")
    use_language(CHINESE)
    try:
        problem = LanguageChoice.load().take_problem()
    finally:
        use_language(ENGLISH)
    (aside,) = isolated_user_folder.glob("language.unreadable-*.json")
    assert f"已另存为 {aside.name}" in problem
    assert "set aside" not in problem


def test_a_full_disk_is_said_in_chinese_and_in_english_for_the_log(tmp_path):
    reason = why_not_saved(OSError(errno.ENOSPC, "No space left on device"), tmp_path / "b.npz")
    assert reason == "the disk is full"  # the CLI and the log read it as a plain str
    use_language(CHINESE)
    try:
        notice = phrase("challenge_screen.save_failed", reason=reason)
    finally:
        use_language(ENGLISH)
    assert "磁盘满了" in notice and "disk" not in notice


def test_y_on_the_board_switches_every_word_at_once_and_back(make_app):
    app = make_app()
    english_line = phrase("board_screen.empty_first")
    assert language_key() == "Y  中文"  # the footer names the other language in itself
    post_key(pygame.K_y)
    seen = drawn_in_frames(app)
    assert current_language() is CHINESE
    assert phrase("keys.footer_key", key="Y", what="English") in seen.strings
    assert english_line not in seen.strings
    assert table(CHINESE)["board_screen.empty_first"] in seen.strings
    assert phrase("language.switched", other="English") in seen.strings  # the notice says so
    assert json.loads(choice_path().read_text()) == {"language": "zh"}
    post_key(pygame.K_y)
    seen = drawn_in_frames(app)
    assert current_language() is ENGLISH and english_line in seen.strings


def test_the_help_lists_the_switch_key_and_the_glossary_in_both_languages(make_app):
    app = make_app()
    post_key(pygame.K_h)
    seen = drawn_in_frames(app)
    assert phrase("board_screen.key_language", language="中文") in seen.strings
    assert phrase("glossary.name_epoch") in seen.strings
    assert table(CHINESE)["glossary.name_epoch"] in seen.strings  # its twin, beside it


def test_the_engines_english_names_for_a_model_are_shown_in_the_games_language():
    from mnist_arcade.game.words.model_names import shown_measured_on, shown_model_name
    from mnist_arcade.messages import ENGINE_MODEL_NAMES, yardstick_words

    assert shown_model_name(ENGINE_MODEL_NAMES["shipped"]) == phrase("model.shipped")
    assert shown_measured_on(yardstick_words(2000)) == "2,000 MNIST test digits"
    use_language(CHINESE)
    assert shown_model_name(ENGINE_MODEL_NAMES["shipped"]) == table(CHINESE)["model.shipped"]
    assert shown_model_name(ENGINE_MODEL_NAMES["given"]) == table(CHINESE)["model.name_given"]
    assert shown_measured_on(yardstick_words(2000)) == "2,000 个 MNIST 测试集数字"
    assert shown_model_name("你的 seed 训练") == "你的 seed 训练"  # the game's own names stay


def test_a_hover_popup_opened_before_a_switch_speaks_the_new_language():
    import numpy as np

    from mnist_arcade.explaining.detectors import DetectorView, Shape
    from mnist_arcade.game.widgets.detector_popup import DetectorPopup

    pygame.init()
    view = DetectorView("conv1", 0, np.zeros((9, 5, 5)), np.ones(9), Shape.UP_RIGHT)
    popup = DetectorPopup(view)
    use_language(CHINESE)
    assert table(CHINESE)["detector.up_right"] in popup.lines()


def test_a_reading_on_screen_is_captioned_in_the_new_language_after_a_switch(make_app):
    from testing_support.game_input import post_stroke, read_board

    app = make_app()
    post_stroke([(80, 110), (300, 110), (200, 300), (150, 360)])
    read_board(app)
    for _ in range(150):  # the reveal runs to the end
        app.frame(1 / 60)
    english = drawn_in_frames(app).strings
    assert phrase("layer.pixels", height=28, width=28) in english
    post_key(pygame.K_y)
    chinese = drawn_in_frames(app).strings
    assert table(CHINESE)["layer.pixels"].format(height=28, width=28) in chinese
    english_words = [line for line in chinese if re.search(r"[a-z]{3,} [a-z]{2,}", line)]
    assert english_words == []  # no English sentence or caption stayed behind
