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

Two copies of the game may teach digits at once, so a save never writes one copy's memory over
the other's digits. Every digit has a random id (a book written before ids has them made from
its contents, the same in every copy). A copy remembers which ids it added and which it
removed since it last read the file; a save, under the one folder lock, reads the file again
and writes what is there, less what this copy removed, plus what it added. A digit another
copy taught is kept, and a digit another copy deleted stays deleted.

Every array is checked before it is loaded (names, dtypes, shapes, sizes, from its header), so
an odd file is set aside with a plain reason, never a crash, now or at the next digit key.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mnist_arcade import paths
from mnist_arcade.canvas.board import BOARD_SIZE
from mnist_arcade.canvas.preprocess import plain_resize, to_network_input
from mnist_arcade.errors import EmptyBoardError, why_unreadable
from mnist_arcade.player_files.atomic_files import set_aside, write_atomically
from mnist_arcade.player_files.folder_lock import holding_user_folder
from mnist_arcade.player_files.npz_headers import BadArchive, array_headers

FILE_NAME = "digit_book.npz"
SIDE = 28
PREPARED = "preprocessing that stands digits upright"  # older books have no such entry
MAX_DIGITS = 20_000  # far more than anyone teaches; a file claiming more is not a book
MAX_BYTES = MAX_DIGITS * (BOARD_SIZE * BOARD_SIZE + SIDE * SIDE * 8 + 16) + 2**20


def book_path() -> Path:
    return paths.user_dir() / FILE_NAME


def _empty_boards() -> np.ndarray:
    return np.zeros((0, 0, 0), dtype=np.uint8)


@dataclass
class DigitBook:
    """Inputs (N, 28, 28) float32, boards (N, H, W) uint8, labels (N,) int64 and ids (N,)
    int64, in order; and what this copy added and removed since it last read the file."""

    inputs: np.ndarray = field(default_factory=lambda: np.zeros((0, SIDE, SIDE), np.float32))
    boards: np.ndarray = field(default_factory=_empty_boards)
    labels: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    ids: np.ndarray | None = None  # made from the contents when not given (an older book)
    added: set[int] = field(default_factory=set, repr=False)
    removed: set[int] = field(default_factory=set, repr=False)
    read_from: tuple[int, int, int] | None = field(default=None, repr=False)  # file stamp

    def __post_init__(self) -> None:
        if self.ids is None:
            self.ids = _ids_from_contents(self.boards, self.labels)

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
        new_id = secrets.randbits(63)
        self.ids = np.append(self.ids, np.int64(new_id))
        self.added.add(new_id)

    def remove(self, index: int) -> None:
        gone = int(self.ids[index])
        if gone in self.added:
            self.added.discard(gone)  # never saved: nothing to delete from the file
        else:
            self.removed.add(gone)
        self._keep(np.arange(len(self)) != index)

    def _keep(self, keep: np.ndarray) -> None:
        self.inputs, self.boards, self.labels, self.ids = (
            self.inputs[keep],
            self.boards[keep],
            self.labels[keep],
            self.ids[keep],
        )
        if not len(self):
            self.boards = _empty_boards()

    def _become(self, other: DigitBook) -> None:
        """Take ``other``'s digits as this book's, with nothing left to save."""
        self.inputs, self.boards, self.labels, self.ids = (
            other.inputs,
            other.boards,
            other.labels,
            other.ids,
        )
        self.added, self.removed = set(), set()
        self.read_from = other.read_from


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """Which version of the file this is (inode, size, time): a rename gives a new inode."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


def _ids_from_contents(boards: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Ids for a book saved before ids: from each digit's place, label and board, so every copy
    of the game that reads the same file gives its digits the same ids."""
    ids = np.zeros(len(labels), np.int64)
    for index, (board, label) in enumerate(zip(boards, labels, strict=True)):
        digest = hashlib.sha256(f"{index}:{int(label)}:".encode() + board.tobytes()).digest()
        ids[index] = int.from_bytes(digest[:8], "little") >> 1
    return ids


def merged(on_disk: DigitBook, mine: DigitBook) -> DigitBook:
    """The file's digits less those ``mine`` removed, then those ``mine`` added (in order)."""
    kept = np.array([int(i) not in mine.removed for i in on_disk.ids], dtype=bool)
    known = {int(i) for i in on_disk.ids}
    new = np.array([int(i) in mine.added and int(i) not in known for i in mine.ids], dtype=bool)
    result = DigitBook(
        np.concatenate([on_disk.inputs[kept], mine.inputs[new]]),
        _stack_boards(on_disk.boards[kept], mine.boards[new]),
        np.concatenate([on_disk.labels[kept], mine.labels[new]]),
        np.concatenate([on_disk.ids[kept], mine.ids[new]]),
    )
    return result


