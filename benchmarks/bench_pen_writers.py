"""How well a model reads real people's pen strokes, replayed through the game's brush.

    python benchmarks/bench_pen_writers.py [--model PATH] [--seed N]

Only the held-out writers (25 to 30, never trained on) are read: every one of their digits in
``../shared/data/pendigits/pendigits-orig.tra`` when it is beside the project, else in the
shipped half (``data/pen_strokes.npz``). Each digit is replayed twice through the 25 px brush on
a 300x300 board, once large (150-230 px of ink, about 190 px) and once small (60-100 px), and
read exactly as the game reads a drawing. Prints overall and per-digit accuracy for both sizes,
and the digits each weakest digit is most often read as. Issue 20's targets are printed beside.
"""

from __future__ import annotations

import argparse
import time

import _common
import numpy as np

from mnist_arcade import paths
from mnist_arcade.practice.pen_strokes import (
    load_compact,
    pen_boards,
    read_unipen,
    split_by_writer,
)
from mnist_arcade.scoring.evaluation import board_probabilities, score

LARGE = (150, 230)  # "drawn about 190 px tall"
SMALL = (60, 100)
TARGETS = {"large": (0.98, 0.95), "small": (0.96, 0.90)}  # overall, every digit


def held_out_digits():
    full = _common.REPO.parent / "shared/data/pendigits/pendigits-orig.tra"
    if full.is_file():
        return read_unipen(full), str(full)
    return load_compact(paths.shipped_pen_strokes_path()), "the shipped half (data/)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a .keras model (default: the shipped one)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    from mnist_arcade.ml.model_files import load_model
    from mnist_arcade.ml.predictor import Predictor

    model_path = args.model or paths.shipped_model_path()
    predictor = Predictor(load_model(model_path))
    digits, source = held_out_digits()
    _, validation = split_by_writer(digits)
    writers = sorted({digit.writer for digit in validation})
    print(f"model: {model_path}")
    print(f"pen strokes: {len(validation):,} digits by writers {writers} from {source}")
    for name, heights in (("large", LARGE), ("small", SMALL)):
        start = time.perf_counter()
        boards, labels = pen_boards(validation, seed=args.seed, ink_heights=heights)
        read = board_probabilities(predictor, boards).argmax(axis=1)
        result = score(f"held-out writers, {name} ({heights[0]}-{heights[1]} px)", read, labels)
        overall, each = TARGETS[name]
        print(result.as_text())
        weakest = int(np.nanargmin(result.per_class))
        mistaken = np.bincount(read[(labels == weakest) & (read != weakest)], minlength=10)
        print(
            f"  weakest: {weakest} at {result.per_class[weakest]:.1%}, most often read as "
            f"{int(mistaken.argmax())}; target: {overall:.0%} overall "
            f"({'met' if result.accuracy >= overall else 'missed'}), every digit {each:.0%} "
            f"({'met' if min(result.per_class) >= each else 'missed'}); "
            f"{time.perf_counter() - start:.1f} s"
        )


if __name__ == "__main__":
    main()
