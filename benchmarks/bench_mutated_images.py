"""How ``mnist-arcade predict`` copes with damaged and unusual image files: 3,000 of them.

    python benchmarks/bench_mutated_images.py [--files 3000] [--batch 300] [--seed 0] [--keep DIR]

Real board-like digit PNGs are rendered from MNIST test digits and then changed, seeded: bytes
flipped, files truncated, PNG chunks corrupted (with their CRC left wrong, or fixed so the
decoder meets the damage), huge declared dimensions (decompression bombs past Pillow's warning
and error limits, and large images under them), other formats under a ``.png`` name, bytes that
are no image at all, zero-byte files, and other modes (RGBA, LA, 16-bit, 32-bit, float, palette,
1-bit, CMYK, dark ink on white). They go through ``python -m mnist_arcade predict --json`` in
batches of files per call, since importing TensorFlow takes seconds.

Prints: files, tracebacks (must be 0), files reported as errors, files read, seconds; then the
same per kind of change, with how many files read gave their digit's label. Every file must be
accounted for exactly once: read (a JSON line on stdout) or reported (one
``mnist-arcade: FILE: ...`` line on stderr).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import _common  # noqa: F401  (sets the environment first)
import numpy as np
from _common import REPO, mnist_path
from PIL import Image

from mnist_arcade.dataset import load_npz
from mnist_arcade.practice.redrawn_mnist import draw_with_brush, scale_onto_board

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
BASE_DIGITS = 60  # distinct real digits the mutations start from
OTHER_FORMATS = ("JPEG", "GIF", "BMP", "TIFF", "WEBP", "PPM", "TGA", "ICO")


def encode(image: Image.Image, image_format: str = "PNG", **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def png_chunks(data: bytes) -> list[tuple[int, int, bytes]]:
    """(offset, length, type) of each chunk of a PNG file."""
    found, position = [], len(PNG_SIGNATURE)
    while position + 8 <= len(data):
        length = struct.unpack(">I", data[position : position + 4])[0]
        found.append((position, length, data[position + 4 : position + 8]))
        position += 12 + length
    return found


def chunk(kind: bytes, body: bytes) -> bytes:
    """A PNG chunk with a correct CRC, so the decoder gets past the check to the damage."""
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def with_ihdr(data: bytes, **fields) -> bytes:
    """The PNG with IHDR fields (width, height, depth, colour, interlace) replaced, CRC fixed."""
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(
        ">IIBBBBB", data[16:29]
    )
    values = {"width": width, "height": height, "depth": depth, "colour": colour}
    values |= {"interlace": interlace} | fields
    body = struct.pack(
        ">IIBBBBB",
        values["width"],
        values["height"],
        values["depth"],
        values["colour"],
        compression,
        filtering,
        values["interlace"],
    )
    return data[:8] + chunk(b"IHDR", body) + data[33:]


# Each mutation takes (rng, a real digit's board pixels, that board as PNG bytes) -> file bytes.
Mutation = Callable[[np.random.Generator, np.ndarray, bytes], bytes]


def intact(rng, board, png):
    return png


def flip_bytes(rng, board, png):
    data = bytearray(png)
    start = 0 if rng.random() < 0.3 else len(PNG_SIGNATURE)
    for position in rng.integers(start, len(data), size=int(rng.integers(1, 24))):
        data[position] ^= int(rng.integers(1, 256))
    return bytes(data)


def truncate(rng, board, png):
    return png[: int(rng.integers(1, len(png)))]


def corrupt_chunk(rng, board, png):
    """Damage one chunk's body; its CRC is left wrong half the time and fixed the other half."""
    offset, length, kind = png_chunks(png)[int(rng.integers(0, len(png_chunks(png))))]
    body = bytearray(png[offset + 8 : offset + 8 + length])
    for position in rng.integers(0, max(len(body), 1), size=int(rng.integers(1, 8))):
        if body:
            body[position] ^= int(rng.integers(1, 256))
    if rng.random() < 0.5:
        rebuilt = struct.pack(">I", length) + kind + bytes(body) + png[offset + 8 + length :][:4]
    else:
        rebuilt = chunk(kind, bytes(body))
    return png[:offset] + rebuilt + png[offset + 12 + length :]


def bad_chunk_length(rng, board, png):
    offset, _, _ = png_chunks(png)[int(rng.integers(0, len(png_chunks(png))))]
    length = int(rng.choice([0, 1, 2**31 - 1, 2**32 - 1, int(rng.integers(0, 2**20))]))
    return png[:offset] + struct.pack(">I", length) + png[offset + 4 :]


