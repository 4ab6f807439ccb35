"""The player's digit book: their own drawings, each with the digit they say it is.

After any reading the player can press a digit key to say "this was a 7"; the drawing goes in
the book, both as the 28x28 input the network read and as the raw 300x300 board (so a later
change of preprocessing can prepare it again). The book is one ``.npz`` in the user folder,
written atomically and read without pickle; a file that cannot be read is set aside with a
message and never deleted. Pure numpy (and the game's preprocessing).

The file records how its inputs were prepared (:data:`PREPARED`). A book written before the
preprocessing stood digits upright has its inputs prepared again from its boards when it is
read, so the player's digits teach the network the way it now reads them; the file itself is
left as it was until the book is next saved.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mnist_arcade import paths
from mnist_arcade.canvas.preprocess import plain_resize, to_network_input
from mnist_arcade.errors import EmptyBoardError, why_unreadable
from mnist_arcade.player_files.atomic_files import set_aside, write_atomically

FILE_NAME = "digit_book.npz"
SIDE = 28
PREPARED = "preprocessing that stands digits upright"  # older books have no such entry


def book_path() -> Path:
    return paths.user_dir() / FILE_NAME


def _empty_boards() -> np.ndarray:
    return np.zeros((0, 0, 0), dtype=np.uint8)


@dataclass
class DigitBook:
    """Inputs (N, 28, 28) float32, boards (N, H, W) uint8 and labels (N,) int64, in order."""

    inputs: np.ndarray = field(default_factory=lambda: np.zeros((0, SIDE, SIDE), np.float32))
    boards: np.ndarray = field(default_factory=_empty_boards)
    labels: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))

    def __len__(self) -> int:
        return len(self.labels)

    def __repr__(self) -> str:
        return f"DigitBook({len(self)} digits, per digit {self.counts().tolist()})"

    def counts(self) -> np.ndarray:
        return np.bincount(self.labels, minlength=10)[:10]

    def add(self, net_input: np.ndarray, board: np.ndarray, label: int) -> None:
        if not 0 <= int(label) <= 9:
            raise ValueError(f"a digit is 0 to 9, not {label}")
        net_input = np.asarray(net_input, dtype=np.float32)
        if net_input.shape != (SIDE, SIDE):
            raise ValueError(f"expected a 28x28 input, got {net_input.shape}")
        board = np.asarray(board, dtype=np.uint8)
        if len(self) and board.shape != self.boards.shape[1:]:
            raise ValueError(f"the board is {board.shape}, the book's are {self.boards.shape[1:]}")
        self.inputs = np.concatenate([self.inputs, net_input[None]])
        self.boards = np.concatenate([self.boards, board[None]]) if len(self) else board[None]
        self.labels = np.append(self.labels, np.int64(label))

    def remove(self, index: int) -> None:
        keep = np.arange(len(self)) != index
        self.inputs, self.boards, self.labels = (
            self.inputs[keep],
            self.boards[keep],
            self.labels[keep],
        )
        if not len(self):
            self.boards = _empty_boards()


def save_book(book: DigitBook, path: Path | None = None) -> Path:
    """Write the book atomically: a temporary file beside it, then a rename."""
    return write_atomically(
        path or book_path(),
        lambda file: np.savez_compressed(
            file,
            inputs=book.inputs,
            boards=book.boards,
            labels=book.labels,
            prepared=np.array(PREPARED),
        ),
    )


def load_book(path: Path | None = None) -> tuple[DigitBook, str | None]:
    """The saved book (empty if there is none) and a message if the file had to be set aside."""
    path = path or book_path()
    if not path.exists():
        return DigitBook(), None
    try:
        with np.load(path, allow_pickle=False) as archive:
            book = DigitBook(
                archive["inputs"].astype(np.float32),
                archive["boards"].astype(np.uint8),
                archive["labels"].astype(np.int64),
            )
            prepared = str(archive["prepared"]) if "prepared" in archive.files else None
        _check(book)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError) as error:
        where = set_aside(path)
        reason = why_unreadable(error)
        return DigitBook(), f"your digit book could not be read ({reason}); it was {where}"
    if prepared != PREPARED:
        book.inputs = _prepared_again(book)
    return book, None


def _prepared_again(book: DigitBook) -> np.ndarray:
    """The book's inputs made again from its boards by today's MNIST-style preprocessing.

    An entry saved while the tutorial's plain resize was chosen (its input is the board's
    plain resize, which has not changed) keeps its input, and so does any entry whose board
    cannot be prepared: a book that was read is never lost to its migration.
    """
    inputs = book.inputs.copy()
    for index, board in enumerate(book.boards):
        try:
            if np.allclose(inputs[index], plain_resize(board), atol=1e-3):
                continue
            inputs[index] = to_network_input(board)
        except (EmptyBoardError, ValueError):
            continue
    return inputs


def _check(book: DigitBook) -> None:
    count = len(book.labels)
    if book.inputs.shape != (count, SIDE, SIDE) or len(book.boards) != count:
        raise ValueError("its arrays do not match in length or shape")
    if count and (book.labels.min() < 0 or book.labels.max() > 9):
        raise ValueError("it has labels outside 0-9")
    if not np.isfinite(book.inputs).all():
        raise ValueError("it has inputs that are not numbers")
