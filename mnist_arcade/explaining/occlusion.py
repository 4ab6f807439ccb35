"""Why this digit? The occlusion evidence, worked out from readings of covered copies.

A blank patch slides over the 28x28 input (:func:`occlusion_inputs`); every covered copy is read
in one batched call, and a pixel's evidence is how much covering it lowers the winner's (or the
runner-up's) probability (:func:`occlusion_map`, giving an :class:`Evidence`). Pure numpy: the
engine does the readings, this module only the arithmetic around them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mnist_arcade.canvas.preprocess import MNIST_SIDE
from mnist_arcade.explaining.arithmetic import require_whole_numbers

PATCH = 6  # side of the blank patch, in input pixels: about a third of a stroke's length
STRIDE = 2  # patch step: 12 x 12 = 144 covered copies, one cheap batched call
TINY_PROBABILITY = 1e-30  # floor under a probability before its log is taken
REAL_CHANCE = 0.05  # a runner-up read at less than this is not named: it had no real chance


def _starts(side: int, patch: int, stride: int) -> list[int]:
    starts = list(range(0, side - patch + 1, stride))
    if starts[-1] != side - patch:  # the last patch always reaches the far edge
        starts.append(side - patch)
    return starts


def occlusion_inputs(
    net_input: np.ndarray, patch: int = PATCH, stride: int = STRIDE
) -> tuple[np.ndarray, np.ndarray]:
    """Copies of the input, each with one ``patch`` x ``patch`` square blanked (set to 0).

    Returns ``(batch, boxes)``: batch (N, H, W) float32 and boxes (N, 4) as (top, left, bottom,
    right), bottom/right exclusive. The patches step by ``stride`` and together cover every
    pixel; the defaults give N = 144 for a 28x28 input.
    """
    net_input = np.asarray(net_input, dtype=np.float32)
    if net_input.ndim != 2:
        raise ValueError(f"expected a 2-D input such as 28x28, got shape {net_input.shape}")
    require_whole_numbers("patch and stride", patch, stride)
    if not (1 <= patch <= min(net_input.shape) and stride >= 1):
        raise ValueError(f"a patch of {patch} with stride {stride} does not fit {net_input.shape}")
    boxes = np.array(
        [
            (top, left, top + patch, left + patch)
            for top in _starts(net_input.shape[0], patch, stride)
            for left in _starts(net_input.shape[1], patch, stride)
        ],
        dtype=np.int32,
    )
    batch = np.repeat(net_input[None], len(boxes), axis=0)
    for copy, (top, left, bottom, right) in zip(batch, boxes, strict=True):
        copy[top:bottom, left:right] = 0.0
    return batch, boxes


@dataclass(frozen=True)
class Evidence:
    """Occlusion maps for one reading, each (28, 28).

    ``for_digit`` is, for each pixel, how much covering it lowers the log-probability of
    ``digit`` (averaged over the patches that cover it): positive where that part of the drawing
    made the winner more likely. ``for_runner_up`` is the same for the second-best digit.
    ``balance`` (the difference) is what the overlay draws: positive where a part argues for
    the winner over the runner-up, negative where it pulls toward the runner-up.

    Log-probabilities, not probabilities: a digit read at 99.99% barely moves in probability
    when a patch is covered, but its log-probability (and its lead over the runner-up) still
    shows clearly which parts mattered.

    ``runner_up_chance`` is the runner-up's own probability on the uncovered input: under
    :data:`REAL_CHANCE` it had no real chance, so it is not named, and :attr:`shown` is
    ``for_lead``: how much covering each pixel lowers the winner's log-odds against all nine
    other digits together (pink then marks parts that argued *against* the winner). The winner's
    own log-probability would not do: at 100% in float32 it does not move at all.
    """

    digit: int
    runner_up: int
    for_digit: np.ndarray
    for_runner_up: np.ndarray
    runner_up_chance: float | None = None  # None: not known, named as before
    for_lead: np.ndarray | None = None

    @property
    def balance(self) -> np.ndarray:
        return self.for_digit - self.for_runner_up

    @property
    def names_runner_up(self) -> bool:
        """Whether the runner-up had a real chance (at least :data:`REAL_CHANCE`)."""
        return self.runner_up_chance is None or self.runner_up_chance >= REAL_CHANCE

    @property
    def shown(self) -> np.ndarray:
        """What the overlay draws: the balance against a real runner-up, else the winner's lead
        over all the other digits together."""
        if self.names_runner_up or self.for_lead is None:
            return self.balance
        return self.for_lead

    def __repr__(self) -> str:
        strongest = float(np.abs(self.balance).max())
        return f"Evidence({self.digit} over {self.runner_up}, strongest {strongest:.3f})"


def _patch_average(drops: np.ndarray, boxes: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    total = np.zeros(shape, dtype=np.float64)
    count = np.zeros(shape, dtype=np.float64)
    for drop, (top, left, bottom, right) in zip(drops, boxes, strict=True):
        total[top:bottom, left:right] += drop
        count[top:bottom, left:right] += 1
    return (total / np.maximum(count, 1)).astype(np.float32)


def occlusion_map(
    base_probabilities: np.ndarray,
    batch_probabilities: np.ndarray,
    boxes: np.ndarray,
    digit: int,
    runner_up: int,
    shape: tuple[int, int] = (MNIST_SIDE, MNIST_SIDE),
) -> Evidence:
    """The evidence maps from the readings of the uncovered input and of every covered copy.

    ``batch_probabilities`` (N, 10) are the readings of :func:`occlusion_inputs`' batch, in
    order; ``boxes`` its boxes. A pixel that no patch ever changed (blank background under a
    blank patch) gets exactly 0.
    """
    base = np.log(np.maximum(np.asarray(base_probabilities, np.float64), TINY_PROBABILITY))
    batch = np.log(np.maximum(np.asarray(batch_probabilities, np.float64), TINY_PROBABILITY))
    boxes = np.asarray(boxes)
    if batch.ndim != 2 or len(batch) != len(boxes) or base.shape != batch.shape[1:]:
        raise ValueError(
            f"expected one row of probabilities per box ({len(boxes)}) and a base row of the "
            f"same length; got {batch.shape} and {base.shape}"
        )
    require_whole_numbers("the digit and the runner-up", digit, runner_up)
    maps = [_patch_average(base[k] - batch[:, k], boxes, shape) for k in (digit, runner_up)]
    lead = _patch_average(_lead(base[None], digit) - _lead(batch, digit), boxes, shape)
    chance = float(np.asarray(base_probabilities, np.float64)[runner_up])
    return Evidence(int(digit), int(runner_up), maps[0], maps[1], chance, lead)


def _lead(log_probabilities: np.ndarray, digit: int) -> np.ndarray:
    """log p(digit) - log p(any other digit), per row: the winner's log-odds."""
    others = np.delete(np.exp(log_probabilities), digit, axis=1).sum(axis=1)
    return log_probabilities[:, digit] - np.log(np.maximum(others, TINY_PROBABILITY))


def top_two(probabilities: np.ndarray) -> tuple[int, int]:
    """The winning digit and the runner-up."""
    order = np.argsort(-np.asarray(probabilities), kind="stable")
    return int(order[0]), int(order[1])
