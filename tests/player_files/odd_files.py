"""Malformed player files, made on purpose: odd digit books (arrays of the wrong shape, dtype or
size; a header claiming a terabyte). Shared by the tests and ``benchmarks/bench_odd_files.py``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np

SIDE, BOARD = 28, 300


def _good(count: int = 2) -> dict[str, np.ndarray]:
    return {
        "inputs": np.zeros((count, SIDE, SIDE), np.float32),
        "boards": np.zeros((count, BOARD, BOARD), np.uint8),
        "labels": np.arange(count, dtype=np.int64) % 10,
    }


def _with(**changes) -> dict[str, np.ndarray]:
    arrays = _good()
    for name, value in changes.items():
        if value is None:
            del arrays[name]
        else:
            arrays[name] = value
    return arrays


def _npy_claiming(shape: tuple[int, ...], dtype: str = "|u1") -> bytes:
    """An .npy header claiming ``shape`` with only a few bytes of data behind it."""
    header = f"{{'descr': '{dtype}', 'fortran_order': False, 'shape': {shape!r}, }}"
    header = header.ljust(118) + "\n"
    return b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header.encode() + b"\0" * 64


def odd_books() -> Iterator[tuple[str, bytes]]:
    """(what is odd, the file's bytes) for each odd digit book."""
    structured = np.zeros(2, dtype=[("a", "i4"), ("b", "f4")])
    variants = {
        "0-d labels": _with(labels=np.array(3)),
        "0-d boards": _with(boards=np.array(7, np.uint8)),
        "0-d inputs": _with(inputs=np.array(0.5, np.float32)),
        "2-D labels": _with(labels=np.zeros((2, 1), np.int64)),
        "structured labels": _with(labels=structured),
        "structured inputs": _with(inputs=structured),
        "structured boards": _with(boards=structured),
        "float labels": _with(labels=np.array([1.5, 2.0])),
        "string labels": _with(labels=np.array(["1", "2"])),
        "boolean boards": _with(boards=np.zeros((2, BOARD, BOARD), bool)),
        "boards 28x28": _with(boards=np.zeros((2, SIDE, SIDE), np.uint8)),
        "boards 300x200": _with(boards=np.zeros((2, BOARD, 200), np.uint8)),
        "boards 4-D": _with(boards=np.zeros((2, BOARD, BOARD, 1), np.uint8)),
        "boards 16-bit": _with(boards=np.zeros((2, BOARD, BOARD), np.uint16)),
        "one board too few": _with(boards=np.zeros((1, BOARD, BOARD), np.uint8)),
        "inputs 32x32": _with(inputs=np.zeros((2, 32, 32), np.float32)),
        "integer inputs": _with(inputs=np.zeros((2, SIDE, SIDE), np.int64)),
        "complex inputs": _with(inputs=np.zeros((2, SIDE, SIDE), np.complex64)),
        "NaN inputs": _with(inputs=np.full((2, SIDE, SIDE), np.nan, np.float32)),
        "label 12": _with(labels=np.array([1, 12])),
        "label -1": _with(labels=np.array([-1, 1])),
        "no labels": _with(labels=None),
        "no boards": _with(boards=None),
        "ids of the wrong length": _with(ids=np.arange(3, dtype=np.int64)),
        "repeated ids": _with(ids=np.array([5, 5], np.int64)),
        "prepared as a number": _with(prepared=np.array(3)),
    }
    for what, arrays in variants.items():
        buffer = io.BytesIO()
        np.savez(buffer, **arrays)
        yield what, buffer.getvalue()
    for what, shape in (
        ("boards claiming 1 TB", (4_000_000, BOARD, BOARD * 3)),
        ("labels claiming 10**12", (10**12,)),
    ):
        buffer = io.BytesIO()
        claimed = "boards" if "boards" in what else "labels"
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, value in _good().items():
                if name == claimed:
                    continue
                member = io.BytesIO()
                np.save(member, value)
                archive.writestr(f"{name}.npy", member.getvalue())
            archive.writestr(f"{claimed}.npy", _npy_claiming(shape))
        yield what, buffer.getvalue()
    compressed, stored = io.BytesIO(), io.BytesIO()
    np.savez_compressed(compressed, **_good())
    np.savez(stored, **_good())
    yield "deflate stream damaged", _flipped(compressed.getvalue(), "boards.npy")
    yield "CRC damaged", _flipped(stored.getvalue(), "boards.npy")
    yield "half a zip", b"PK\x03\x04 half a zip"
    yield "random bytes", bytes(range(256)) * 8
    yield "empty file", b""


def write(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


DEEP = "[" * 100_000 + "]" * 100_000


def odd_scores() -> Iterator[tuple[str, bytes]]:
    """(what is odd, bytes) for each odd ``best_scores.json``."""
    variants = {
        "100,000 deep": '{"best": ' + DEEP + "}",
        "50 deep": '{"best": ' + "[" * 50 + "]" * 50 + "}",
        "5 deep": '{"best": [[[[[1]]]]]}',
        "no best": '{"bestest": [1]}',
        "booleans": '{"best": [true, false]}',
        "NaN": '{"best": [NaN]}',
        "Infinity": '{"best": [Infinity]}',
        "1e400": '{"best": [1e400]}',
        "floats": '{"best": [1.5, 2.5]}',
        "strings": '{"best": ["100"]}',
        "negative": '{"best": [-5]}',
        "huge number": '{"best": [' + "9" * 40 + "]",
        "a list": "[1, 2, 3]",
        "a string": '"best"',
        "null": "null",
        "best is null": '{"best": null}',
        "best is a dict": '{"best": {"a": 1}}',
        "truncated": '{"best": [1, 2',
        "not JSON": "{ not json",
        "empty": "",
        "10 KB of spaces": " " * 10_000 + '{"best": [1]}',
        "a BOM": "\ufeff" + '{"best": [1]}',
    }
    for what, text in variants.items():
        yield what, text.encode()
    yield "bad UTF-8", b'{"best": [1]}\xff'


def odd_notes() -> Iterator[tuple[str, bytes]]:
    """(what is odd, bytes) for each odd accuracy note beside a library model."""
    variants = {
        "true": '{"accuracy": true}',
        "false": '{"accuracy": false}',
        "text": '{"accuracy": "0.98"}',
        "above 1": '{"accuracy": 1.5}',
        "below 0": '{"accuracy": -0.1}',
        "NaN": '{"accuracy": NaN}',
        "Infinity": '{"accuracy": Infinity}',
        "null": '{"accuracy": null}',
        "a list": '{"accuracy": [0.9]}',
        "100,000 deep": '{"accuracy": ' + DEEP + "}",
        "1,000 deep": '{"accuracy": ' + "[" * 1000 + "]" * 1000 + "}",
        "no accuracy": '{"validation_digits": 100}',
        "bare number": "0.9",
        "bare list": "[0.9]",
        "not JSON": "{ not json",
        "empty": "",
        "10 KB": '{"accuracy": 0.9, "pad": "' + "x" * 10_000 + '"}',
    }
    for what, text in variants.items():
        yield what, text.encode()


def _zip(entries: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _flipped(data: bytes, entry_name: str, count: int = 40) -> bytes:
    """``data`` (a zip) with bytes flipped inside ``entry_name``'s data."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entry = archive.getinfo(entry_name)
    start = entry.header_offset + 30 + len(entry.filename) + len(entry.extra)
    damaged = bytearray(data)
    for offset in range(start + 50, start + 50 + 7 * count, 7):
        damaged[offset] ^= 0xFF
    return bytes(damaged)


def odd_models(shipped: bytes) -> Iterator[tuple[str, bytes]]:
    """(what is odd, bytes) for each odd ``.keras`` file, made from the shipped model's bytes."""
    with zipfile.ZipFile(io.BytesIO(shipped)) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    deflated = _zip(entries, zipfile.ZIP_DEFLATED)
    yield "junk bytes", b"junk, not a model"
    yield "empty file", b""
    yield "half a zip", shipped[: len(shipped) // 2]
    yield "zip header only", b"PK\x03\x04" + bytes(40)
    yield "weights CRC damaged", _flipped(shipped, "model.weights.h5")
    yield "config CRC damaged", _flipped(shipped, "config.json", 10)
    yield "deflate stream damaged", _flipped(deflated, "model.weights.h5")
    yield "deflated config damaged", _flipped(deflated, "config.json", 10)
    yield "zip bomb 64 MB", _zip({**entries, "model.weights.h5": bytes(64 * 2**20)}, 8)
    yield "zip bomb 9 MB", _zip({**entries, "model.weights.h5": bytes(9 * 2**20)}, 8)
    yield "1,000 entries", _zip({f"{i}.bin": b"" for i in range(1000)})
    yield "../ name", _zip({**entries, "../../escape.txt": b"outside"})
    yield "absolute name", _zip({**entries, "/etc/escape": b"outside"})
    yield "no weights", _zip({k: v for k, v in entries.items() if k != "model.weights.h5"})
    yield "no config", _zip({k: v for k, v in entries.items() if k != "config.json"})
    yield "config not JSON", _zip({**entries, "config.json": b"{ not json"})
    yield "config empty object", _zip({**entries, "config.json": b"{}"})
    yield "weights junk", _zip({**entries, "model.weights.h5": b"not hdf5"})
    yield "a zip of text", _zip({"notes.txt": b"a shopping list"})
