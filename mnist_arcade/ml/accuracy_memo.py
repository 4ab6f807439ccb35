"""Each set of weights measured once a process: the model in use's figures, remembered.

Every model put in use is measured on the yardstick digits (2,000 of them, about a quarter of
a second), and every knock-out answer carries the all-filters-on figure beside its own. Both
depend only on the weights and on which digits are read, so a model that comes back (R then N
on the training screen, round and round; a restarted engine; the shipped model at every
launch of the test suite) is not read again: the figure is looked up by a digest of its
weights. The digits are the process's read-only yardstick arrays, named by what they are.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

import numpy as np

MOST_REMEMBERED = 64  # figures kept; the oldest goes first (each is a few bytes)


def weights_digest(weights: list[np.ndarray]) -> bytes:
    """A digest of every array's shape, type and values: equal only for equal weights."""
    digest = hashlib.blake2b(digest_size=20)
    for array in weights:
        array = np.ascontiguousarray(array)
        digest.update(repr((array.shape, array.dtype.str)).encode())
        digest.update(array.tobytes())
    return digest.digest()


class AccuracyPerWeights:
    """Figures by (weights, digits read): ``measure()`` only the first time one is asked for."""

    def __init__(self, most: int = MOST_REMEMBERED) -> None:
        self._most = most
        self._figures: OrderedDict[tuple[bytes, Hashable], float] = OrderedDict()
        self._lock = threading.Lock()  # the engines of one process may ask at once

    def __repr__(self) -> str:
        return f"AccuracyPerWeights({len(self._figures)} remembered)"

    def get(self, weights: list[np.ndarray], digits: Hashable, measure: Callable[[], float]):
        """The figure of ``weights`` on ``digits`` (a name for the digits read)."""
        key = (weights_digest(weights), digits)
        with self._lock:
            if key in self._figures:
                return self._figures[key]
        figure = measure()
        with self._lock:
            self._figures[key] = figure
            while len(self._figures) > self._most:
                self._figures.popitem(last=False)
        return figure


MEASURED = AccuracyPerWeights()  # the process's one memo: every engine reads and adds to it
