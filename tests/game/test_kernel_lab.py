"""The kernel lab on a real MNIST digit, driven by real pygame events: presets, weight edits by
click, right-click and drag, the hovered pixel's sum, and conv1's learned kernels and maps
against the shipped model's own."""

import numpy as np
import pygame
import pytest

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.explaining.kernels import Preset, preset_kernel
from mnist_arcade.game.widgets.kernel_lab import DRAG_STEP, KernelLab, LabView
from mnist_arcade.game.widgets.kernel_lab_sums import product_text
from mnist_arcade.game.widgets.surfaces import surface_to_rgb
from mnist_arcade.game.widgets.theme import WARN
from mnist_arcade.game.words import phrase
from testing_support.text_recorder import TextRecorder
from tests.explaining.test_kernels import reference_convolution

RECT = pygame.Rect(40, 180, 1200, 480)


@pytest.fixture
def lab(mnist):
    pygame.init()
    lab = KernelLab(RECT)
    lab.set_image(mnist_digits_as_input(mnist.x_test[0]))
    yield lab
    pygame.quit()


def key(lab, code) -> bool:
    return lab.handle_event(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode=""))


def click(lab, pos, button=1) -> None:
    lab.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))
    lab.handle_event(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button))


def move(lab, pos) -> bool:
    event = pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(1, 0, 0))
    return lab.handle_event(event)


@pytest.mark.parametrize("index", range(8))
def test_each_preset_key_shows_the_reference_convolution_on_screen(lab, index):
    preset = list(Preset)[index]
    assert key(lab, pygame.K_1 + index)
    np.testing.assert_array_equal(lab.kernel, preset_kernel(preset))
    expected = reference_convolution(lab.image, preset_kernel(preset))
    np.testing.assert_allclose(lab.output, expected, atol=1e-12)
    screen = pygame.Surface((1280, 720))
    lab.draw(screen)
    pixels = surface_to_rgb(screen)
    for row, col in [(5, 5), (14, 14), (10, 12), (20, 9)]:  # the drawn grey is the clipped result
        x, y = lab.output_pixel(row, col)
        shown = np.clip(expected[row, col], 0, 1) * 255
        assert abs(int(pixels[y, x, 0]) - shown) <= 1


def test_clicks_raise_and_right_clicks_lower_a_weight_and_the_output_follows_there(lab):
    key(lab, pygame.K_3)  # outline
    before = lab.output.copy()
    click(lab, lab.weight_cell(1, 0).center)  # the middle-left weight reads one pixel left
    assert lab.kernel[1, 0] == -1 + 1 and lab.edited
    shifted = np.zeros_like(lab.image)
    shifted[:, 1:] = lab.image[:, :-1]
    np.testing.assert_allclose(lab.output - before, shifted, atol=1e-12)
    click(lab, lab.weight_cell(1, 0).center, button=3)
    click(lab, lab.weight_cell(1, 0).center, button=3)
    assert lab.kernel[1, 0] == -2
    np.testing.assert_allclose(lab.output, reference_convolution(lab.image, lab.kernel))


def test_dragging_a_weight_up_raises_it_by_the_distance(lab):
    key(lab, pygame.K_2)  # sharpen: the middle weight is 5
    x, y = lab.weight_cell(1, 1).center
    lab.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=1))
    move(lab, (x, y - 20))
    move(lab, (x, y - 40))
    lab.handle_event(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x, y - 40), button=1))
    assert lab.kernel[1, 1] == pytest.approx(5 + 40 * DRAG_STEP)  # a drag, not also a click
    np.testing.assert_allclose(lab.output, reference_convolution(lab.image, lab.kernel))


def test_hovering_an_output_pixel_adds_up_its_nine_products(lab):
    key(lab, pygame.K_4)  # emboss
    row, col = map(int, np.argwhere(lab.image > 0.5)[0])
    assert move(lab, lab.output_pixel(row, col))
    step = lab.hovered
    assert (step.row, step.col) == (row, col)
    assert step.total == pytest.approx(lab.output[row, col])
    np.testing.assert_allclose(
        step.products, lab.image[row - 1 : row + 2, col - 1 : col + 2] * lab.kernel
    )
    with TextRecorder(lab.text) as seen:
        lab.draw(pygame.Surface((1280, 720)))
    assert min(seen.sizes) >= 24  # 16 px text: it reads on a projector
    assert all(lab.rect.contains(drawn.rect) for drawn in seen.drawn)
    assert "adds up to " + product_text(lab.output[row, col]) in [d.string for d in seen.drawn]


