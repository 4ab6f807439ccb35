"""The lesson's live panels, one drawing function per step (step 3's kernel lab is its own
widget). Each draws what a :class:`PanelView` holds and changes nothing. Every word is at
least LESSON_SIZE, so it reads on a projector."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pygame

from mnist_arcade.explaining.model_source import LayerLine
from mnist_arcade.explaining.preprocess_stages import Stage, StagePicture
from mnist_arcade.game.widgets.surfaces import grey_to_surface
from mnist_arcade.game.widgets.text import Text, fit_lines
from mnist_arcade.game.widgets.theme import ACCENT, GOOD, MUTED, PANEL_EDGE, TEXT
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.numbers import percent, shown_sureness, sure
from mnist_arcade.messages import Prediction

LESSON_SIZE = 24  # pygame's font at 24 is 16 px high: the smallest lesson text
LINE = 20  # pixels from one line of lesson text to the next
STAGE_WORDS = {
    Stage.CROP: "lesson.stage_crop",
    Stage.FIT: "lesson.stage_fit",
    Stage.CENTRE: "lesson.stage_centre",
    Stage.UPRIGHT: "lesson.stage_upright",
    Stage.DIVIDE: "lesson.stage_divide",
    Stage.PLAIN: "lesson.stage_plain",
}


@dataclass
class PanelView:
    """What the panels show: the player's reading and what the scene has gathered."""

    prediction: Prediction | None = None
    examples: tuple[np.ndarray, np.ndarray] | None = None  # 20 MNIST digits, their labels
    examples_status: str = ""
    layers: list[LayerLine] = field(default_factory=list)
    lit: int = 1  # the code line lit on step 6
    code_file: str = ""
    train_code: list[tuple[str, list[str]]] = field(default_factory=list)  # (from where, lines)
    recipe: str = ""
    stages: list[StagePicture] = field(default_factory=list)
    stage_code: dict[Stage, str] = field(default_factory=dict)
    stage_readings: np.ndarray | None = None  # (stages, 10) probabilities
    empty_words: str = ""  # what a panel says with no reading: draw one, or wait for the network


def _image(surface: pygame.Surface, image: np.ndarray, rect: pygame.Rect) -> None:
    picture = pygame.transform.scale(grey_to_surface(np.clip(image, 0, 1)), rect.size)
    surface.blit(picture, rect)
    pygame.draw.rect(surface, PANEL_EDGE, rect, 1)


def _say(text: Text, surface, words: str, position, color=TEXT, size=LESSON_SIZE, width=None):
    """One line of lesson text, cut with "..." to ``width`` if given."""
    if width is not None:
        words = fit_lines(words, text.font(size), width, 1)[0]
    return text.draw(surface, words, position, size, color)


def _layer(prediction: Prediction | None, name: str) -> np.ndarray | None:
    if prediction is None:
        return None
    return next((layer.values for layer in prediction.layers if layer.name == name), None)


