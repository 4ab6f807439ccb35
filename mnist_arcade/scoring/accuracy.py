"""How many digits a model reads right: the one measure of accuracy in the project.

Every figure that says "reads 98.6% of ... digits right" (judging a run against the saved
model, the CLI's test accuracy, the engine's yardstick, the evaluation report, the trainer's
best epoch) comes from here, so two screens can never disagree on how it is counted. Pure
numpy over a ``probabilities_of`` callable (a batch of network inputs in, an N x 10 array of
scores out), so it is tested without TensorFlow; ``ml`` hands in a Keras model's call.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

ProbabilitiesOf = Callable[[np.ndarray], np.ndarray]
CHUNK = 2048  # digits read per call: large enough to be fast, small enough for little memory


def digits_read(probabilities_of: ProbabilitiesOf, inputs: np.ndarray, chunk: int = CHUNK):
    """The digit read for each of ``inputs`` (its highest score), reading ``chunk`` at a time."""
    read = [
        np.asarray(probabilities_of(inputs[start : start + chunk])).argmax(axis=1)
        for start in range(0, len(inputs), chunk)
    ]
    return np.concatenate(read) if read else np.zeros(0, dtype=np.int64)


def labels_of(targets: np.ndarray) -> np.ndarray:
    """Digit labels from labels or one-hot rows (Keras' categorical targets)."""
    targets = np.asarray(targets)
    return targets.argmax(axis=1) if targets.ndim == 2 else targets


def count_right(read: np.ndarray, targets: np.ndarray) -> int:
    """How many digits ``read`` match ``targets`` (labels or one-hot rows)."""
    return int(np.sum(np.asarray(read) == labels_of(targets)))


def share_right(read: np.ndarray, targets: np.ndarray) -> float:
    """The share of ``read`` digits that match ``targets``; NaN for no digits at all (there is
    nothing to claim, and 0% would say the model reads nothing)."""
    if len(read) == 0:
        return float("nan")
    return count_right(read, targets) / len(read)


def reads_right(probabilities_of: ProbabilitiesOf, inputs: np.ndarray, targets: np.ndarray) -> int:
    """How many of ``inputs`` the model reads as ``targets``."""
    return count_right(digits_read(probabilities_of, inputs), targets)


def accuracy(probabilities_of: ProbabilitiesOf, inputs: np.ndarray, targets: np.ndarray) -> float:
    """The share of ``inputs`` the model reads as ``targets`` (NaN for no inputs)."""
    return share_right(digits_read(probabilities_of, inputs), targets)
