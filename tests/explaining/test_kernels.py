"""Image kernels against a reference convolution written as a plain double loop over pixels,
on real MNIST digits: every preset, one output pixel's nine products, an edited weight."""

import numpy as np
import pytest

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.explaining.kernels import (
    Preset,
    apply_kernel,
    knocked_out,
    learned_maps,
    preset_kernel,
    products_at,
)


def reference_convolution(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Slide ``kernel`` over ``image`` one pixel at a time, zeros past the edge (no flip)."""
    height, width = image.shape
    margin = kernel.shape[0] // 2
    out = np.zeros((height, width))
    for row in range(height):
        for col in range(width):
            total = 0.0
            for i in range(kernel.shape[0]):
                for j in range(kernel.shape[1]):
                    r, c = row + i - margin, col + j - margin
                    if 0 <= r < height and 0 <= c < width:
                        total += kernel[i, j] * image[r, c]
            out[row, col] = total
    return out


@pytest.fixture(scope="module")
def digit(mnist) -> np.ndarray:
    return mnist_digits_as_input(mnist.x_test[0]).astype(np.float64)


@pytest.mark.parametrize("preset", list(Preset))
def test_every_preset_gives_the_reference_convolution(digit, preset):
    kernel = preset_kernel(preset)
    out = apply_kernel(digit, kernel)
    assert out.shape == (28, 28)
    np.testing.assert_allclose(out, reference_convolution(digit, kernel), atol=1e-12)


def test_the_presets_are_the_image_kernels_pages_own():
    assert preset_kernel(Preset.SHARPEN).tolist() == [[0, -1, 0], [-1, 5, -1], [0, -1, 0]]
    assert preset_kernel(Preset.OUTLINE).sum() == 0  # a flat patch gives 0: only edges show
    assert preset_kernel(Preset.BLUR).sum() == pytest.approx(1.0)  # blurring keeps the ink
    left, right = preset_kernel(Preset.LEFT_EDGES), preset_kernel(Preset.RIGHT_EDGES)
    top, bottom = preset_kernel(Preset.TOP_EDGES), preset_kernel(Preset.BOTTOM_EDGES)
    np.testing.assert_array_equal(left, -right)
    np.testing.assert_array_equal(top, -bottom)
    np.testing.assert_array_equal(top, left.T)


def test_an_edited_weight_changes_the_output_exactly_where_that_weight_reads(digit):
    kernel = preset_kernel(Preset.SHARPEN)
    before = apply_kernel(digit, kernel)
    kernel[0, 2] += 1.0  # the top-right weight reads the pixel one up and one right
    after = apply_kernel(digit, kernel)
    shifted = np.zeros_like(digit)
    shifted[1:, :-1] = digit[:-1, 1:]  # output (r, c) now adds pixel (r - 1, c + 1)
    np.testing.assert_allclose(after - before, shifted, atol=1e-12)
    assert np.count_nonzero(after != before) == np.count_nonzero(shifted)


def test_the_nine_products_add_up_to_the_output_pixel(digit):
    kernel = preset_kernel(Preset.EMBOSS)
    out = apply_kernel(digit, kernel)
    inked = np.argwhere(digit > 0.5)
    for row, col in [tuple(inked[0]), tuple(inked[-1]), (0, 0), (27, 13)]:
        step = products_at(digit, kernel, int(row), int(col))
        assert step.products.shape == (3, 3)
        np.testing.assert_allclose(step.products, step.pixels * kernel)
        assert step.total == pytest.approx(out[row, col], abs=1e-12)
    corner = products_at(digit, kernel, 0, 0)
    assert corner.pixels[0].tolist() == [0, 0, 0]  # past the edge counts as zero


def test_bad_pictures_and_kernels_are_refused_in_plain_words(digit):
    with pytest.raises(ValueError, match="odd side"):
        apply_kernel(digit, np.ones((2, 2)))
    with pytest.raises(ValueError, match="outside"):
        products_at(digit, preset_kernel(Preset.BLUR), 28, 0)


def test_learned_maps_are_the_first_layers_own_sum_bias_and_relu(digit):
    rng = np.random.default_rng(3)
    kernels, bias = rng.normal(size=(5, 5, 1, 8)), rng.normal(size=8)
    maps = learned_maps(digit, kernels, bias)
    assert maps.shape == (24, 24, 8)
    row, col, f = 10, 7, 5
    expected = max(
        float((digit[row : row + 5, col : col + 5] * kernels[:, :, 0, f]).sum() + bias[f]), 0.0
    )
    assert maps[row, col, f] == pytest.approx(expected)


def test_knocking_out_zeroes_a_copy_and_leaves_the_weights_given_alone():
    rng = np.random.default_rng(0)
    weights = [
        rng.normal(size=s).astype(np.float32) for s in [(5, 5, 1, 8), (8,), (5, 5, 8, 16), (16,)]
    ]
    kept = [w.copy() for w in weights]
    out = knocked_out(weights, "conv1", (1, 6))
    assert not out[0][..., [1, 6]].any() and not out[1][[1, 6]].any()
    np.testing.assert_array_equal(out[0][..., 0], weights[0][..., 0])
    for given, copy in zip(weights, kept, strict=True):
        np.testing.assert_array_equal(given, copy)
    with pytest.raises(ValueError, match="filters 0 to 15"):
        knocked_out(weights, "conv2", (16,))
