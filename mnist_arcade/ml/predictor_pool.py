"""Built predictors, handed from an engine that ends to the next one the process starts.

A new :class:`~mnist_arcade.ml.predictor.Predictor` builds a Keras feature extractor and
traces its batch function on first use (about 0.2 s here), and every model and graph Keras
builds stays in the process's memory for its life. Within one engine a model
switch already only lends the predictor its weights. A process that starts engine after engine
(the test suite starts dozens; a benchmark restarts the game's engine) would otherwise build
the same graph each time. So an engine that ends gives its predictors back here, and the next
engine takes one and lends it the weights of the model it loaded.

A predictor is only ever held by one engine at a time: :func:`take_predictor` removes it from
the pool under a lock, and :func:`give_back` is called once its engine's thread has left.
"""

from __future__ import annotations

import threading

from mnist_arcade.ml.backend import keras
from mnist_arcade.ml.model import build_model, check_architecture
from mnist_arcade.ml.predictor import Predictor

MOST_KEPT = 6  # spare predictors kept; more are dropped (none of them is ever in use)

_lock = threading.Lock()
_spares: list[Predictor] = []


def take_predictor(model: keras.Model | None = None) -> Predictor:
    """A predictor reading with ``model``'s weights: a spare lent them, or one built on it.

    ``model`` is checked as a new Predictor checks it, so a network of another shape is
    refused the same way whether or not a spare was waiting. With no ``model``: a predictor
    whose weights the caller sets at once (the preview, the knock-out copy), built on a new
    network if no spare waits, never on one somebody else reads with."""
    if model is not None:
        check_architecture(model)
    with _lock:
        spare = _spares.pop() if _spares else None
    if spare is None:
        return Predictor(model if model is not None else build_model())
    if model is not None:
        spare.set_weights(model.get_weights())
    return spare


def give_back(*predictors: Predictor | None) -> None:
    """Keep these (an ended engine's) for the next engine; ``None`` is skipped."""
    with _lock:
        for predictor in predictors:
            if predictor is None:
                continue
            if len(_spares) < MOST_KEPT and all(spare is not predictor for spare in _spares):
                _spares.append(predictor)


def spare_count() -> int:
    """How many predictors wait in the pool (for the benchmarks and the tests)."""
    with _lock:
        return len(_spares)
