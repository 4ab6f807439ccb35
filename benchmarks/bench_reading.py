"""How well the shipped model reads digits drawn the way people draw them, beside the targets.

    python benchmarks/bench_reading.py [--model PATH] [--drawn N]

Runs the same report as ``mnist-arcade evaluate`` (every set through the game's own path:
board -> preprocessing -> model) and prints each figure with its target, from issue 20 where it
set one, else from issue 8: the held-out pen writers (25 to 30, every one of their digits in
``../shared/data/pendigits/pendigits-orig.tra`` when it is there, else the shipped half) about
190 px tall >= 98% and every digit >= 95%, drawn small (60-100 px) >= 96% and every digit >=
90%; MNIST test >= 99.0%; the style set (generator seeds training never uses) >= 97% overall
and >= 93% for every digit; brush-redrawn MNIST test digits >= 97%, drawn small >= 95%;
non-digits given a confident (>= 90%) answer <= 2%; expected calibration error on drawn digits
<= 2%. Ends with how long the drawing and reading took.
"""

from __future__ import annotations

import argparse
import time

import _common  # noqa: F401  (sets the environment first)
from _common import mnist_path, pen_strokes_path

from mnist_arcade import paths
from mnist_arcade.dataset import load_npz
from mnist_arcade.ml.model_files import load_model
from mnist_arcade.ml.predictor import Predictor
from mnist_arcade.practice.pen_strokes import read_pen_digits
from mnist_arcade.scoring.evaluation import (
    DRAWN,
    NON_DIGITS,
    PEN_LARGE,
    PEN_SMALL,
    SMALL,
    STYLE_SET,
    evaluate_model,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(paths.shipped_model_path()))
    parser.add_argument("--drawn", type=int, default=1000, help="drawings per drawn set")
    args = parser.parse_args()
    data = load_npz(mnist_path())
    started = time.perf_counter()
    pens = read_pen_digits(pen_strokes_path())
    report = evaluate_model(
        Predictor(load_model(args.model)), data, drawn=args.drawn, pen_digits=pens
    )
    seconds = time.perf_counter() - started

    def accuracy(name):
        return report[name]

    rows = [
        ("pen writers 25-30, ~190 px", accuracy(PEN_LARGE).accuracy, ">= 98%", 0.98, True),
        ("pen writers, weakest digit", min(accuracy(PEN_LARGE).per_class), ">= 95%", 0.95, True),
        ("pen writers small (60-100 px)", accuracy(PEN_SMALL).accuracy, ">= 96%", 0.96, True),
        ("pen writers small, weakest digit", min(accuracy(PEN_SMALL).per_class), ">= 90%", 0.90,
         True),
        ("MNIST test digits", accuracy("MNIST test digits").accuracy, ">= 99.0%", 0.99, True),
        ("style set, overall", accuracy(STYLE_SET).accuracy, ">= 97%", 0.97, True),
        ("style set, weakest digit", min(accuracy(STYLE_SET).per_class), ">= 93%", 0.93, True),
        ("brush-redrawn MNIST test", accuracy(DRAWN).accuracy, ">= 97%", 0.97, True),
        ("brush-redrawn small (60-100 px)", accuracy(SMALL).accuracy, ">= 95%", 0.95, True),
        ("non-digits answered >= 90% sure", report[NON_DIGITS].value, "<= 2%", 0.02, False),
        ("calibration error, drawn digits", report["expected calibration"].value, "<= 2%", 0.02,
         False),
    ]  # fmt: skip
    print(f"model: {args.model}\ndata: {data.source}, {args.drawn} drawings per drawn set")
    print(f"pen strokes: {pen_strokes_path() or 'the shipped half (data/)'}\n")
    print(f"{'figure':36} {'measured':>9}  {'target':>8}")
    for name, value, target, bound, at_least in rows:
        met = value >= bound if at_least else value <= bound
        print(f"{name:36} {value:9.2%}  {target:>8}  {'met' if met else 'NOT MET'}")
    style = accuracy(STYLE_SET)
    for name, result in (("style set", style), ("pen writers, ~190 px", accuracy(PEN_LARGE)),
                         ("pen writers, small", accuracy(PEN_SMALL))):  # fmt: skip
        per_digit = "  ".join(f"{d}: {v:.1%}" for d, v in enumerate(result.per_class))
        print(f"\n{name} per digit: {per_digit}")
    print(f"\nfull report ({seconds:.1f} s):\n{report.as_text()}")


if __name__ == "__main__":
    main()
