"""The digit book: round trips, survives a corrupt file, never unpickles."""

import numpy as np
import pytest

from mnist_arcade import paths
from mnist_arcade.canvas.board import Board
from mnist_arcade.canvas.preprocess import to_network_input
from mnist_arcade.player_files.digit_book import DigitBook, book_path, load_book, save_book


def drawn(x0, y0, x1, y1):
    board = Board()
    board.begin_stroke(x0, y0)
    board.continue_stroke(x1, y1)
    return board.pixels.copy()


def test_a_book_round_trips_through_its_file():
    book = DigitBook()
    for label, (x0, y0, x1, y1) in enumerate([(150, 40, 150, 260), (60, 60, 240, 200)]):
        pixels = drawn(x0, y0, x1, y1)
        book.add(to_network_input(pixels), pixels, label + 1)
    save_book(book)
    loaded, problem = load_book()
    assert problem is None and len(loaded) == 2
    np.testing.assert_array_equal(loaded.labels, [1, 2])
    np.testing.assert_array_equal(loaded.inputs, book.inputs)
    np.testing.assert_array_equal(loaded.boards, book.boards)
    assert loaded.counts()[1] == 1 and loaded.counts().sum() == 2
    loaded.remove(0)
    assert loaded.labels.tolist() == [2] and loaded.boards.shape == (1, 300, 300)
    left = {p.name for p in paths.user_dir().iterdir()} - {".lock"}  # the folder lock's file
    assert left == {"digit_book.npz"}  # no temporary file left


def test_a_corrupt_book_is_set_aside_with_a_message_not_lost():
    book_path().parent.mkdir(parents=True)
    book_path().write_bytes(b"PK\x03\x04 half a zip")
    book, problem = load_book()
    assert len(book) == 0 and "set aside" in problem
    aside = [p for p in paths.user_dir().iterdir() if "unreadable" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == b"PK\x03\x04 half a zip"


def test_a_book_holding_pickled_objects_is_refused_not_unpickled():
    book_path().parent.mkdir(parents=True)
    objects = np.array([{"not": "digits"}], dtype=object)
    np.savez(book_path(), inputs=objects, boards=objects, labels=objects)
    book, problem = load_book()
    assert len(book) == 0 and problem is not None


def test_bad_labels_and_shapes_are_refused():
    book = DigitBook()
    with pytest.raises(ValueError):
        book.add(np.zeros((28, 28)), np.zeros((300, 300)), 10)
    with pytest.raises(ValueError):
        book.add(np.zeros((20, 20)), np.zeros((300, 300)), 3)


def test_a_book_from_before_digits_were_stood_upright_is_prepared_again_on_reading():
    leaning = drawn(200, 40, 110, 260)
    old_input = np.zeros((28, 28), np.float32)
    old_input[4:24, 10:16] = 1.0  # what an older preprocessing made of it, say
    book_path().parent.mkdir(parents=True)
    np.savez_compressed(  # the format before the file said how its inputs were prepared
        book_path(), inputs=old_input[None], boards=leaning[None], labels=np.array([1])
    )
    before = book_path().read_bytes()
    book, problem = load_book()
    assert problem is None and book.labels.tolist() == [1]
    np.testing.assert_array_equal(book.inputs[0], to_network_input(leaning))
    assert book_path().read_bytes() == before  # the player's file is not rewritten by reading
    save_book(book)
    again, _ = load_book()
    np.testing.assert_array_equal(again.inputs, book.inputs)


def test_a_book_in_todays_format_is_read_as_saved_and_old_plain_entries_stay_plain():
    from mnist_arcade.canvas.preprocess import plain_resize

    leaning = drawn(200, 40, 110, 260)
    odd_input = np.zeros((28, 28), np.float32)
    odd_input[3, 3] = 1.0  # not what today's preprocessing makes: it must come back as saved
    book = DigitBook()
    book.add(odd_input, leaning, 1)
    save_book(book)
    loaded, _ = load_book()
    np.testing.assert_array_equal(loaded.inputs[0], odd_input)

    plain = plain_resize(leaning)  # an older book, read with the tutorial's plain resize
    np.savez_compressed(book_path(), inputs=plain[None], boards=leaning[None], labels=np.array([1]))
    loaded, problem = load_book()
    assert problem is None
    np.testing.assert_array_equal(loaded.inputs[0], plain)


def test_random_bytes_as_a_book_say_so_plainly_and_never_advise_unsafe_loading():
    book_path().parent.mkdir(parents=True)
    book_path().write_bytes(bytes(range(256)) * 8)  # not a zip: numpy tries it as a pickle
    book, problem = load_book()
    assert len(book) == 0 and "not a NumPy .npz archive" in problem
    assert "allow_pickle" not in problem and "set aside as digit_book.unreadable-" in problem
