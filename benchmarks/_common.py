"""Helpers shared by the benchmark scripts: timing and a real digit on a real board."""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

REPO = Path(__file__).resolve().parents[1]
# The helpers the benchmarks share with the tests (testing_support/) live at the top of the
# repository: a script run as ``python benchmarks/bench_x.py`` sees only benchmarks/ otherwise.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
FULL_MNIST = REPO.parent / "shared" / "data" / "mnist" / "mnist.npz"


def mnist_path() -> Path:
    """The full set when it is beside the project, else the shipped subset."""
    from mnist_arcade import paths

    return FULL_MNIST if FULL_MNIST.is_file() else paths.shipped_subset_path()


FULL_PEN_STROKES = REPO.parent / "shared" / "data" / "pendigits" / "pendigits-orig.tra"


def pen_strokes_path() -> Path | None:
    """The whole pen collection when it is beside the project, else None (the shipped half)."""
    return FULL_PEN_STROKES if FULL_PEN_STROKES.is_file() else None


def times_ms(function: Callable[[], object], repeats: int, warmup: int = 3) -> list[float]:
    """Wall time of each of ``repeats`` calls of ``function``, in milliseconds, after warm-up."""
    for _ in range(warmup):
        function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return times


def median_ms(function: Callable[[], object], repeats: int, warmup: int = 3) -> float:
    """Median wall time of ``function`` in milliseconds, after a few warm-up calls."""
    return statistics.median(times_ms(function, repeats, warmup))


def interleaved_median_ms(functions: dict[str, Callable[[], object]], rounds: int) -> dict:
    """Time several functions in turn, round after round, so machine noise hits all alike."""
    for function in functions.values():
        function()
    times = {name: [] for name in functions}
    for _ in range(rounds):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


def board_with_digit(index: int = 0):
    """A 300x300 board holding MNIST test digit ``index``, redrawn with the game's brush."""
    import numpy as np

    from mnist_arcade.dataset import load_npz
    from mnist_arcade.practice.redrawn_mnist import draw_with_brush

    data = load_npz(mnist_path())
    return draw_with_brush(data.x_test[index], np.random.default_rng(index)), int(
        data.y_test[index]
    )
