"""How well the shipped model reads digits drawn the way people draw them, beside the targets.

    python benchmarks/bench_reading.py [--model PATH] [--drawn N]

Runs the same report as ``mnist-arcade evaluate`` (every set through the game's own path:
board -> preprocessing -> model) and prints each figure with its target from issue 8: MNIST
test >= 99.0%; the style set (generator seeds training never uses) >= 97% overall and >= 93%
for every digit; brush-redrawn MNIST test digits >= 97%, drawn small (60-100 px) >= 95%;
non-digits given a confident (>= 90%) answer <= 5%; expected calibration error on drawn
digits <= 3%. Ends with how long the drawing and reading took.
"""

from __future__ import annotations

import argparse
import time

import _common  # noqa: F401  (sets the environment first)
from _common import mnist_path

from mnist_arcade import paths
from mnist_arcade.dataset import load_npz
from mnist_arcade.ml.model_files import load_model
from mnist_arcade.ml.predictor import Predictor
from mnist_arcade.scoring.evaluation import DRAWN, NON_DIGITS, SMALL, STYLE_SET, evaluate_model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(paths.shipped_model_path()))
    parser.add_argument("--drawn", type=int, default=1000, help="drawings per drawn set")
    args = parser.parse_args()
    data = load_npz(mnist_path())
    started = time.perf_counter()
    report = evaluate_model(Predictor(load_model(args.model)), data, drawn=args.drawn)
    seconds = time.perf_counter() - started

    def accuracy(name):
        return report[name]

    rows = [
        ("MNIST test digits", accuracy("MNIST test digits").accuracy, ">= 99.0%", 0.99, True),
        ("style set, overall", accuracy(STYLE_SET).accuracy, ">= 97%", 0.97, True),
        ("style set, weakest digit", min(accuracy(STYLE_SET).per_class), ">= 93%", 0.93, True),
        ("brush-redrawn MNIST test", accuracy(DRAWN).accuracy, ">= 97%", 0.97, True),
        ("brush-redrawn small (60-100 px)", accuracy(SMALL).accuracy, ">= 95%", 0.95, True),
        ("non-digits answered >= 90% sure", report[NON_DIGITS].value, "<= 5%", 0.05, False),
        ("calibration error, drawn digits", report["expected calibration"].value, "<= 3%", 0.03,
         False),
    ]  # fmt: skip
    print(f"model: {args.model}\ndata: {data.source}, {args.drawn} drawings per drawn set\n")
    print(f"{'figure':36} {'measured':>9}  {'target':>8}")
    for name, value, target, bound, at_least in rows:
        met = value >= bound if at_least else value <= bound
        print(f"{name:36} {value:9.2%}  {target:>8}  {'met' if met else 'NOT MET'}")
    style = accuracy(STYLE_SET)
    print(
        "\nstyle set per digit: "
        + "  ".join(f"{d}: {v:.1%}" for d, v in enumerate(style.per_class))
    )
    print(f"\nfull report ({seconds:.1f} s):\n{report.as_text()}")


if __name__ == "__main__":
    main()
