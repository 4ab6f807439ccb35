"""Draw docs/redraw-before-after.png: MNIST digits, redrawn with the brush before and now.

    python tools/redraw_before_after.py

Until commit 2de2c51 a digit was thinned to its centre line at 28x28 and that line redrawn
4-10 times larger, so a pixel's error in the line became a stroke's error on the board (a 3
without its top, a 4 without its left stroke, a flat 0 running off the board's sides). The
picture shows validation digits (never test digits) that the model shipped then misread
after redrawing, each redrawn at the same size and place by that commit's ``redrawn_mnist.py`` (read
from git) and by today's.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from mnist_arcade.dataset import load_npz
from mnist_arcade.ml.training import validation_pool
from mnist_arcade.practice import redrawn_mnist

REPO = Path(__file__).resolve().parents[1]
BEFORE = "2de2c51"  # the last commit that thinned digits at 28x28
PICKS = (54091, 56934, 59900, 55503, 54405)  # indices into MNIST's x_train (validation tenth)
SIDE = 120  # pixels per shown board
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _drawn_before():
    source = subprocess.run(
        ["git", "show", f"{BEFORE}:mnist_arcade/redrawn_mnist.py"],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    path = Path(tempfile.mkdtemp()) / "drawn_before.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("drawn_before", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    data = load_npz(REPO.parent / "shared" / "data" / "mnist" / "mnist.npz")
    start = len(data.x_train) - len(validation_pool(data)[0])
    if min(PICKS) < start:
        sys.exit("the picked digits must come from the validation tenth")
    before = _drawn_before()
    font = ImageFont.truetype(str(FONT), 16) if FONT.is_file() else ImageFont.load_default()
    picture = Image.new("RGB", (170 + len(PICKS) * (SIDE + 10), 30 + 3 * (SIDE + 10)), (40, 40, 48))
    pen = ImageDraw.Draw(picture)
    for row, name in enumerate(("MNIST digit", "redrawn before", "redrawn now")):
        pen.text((10, 22 + row * (SIDE + 10) + SIDE // 2), name, fill=(230, 230, 230), font=font)
    for column, index in enumerate(PICKS):
        digit = data.x_train[index]
        boards = [
            module.draw_with_brush(digit, np.random.default_rng(index), heights=(200, 200))
            for module in (before, redrawn_mnist)
        ]
        x = 170 + column * (SIDE + 10)
        pen.text((x + SIDE // 2 - 20, 6), f"a {data.y_train[index]}", fill=(230, 230, 230),
                 font=font)  # fmt: skip
        for row, pixels in enumerate([digit, *boards]):
            resample = Image.Resampling.NEAREST if row == 0 else Image.Resampling.BILINEAR
            shown = Image.fromarray(pixels).resize((SIDE, SIDE), resample)
            picture.paste(shown.convert("RGB"), (x, 30 + row * (SIDE + 10)))
    picture.save(REPO / "docs" / "redraw-before-after.png")


if __name__ == "__main__":
    main()
