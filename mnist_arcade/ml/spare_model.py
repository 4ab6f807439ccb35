"""A spare Keras model, built once and reused: the one cache for networks built on the side.

Every model Keras builds (and, once compiled, its traced training step) stays in the process's
memory for its life, about 7 MB a run, measured. So each place that needs a network of its own
(the engine's spare that weights pass through on their way in, the trainer's copy of the model
in use, the compiled model a run trains) keeps one :class:`SpareModel` and reuses it.

A spare belongs to one thread: the engine's to the engine, the trainer's to the trainer thread.
Two threads never share one, so no lock is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from mnist_arcade.ml.backend import keras
from mnist_arcade.ml.model import build_model


class SpareModel:
    """One network, built by ``build`` on first use; a new ``key`` builds it again."""

    def __init__(self, build: Callable[[], keras.Model] = build_model) -> None:
        self._build = build
        self._model: keras.Model | None = None
        self._key: Hashable = None

    def __repr__(self) -> str:
        state = "not built" if self._model is None else f"built for {self._key!r}"
        return f"SpareModel({state})"

    def get(self, key: Hashable = None, build: Callable[[], keras.Model] | None = None):
        """``(model, new)``: the spare for ``key`` and whether it was just built. A different
        key drops the old one (one at a time: they are large) and builds with ``build``."""
        if self._model is not None and self._key == key:
            return self._model, False
        self._model, self._key = None, None
        self._model, self._key = (build or self._build)(), key
        return self._model, True

    def holding(self, weights: list) -> keras.Model:
        """The spare with ``weights`` set in it."""
        model, _ = self.get()
        model.set_weights(weights)
        return model
