"""The evaluation screen: the live model's confusion matrix on real test digits, and clicks."""

import re

import numpy as np
import pygame
import pytest

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes.evaluation_scene import CELL, MATRIX_TOPLEFT
from mnist_arcade.game.words.languages import Language, use_language
from mnist_arcade.scoring.confusion import confusion_matrix, per_digit_accuracy
from testing_support.game_input import post_key, run_until
from testing_support.text_recorder import drawn_in_frames


def open_evaluation(app):
    post_key(pygame.K_e)
    app.frame(1 / 60)
    assert app.scene is app.scenes[SceneId.EVALUATION]
    assert run_until(app, lambda: app.scene.matrix is not None, 60)
    return app.scene


def test_the_matrix_counts_every_test_digit_with_the_model_in_use(make_app, small_mnist_file):
    from mnist_arcade.dataset import load_npz
    from mnist_arcade.ml.model import build_model
    from mnist_arcade.ml.predictor import Predictor

    app = make_app(real=True)
    scene = open_evaluation(app)
    data = load_npz(small_mnist_file)
    assert scene.matrix.sum() == len(data.y_test) == 200
    model = build_model()
    model.set_weights(app.context.model.weights)
    read = Predictor(model).probabilities(mnist_digits_as_input(data.x_test)).argmax(axis=1)
    np.testing.assert_array_equal(scene.matrix, confusion_matrix(data.y_test, read))
    assert np.trace(scene.matrix) / 200 > 0.95  # the shipped model reads real digits well
    # The digits are prepared once, when they are loaded, not again on every frame and click.
    first = scene.scored_digits()[0]
    app.frame(1 / 60)
    assert scene.scored_digits()[0] is first


def test_clicking_a_cell_shows_those_digits_with_true_and_read_labels(make_app):
    app = make_app(real=True)
    scene = open_evaluation(app)
    x = MATRIX_TOPLEFT[0] + 7 * CELL + CELL // 2
    y = MATRIX_TOPLEFT[1] + 7 * CELL + CELL // 2
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=1))
    app.frame(1 / 60)
    assert scene.selected == (7, 7)
    shown = drawn_in_frames(app).strings
    true_labels = [s for s in shown if re.fullmatch(r"true \d", s)]  # under each tile
    read_labels = [s for s in shown if re.fullmatch(r"read \d", s)]
    assert len(true_labels) == len(read_labels) == min(int(scene.matrix[7, 7]), 24) > 0
    assert set(true_labels) == {"true 7"} and set(read_labels) == {"read 7"}
    post_key(pygame.K_ESCAPE)
    app.frame(1 / 60)
    assert app.scene is app.scenes[SceneId.BOARD]


def test_per_digit_accuracy_and_an_empty_row():
    matrix = confusion_matrix(np.array([1, 1, 2]), np.array([1, 7, 2]))
    assert matrix.sum() == 3 and matrix[1, 7] == 1
    accuracy = per_digit_accuracy(matrix)
    assert accuracy[1] == 0.5 and accuracy[2] == 1.0 and np.isnan(accuracy[0])


def test_y_scores_the_players_own_digits_when_there_are_some(make_app):
    from mnist_arcade.canvas.board import Board
    from mnist_arcade.canvas.preprocess import to_network_input

    app = make_app(real=True)
    book = app.context.teaching.book
    for x in (100, 150, 200):
        board = Board()
        board.begin_stroke(x, 40)
        board.continue_stroke(x, 260)
        book.add(to_network_input(board.pixels), board.pixels, 1)
    scene = open_evaluation(app)
    post_key(pygame.K_y)
    app.frame(1 / 60)
    assert scene.yours
    assert run_until(app, lambda: scene.matrix is not None, 30)
    assert scene.matrix.sum() == 3 and scene.matrix[1, 1] == 3


def test_emptying_the_book_while_its_table_is_shown_goes_back_to_the_test_digits(make_app):
    from mnist_arcade.canvas.board import Board
    from mnist_arcade.canvas.preprocess import to_network_input

    app = make_app()
    board = Board()
    board.begin_stroke(150, 40)
    board.continue_stroke(150, 260)
    app.context.teaching.book.add(to_network_input(board.pixels), board.pixels, 1)
    scene = open_evaluation(app)
    post_key(pygame.K_y)
    app.frame(1 / 60)
    assert run_until(app, lambda: scene.matrix is not None and scene.matrix.sum() == 1, 30)
    app.context.teaching.book.remove(0)  # as Delete on the book screen would
    app.frame(1 / 60)  # drawn with no digit left: no division by zero, no stale table
    assert not scene.yours
    assert run_until(app, lambda: scene.matrix is not None and scene.matrix.sum() == 200, 30)


def test_a_row_reads_100_percent_only_when_every_digit_in_it_was_read_right():
    from mnist_arcade.game.scenes.evaluation_scene import share_right

    assert share_right(199 / 200) == "99.5%"
    assert share_right(9999 / 10000) == "99.9%"  # rounding would say 100.0%
    assert share_right(972 / 980) == "99.2%"  # as mnist-arcade evaluate prints it
    assert share_right(1.0) == "100%"
    assert share_right(0.5) == "50.0%"


