"""When the network's answer counts as reading a digit, and how honest its confidence is.

The network always answers with ten probabilities that sum to one, even for a scribble. It was
trained to spread them out on things that are not digits (outlier exposure) and its confidence
was calibrated (temperature scaling), so the largest probability is a fair measure of how sure
it is. Below :data:`DIGIT_THRESHOLD` the game should say :data:`NOT_A_DIGIT` instead of naming
a digit. Pure numpy: no pygame, no TensorFlow.

    >>> reads_as_digit([0.02] * 9 + [0.82])
    True
    >>> reads_as_digit([0.1] * 10)
    False
"""

from __future__ import annotations

import numpy as np

DIGIT_THRESHOLD = 0.6  # the top probability must reach this for the drawing to read as a digit
CONFIDENT = 0.9  # a "confident" answer, as the figures in the README count them
NOT_A_DIGIT = "That does not look like a digit to me."


def _as_probabilities(probabilities) -> np.ndarray:
    values = np.asarray(probabilities, dtype=np.float64)
    if values.shape[-1:] != (10,):
        raise ValueError(f"expected ten probabilities per drawing, got shape {values.shape}")
    return values


def reads_as_digit(probabilities, threshold: float = DIGIT_THRESHOLD) -> bool:
    """True when the network is sure enough to name a digit: the top probability reaches
    ``threshold``. ``probabilities`` are the ten softmax outputs for one drawing."""
    values = _as_probabilities(probabilities)
    if values.ndim != 1:
        raise ValueError("reads_as_digit takes one drawing's ten probabilities")
    return bool(values.max() >= threshold)


def expected_calibration_error(probabilities, labels, bins: int = 15) -> float:
    """Expected calibration error: how far the stated confidence is from the accuracy.

    Answers are grouped by their top probability into ``bins`` equal-width bins; the error is
    the average gap between a bin's mean confidence and its accuracy, weighted by the share of
    answers in the bin (Naeini et al. 2015; Guo et al. 2017). 0 is perfectly calibrated.
    """
    values = _as_probabilities(probabilities).reshape(-1, 10)
    labels = np.asarray(labels).reshape(-1)
    if len(values) != len(labels):
        raise ValueError(f"{len(values)} answers but {len(labels)} labels")
    if len(values) == 0:
        return float("nan")
    confidence = values.max(axis=1)
    correct = values.argmax(axis=1) == labels
    which = np.minimum((confidence * bins).astype(int), bins - 1)
    error = 0.0
    for b in range(bins):
        in_bin = which == b
        if in_bin.any():
            error += in_bin.mean() * abs(confidence[in_bin].mean() - correct[in_bin].mean())
    return float(error)
