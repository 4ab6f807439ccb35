"""Confusion matrices: which digit was read as which. Pure numpy."""

from __future__ import annotations

import numpy as np

NUM_CLASSES = 10


def confusion_matrix(labels: np.ndarray, read: np.ndarray) -> np.ndarray:
    """(10, 10) counts: row = the true digit, column = what the network read it as."""
    labels = np.asarray(labels, dtype=np.int64)
    read = np.asarray(read, dtype=np.int64)
    if labels.shape != read.shape:
        raise ValueError(f"{labels.shape[0]} labels but {read.shape[0]} readings")
    matrix = np.zeros((NUM_CLASSES, NUM_CLASSES), dtype=np.int64)
    np.add.at(matrix, (labels, read), 1)
    return matrix


def per_digit_accuracy(matrix: np.ndarray) -> np.ndarray:
    """(10,) share of each true digit read right (NaN for a digit with no examples)."""
    totals = matrix.sum(axis=1).astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.diag(matrix) / totals
