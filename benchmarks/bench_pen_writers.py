"""How well a model reads real people's pen strokes, replayed through the game's brush.

    python benchmarks/bench_pen_writers.py [--model PATH] [--seed N]

Only the held-out writers (25 to 30, never trained on) are read: every one of their digits in
``../shared/data/pendigits/pendigits-orig.tra`` when it is beside the project, else in the
shipped half (``data/pen_strokes.npz``). Each digit is replayed twice through the 25 px brush on
a 300x300 board, once large (150-230 px of ink, about 190 px) and once small (60-100 px), and
read exactly as the game reads a drawing (the same sets as ``mnist-arcade evaluate``). Prints
overall and per-digit accuracy for both sizes, and the digit each weakest digit is most often
read as. Issue 20's targets are printed beside.
"""

from __future__ import annotations

import argparse
import dataclasses
import time

import _common
import numpy as np

from mnist_arcade import paths
from mnist_arcade.practice.pen_strokes import read_pen_digits, split_by_writer
from mnist_arcade.scoring.evaluation import PEN_TARGETS, board_probabilities, pen_sets, score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a .keras model (default: the shipped one)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    from mnist_arcade.ml.model_files import load_model
    from mnist_arcade.ml.predictor import Predictor

    model_path = args.model or paths.shipped_model_path()
    predictor = Predictor(load_model(model_path))
    source = _common.pen_strokes_path()
    digits = read_pen_digits(source)
    _, validation = split_by_writer(digits)
    writers = sorted({digit.writer for digit in validation})
    print(f"model: {model_path}")
    print(f"pen strokes: {len(validation):,} digits by writers {writers} from "
          f"{source or 'the shipped half (data/)'}")  # fmt: skip
    start = time.perf_counter()
    for name, boards, labels in pen_sets(digits, args.seed):
        read = board_probabilities(predictor, boards).argmax(axis=1)
        result = score(name, read, labels)
        result = dataclasses.replace(result, target=PEN_TARGETS[name])
        print(result.as_text())
        weakest = int(np.nanargmin(result.per_class))
        mistaken = np.bincount(read[(labels == weakest) & (read != weakest)], minlength=10)
        print(f"  weakest: {weakest}, most often read as {int(mistaken.argmax())}")
    print(f"{time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
