"""Knock filters out: read with a copy of the model in use whose chosen conv filters are zeroed.

The engine keeps one :class:`KnockOutReader`; its network is a predictor of its own (taken
from :mod:`.predictor_pool` once), so the model in use is never touched: it only lends its
weights, which are copied and zeroed (:func:`mnist_arcade.explaining.kernels.knocked_out`).
With no filter off the engine reads with the model in use itself, so switching every filter
back gives its outputs exactly.
"""

from __future__ import annotations

import numpy as np

from mnist_arcade.explaining.kernels import knocked_out
from mnist_arcade.ml.predictor import Predictor
from mnist_arcade.ml.predictor_pool import take_predictor

KNOCKOUT_TEST_DIGITS = 500  # how many test digits the accuracy with filters off is measured on


class KnockOutReader:
    """A predictor of its own, lent the live weights with some filters zeroed."""

    def __init__(self) -> None:
        self._predictor: Predictor | None = None

    def __repr__(self) -> str:
        return f"KnockOutReader({'ready' if self._predictor else 'nothing built yet'})"

    def predictor(self, live: Predictor, layer: str, off: tuple[int, ...]) -> Predictor:
        """``live`` itself with nothing off; else the spare, holding ``live``'s weights with
        ``layer``'s filters ``off`` zeroed."""
        if not off:
            return live
        if self._predictor is None:
            self._predictor = take_predictor()  # one trace, reused
        self._predictor.set_weights(knocked_out(live.get_weights(), layer, off))
        return self._predictor

    def give_up_predictor(self) -> Predictor | None:
        """Its predictor, for the pool (its engine is ending), or None if it never built one."""
        predictor, self._predictor = self._predictor, None
        return predictor


def balanced_sample(labels: np.ndarray, count: int = KNOCKOUT_TEST_DIGITS) -> np.ndarray:
    """Indices of ``count`` digits, as many of each label as there can be (the first of each in
    the file's order), so the measure does not hang on how the file happens to be ordered."""
    labels = np.asarray(labels)
    kinds = np.unique(labels)
    if len(labels) <= count or len(kinds) == 0:
        return np.arange(len(labels))
    per_kind = [np.flatnonzero(labels == kind) for kind in kinds]
    chosen: list[int] = []
    rank = 0
    while len(chosen) < count:  # one of each label per round, until there are enough
        for indices in per_kind:
            if rank < len(indices) and len(chosen) < count:
                chosen.append(int(indices[rank]))
        rank += 1
    return np.sort(np.array(chosen))
