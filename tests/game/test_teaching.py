"""Teaching the network the player's digits: the digit keys, the book screen, the fine-tune run."""

import numpy as np
import pygame
import pytest

from mnist_arcade import paths
from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.player_files.digit_book import load_book
from testing_support.game_input import post_key, post_stroke, read_board, run_until
from testing_support.text_recorder import drawn_in_frames

LEFT, TOP = 40, 84


def draw_and_teach(app, points, digit):
    post_key(pygame.K_c)
    app.frame(1 / 60)
    post_stroke(points)
    app.frame(1 / 60)
    read_board(app)
    post_key(getattr(pygame, f"K_{digit}"))
    app.frame(1 / 60)


def test_a_digit_key_after_a_reading_keeps_the_drawing_in_the_book(make_app):
    app = make_app()
    post_key(pygame.K_7)  # nothing read yet: explained, nothing saved
    app.frame(1 / 60)
    assert (
        "Digit keys teach" in app.context.notices.current
        and not (paths.user_dir() / "digit_book.npz").exists()
    )
    draw_and_teach(app, [(LEFT + 150, TOP + 40), (LEFT + 150, TOP + 260)], 1)
    book, problem = load_book()
    assert problem is None and book.labels.tolist() == [1]
    np.testing.assert_array_equal(book.boards[0], app.context.board.pixels)
    np.testing.assert_array_equal(book.inputs[0], app.context.readings.prediction.net_input)
    assert "1 in your digit book" in app.context.notices.current
    post_key(pygame.K_7)  # a second key for the same drawing corrects it: no copy
    app.frame(1 / 60)
    book, _ = load_book()
    assert book.labels.tolist() == [7] and "Saved as a 7 instead" in app.context.notices.current
    draw_and_teach(app, [(LEFT + 150, TOP + 40), (LEFT + 150, TOP + 260)], 1)  # a new reading
    book, _ = load_book()
    assert book.labels.tolist() == [7, 1]


def test_the_book_screen_reads_deletes_and_clears_with_confirmation(make_app):
    app = make_app(real=True)
    for digit, x in ((1, 150), (1, 100), (1, 200)):
        draw_and_teach(app, [(LEFT + x, TOP + 40), (LEFT + x, TOP + 260)], digit)
    post_key(pygame.K_d)
    app.frame(1 / 60)
    scene = app.scene
    assert scene is app.scenes[SceneId.BOOK]
    assert run_until(app, lambda: scene.readings is not None and len(scene.readings) == 3, 30)
    assert scene.readings.tolist() == [1, 1, 1]
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(60, 140), button=1))
    app.frame(1 / 60)
    assert scene.selected == 0
    post_key(pygame.K_DELETE)
    app.frame(1 / 60)
    assert len(load_book()[0]) == 2
    post_key(pygame.K_x)
    app.frame(1 / 60)
    assert len(load_book()[0]) == 2 and "again" in app.context.notices.current  # asks first
    post_key(pygame.K_x)
    app.frame(1 / 60)
    assert len(load_book()[0]) == 0



def test_the_book_screen_counts_one_digit_as_one_digit_not_one_digits(make_app):
    app = make_app()
    for x in (100, 200):
        draw_and_teach(app, [(LEFT + x, TOP + 40), (LEFT + x, TOP + 260)], 1)
    post_key(pygame.K_d)
    app.frame(1 / 60)
    assert any(s.startswith("2 digits ") for s in drawn_in_frames(app).strings)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(60, 140), button=1))
    post_key(pygame.K_DELETE)
    app.frame(1 / 60)
    assert "; 1 digit left." in app.context.notices.current
    shown = drawn_in_frames(app).strings
    assert any(s.startswith("1 digit ") for s in shown)
    assert not any("1 digits" in s for s in shown)
    post_key(pygame.K_x)
    app.frame(1 / 60)
    assert "Clear your 1 digit?" in app.context.notices.current

def test_k_with_too_few_digits_says_how_many_are_needed(make_app):
    app = make_app()
    post_key(pygame.K_k)
    app.frame(1 / 60)
    assert "at least 5" in app.context.notices.current and not app.context.training.active


@pytest.mark.slow  # trains a real network end to end: the full suite (and CI) runs it
def test_k_teaches_the_book_on_the_training_screen_and_reports_before_and_after(make_app):
    app = make_app(real=True)
    for x in (90, 120, 150, 180, 210, 240):
        draw_and_teach(app, [(LEFT + x, TOP + 40), (LEFT + x - 20, TOP + 260)], 1)
    post_key(pygame.K_k)
    app.frame(1 / 60)
    training = app.context.training
    assert app.scene is app.scenes[SceneId.TRAINING] and training.preset == "finetune"
    assert run_until(app, lambda: not training.active, 120)
    report = training.report
    assert report is not None and report.book_digits == 6
    assert report.book_right_after == 6 and report.test_digits == 200
    assert 0.9 < report.test_accuracy_after <= 1.0
    assert training.judged is not None  # judged by the same adoption policy as any run
    shown = drawn_in_frames(app).strings
    assert any(line.startswith("Your 6 digits: ") for line in shown)


def test_a_user_folder_that_is_a_file_is_said_plainly_and_the_digit_stays(make_app, tmp_path):
    """Not 'File exists': the message names the file in the way, and the digit stays in the
    book in memory, so a later save (once the file is moved) keeps it."""
    app = make_app()
    paths.user_dir().parent.mkdir(parents=True, exist_ok=True)
    paths.user_dir().write_text("not a folder")
    draw_and_teach(app, [(LEFT + 150, TOP + 40), (LEFT + 150, TOP + 260)], 1)
    notice = app.context.notices.current
    assert notice == f"Could not save your digit book: {paths.user_dir()} is a file, not a folder."
    assert app.context.teaching.book.labels.tolist() == [1]
    paths.user_dir().unlink()
    assert app.context.teaching.save_book()
    assert load_book()[0].labels.tolist() == [1]


def test_a_digit_taught_in_another_copy_meanwhile_joins_the_book_and_a_correction_fixes_mine(
    make_app,
):
    """Another copy saved a 4 after this one opened the book: the next digit key keeps both,
    and a second key for the same drawing corrects this copy's digit, not the other's."""
    from mnist_arcade.canvas.board import Board
    from mnist_arcade.canvas.preprocess import to_network_input
    from mnist_arcade.player_files.digit_book import save_book

    app = make_app()
    assert len(app.context.teaching.book) == 0  # opened (empty) before the other copy saved
    other, _ = load_book()
    board = Board()
    board.begin_stroke(60, 60)
    board.continue_stroke(240, 60)
    board.continue_stroke(240, 240)
    other.add(to_network_input(board.pixels), board.pixels, 4)
    save_book(other)
    draw_and_teach(app, [(LEFT + 150, TOP + 40), (LEFT + 150, TOP + 260)], 1)
    assert load_book()[0].labels.tolist() == [4, 1]
    post_key(pygame.K_7)  # "no, it was a 7": replaces this copy's 1, the 4 stays
    app.frame(1 / 60)
    assert load_book()[0].labels.tolist() == [4, 7]
