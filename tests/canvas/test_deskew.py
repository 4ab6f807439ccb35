"""Deskewing: slanted digits stand upright, upright ones stay, and nothing odd breaks it."""

from __future__ import annotations

import numpy as np
import pytest

from mnist_arcade.canvas.deskew import MAX_SLANT, deskew, shear_rows, slants
from mnist_arcade.canvas.preprocess import center_of_mass


def _leaning_bar(lean: float) -> np.ndarray:
    """A 3 px wide bar from row 5 to row 22, moving ``lean`` columns right per row up."""
    image = np.zeros((28, 28), np.float32)
    for row in range(5, 23):
        left = round(12 + lean * (13.5 - row))
        image[row, left : left + 3] = 1.0
    return image


def _column_spread(image: np.ndarray) -> float:
    """How far the ink's columns spread around their mean: small for an upright bar."""
    cols = np.arange(image.shape[1])
    weights = image.sum(axis=0)
    mean = (cols * weights).sum() / weights.sum()
    return float(np.sqrt(((cols - mean) ** 2 * weights).sum() / weights.sum()))


def test_a_leaning_bar_stands_upright_and_keeps_its_centre():
    bar = _leaning_bar(0.5)
    upright = deskew(bar)
    assert _column_spread(upright) < 1.2 < _column_spread(bar)
    assert np.allclose(center_of_mass(upright), center_of_mass(bar), atol=0.25)
    assert np.isclose(upright.sum(), bar.sum(), rtol=0.02)


def test_the_measured_slant_is_the_lean():
    slant, _ = slants(np.stack([_leaning_bar(0.5), _leaning_bar(-0.3), _leaning_bar(0.0)]))
    assert np.allclose(slant, [-0.5, 0.3, 0.0], atol=0.03)


def test_shearing_back_undoes_the_straightening():
    bar = _leaning_bar(0.4)[None]
    slant, centre = slants(bar)
    back = shear_rows(shear_rows(bar, slant, centre), -slant, centre)
    assert np.abs(back - bar).max() < 0.5
    assert np.abs(back - bar).mean() < 0.02


def test_mnist_digits_lose_most_of_their_slant(mnist):
    digits = mnist.x_test[:500].astype(np.float32) / 255.0
    before, _ = slants(digits)
    after, _ = slants(deskew(digits))
    assert np.abs(after).mean() < 0.25 * np.abs(before).mean()
    assert np.abs(before).mean() > 0.1  # MNIST's writers do slant


def test_blank_flat_and_extreme_images_are_safe():
    blank = np.zeros((28, 28), np.float32)
    assert not deskew(blank).any()
    line = np.zeros((28, 28), np.float32)
    line[14, 4:24] = 1.0  # a horizontal line has no slant to measure
    assert np.array_equal(deskew(line), line)
    diagonal = np.eye(28, dtype=np.float32)  # lying at 45 degrees: clipped, not flung away
    slant, _ = slants(diagonal[None])
    assert abs(slant[0]) <= MAX_SLANT
    assert deskew(diagonal).sum() > 0.5 * diagonal.sum()
    assert np.isfinite(deskew(np.full((28, 28), 1.0, np.float32))).all()


def test_drawings_and_mnist_digits_reach_the_network_upright(mnist):
    from mnist_arcade.canvas.board import Board
    from mnist_arcade.canvas.preprocess import to_network_input
    from mnist_arcade.ml.training import to_float_images

    board = Board()
    board.begin_stroke(200, 40)  # a 1 leaning far to the right
    board.continue_stroke(110, 260)
    board.end_stroke()
    leaning, _ = slants(board.pixels[None].astype(np.float32))
    drawn, _ = slants(to_network_input(board.pixels)[None])
    assert leaning[0] < -0.3 and abs(drawn[0]) < 0.05
    digits = to_float_images(mnist.x_train[:300])[..., 0]
    assert np.abs(slants(digits)[0]).max() < 0.15


def test_a_large_batch_is_stood_upright_in_chunks_as_it_is_whole(mnist, monkeypatch):
    import mnist_arcade.canvas.deskew as straighten

    digits = mnist.x_test[:50].astype(np.float32) / 255.0
    whole = deskew(digits)
    monkeypatch.setattr(straighten, "CHUNK", 7)
    # The same up to float rounding (matrix products round differently in other batch shapes).
    np.testing.assert_allclose(deskew(digits), whole, atol=1e-5)
    np.testing.assert_allclose(deskew(digits[13]), whole[13], atol=1e-5)


def test_faint_digits_lean_as_bright_ones_and_unscaled_floats_are_refused(mnist):
    from mnist_arcade.canvas.preprocess import mnist_digits_as_input

    bar = _leaning_bar(0.5)
    assert np.allclose(slants(np.stack([bar, bar * 1e-8]))[0], slants(bar[None])[0][0])
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        mnist_digits_as_input(mnist.x_test[:2].astype(np.float64))
