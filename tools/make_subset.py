"""Write data/mnist_subset.npz: a stratified MNIST subset that ships for offline training.

    python tools/make_subset.py ../shared/data/mnist/mnist.npz

Takes the same number of digits of every class (1,000 per class from the training set, 200 per
class from the test set), chosen with a fixed seed, and saves them compressed in Keras' layout.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

TRAIN_PER_CLASS = 1000
TEST_PER_CLASS = 200
SEED = 2024


def stratified(labels: np.ndarray, per_class: int, rng: np.random.Generator) -> np.ndarray:
    """Indices of ``per_class`` random examples of each digit, in a shuffled order."""
    chosen = [
        rng.choice(np.flatnonzero(labels == digit), per_class, replace=False) for digit in range(10)
    ]
    return rng.permutation(np.concatenate(chosen))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="the full Keras-layout mnist.npz")
    parser.add_argument("--out", default=str(Path(__file__).parents[1] / "data/mnist_subset.npz"))
    args = parser.parse_args()
    rng = np.random.default_rng(SEED)
    with np.load(args.source) as full:
        train = stratified(full["y_train"], TRAIN_PER_CLASS, rng)
        test = stratified(full["y_test"], TEST_PER_CLASS, rng)
        np.savez_compressed(
            args.out,
            x_train=full["x_train"][train],
            y_train=full["y_train"][train],
            x_test=full["x_test"][test],
            y_test=full["y_test"][test],
        )
    print(
        f"wrote {args.out}: {len(train)} training and {len(test)} test digits, "
        f"{Path(args.out).stat().st_size / 1e6:.2f} MB"
    )


if __name__ == "__main__":
    main()