def test_tab_turns_to_the_networks_own_kernels_and_their_maps_of_the_picture(
    lab, shipped_model, predictor
):
    lab.set_weights(shipped_model.get_weights())
    assert key(lab, pygame.K_TAB) and lab.view is LabView.LEARNED
    assert not key(lab, pygame.K_3)  # numbers are left for the filter switches here
    conv1 = predictor.predict(lab.image.astype(np.float32)).layers[0]
    assert conv1.name == "conv1"
    from mnist_arcade.explaining.kernels import learned_maps

    weights = shipped_model.get_weights()
    np.testing.assert_allclose(
        learned_maps(lab.image, weights[0], weights[1]), conv1.values, atol=1e-4
    )
    screen = pygame.Surface((1280, 720))
    lab.draw(screen)
    pixels = surface_to_rgb(screen)
    strongest = int(np.argmax(conv1.values.max(axis=(0, 1))))
    _, map_rect = lab.learned_tile(strongest)
    row, col = np.unravel_index(np.argmax(conv1.values[:, :, strongest]), (24, 24))
    x = map_rect.left + int((col + 0.5) * map_rect.width / 24)
    y = map_rect.top + int((row + 0.5) * map_rect.height / 24)
    assert tuple(pixels[y, x]) == tuple(np.array([253, 231, 37]))  # viridis' top: the peak
    lab.show_switched_off({1})  # the filter switches knocked filter 2 out: it is crossed out
    lab.draw(screen)
    kernel_rect, map_rect = lab.learned_tile(1)
    centre = kernel_rect.union(map_rect).center
    assert tuple(surface_to_rgb(screen)[centre[1], centre[0]]) == WARN
    assert key(lab, pygame.K_TAB) and lab.view is LabView.LAB


def test_keys_the_lab_does_not_use_are_left_to_the_lesson(lab):
    assert not key(lab, pygame.K_ESCAPE)
    assert not key(lab, pygame.K_RIGHT)
    with pytest.raises(ValueError, match="28x28"):
        lab.set_image(np.zeros((20, 20)))


@pytest.mark.parametrize("width", [1000, 1200])
def test_every_preset_label_fits_its_button(mnist, width):
    pygame.init()
    lab = KernelLab(pygame.Rect(40, 200, width, 420))
    font = lab.text.font(24)
    from mnist_arcade.game.widgets.kernel_lab import _button_label

    for index, (preset, button) in enumerate(lab.preset_buttons.items()):
        assert font.size(_button_label(index, preset))[0] < button.width, preset
        assert lab.rect.contains(button)
    assert lab.products_rect.right <= lab.rect.right and lab.output_rect.bottom < lab.hint_top
    pygame.quit()


def _overlaps(drawn) -> list[str]:
    return [
        f"{first.string!r} overlaps {second.string!r}"
        for index, first in enumerate(drawn)
        for second in drawn[index + 1 :]
        if first.rect.colliderect(second.rect)
    ]


@pytest.mark.parametrize("preset_key", [pygame.K_1, pygame.K_3])
def test_in_the_lessons_panel_the_hovered_sum_fits_above_the_tab_button(mnist, preset_key):
    """The lesson's lab is short (two rows of buttons, the switches below): the nine products,
    their total and what the screen shows must all stay inside it, clear of the Tab button."""
    from mnist_arcade.game.scenes.lesson_scene import LAB_RECT

    pygame.init()
    lab = KernelLab(LAB_RECT)
    lab.set_image(mnist_digits_as_input(mnist.x_test[0]))
    key(lab, preset_key)
    if preset_key == pygame.K_3:  # a pixel whose sum the screen cannot show as it is
        row, col = map(int, np.argwhere((lab.output > 1) | (lab.output < 0))[0])
    else:
        row, col = map(int, np.argwhere(lab.image > 0.5)[0])  # on the ink
    assert move(lab, lab.output_pixel(row, col))
    with TextRecorder(lab.text) as seen:
        lab.draw(pygame.Surface((1280, 720)))
    strings = [drawn.string for drawn in seen.drawn]
    assert "adds up to " + product_text(lab.output[row, col]) in strings
    if preset_key == pygame.K_3:
        assert any(string.startswith("the screen shows it as") for string in strings)
    assert min(seen.sizes) >= 24
    assert [d.string for d in seen.drawn if not lab.rect.contains(d.rect)] == []
    assert _overlaps(seen.drawn) == []
    tab_label = phrase("kernel_lab.to_learned")
    over_tab = [d.string for d in seen.drawn if d.rect.colliderect(lab.toggle_button)]
    assert over_tab == [tab_label]
    assert lab.products_rect.bottom <= lab.toggle_button.top
    assert lab.input_rect.width >= 5 * 28  # five screen pixels a digit pixel, for a projector
    pygame.quit()
