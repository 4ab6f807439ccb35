"""Image kernels: a small matrix of weights slid over a picture, the idea behind a conv layer.

The presets are the classic ones of the interactive "image kernels" page the TensorFlow.js
tutorial sends its reader to: blur, sharpen, outline, emboss and the four Sobel edges. Like a
Keras ``Conv2D`` (and that page), the kernel is not flipped: an output pixel is the sum of the
kernel's weights times the pixels under it (a cross-correlation). Pure numpy, vectorised with
``sliding_window_view`` and ``einsum``; no Python loop runs over pixels.

* :func:`apply_kernel`: a whole picture through a kernel, same size out (zero padding).
* :func:`products_at`: one output pixel written out, the nine products and their sum.
* :func:`learned_maps`: the network's own first layer (its learned 5x5 kernels, bias and relu)
  on a 28x28 input, as ``conv1`` computes it.
* :func:`knocked_out`: a copy of the model's weights with some conv filters switched off.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

CONV_KERNEL_INDEX = {"conv1": 0, "conv2": 2}  # where each conv kernel is in get_weights()


class Preset(enum.Enum):
    """The kernels the lab offers, in the order of their keys (1 to 8)."""

    BLUR = "blur"
    SHARPEN = "sharpen"
    OUTLINE = "outline"
    EMBOSS = "emboss"
    LEFT_EDGES = "left_edges"
    RIGHT_EDGES = "right_edges"
    TOP_EDGES = "top_edges"
    BOTTOM_EDGES = "bottom_edges"


_PRESET_WEIGHTS = {
    Preset.BLUR: np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]]) / 16,
    Preset.SHARPEN: [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
    Preset.OUTLINE: [[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]],
    Preset.EMBOSS: [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]],
    Preset.LEFT_EDGES: [[1, 0, -1], [2, 0, -2], [1, 0, -1]],
    Preset.RIGHT_EDGES: [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
    Preset.TOP_EDGES: [[1, 2, 1], [0, 0, 0], [-1, -2, -1]],
    Preset.BOTTOM_EDGES: [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
}


def preset_kernel(preset: Preset) -> np.ndarray:
    """A fresh (3, 3) float64 copy of ``preset``'s weights (the lab edits its copy)."""
    return np.array(_PRESET_WEIGHTS[preset], dtype=np.float64)


def _check(image: np.ndarray, kernel: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    image = np.asarray(image, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    if image.ndim != 2:
        raise ValueError(f"expected a grey (height, width) picture, got shape {image.shape}")
    if kernel.ndim != 2 or kernel.shape[0] != kernel.shape[1] or kernel.shape[0] % 2 == 0:
        raise ValueError(f"a kernel must be square with an odd side, got shape {kernel.shape}")
    return image, kernel


def _windows(image: np.ndarray, side: int) -> np.ndarray:
    """(H, W, side, side): the zero-padded neighbourhood of every pixel, without copying."""
    margin = side // 2
    return sliding_window_view(np.pad(image, margin), (side, side))


def apply_kernel(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """``image`` (H, W) through ``kernel`` (odd square): (H, W) float64, zeros beyond the edge.

    Not clipped: an outline can go below 0 and a sharpen above 1; the lab shows the result
    clipped to [0, 1], as the image kernels page clips to 0..255.
    """
    image, kernel = _check(image, kernel)
    return np.einsum("rcij,ij->rc", _windows(image, kernel.shape[0]), kernel)


@dataclass(frozen=True)
class KernelProducts:
    """One output pixel written out: the pixels under the kernel, times its weights, added."""

    row: int
    col: int
    pixels: np.ndarray  # (3, 3): the input under the kernel (zeros past the edge)
    weights: np.ndarray  # (3, 3)
    products: np.ndarray  # (3, 3): pixels * weights
    total: float  # the sum of the products: the output pixel

    def __repr__(self) -> str:
        return f"KernelProducts(({self.row}, {self.col}), total={self.total:.3f})"


def products_at(image: np.ndarray, kernel: np.ndarray, row: int, col: int) -> KernelProducts:
    """The nine (or side x side) products behind output pixel (``row``, ``col``), and their sum."""
    image, kernel = _check(image, kernel)
    height, width = image.shape
    if not (0 <= row < height and 0 <= col < width):
        raise ValueError(f"pixel ({row}, {col}) is outside the {height}x{width} picture")
    pixels = np.array(_windows(image, kernel.shape[0])[row, col])
    products = pixels * kernel
    return KernelProducts(row, col, pixels, kernel.copy(), products, float(products.sum()))


def learned_maps(image: np.ndarray, kernels: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """The first conv layer on ``image``: (28, 28) and kernels (5, 5, 1, F) -> (24, 24, F).

    As Keras' ``Conv2D(padding="valid", activation="relu")`` computes it: no padding, so a 5x5
    kernel gives 24x24 maps; then the bias and the relu.
    """
    image = np.asarray(image, dtype=np.float64)
    kernels = np.asarray(kernels, dtype=np.float64)
    if image.ndim != 2 or kernels.ndim != 4 or kernels.shape[2] != 1:
        raise ValueError(
            f"expected a (H, W) picture and (k, k, 1, filters) kernels, got {image.shape} and "
            f"{kernels.shape}"
        )
    windows = sliding_window_view(image, kernels.shape[:2])
    maps = np.einsum("rcij,ijf->rcf", windows, kernels[:, :, 0, :])
    return np.maximum(maps + np.asarray(bias, dtype=np.float64), 0.0)


def knocked_out(weights: list[np.ndarray], layer: str, off: tuple[int, ...]) -> list[np.ndarray]:
    """A copy of ``weights`` (``model.get_weights()``) with ``layer``'s filters ``off`` zeroed,
    kernel and bias, so each gives an all-zero map. The arrays given are never changed."""
    if layer not in CONV_KERNEL_INDEX:
        raise ValueError(f"only conv layers have filters to switch off, not {layer!r}")
    index = CONV_KERNEL_INDEX[layer]
    filters = weights[index].shape[-1]
    bad = [f for f in off if not 0 <= f < filters]
    if bad:
        raise ValueError(f"{layer} has filters 0 to {filters - 1}, not {bad}")
    copies = [np.array(array, copy=True) for array in weights]
    copies[index][..., list(off)] = 0
    copies[index + 1][list(off)] = 0
    return copies
