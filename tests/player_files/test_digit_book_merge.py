"""Two copies of the game teaching digits at once: each save merges, so no digit is lost and a
deleted digit stays deleted."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from mnist_arcade import paths
from mnist_arcade.canvas.board import Board
from mnist_arcade.canvas.preprocess import to_network_input
from mnist_arcade.player_files.digit_book import DigitBook, book_path, load_book, save_book

REPO = Path(__file__).resolve().parents[2]


def teach(book: DigitBook, label: int, x: int) -> None:
    board = Board()
    board.begin_stroke(x, 40)
    board.continue_stroke(300 - x, 260)
    book.add(to_network_input(board.pixels), board.pixels, label)


def test_two_copies_that_each_save_their_digits_keep_all_of_them():
    first, _ = load_book()
    second, _ = load_book()  # both opened the same (empty) book
    for round_ in range(5):  # taught in turns, each saved at once, as the digit key does
        teach(first, 1, 60 + 10 * round_)
        save_book(first)
        teach(second, 7, 200 - 10 * round_)
        save_book(second)
    on_disk, problem = load_book()
    assert problem is None and len(on_disk) == 10  # the old save kept 5: the last writer's
    assert sorted(on_disk.labels.tolist()) == [1] * 5 + [7] * 5
    np.testing.assert_array_equal(second.ids, on_disk.ids)  # the saver sees the merged book


def test_a_digit_deleted_in_one_copy_stays_deleted_when_the_other_saves():
    book = DigitBook()
    for label, x in ((1, 60), (2, 100), (3, 140)):
        teach(book, label, x)
    save_book(book)
    deleting, _ = load_book()
    teaching, _ = load_book()
    deleting.remove(1)  # the 2, on the book screen
    save_book(deleting)
    teach(teaching, 9, 180)  # the other copy still holds the 2 in memory
    save_book(teaching)
    on_disk, _ = load_book()
    assert on_disk.labels.tolist() == [1, 3, 9]
    assert teaching.labels.tolist() == [1, 3, 9]


def test_a_book_written_before_ids_merges_the_same_in_every_copy():
    book = DigitBook()
    for label, x in ((4, 60), (5, 120)):
        teach(book, label, x)
    book_path().parent.mkdir(parents=True)
    np.savez_compressed(  # an older book: no ids in the file
        book_path(), inputs=book.inputs, boards=book.boards, labels=book.labels
    )
    first, _ = load_book()
    second, _ = load_book()
    np.testing.assert_array_equal(first.ids, second.ids)
    first.remove(0)
    save_book(first)
    teach(second, 6, 200)
    save_book(second)
    assert load_book()[0].labels.tolist() == [5, 6]


CHILD = """
import sys
from mnist_arcade.canvas.board import Board
from mnist_arcade.canvas.preprocess import to_network_input
from mnist_arcade.player_files.digit_book import load_book, save_book
label = int(sys.argv[1])
book, _ = load_book()
for step in range(8):
    board = Board()
    board.begin_stroke(40 + 20 * step, 40)
    board.continue_stroke(260 - 20 * step, 260)
    book.add(to_network_input(board.pixels), board.pixels, label)
    save_book(book)
"""


def test_two_processes_teaching_at_once_lose_no_digit():
    environment = {**os.environ, paths.HOME_ENV: str(paths.user_dir())}
    children = [
        subprocess.Popen([sys.executable, "-c", CHILD, str(label)], cwd=REPO, env=environment)
        for label in (2, 8)
    ]
    assert [child.wait(120) for child in children] == [0, 0]
    book, problem = load_book()
    assert problem is None and sorted(book.labels.tolist()) == [2] * 8 + [8] * 8