def bad_header_fields(rng, board, png):
    field = str(rng.choice(["depth", "colour", "interlace"]))
    value = int(rng.choice([0, 3, 5, 7, 9, 17, 255]))
    return with_ihdr(png, **{field: value})


def bomb_over_error_limit(rng, board, png):
    side = int(rng.integers(14_000, 100_000))
    return with_ihdr(png, width=side, height=side)


def bomb_over_warning_limit(rng, board, png):
    side = int(rng.integers(9_500, 13_300))  # 90-177 million pixels: Pillow only warns
    return with_ihdr(png, width=side, height=side)


def large_declared_under_limit(rng, board, png):
    width = int(rng.integers(2_000, 9_000))
    return with_ihdr(png, width=width, height=int(rng.integers(2_000, 80_000_000 // width)))


def real_large_image(rng, board, png):
    """A genuinely large, highly compressible PNG under the limit: decoded, then read."""
    side = int(rng.integers(3_000, 6_000))
    return encode(Image.fromarray(np.asarray(Image.fromarray(board).resize((side, side)))))


def other_format_named_png(rng, board, png):
    image_format = str(rng.choice(OTHER_FORMATS))
    image = Image.fromarray(board)
    if image_format == "ICO":
        image = image.resize((128, 128))
    return encode(image.convert("RGB") if image_format == "JPEG" else image, image_format)


def damaged_other_format(rng, board, png):
    return flip_bytes(rng, board, other_format_named_png(rng, board, png))[
        : None if rng.random() < 0.5 else int(rng.integers(1, 4000))
    ]


def not_an_image(rng, board, png):
    choice = int(rng.integers(0, 5))
    if choice == 0:
        return rng.bytes(int(rng.integers(1, 5000)))
    if choice == 1:
        return b"this is a shopping list, not a digit\n" * int(rng.integers(1, 50))
    if choice == 2:
        return PNG_SIGNATURE  # a signature and nothing else
    if choice == 3:
        return b"%PDF-1.4\n" + rng.bytes(300)
    buffer = io.BytesIO()
    np.save(buffer, board)
    return buffer.getvalue()


def zero_bytes(rng, board, png):
    return b""


def other_mode(rng, board, png):
    choice = int(rng.integers(0, 12))
    if choice == 0:  # white ink, alpha from the ink, on transparent
        rgba = np.dstack([board, board, board, board])
        return encode(Image.fromarray(rgba, "RGBA"))
    if choice == 1:  # black ink on transparent: must come out as a digit, not a blank
        rgba = np.dstack([np.zeros_like(board)] * 3 + [board])
        return encode(Image.fromarray(rgba, "RGBA"))
    if choice == 2:
        return encode(Image.fromarray(np.dstack([board, np.full_like(board, 255)]), "LA"))
    if choice == 3:  # 16-bit greyscale
        return encode(Image.fromarray(board.astype(np.uint16) * 257))
    if choice == 4:  # 32-bit integer, in a TIFF
        return encode(Image.fromarray(board.astype(np.int32) * 257), "TIFF")
    if choice == 5:  # float in [0, 1], in a TIFF
        return encode(Image.fromarray(board.astype(np.float32) / 255), "TIFF")
    if choice == 6:
        return encode(Image.fromarray(board).convert("P"), transparency=0)
    if choice == 7:
        return encode(Image.fromarray(board).convert("1"))
    if choice == 8:
        return encode(Image.fromarray(board).convert("CMYK"), "JPEG")
    if choice == 9:  # dark ink on a light background
        return encode(Image.fromarray(255 - board))
    if choice == 10:  # coloured ink on a coloured background
        rgb = np.dstack([board, board // 2, 255 - board])
        return encode(Image.fromarray(rgb, "RGB"))
    return encode(Image.fromarray(np.zeros_like(board)))  # nothing drawn


MUTATIONS: dict[str, tuple[Mutation, float]] = {  # name: (mutation, share of the files)
    "intact": (intact, 0.06),
    "byte flips": (flip_bytes, 0.16),
    "truncated": (truncate, 0.12),
    "corrupt chunk": (corrupt_chunk, 0.12),
    "bad chunk length": (bad_chunk_length, 0.06),
    "bad header fields": (bad_header_fields, 0.05),
    "bomb (over Pillow's error limit)": (bomb_over_error_limit, 0.05),
    "bomb (over Pillow's warning limit)": (bomb_over_warning_limit, 0.05),
    "large declared, no data": (large_declared_under_limit, 0.03),
    "large real image": (real_large_image, 0.005),
    "other format named .png": (other_format_named_png, 0.08),
    "damaged other format": (damaged_other_format, 0.075),
    "not an image": (not_an_image, 0.05),
    "zero bytes": (zero_bytes, 0.02),
    "other mode": (other_mode, 0.07),
}


def base_boards(rng: np.random.Generator) -> tuple[list[np.ndarray], np.ndarray]:
    """Real MNIST test digits as boards (enlarged, or redrawn with the game's brush); labels."""
    data = load_npz(mnist_path())
    boards = []
    for index in range(BASE_DIGITS):
        if index % 2:
            boards.append(draw_with_brush(data.x_test[index], rng))
        else:
            boards.append(scale_onto_board(data.x_test[index], int(rng.integers(28, 400))))
    return boards, data.y_test[:BASE_DIGITS]


def make_files(folder: Path, count: int, seed: int) -> dict[str, tuple[str, int]]:
    """Write ``count`` mutated files; return {path: (kind of change, the digit's label)}."""
    rng = np.random.default_rng(seed)
    boards, labels = base_boards(rng)
    pngs = [encode(Image.fromarray(board)) for board in boards]
    names = list(MUTATIONS)
    shares = np.array([MUTATIONS[name][1] for name in names])
    kinds = rng.choice(len(names), size=count, p=shares / shares.sum())
    files = {}
    for number, kind in enumerate(kinds):
        base = int(rng.integers(0, len(boards)))
        mutation = MUTATIONS[names[kind]][0]
        path = folder / f"file{number:05d}.png"
        path.write_bytes(mutation(rng, boards[base], pngs[base]))
        files[str(path)] = (names[kind], int(labels[base]))
    return files


def run_batch(paths: list[str]) -> dict:
    """One ``predict`` call; classify every output line."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mnist_arcade", "predict", "--json", *paths],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "MNIST_ARCADE_OFFLINE": "1"},
        timeout=1800,
    )
    seconds = time.perf_counter() - started
    answers = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    read = {answer["file"]: answer["digit"] for answer in answers}
    reported, notes, other = [], [], []
    for line in result.stderr.splitlines():
        named = next((p for p in paths if line.startswith(f"mnist-arcade: {p}: ")), None)
        if named is None:
            other.append(line)
        elif "inverted to white on black" in line:
            notes.append(named)
        else:
            reported.append(named)
    return {
        "read": read,
        "reported": reported,
        "notes": notes,
        "other": other,
        "tracebacks": result.stderr.count("Traceback (most recent call last)"),
        "status": result.returncode,
        "seconds": seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=300, help="files per predict call")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", help="write the files here and keep them")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="mutated-images-") as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        files = make_files(folder, args.files, args.seed)
        paths = list(files)
        totals = Counter()
        read, reported, other, statuses = {}, Counter(), [], Counter()
        seconds = 0.0
        for start in range(0, len(paths), args.batch):
            batch = run_batch(paths[start : start + args.batch])
            seconds += batch["seconds"]
            totals["tracebacks"] += batch["tracebacks"]
            totals["inverted notes"] += len(batch["notes"])
            read.update(batch["read"])
            reported.update(batch["reported"])
            other.extend(batch["other"])
            statuses[batch["status"]] += 1

    twice = [path for path, times in reported.items() if times > 1 or path in read]
    unaccounted = [path for path in paths if path not in read and path not in reported]
    print(f"files:                     {len(paths):,}")
    print(f"tracebacks:                {totals['tracebacks']}")
    print(f"files reported as errors:  {len(reported):,}")
    print(f"files read:                {len(read):,}")
    print(f"seconds:                   {seconds:.1f}")
    print(f"  predict calls: {sum(statuses.values())} (exit statuses {dict(statuses)})")
    print(f"  inverted-image notes: {totals['inverted notes']}")
    print(f"  files unaccounted for: {len(unaccounted)}; reported twice or also read: {len(twice)}")
    print(f"  other stderr lines: {len(other)}")
    for line in other[:10]:
        print(f"    {line[:160]}")
    print(f"{'kind of change':36s} {'files':>6s} {'errors':>7s} {'read':>6s} {'read right':>11s}")
    for kind in MUTATIONS:
        members = [path for path, (name, _) in files.items() if name == kind]
        right = sum(read.get(path) == files[path][1] for path in members)
        print(
            f"{kind:36s} {len(members):6d} {sum(p in reported for p in members):7d} "
            f"{sum(p in read for p in members):6d} {right:11d}"
        )


if __name__ == "__main__":
    main()
