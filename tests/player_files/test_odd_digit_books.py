"""A digit book that opens but holds odd arrays is set aside and named, never a crash."""

import warnings

import numpy as np
import pytest

from mnist_arcade import paths
from mnist_arcade.canvas.board import Board
from mnist_arcade.canvas.preprocess import to_network_input
from mnist_arcade.player_files.digit_book import book_path, load_book, save_book
from tests.player_files.odd_files import odd_books, write

ODD = list(odd_books())


@pytest.mark.parametrize("content", [c for _, c in ODD], ids=[w for w, _ in ODD])
def test_an_odd_book_is_set_aside_with_a_reason_and_the_next_digit_key_works(content):
    write(book_path(), content)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no numpy warning leaks to the player's terminal
        book, problem = load_book()
    assert len(book) == 0
    assert problem.startswith("your digit book could not be read (") and "set aside" in problem
    assert not book_path().exists()  # moved, not deleted: the set-aside file holds the bytes
    aside = [p for p in paths.user_dir().iterdir() if ".unreadable-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == content
    board = Board()  # the next digit key: the book takes a real drawing and saves it
    board.begin_stroke(150, 40)
    board.continue_stroke(150, 260)
    book.add(to_network_input(board.pixels), board.pixels, 1)
    save_book(book)
    again, problem = load_book()
    assert problem is None and again.labels.tolist() == [1]


def test_a_header_claiming_a_terabyte_is_refused_before_anything_is_allocated():
    content = next(c for w, c in ODD if w == "boards claiming 1 TB")
    write(book_path(), content)
    book, problem = load_book()
    assert "claims more data than the file holds" in problem
    np.testing.assert_array_equal(book.labels, [])
