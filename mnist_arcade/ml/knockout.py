"""Knock filters out: read with a copy of the model in use whose chosen conv filters are zeroed.

The engine keeps one :class:`KnockOutReader`; its network is a spare (:mod:`.spare_model`),
built once, so the model in use is never touched: it only lends its weights, which are copied
and zeroed (:func:`mnist_arcade.explaining.kernels.knocked_out`). With no filter off the engine
reads with the model in use itself, so switching every filter back gives its outputs exactly.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from mnist_arcade.explaining.kernels import knocked_out
from mnist_arcade.ml.predictor import Predictor
from mnist_arcade.ml.spare_model import SpareModel

KNOCKOUT_TEST_DIGITS = 500  # how many test digits the accuracy with filters off is measured on


class KnockOutReader:
    """A spare network and its predictor, lent the live weights with some filters zeroed."""

    def __init__(self) -> None:
        self._spare = SpareModel()
        self._predictor: Predictor | None = None

    def __repr__(self) -> str:
        return f"KnockOutReader({self._spare!r})"

    def predictor(self, live: Predictor, layer: str, off: tuple[int, ...]) -> Predictor:
        """``live`` itself with nothing off; else the spare, holding ``live``'s weights with
        ``layer``'s filters ``off`` zeroed."""
        if not off:
            return live
        model, new = self._spare.get()
        if new or self._predictor is None:
            self._predictor = Predictor(model, compile_fast=False)  # one trace, reused
        self._predictor.set_weights(knocked_out(live.get_weights(), layer, off))
        return self._predictor


class AccuracyPerModel:
    """The model in use's accuracy on the knock-out digits, measured once per model version.

    Every knock-out answer carries the all-filters-on figure beside the knocked-out one. It only
    changes when another model is put in use (the engine's version goes up), so measuring it
    again on every switch would read the same 500 digits for the same answer."""

    def __init__(self) -> None:
        self._version: int | None = None
        self._accuracy: float | None = None

    def __repr__(self) -> str:
        return f"AccuracyPerModel(version={self._version}, accuracy={self._accuracy})"

    def get(self, version: int, measure: Callable[[], float]) -> float:
        """The figure for model ``version``: ``measure()`` the first time it is asked for."""
        if self._version != version:
            self._accuracy = measure()
            self._version = version
        return self._accuracy


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