def draw_data(surface, rect: pygame.Rect, text: Text, view: PanelView) -> None:
    """Step 1: twenty MNIST digits, each with its label."""
    if view.examples is None:
        _say(text, surface, view.examples_status, (rect.left + 20, rect.top + 20), MUTED)
        return
    images, labels = view.examples
    for index, (image, label) in enumerate(zip(images[:20], labels[:20], strict=True)):
        left = rect.left + 24 + (index % 10) * 82
        top = rect.top + 24 + (index // 10) * 150
        _image(surface, image / 255.0, pygame.Rect(left, top, 72, 72))
        label_words = phrase("lesson.label", digit=int(label))
        _say(text, surface, label_words, (left, top + 80), ACCENT, width=80)


def draw_numbers(surface, rect: pygame.Rect, text: Text, view: PanelView) -> None:
    """Step 2: how many numbers a photo is, and how many the player's digit is."""
    left, top = rect.left + 24, rect.top + 24
    photo = 200 * 200 * 3
    _say(text, surface, phrase("lesson.numbers_photo", count=photo), (left, top))
    prediction = view.prediction
    if prediction is None:
        _say(text, surface, view.empty_words, (left, top + 40), MUTED)
        return
    count = int(prediction.net_input.size)
    _say(text, surface, phrase("lesson.numbers_digit", count=count), (left, top + 40), ACCENT)
    _image(surface, prediction.net_input, pygame.Rect(left, top + 80, 280, 280))


def draw_pooling(surface, rect: pygame.Rect, text: Text, view: PanelView) -> None:
    """Step 4: four conv1 maps of the drawing, each beside its pooled map, to scale."""
    conv, pool = _layer(view.prediction, "conv1"), _layer(view.prediction, "pool1")
    if conv is None or pool is None:
        _say(text, surface, view.empty_words, (rect.left + 24, rect.top + 24), MUTED)
        return
    column = (rect.width - 48) // 4  # the four pairs side by side: room below for the switches
    big = conv.shape[0] * 5  # 120 px: 5 screen pixels a map pixel
    small = big * pool.shape[0] // conv.shape[0]
    for channel in range(4):
        left, top = rect.left + 24 + channel * column, rect.top + 20
        maps = (conv[:, :, channel], pool[:, :, channel])
        peak = max(float(conv[:, :, channel].max()), 1e-6)  # one scale for the pair
        _image(surface, maps[0] / peak, pygame.Rect(left, top, big, big))
        _image(surface, maps[1] / peak, pygame.Rect(left + big + 12, top, small, small))
        conv_words = phrase("lesson.map_conv", channel=channel + 1, side=conv.shape[0])
        _say(text, surface, conv_words, (left, top + big + 6), width=column - 12)
        pool_words = phrase("lesson.map_pool", side=pool.shape[0])
        line = text.font(LESSON_SIZE).get_linesize()
        _say(text, surface, pool_words, (left, top + big + 6 + line), MUTED, width=column - 12)


def draw_dense(surface, rect: pygame.Rect, text: Text, view: PanelView) -> None:
    """Step 5: the ten chances softmax gives, as bars."""
    prediction = view.prediction
    if prediction is None:
        _say(text, surface, view.empty_words, (rect.left + 24, rect.top + 24), MUTED)
        return
    tallest = rect.height - 110
    for digit, chance in enumerate(prediction.probabilities):
        left = rect.left + 40 + digit * 82
        height = max(1, round(float(chance) * tallest))
        bottom = rect.bottom - 50
        color = ACCENT if digit == prediction.digit else GOOD
        pygame.draw.rect(surface, color, pygame.Rect(left, bottom - height, 56, height))
        text.draw(surface, str(digit), (left + 28, bottom + 8), LESSON_SIZE + 4, TEXT, "midtop")
        shown = percent(shown_sureness(chance))  # never "100%", as on the board: it can be wrong
        above = (left + 28, bottom - height - 6)
        text.draw(surface, shown, above, LESSON_SIZE, MUTED, "midbottom")


def draw_code(surface, rect: pygame.Rect, text: Text, view: PanelView) -> None:
    """Step 6: build_model's layers as written, the lit one beside its shape and weights."""
    left, top = rect.left + 20, rect.top + 16
    _say(text, surface, phrase("lesson.code_trimmed", file=view.code_file), (left, top), MUTED)
    total = sum(layer.weights for layer in view.layers)
    for heading, x in ((phrase("lesson.code_output"), 615), (phrase("lesson.code_weights"), 725)):
        _say(text, surface, heading, (left + x, top + 34), MUTED, width=100)  # the columns' names
    top += 26
    for row, layer in enumerate(view.layers):
        y = top + 40 + row * 34
        lit = row == view.lit
        if lit:
            pygame.draw.rect(surface, PANEL_EDGE, pygame.Rect(left - 8, y - 6, rect.width - 24, 30))
        _say(text, surface, layer.code, (left, y), ACCENT if lit else TEXT, width=600)
        shape = "x".join(str(n) for n in layer.output_shape)
        _say(text, surface, shape, (left + 615, y), MUTED, width=100)
        _say(text, surface, f"{layer.weights:,}", (left + 725, y), MUTED, width=100)
    bottom = top + 40 + len(view.layers) * 34 + 10
    if 0 <= view.lit < len(view.layers):
        layer = view.layers[view.lit]
        shape = "x".join(str(n) for n in layer.output_shape)
        words = phrase("lesson.code_layer", name=layer.name, shape=shape, weights=layer.weights)
        _say(text, surface, words, (left, bottom), ACCENT, width=rect.width - 40)
    total_words = phrase("lesson.code_total", weights=total)
    _say(text, surface, total_words, (left, bottom + 34), TEXT, width=rect.width - 40)


def draw_training(surface, rect: pygame.Rect, text: Text, view: PanelView) -> None:
    """Step 7: the compile and fit calls as the game writes them, and the tutorial's recipe."""
    left, y = rect.left + 20, rect.top + 12
    for source, lines in view.train_code:
        _say(text, surface, source, (left, y), MUTED, width=rect.width - 40)
        y += LINE + 4
        for line in lines:
            indent = 8 * (len(line) - len(line.lstrip()))  # fit_lines drops leading spaces
            _say(text, surface, line, (left + indent, y), TEXT, width=rect.width - 40 - indent)
            y += LINE
        y += 8
    text.draw_wrapped(surface, view.recipe, (left, y), rect.width - 40, LESSON_SIZE, ACCENT, 2)


def draw_stages(surface, rect: pygame.Rect, text: Text, view: PanelView) -> None:
    """Step 8: each stage of the drawing, what the network reads it as, and its line of code."""
    if not view.stages:
        _say(text, surface, view.empty_words, (rect.left + 24, rect.top + 24), MUTED)
        return
    for row, picture in enumerate(view.stages):
        top = rect.top + 8 + row * 71
        left = rect.left + 16
        _image(surface, picture.image, pygame.Rect(left, top, 64, 64))
        _say(text, surface, phrase(STAGE_WORDS[picture.stage]), (left + 80, top + 4), width=190)
        brightest = phrase("lesson.stage_brightest", value=round(picture.brightest, 2))
        _say(text, surface, brightest, (left + 80, top + 32), MUTED, width=190)
        if view.stage_readings is not None and row < len(view.stage_readings):
            chances = view.stage_readings[row]
            digit = int(np.argmax(chances))
            reads = phrase("lesson.stage_reads", digit=digit, sure=sure(chances[digit]))
            _say(text, surface, reads, (left + 290, top + 18), ACCENT, width=120)
        code = view.stage_code.get(picture.stage, "")
        _say(text, surface, code, (left + 420, top + 18), MUTED, width=rect.right - left - 440)


def draw_reading(surface, rect: pygame.Rect, text: Text, view: PanelView) -> None:
    """Step 9: what the network sees, and what it reads."""
    prediction = view.prediction
    left, top = rect.left + 24, rect.top + 24
    if prediction is None:
        _say(text, surface, view.empty_words, (left, top), MUTED)
        return
    _image(surface, prediction.net_input, pygame.Rect(left, top, 280, 280))
    words = phrase("lesson.reads", digit=prediction.digit, sure=sure(prediction.confidence))
    text.draw(surface, words, (left + 320, top + 100), 48, ACCENT)
