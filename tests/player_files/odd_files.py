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
    yield "half a zip", b"PK\x03\x04 half a zip"
    yield "random bytes", bytes(range(256)) * 8
    yield "empty file", b""


def write(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path
