"""One answer to "why this digit?", whoever computes the probabilities.

The engine (:mod:`mnist_arcade.ml.model_worker`) reads with the live model and the tests' fake
engine (``testing_support.fake_engine``) with numpy; both build their ``OcclusionReady`` here,
so the fake can never drift from what the game shows. Pure numpy: the reading is handed in.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from mnist_arcade.explaining.occlusion import occlusion_inputs, occlusion_map, top_two
from mnist_arcade.messages import OcclusionReady


def occlusion_answer(
    version: int,
    request_id: int,
    net_input: np.ndarray,
    probabilities_of: Callable[[np.ndarray], np.ndarray],
) -> OcclusionReady:
    """Read the input and every patch-covered copy in one batched call; return the evidence."""
    net_input = np.asarray(net_input, dtype=np.float32)
    batch, boxes = occlusion_inputs(net_input)
    probabilities = probabilities_of(np.concatenate([net_input[None], batch]))
    digit, runner_up = top_two(probabilities[0])
    evidence = occlusion_map(probabilities[0], probabilities[1:], boxes, digit, runner_up)
    return OcclusionReady(
        version,
        request_id,
        digit,
        runner_up,
        evidence.for_digit,
        evidence.for_runner_up,
        evidence.runner_up_chance,
        evidence.for_lead,
    )