def _teach_ones(app, count, x0=100):
    from mnist_arcade.canvas.board import Board
    from mnist_arcade.canvas.preprocess import to_network_input

    for x in range(x0, x0 + 40 * count, 40):
        board = Board()
        board.begin_stroke(x, 40)
        board.continue_stroke(x, 260)
        app.context.teaching.book.add(to_network_input(board.pixels), board.pixels, 1)


def click_cell(app, true_digit, read_digit):
    x = MATRIX_TOPLEFT[0] + read_digit * CELL + CELL // 2
    y = MATRIX_TOPLEFT[1] + true_digit * CELL + CELL // 2
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=1))
    app.frame(1 / 60)


def test_a_digit_taught_after_leaving_your_table_is_counted_and_its_squares_click(make_app):
    """E, Y, Esc, teach one more digit, E, click a square: the table is made again for the
    book as it is now (the old one counted 4 digits and a click raised 'shapes (5,) (4,)')."""
    app = make_app()
    _teach_ones(app, 4)
    scene = open_evaluation(app)
    post_key(pygame.K_y)
    app.frame(1 / 60)
    assert run_until(app, lambda: scene.matrix is not None and scene.matrix.sum() == 4, 30)
    post_key(pygame.K_ESCAPE)
    app.frame(1 / 60)
    _teach_ones(app, 1, x0=260)
    post_key(pygame.K_e)
    app.frame(1 / 60)
    assert app.scene is scene and scene.yours
    assert run_until(app, lambda: scene.matrix is not None and scene.matrix.sum() == 5, 30)
    click_cell(app, 1, int(scene.read[0]))
    assert scene.selected == (1, int(scene.read[0])) and scene._tiles
    app.context.teaching.book.remove(0)  # deleted while shown: no crash
    click_cell(app, 1, int(scene.read[-1]))
    app.frame(1 / 60)
    assert run_until(app, lambda: scene.matrix is not None and scene.matrix.sum() == 4, 30)


def test_the_summary_names_the_digits_in_plain_words_not_a_file_path(make_app):
    from tests.game.test_board_scene import drawn_strings

    app = make_app(data_path=None)  # no --data: the shipped subset, as in a fresh clone
    open_evaluation(app)
    summary = next(line for line in drawn_strings(app) if "read right" in line)
    assert summary.endswith("from the small set of real MNIST digits that comes with the game")
    assert ".npz" not in summary and "subset" not in summary


def test_after_a_model_switch_the_old_square_is_not_shown_as_empty(make_app):
    app = make_app(real=True)  # the real reading of real digits, by two real models
    scene = open_evaluation(app)
    x = MATRIX_TOPLEFT[0] + 1 * CELL + CELL // 2
    y = MATRIX_TOPLEFT[1] + 1 * CELL + CELL // 2
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=1))
    app.frame(1 / 60)
    assert scene.selected == (1, 1) and scene._tiles
    post_key(pygame.K_ESCAPE)
    app.frame(1 / 60)
    zeros = [np.zeros_like(w) for w in app.context.model.weights]  # reads every digit as 0
    app.context.model.use_weights(zeros, "untrained", save=False)
    assert run_until(app, lambda: app.context.model.label.startswith("untrained"), 30)
    post_key(pygame.K_e)
    app.frame(1 / 60)
    assert run_until(app, lambda: scene.scored_version == app.context.model.version, 60)
    assert scene.matrix[1, 1] == 0 and scene.selected is None and scene._tiles == []


def test_what_the_evaluation_screen_said_is_not_left_on_the_board(make_app):
    app = make_app()
    post_key(pygame.K_e)
    post_key(pygame.K_y)  # an empty book: the screen says so
    app.frame(1 / 60)
    said = app.context.notices.current
    assert "digit book is empty" in said
    post_key(pygame.K_ESCAPE)
    app.frame(1 / 60)
    assert app.scene is app.scenes[SceneId.BOARD] and app.context.notices.current != said


@pytest.mark.parametrize(
    ("language", "title"),
    [(Language.ENGLISH, "two 1s read as 2"), (Language.CHINESE, "2 个 1 被认成 2")],
)
def test_a_squares_title_says_a_small_count_in_words_beside_the_digit(make_app, language, title):
    use_language(language)
    app = make_app()
    scene = open_evaluation(app)
    _, labels = scene.scored
    read = labels.copy()
    read[np.flatnonzero(labels == 1)[:2]] = 2  # exactly two 1s read as 2, the rest read right
    read[np.flatnonzero(labels != 1)] = labels[labels != 1]
    scene.read, scene.matrix = read, confusion_matrix(labels, read)
    scene.select(1, 2)
    assert title in drawn_in_frames(app).strings


@pytest.mark.parametrize(
    ("language", "title"),
    [(Language.ENGLISH, "{count} of the 1s read right"), (Language.CHINESE, "{count} 个 1 认对了")],
)
def test_a_large_count_in_a_squares_title_is_kept_apart_from_the_digit(make_app, language, title):
    """ "194 1s read right" ran the count into the digit: it reads "194 of the 1s read right"."""
    use_language(language)
    app = make_app()
    scene = open_evaluation(app)
    _, labels = scene.scored
    scene.read, scene.matrix = labels.copy(), confusion_matrix(labels, labels)  # all right
    ones = int(np.sum(labels == 1))
    assert ones > 10  # a count said in figures, not words
    scene.select(1, 1)
    assert title.format(count=f"{ones:,}") in drawn_in_frames(app).strings
