"""What an ``.npz`` archive's arrays claim to be, read from their headers before any is loaded.

A player file can hold anything: a header claiming a terabyte, a structured dtype, an array of
objects. Reading each member's ``.npy`` header (a few hundred bytes) first lets a caller refuse
such a file with a plain reason, before numpy allocates or decompresses anything. Pure numpy.
"""

from __future__ import annotations

import math
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np


class BadArchive(ValueError):
    """The archive, or one of its arrays' headers, is not what the file should hold."""


@dataclass(frozen=True)
class ArrayHeader:
    """One member's header: its shape and dtype, and the bytes it unpacks to."""

    shape: tuple[int, ...]
    dtype: np.dtype
    unpacked_bytes: int  # what the zip says the member unpacks to

    @property
    def data_bytes(self) -> int:
        return math.prod(self.shape) * self.dtype.itemsize


def array_headers(path: Path, max_bytes: int) -> dict[str, ArrayHeader]:
    """Each array's header by name (``labels``, not ``labels.npy``). Raises BadArchive if a
    member is not an ``.npy`` array, or the arrays together claim more than ``max_bytes``."""
    headers: dict[str, ArrayHeader] = {}
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        raise BadArchive("not a NumPy .npz archive") from error
    with archive:
        members = archive.infolist()
        if sum(member.file_size for member in members) > max_bytes:
            raise BadArchive(f"it claims to unpack to more than {max_bytes // 2**20:,} MB")
        for member in members:
            name = member.filename.removesuffix(".npy")
            with archive.open(member) as stream:
                try:
                    version = np.lib.format.read_magic(stream)
                    read_header = (
                        np.lib.format.read_array_header_1_0
                        if version == (1, 0)
                        else np.lib.format.read_array_header_2_0
                    )
                    shape, _, dtype = read_header(stream, max_header_size=10_000)
                except (ValueError, SyntaxError, EOFError, TypeError) as error:
                    raise BadArchive(f"its entry {name!r} is not a NumPy array") from error
            header = ArrayHeader(tuple(shape), np.dtype(dtype), member.file_size)
            if header.data_bytes > max_bytes or header.data_bytes > member.file_size:
                raise BadArchive(f"its entry {name!r} claims more data than the file holds")
            headers[name] = header
    return headers
