"""The network's arithmetic written out from its real weights: what the "explain" views show.

Pure numpy (and Pillow, to replay the preprocessing's resize), so every number a learner sees is
tested against the real model without pygame or TensorFlow:

* :func:`conv_pixel`: one output pixel of a conv layer, written out: the 5x5 window of the input,
  the filter's weights, their products, the sum, the bias and the relu.
* :func:`pool_pixel`: one output pixel of a max-pool layer: the 2x2 window and its biggest value.
* :func:`softmax_steps`: the ten raw scores, their exponentials and the division that makes them
  chances, and which pool2 maps pushed the winning digit's score up the most.
* :func:`occlusion_inputs` and :func:`occlusion_map`: "why this digit?". A blank patch slides
  over the 28x28 input; every covered copy is read in one batched call, and a pixel's evidence is
  how much covering it lowers the winner's (or the runner-up's) probability.
* :func:`field_box_on_board` and :func:`map_to_board`: where the net's 28x28 field lies on the
  player's board, so a 28x28 map can be drawn over the drawing itself (slanted back as the
  drawing leans, :func:`slanted_like_board`, since the net reads the digit stood upright).

Arrays are channels-last, as Keras keeps them: an input is (height, width, channels) and a conv
kernel is (5, 5, input channels, filters). Sums are done in float64, so the written-out numbers
are at least as exact as the model's float32 ones.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from mnist_arcade.canvas.deskew import shear_rows
from mnist_arcade.canvas.methods import Method
from mnist_arcade.canvas.preprocess import MNIST_SIDE, FieldBox, fit_and_center_placed

POOL_SIZE = 2  # both pool layers keep the biggest of each 2x2 square
PATCH = 6  # side of the blank patch, in input pixels: about a third of a stroke's length
STRIDE = 2  # patch step: 12 x 12 = 144 covered copies, one cheap batched call
EXP_LIMIT = 700.0  # exp() of a score above this overflows float64: shift the scores first
TINY_PROBABILITY = 1e-30  # floor under a probability before its log is taken
REAL_CHANCE = 0.05  # a runner-up read at less than this is not named: it had no real chance


def _ints(text: str, *values: int) -> None:
    for value in values:
        if not isinstance(value, (int, np.integer)):
            raise ValueError(f"{text} must be whole numbers, got {value!r}")


# --- convolution ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ConvStep:
    """One conv output pixel, written out.

    ``window`` is the part of the input under the filter, ``weights`` the filter, ``products``
    their element-wise product, all (5, 5, input channels). ``parts`` is each input channel's
    share of the sum (conv1 has one input channel; conv2 has eight, one per pool1 map).
    """

    channel: int
    row: int
    col: int
    window: np.ndarray
    weights: np.ndarray
    products: np.ndarray
    parts: np.ndarray
    total: float  # the sum of every product
    bias: float
    pre_activation: float  # total + bias
    output: float  # relu: the pre-activation if positive, else 0

    def __repr__(self) -> str:
        return (
            f"ConvStep(filter {self.channel} at ({self.row}, {self.col}): "
            f"{self.total:.3f} + {self.bias:.3f} -> {self.output:.3f})"
        )


def _as_channels_last(inputs: np.ndarray) -> np.ndarray:
    inputs = np.asarray(inputs, dtype=np.float64)
    if inputs.ndim == 2:  # a single-channel image such as the 28x28 input
        inputs = inputs[:, :, None]
    if inputs.ndim != 3:
        raise ValueError(f"expected an input of (height, width, channels), got {inputs.shape}")
    return inputs


def _check_conv(inputs: np.ndarray, kernel: np.ndarray, bias: np.ndarray, channel: int) -> None:
    if kernel.ndim != 4 or kernel.shape[2] != inputs.shape[2]:
        raise ValueError(
            f"a kernel for {inputs.shape[2]} input channel(s) must be (height, width, "
            f"{inputs.shape[2]}, filters), got {kernel.shape}"
        )
    if bias.shape != (kernel.shape[3],):
        raise ValueError(f"expected one bias per filter, {kernel.shape[3]}, got {bias.shape}")
    _ints("the filter number", channel)
    if not 0 <= channel < kernel.shape[3]:
        raise ValueError(f"filter {channel} does not exist: there are {kernel.shape[3]}")


def conv_pixel(
    inputs: np.ndarray,
    kernel: np.ndarray,
    bias: np.ndarray,
    channel: int,
    row: int,
    col: int,
) -> ConvStep:
    """Filter ``channel``'s output at (``row``, ``col``) of a 'valid' conv with relu, by hand.

    Equals the Keras layer's activation there: the window starts at the same (row, col) of the
    input, since a 'valid' convolution never pads.
    """
    inputs = _as_channels_last(inputs)
    kernel = np.asarray(kernel, dtype=np.float64)
    bias = np.asarray(bias, dtype=np.float64)
    _check_conv(inputs, kernel, bias, channel)
    height, width = kernel.shape[:2]
    out_rows, out_cols = inputs.shape[0] - height + 1, inputs.shape[1] - width + 1
    _ints("row and column", row, col)
    if not (0 <= row < out_rows and 0 <= col < out_cols):
        raise ValueError(f"({row}, {col}) is outside the {out_rows}x{out_cols} output map")
    window = inputs[row : row + height, col : col + width, :]
    weights = kernel[:, :, :, channel]
    products = window * weights
    parts = products.sum(axis=(0, 1))
    total = float(parts.sum())
    pre_activation = total + float(bias[channel])
    return ConvStep(
        channel=int(channel),
        row=int(row),
        col=int(col),
        window=window,
        weights=weights,
        products=products,
        parts=parts,
        total=total,
        bias=float(bias[channel]),
        pre_activation=pre_activation,
        output=max(pre_activation, 0.0),
    )


def conv_parts(inputs: np.ndarray, kernel: np.ndarray, channel: int) -> np.ndarray:
    """Every output position's per-input-channel share of filter ``channel``'s sum.

    Returns (output height, output width, input channels); summed over the last axis and plus
    the bias, it is the filter's whole pre-activation map.
    """
    inputs = _as_channels_last(inputs)
    kernel = np.asarray(kernel, dtype=np.float64)
    _check_conv(inputs, kernel, np.zeros(kernel.shape[3]), channel)
    height, width = kernel.shape[:2]
    windows = sliding_window_view(inputs, (height, width), axis=(0, 1))  # (R, C, in, h, w)
    return np.einsum("rcihw,hwi->rci", windows, kernel[:, :, :, channel])


def strongest_input_channel(
    inputs: np.ndarray, kernel: np.ndarray, bias: np.ndarray, channel: int
) -> int:
    """The input map that does most to make filter ``channel`` fire on this digit.

    Its share of the sum, added up over every position where the filter's output is positive
    (relu lets those through). Where the filter never fires, the share over every position.
    For conv2 this picks the one of its eight 5x5 weight slices most worth showing.
    """
    parts = conv_parts(inputs, kernel, channel)
    firing = parts.sum(axis=2) + float(np.asarray(bias)[channel]) > 0
    if not firing.any():
        firing = np.ones_like(firing)
    return int(np.argmax(parts[firing].sum(axis=0)))


# --- max pooling ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PoolStep:
    """One pool output pixel: the 2x2 ``window`` of the input map and the biggest of the four."""

    channel: int
    row: int
    col: int
    window: np.ndarray  # (2, 2)
    maximum: float
    winner: tuple[int, int]  # (row, col) inside the window of the value kept

    def __repr__(self) -> str:
        return f"PoolStep(map {self.channel} at ({self.row}, {self.col}): {self.maximum:.3f})"


def pool_pixel(inputs: np.ndarray, channel: int, row: int, col: int) -> PoolStep:
    """Map ``channel``'s pooled value at (``row``, ``col``) of the pooled output (2x2, stride 2)."""
    inputs = _as_channels_last(inputs)
    _ints("the map number, row and column", channel, row, col)
    if not 0 <= channel < inputs.shape[2]:
        raise ValueError(f"map {channel} does not exist: there are {inputs.shape[2]}")
    out_rows, out_cols = inputs.shape[0] // POOL_SIZE, inputs.shape[1] // POOL_SIZE
    if not (0 <= row < out_rows and 0 <= col < out_cols):
        raise ValueError(f"({row}, {col}) is outside the {out_rows}x{out_cols} pooled map")
    top, left = row * POOL_SIZE, col * POOL_SIZE
    window = inputs[top : top + POOL_SIZE, left : left + POOL_SIZE, channel]
    winner = np.unravel_index(int(np.argmax(window)), window.shape)
    return PoolStep(
        channel=int(channel),
        row=int(row),
        col=int(col),
        window=window,
        maximum=float(window.max()),
        winner=(int(winner[0]), int(winner[1])),
    )


