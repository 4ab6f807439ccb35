"""An image whose header claims far too many pixels is refused from the header, at once."""

import struct
import zlib

import pytest

from mnist_arcade.canvas.image_files import read_image_pixels
from mnist_arcade.errors import ImageReadError


def tiny_png_claiming(width: int, height: int) -> bytes:
    """A real PNG signature and header (CRC right) claiming ``width`` x ``height`` grey pixels,
    with a few bytes of compressed data: 69 bytes that ask for gigabytes."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        checksum = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + checksum

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 16))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("width, height", [(1, 89_000_000), (89_000_000, 1), (6000, 6000)])
def test_a_tiny_png_claiming_millions_of_pixels_is_refused_from_its_header(
    tmp_path, width, height
):
    path = tmp_path / "claims.png"
    path.write_bytes(tiny_png_claiming(width, height))
    assert path.stat().st_size < 100
    with pytest.raises(ImageReadError) as raised:
        read_image_pixels(path)  # the old path decoded first: 1.7 GB, then "no pixels"
    assert f"its header claims {width:,} x {height:,} pixels" in str(raised.value)


def test_a_normal_image_is_still_read(tmp_path):
    from PIL import Image

    path = tmp_path / "ok.png"
    Image.new("L", (300, 300), 0).save(path)
    assert read_image_pixels(path).shape == (300, 300)
