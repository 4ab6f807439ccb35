"""Which of the engine's waiting requests are worth answering, and which switch the model.

Kept apart from the engine's loop (:mod:`.model_worker`) so the rule is read, and tested, on
its own: a burst of readings of one kind collapses to the newest, and every request that
puts another model in use is answered exactly once, in order.
"""

from __future__ import annotations

from mnist_arcade.messages import (
    KnockOutRequest,
    PredictRequest,
    RestoreShipped,
    UseModelFile,
    UseWeights,
)


def _kind(request) -> tuple | None:
    """Requests of one kind answer the same question: only the newest is worth answering."""
    if isinstance(request, PredictRequest):
        return (PredictRequest, request.preview)
    if isinstance(request, KnockOutRequest):
        return (KnockOutRequest,)
    return None


def newest_predictions_only(batch: list) -> list:
    """Drop every PredictRequest (or KnockOutRequest) that a later one of the same kind makes
    pointless."""
    last = {}
    for index, request in enumerate(batch):
        if _kind(request) is not None:
            last[_kind(request)] = index
    return [
        request
        for index, request in enumerate(batch)
        if _kind(request) is None or last[_kind(request)] == index
    ]


def switches_model(request) -> bool:
    """True for a request that puts another model in use: it is answered by exactly one
    ModelInUse, or by an EngineProblem that says so, in the order the game sent them."""
    return isinstance(request, UseWeights | UseModelFile | RestoreShipped)
