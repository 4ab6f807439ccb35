"""Teaching the shipped model one player's handwriting: time, the player's digits, MNIST.

    python benchmarks/bench_finetune.py [--seed N]

The player (``testing_support/personal_style.py``) draws a 4 like an h, a 7 with a big curl and a 1
as a long diagonal with a long flag; the shipped model misreads most of them. Thirty of their
drawings go in the digit book; 150 more, from an independent random stream, are held back. The
book is taught exactly as the game's "learn my digits" does it: ``run_training("finetune", ...)``
in this process (the real data recipe, trainer, progress callback, report and adoption
policy), starting from the shipped model's weights, on the full MNIST set.

Printed in one run, beside issue 10's targets: the seconds the whole run takes (data, training,
the before/after report, judging and saving; the ``fit`` alone too), held-back drawings read
right before and after (each digit too), the taught digits before and after (from the run's
``FinetuneReport``), MNIST test accuracy before and after on all 10,000 test digits, and whether
the adoption policy put the run in use.
"""

from __future__ import annotations

import argparse
import queue
import tempfile
import threading
import time
from pathlib import Path

import _common  # noqa: F401  (sets the environment first)
import numpy as np
from _common import mnist_path

from mnist_arcade import paths
from mnist_arcade.messages import (
    EpochResult,
    FinetuneReport,
    RunJudged,
    TrainingFailed,
    TrainingFinished,
)
from mnist_arcade.ml import finetune
from mnist_arcade.ml.backend import keras
from mnist_arcade.ml.model_files import load_model
from mnist_arcade.ml.trainer import model_with, run_training
from testing_support.personal_style import DIGITS, MIN_INK_HEIGHT, taught_and_held_back

TAUGHT = 30  # drawings in the player's digit book
HELD_BACK = 150  # further drawings of the same styles, never taught
SEED = 0  # the drawings and the order Keras shuffles the data in (the replay is the game's own)
MAX_SECONDS = 20.0  # issue 10's targets
MAX_BEFORE = 0.50
MIN_AFTER = 0.90
MIN_MNIST = 0.985


def readings(model, inputs: np.ndarray) -> np.ndarray:
    return np.argmax(np.asarray(model(inputs[..., None], training=False)), axis=1)


def per_digit(read: np.ndarray, labels: np.ndarray) -> str:
    return "  ".join(
        f"{digit}: {np.mean(read[labels == digit] == digit):4.0%}" for digit in sorted(set(DIGITS))
    )


def mark(met: bool) -> str:
    return "met" if met else "NOT MET"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=SEED, help=f"default {SEED}")
    seed = parser.parse_args().seed
    (book_inputs, book_labels), (held_inputs, held_labels) = taught_and_held_back(
        TAUGHT, HELD_BACK, seed
    )
    keras.utils.set_random_seed(seed)
    shipped = load_model(paths.shipped_model_path())
    incumbent_weights = shipped.get_weights()
    read_before = readings(shipped, held_inputs)
    messages: queue.Queue = queue.Queue()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        run_training(
            "finetune",
            messages,
            threading.Event(),
            data_path=mnist_path(),
            incumbent_weights=incumbent_weights,
            book=(book_inputs, book_labels),
            save_path=Path(folder) / "mine.keras",
            aside_path=Path(folder) / "aside.keras",
        )
        seconds = time.perf_counter() - started
    posted = []
    while not messages.empty():
        posted.append(messages.get_nowait())
    for message in posted:
        if isinstance(message, TrainingFailed):
            raise SystemExit(f"the fine-tune failed: {message.message}")
    report = next(m for m in posted if isinstance(m, FinetuneReport))
    judged = next(m for m in posted if isinstance(m, RunJudged))
    finished = next(m for m in posted if isinstance(m, TrainingFinished))
    epochs = [m for m in posted if isinstance(m, EpochResult)]
    read_after = readings(model_with(judged.weights), held_inputs)
    before = float(np.mean(read_before == held_labels))
    after = float(np.mean(read_after == held_labels))

    preset = finetune.FINETUNE
    print(
        f"Fine-tune recipe: {preset.epochs} epochs, batch {preset.batch_size}, "
        f"learning rate {preset.learning_rate:g}; each book digit x{finetune.COPIES} "
        f"(nudged up to {finetune.MAX_NUDGE} px) + {finetune.REPLAY} MNIST replay digits"
    )
    print(
        f"Player's style: digits {sorted(set(DIGITS))}, drawn >= {MIN_INK_HEIGHT} px tall; "
        f"{TAUGHT} taught, {len(held_labels)} held back (independent stream), seed {seed}"
    )
    print(f"MNIST: {mnist_path()}")
    print()
    print(f"{'figure':<42}{'before':>10}{'after':>10}   target")
    print(
        f"{'seconds, whole run (fit alone)':<42}{'':>10}"
        f"{seconds:>6.1f} ({finished.seconds:.1f})   <= {MAX_SECONDS:.0f} s: "
        f"{mark(seconds <= MAX_SECONDS)}"
    )
    print(
        f"{'held-back drawings read right':<42}{before:>10.1%}{after:>10.1%}   "
        f"before < {MAX_BEFORE:.0%}: {mark(before < MAX_BEFORE)}; "
        f"after >= {MIN_AFTER:.0%}: {mark(after >= MIN_AFTER)}"
    )
    print(f"{'  per digit, before':<42}{per_digit(read_before, held_labels)}")
    print(f"{'  per digit, after':<42}{per_digit(read_after, held_labels)}")
    print(
        f"{'taught digits read right (FinetuneReport)':<42}"
        f"{report.book_right_before:>7}/{report.book_digits}"
        f"{report.book_right_after:>7}/{report.book_digits}"
    )
    print(
        f"{f'MNIST test accuracy ({report.test_digits} digits)':<42}"
        f"{report.test_accuracy_before:>10.2%}{report.test_accuracy_after:>10.2%}   "
        f">= {MIN_MNIST:.1%}: {mark(report.test_accuracy_after >= MIN_MNIST)}"
    )
    print(
        f"{'MNIST validation accuracy (adoption)':<42}"
        f"{judged.incumbent_accuracy:>10.2%}{judged.candidate_accuracy:>10.2%}   "
        f"({judged.validation_digits} held-out digits)"
    )
    print(f"adopted: {judged.adopted}: {judged.reason}")
    print(
        "per epoch (val_accuracy): "
        + ", ".join(f"{m.logs.get('val_accuracy', float('nan')):.4f}" for m in epochs)
    )


if __name__ == "__main__":
    main()
