"""The network's arithmetic written out from its real weights: what the "explain" views show.

Pure numpy (and Pillow, to replay the preprocessing's resize), so every number a learner sees is
tested against the real model without pygame or TensorFlow:

* :func:`conv_pixel`: one output pixel of a conv layer, written out: the 5x5 window of the input,
  the filter's weights, their products, the sum, the bias and the relu.
* :func:`pool_pixel`: one output pixel of a max-pool layer: the 2x2 window and its biggest value.
* :func:`softmax_steps`: the ten raw scores, their exponentials and the division that makes them
  chances, and which pool2 maps pushed the winning digit's score up the most.

"Why this digit?" (the occlusion evidence) is worked out in :mod:`.occlusion`, and where the
net's 28x28 field lies on the player's board in :mod:`.field_on_board`.

Arrays are channels-last, as Keras keeps them: an input is (height, width, channels) and a conv
kernel is (5, 5, input channels, filters). Sums are done in float64, so the written-out numbers
are at least as exact as the model's float32 ones.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

POOL_SIZE = 2  # both pool layers keep the biggest of each 2x2 square
EXP_LIMIT = 700.0  # exp() of a score above this overflows float64: shift the scores first


def require_whole_numbers(text: str, *values: int) -> None:
    """Refuse a position or a number of a filter that is not a whole number (a float index
    would silently pick the wrong pixel)."""
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
    require_whole_numbers("the filter number", channel)
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
    require_whole_numbers("row and column", row, col)
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
    require_whole_numbers("the map number, row and column", channel, row, col)
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