# --- dense + softmax ------------------------------------------------------------------------


@dataclass(frozen=True)
class SoftmaxSteps:
    """The dense layer's ten scores turned into chances, and who pushed the winner up.

    ``exponentials`` are e to the power of each score, less ``shift`` (0 unless a score is so
    big that its exponential would overflow; the division gives the same chances either way).
    ``contributions[c]`` is pool2 map c's part of the winner's score: the sum over its 4x4
    positions of weight times activation. The winner's score is their sum plus ``winner_bias``.
    """

    logits: np.ndarray  # (10,) the raw scores
    exponentials: np.ndarray  # (10,)
    shift: float
    total: float  # the sum of the ten exponentials
    probabilities: np.ndarray  # (10,) exponentials / total
    digit: int
    runner_up: int
    contributions: np.ndarray  # (pool2 maps,)
    ranking: tuple[int, ...]  # pool2 maps, the biggest push toward the winner first
    winner_bias: float

    def __repr__(self) -> str:
        return (
            f"SoftmaxSteps(digit={self.digit}, score={self.logits[self.digit]:.3f}, "
            f"chance={self.probabilities[self.digit]:.3f}, top maps={self.ranking[:3]})"
        )


def softmax_steps(pool2: np.ndarray, kernel: np.ndarray, bias: np.ndarray) -> SoftmaxSteps:
    """pool2 (4, 4, 16), dense kernel (256, 10), bias (10,) -> every step of the softmax.

    Keras' Flatten reads pool2 row by row, then column, then channel (a C-order reshape of the
    channels-last array), so row ``(h * 4 + w) * 16 + c`` of the kernel weighs pool2[h, w, c].
    """
    pool2 = np.asarray(pool2, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    bias = np.asarray(bias, dtype=np.float64)
    if pool2.ndim != 3:
        raise ValueError(f"expected pool2 as (height, width, maps), got {pool2.shape}")
    if kernel.ndim != 2 or kernel.shape[0] != pool2.size or bias.shape != (kernel.shape[1],):
        raise ValueError(
            f"a dense layer on {pool2.size} values needs a ({pool2.size}, classes) kernel and "
            f"one bias per class; got {kernel.shape} and {bias.shape}"
        )
    logits = pool2.reshape(-1) @ kernel + bias
    shift = float(logits.max()) if logits.max() > EXP_LIMIT else 0.0
    exponentials = np.exp(logits - shift)
    total = float(exponentials.sum())
    probabilities = exponentials / total
    order = np.argsort(-logits, kind="stable")
    digit, runner_up = int(order[0]), int(order[1])
    weights = kernel[:, digit].reshape(pool2.shape)
    contributions = (pool2 * weights).sum(axis=(0, 1))
    ranking = tuple(int(c) for c in np.argsort(-contributions, kind="stable"))
    return SoftmaxSteps(
        logits=logits,
        exponentials=exponentials,
        shift=shift,
        total=total,
        probabilities=probabilities,
        digit=digit,
        runner_up=runner_up,
        contributions=contributions,
        ranking=ranking,
        winner_bias=float(bias[digit]),
    )


# --- occlusion: why this digit? -------------------------------------------------------------


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
    _ints("patch and stride", patch, stride)
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
    _ints("the digit and the runner-up", digit, runner_up)
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


# --- from the 28x28 field back to the board ---------------------------------------------------


def field_box_on_board(pixels: np.ndarray, method: Method | str = Method.MNIST) -> FieldBox:
    """Where the net's 28x28 field lies on these board pixels, as the preprocessing placed it:
    the whole board for ``"plain"``; for ``"mnist"``, the box ``fit_and_center`` computes."""
    pixels = np.asarray(pixels)
    if pixels.ndim != 2:
        raise ValueError(f"expected 2-D board pixels, got shape {pixels.shape}")
    if method == Method.PLAIN:
        return FieldBox(0.0, 0.0, float(pixels.shape[0]), float(pixels.shape[1]))
    if method != Method.MNIST:
        raise ValueError(f"unknown preprocessing method {method!r}; choose mnist or plain")
    return fit_and_center_placed(pixels)[1]


def slanted_like_board(values: np.ndarray, box: FieldBox) -> np.ndarray:
    """A (28, 28) map of the upright field, leaned back as the drawing leans on the board (the
    preprocessing stood it upright by ``box.slant``), row by row in whole pixels so it stays
    sharp when enlarged; unchanged when there was no slant."""
    values = np.asarray(values)
    if box.slant == 0:
        return values
    leaned = shear_rows(
        values[None].astype(np.float32), [-box.slant], [box.slant_row], whole_pixels=True
    )[0]
    return leaned.astype(values.dtype)


def map_to_board(values: np.ndarray, box: FieldBox, board_shape: tuple[int, int]) -> np.ndarray:
    """A (28, 28) map of the net's field resampled onto the board, leaned as the drawing leans
    (nearest field pixel, no blur); 0 outside the field."""
    values = slanted_like_board(values, box)
    side_rows, side_cols = values.shape
    rows = np.floor((np.arange(board_shape[0]) + 0.5 - box.top) * side_rows / box.height)
    cols = np.floor((np.arange(board_shape[1]) + 0.5 - box.left) * side_cols / box.width)
    rows, cols = rows.astype(np.int64), cols.astype(np.int64)
    inside = (rows >= 0) & (rows < side_rows)
    inside_cols = (cols >= 0) & (cols < side_cols)
    board = values[np.clip(rows, 0, side_rows - 1)][:, np.clip(cols, 0, side_cols - 1)]
    return np.where(inside[:, None] & inside_cols[None, :], board, 0).astype(values.dtype)