def _stack_boards(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    parts = [part for part in (first, second) if len(part)]
    return np.concatenate(parts) if parts else _empty_boards()


def save_book(book: DigitBook, path: Path | None = None) -> Path:
    """Merge ``book`` into the file and write the result atomically, under the folder lock:
    the file is read again first, so digits another copy of the game taught or deleted since
    are kept, or stay deleted (see the module's docstring). ``book`` becomes what was written.
    A file that became unreadable meanwhile is set aside and this copy's whole book written."""
    path = path or book_path()
    with holding_user_folder():
        unchanged = book.read_from is not None and _stamp(path) == book.read_from
        on_disk, problem = (None, None)
        if path.exists() and not unchanged:  # another copy saved since: read what it wrote
            on_disk, problem = load_book(path)
        result = book if on_disk is None or problem else merged(on_disk, book)
        write_atomically(
            path,
            lambda file: np.savez_compressed(
                file,
                inputs=result.inputs,
                boards=result.boards,
                labels=result.labels,
                ids=result.ids,
                prepared=np.array(PREPARED),
            ),
        )
        result.read_from = _stamp(path)
        book._become(result)
    return path


def load_book(path: Path | None = None) -> tuple[DigitBook, str | None]:
    """The saved book (empty if there is none) and a message if the file had to be set aside."""
    path = path or book_path()
    if not path.exists():
        return DigitBook(), None
    stamp = _stamp(path)  # before reading: a save in between makes the next save read again
    try:
        book, prepared = _read(path)
        book.read_from = stamp
    except Exception as error:
        where = set_aside(path)
        reason = why_unreadable(error)
        return DigitBook(), f"your digit book could not be read ({reason}); it was {where}"
    if prepared != PREPARED:
        book.inputs = _prepared_again(book)
    return book, None


def _read(path: Path) -> tuple[DigitBook, str | None]:
    """The book in ``path`` and how its inputs were prepared, every array checked from its
    header before it is loaded. Raises ValueError (or an OSError) naming what is wrong."""
    if os.path.getsize(path) > MAX_BYTES:
        raise ValueError("it is far larger than any digit book")
    headers = array_headers(path, MAX_BYTES)
    _check_headers(headers)
    with np.load(path, allow_pickle=False) as archive:
        inputs = archive["inputs"].astype(np.float32)
        boards = archive["boards"]
        labels = archive["labels"].astype(np.int64)
        ids = archive["ids"].astype(np.int64) if "ids" in headers else None
        prepared = str(archive["prepared"]) if "prepared" in headers else None
    if not len(labels):
        boards = _empty_boards()
    book = DigitBook(inputs, boards.astype(np.uint8), labels, ids)
    _check(book)
    return book, prepared


def _check_headers(headers: dict) -> None:
    """Names, dtypes and shapes as this module writes them; anything else is not a book."""
    for name in ("inputs", "boards", "labels"):
        if name not in headers:
            raise BadArchive(f"it has no {name}")
    inputs, boards, labels = headers["inputs"], headers["boards"], headers["labels"]
    if labels.dtype.kind not in "iu" or len(labels.shape) != 1:
        raise BadArchive("its labels are not a list of whole numbers")
    count = labels.shape[0]
    if count > MAX_DIGITS:
        raise BadArchive(f"it claims {count:,} digits, more than any book holds")
    if inputs.dtype.kind != "f" or inputs.shape != (count, SIDE, SIDE):
        raise BadArchive(f"its inputs are not {count} images of {SIDE}x{SIDE} numbers")
    board_shapes = [(count, BOARD_SIZE, BOARD_SIZE)] + ([(0, 0, 0)] if count == 0 else [])
    if boards.dtype != np.uint8 or boards.shape not in board_shapes:
        raise BadArchive(f"its boards are not {count} drawings of {BOARD_SIZE}x{BOARD_SIZE} pixels")
    ids = headers.get("ids")
    if ids is not None and (ids.dtype.kind not in "iu" or ids.shape != (count,)):
        raise BadArchive("its digit ids do not match its digits")
    prepared = headers.get("prepared")
    if prepared is not None and (prepared.dtype.kind != "U" or prepared.shape != ()):
        raise BadArchive("its note on how inputs were prepared is not a word")


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
    if len(np.unique(book.ids)) != count:
        raise ValueError("two of its digits share an id")
