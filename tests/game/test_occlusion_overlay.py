"""The "why this digit?" overlay, drawn for a real digit read by the shipped model."""

import numpy as np
import pygame
import pytest

from mnist_arcade.canvas.preprocess import FieldBox, mnist_digits_as_input, to_network_input
from mnist_arcade.explaining import field_on_board, occlusion
from mnist_arcade.game.widgets.occlusion_overlay import (
    FOR_RUNNER_UP,
    FOR_WINNER,
    OcclusionOverlay,
    field_rect_on_screen,
)
from mnist_arcade.game.widgets.surfaces import surface_to_rgb
from mnist_arcade.game.widgets.text import Text
from mnist_arcade.practice.redrawn_mnist import draw_with_brush


@pytest.fixture
def screen():
    pygame.init()
    yield pygame.Surface((640, 480))
    pygame.quit()


def evidence_for(predictor, net_input):
    batch, boxes = occlusion.occlusion_inputs(net_input)
    probabilities = predictor.probabilities(np.concatenate([net_input[None], batch]))
    digit, runner_up = occlusion.top_two(probabilities[0])
    return occlusion.occlusion_map(probabilities[0], probabilities[1:], boxes, digit, runner_up)


def hue(pixels: np.ndarray, color) -> np.ndarray:
    """Pixels tinted toward ``color`` (on black, the tint is the colour scaled down)."""
    color = np.array(color, dtype=float)
    pixels = pixels.astype(float)
    norms = np.linalg.norm(pixels, axis=-1) * np.linalg.norm(color)
    return (pixels @ color) / np.maximum(norms, 1e-9) > 0.98


def test_the_overlay_colours_the_strokes_and_leaves_far_background_clear(screen, predictor, mnist):
    index = 18  # a 3 the shipped model reads as 5: both colours show
    net_input = mnist_digits_as_input(mnist.x_test[index])
    evidence = evidence_for(predictor, net_input)
    overlay = OcclusionOverlay(evidence)
    rect = pygame.Rect(20, 20, 280, 280)  # 10 screen pixels per input pixel
    overlay.draw(screen, rect)
    pixels = surface_to_rgb(screen)[20:300:10, 20:300:10]  # one sample per input pixel
    coloured = pixels.any(axis=2)
    assert hue(pixels, FOR_WINNER).any() and hue(pixels, FOR_RUNNER_UP).any()
    np.testing.assert_array_equal(
        coloured, np.abs(evidence.shown) >= 0.06 * np.abs(evidence.shown).max()
    )
    assert not surface_to_rgb(screen)[310:, :].any()  # nothing drawn outside the rect
    pink = (
        f"a pink one made {evidence.runner_up} less likely"
        if evidence.names_runner_up  # a runner-up with a real chance is named, no other
        else "a pink one, more likely"
    )
    assert overlay.title == (
        f"Why a {evidence.digit}? Covering a green square made {evidence.digit} less likely; "
        + pink
    )
    overlay.draw_legend(screen, Text(), (20, 320))


def test_on_the_board_the_overlay_lands_on_the_drawing_and_stays_inside_it(
    screen, predictor, mnist
):
    board = draw_with_brush(mnist.x_test[0], np.random.default_rng(0), heights=(200, 260))
    net_input = to_network_input(board)
    evidence = evidence_for(predictor, net_input)
    board_rect = pygame.Rect(40, 40, *board.shape[::-1])
    box = field_on_board.field_box_on_board(board)
    OcclusionOverlay(evidence).draw_on_board(screen, board_rect, box)
    pixels = surface_to_rgb(screen)
    on_board = pixels[40:340, 40:340].any(axis=2)
    outside = pixels.copy()
    outside[40:340, 40:340] = 0
    assert not outside.any()  # the field reaches past the board, the colours do not
    expected = field_on_board.map_to_board(np.abs(evidence.shown), box, board.shape)
    strong = expected >= 0.5 * expected.max()
    assert on_board[strong].mean() > 0.99
    ink = board > 128
    assert on_board[ink].mean() > 0.5  # most of the drawing is explained


def test_a_plain_map_can_be_stretched_over_any_rect(screen):
    for_digit = np.zeros((28, 28), dtype=np.float32)
    for_digit[3, 4] = 1.0
    evidence = occlusion.Evidence(1, 7, for_digit, np.zeros_like(for_digit))
    OcclusionOverlay(evidence).draw(screen, pygame.Rect(0, 0, 56, 56))
    pixels = surface_to_rgb(screen)
    assert pixels[6:8, 8:10].any(axis=2).all() and pixels[:6].sum() == 0
    assert field_rect_on_screen(
        pygame.Rect(10, 20, 300, 300), FieldBox(-5.4, 3.6, 320.2, 310.0)
    ) == pygame.Rect(14, 15, 310, 320)
