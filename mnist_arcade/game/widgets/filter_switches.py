"""Knock a filter out: one switch per conv filter, and what the network reads without it.

A click on a switch, or its number key (1 to 9, then 0 for the tenth), turns the filter off or
on. The engine zeroes the filter's kernel and bias in a copy of the model in use, never in the
model in use (:mod:`mnist_arcade.ml.knockout`), and answers with the reading of the player's
drawing and the accuracy on 500 MNIST test digits, with and without those filters; the switches
show both as soon as the answer comes. Every filter back on reads with the model in use itself,
so nothing is changed for good.
"""

from __future__ import annotations

import numpy as np
import pygame

from mnist_arcade.game.widgets.text import Text
from mnist_arcade.game.widgets.theme import ACCENT, BACKGROUND, MUTED, PANEL_EDGE, TEXT, WARN, panel
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.numbers import sure
from mnist_arcade.messages import KnockOutReady

TEXT_SIZE = 24  # 16 px on the 1280x720 canvas, as all lesson text
PAD = 12
WIDE_STRIP = 700  # from this width, the sentences go beside the switches
SWITCH_HEIGHT = 40
FILTERS = {"conv1": 8, "conv2": 16}  # filters per conv layer (model.build_model)
NUMBER_KEYS = [pygame.K_1 + index for index in range(9)] + [pygame.K_0]  # filters 1 to 10


class FilterSwitches:
    """The switches for ``layer``'s filters in ``rect``, asking ``model_client`` for readings."""

    def __init__(self, rect, model_client, layer: str = "conv1", text: Text | None = None) -> None:
        if layer not in FILTERS:
            raise ValueError(f"only conv layers have filters to switch off, not {layer!r}")
        self.rect = pygame.Rect(rect)
        self.model_client = model_client
        self.layer = layer
        self.text = text or Text()
        self.off: set[int] = set()  # filter indices, from 0
        self.net_input: np.ndarray | None = None
        self.answer: KnockOutReady | None = None  # the newest answer for what is shown
        self.numbers_work = True  # False where number keys go elsewhere (the kernel lab's presets)
        self._request: int | None = None
        self._asked_version = -1  # the model version the newest request was for

    def __repr__(self) -> str:
        return f"FilterSwitches({self.layer}, off={sorted(self.off)})"

    @property
    def count(self) -> int:
        return FILTERS[self.layer]

    @property
    def wide(self) -> bool:
        """A wide, short strip (the lesson's step 3): the switches take the left part and what
        they say goes to the right of them, not under them."""
        return self.rect.width >= WIDE_STRIP

    def switch(self, index: int) -> pygame.Rect:
        """Where filter ``index``'s switch is drawn (one row, or two for conv2's sixteen)."""
        per_row = min(self.count, 8)
        room = self.rect.width * 2 // 5 if self.wide else self.rect.width
        width = (room - 2 * PAD - (per_row - 1) * 6) // per_row
        line = self.text.font(TEXT_SIZE).get_linesize()
        row, column = divmod(index, per_row)
        top = self.rect.top + PAD + line + PAD + row * (SWITCH_HEIGHT + 6)
        return pygame.Rect(self.rect.left + PAD + column * (width + 6), top, width, SWITCH_HEIGHT)

    # --- input ---------------------------------------------------------------------------------

    def set_input(self, net_input: np.ndarray | None) -> None:
        """The player's drawing as the network reads it (28x28 in [0, 1]), or None."""
        self.net_input = None if net_input is None else np.asarray(net_input, np.float32)
        self._ask()

    def toggle(self, index: int) -> None:
        """Switch filter ``index`` off, or back on; the engine is asked at once."""
        if not 0 <= index < self.count:
            raise ValueError(f"{self.layer} has filters 1 to {self.count}, not {index + 1}")
        self.off ^= {index}
        self._ask()

    def _ask(self) -> None:
        if not self.model_client.ready:
            return  # asked again in ``update`` once the model is there
        self._asked_version = self.model_client.version
        self._request = self.model_client.request_knockout(
            self.layer, tuple(sorted(self.off)), self.net_input
        )

    def handle_event(self, event) -> bool:
        """True if a switch was clicked or its number key pressed."""
        if event.type == pygame.KEYDOWN and event.key in NUMBER_KEYS:
            index = NUMBER_KEYS.index(event.key)
            if index < self.count:
                self.toggle(index)
                return True
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for index in range(self.count):
                if self.switch(index).collidepoint(event.pos):
                    self.toggle(index)
                    return True
        return False

    def update(self, dt: float) -> None:
        """Take the engine's answer; ask again when another model is put in use."""
        client = self.model_client
        if client.ready and client.version != self._asked_version:
            self._ask()
        answer = client.knockout
        if answer is not None and answer.request_id == self._request:
            self.answer = answer

    @property
    def title(self) -> str:
        """What the switches are and how to use them: number keys only where they reach them."""
        key = "filter_switches.title" if self.numbers_work else "filter_switches.title_click"
        return phrase(key, count=self.count, layer=self.layer)

    @property
    def knocked_out_prediction(self):
        """The reading with the filters off, for the drawing and the switches shown now; None
        while every filter is on, or while the answer is on its way."""
        answer = self.answer
        if not self.off or answer is None or answer.request_id != self._request:
            return None
        return answer.prediction

    # --- drawing -------------------------------------------------------------------------------

    @property
    def lines(self) -> list[str]:
        """What the switches say under them: the filters off, the reading, the accuracy."""
        answer = self.answer
        if answer is None or answer.request_id != self._request:
            return [phrase("filter_switches.waiting")]
        if answer.off:
            shown = ", ".join(str(index + 1) for index in answer.off)
            lines = [phrase("filter_switches.off", filters=shown)]
        else:
            lines = [phrase("filter_switches.all_on")]
        if answer.prediction is None:
            lines.append(phrase("filter_switches.no_drawing"))
        else:
            prediction = answer.prediction
            lines.append(
                phrase(
                    "filter_switches.reading",
                    digit=prediction.digit,
                    sure=sure(prediction.confidence),
                )
            )
        if answer.accuracy is None:
            lines.append(phrase("filter_switches.no_accuracy"))
        else:
            lines.append(
                phrase(
                    "filter_switches.accuracy",
                    accuracy=answer.accuracy,
                    digits=answer.test_digits,
                    all_on=answer.accuracy_all_on,
                )
            )
        return lines

    def draw(self, surface: pygame.Surface) -> None:
        panel(surface, self.rect)
        text = self.text
        left, top = self.rect.left + PAD, self.rect.top + PAD
        text.draw(surface, self.title, (left, top), TEXT_SIZE)
        for index in range(self.count):
            rect = self.switch(index)
            on = index not in self.off
            pygame.draw.rect(surface, ACCENT if on else PANEL_EDGE, rect, border_radius=6)
            if not on:
                pygame.draw.line(surface, WARN, rect.bottomleft, rect.topright, 3)
            label = phrase("filter_switches.filter", number=index + 1)
            color = BACKGROUND if on else MUTED
            text.draw(surface, label, rect.center, TEXT_SIZE, color, "center")
        line = text.font(TEXT_SIZE).get_linesize()
        y = self.switch(self.count - 1).bottom + PAD
        width = self.rect.width - 2 * PAD
        if self.wide:  # beside the switches, from the title's line down
            left = self.switch(min(self.count, 8) - 1).right + 2 * PAD
            y, width = self.rect.top + PAD + line, self.rect.right - PAD - left
        for row, sentence in enumerate(self.lines):
            text.draw_wrapped(
                surface,
                sentence,
                (left, y + row * line),
                width,
                TEXT_SIZE,
                TEXT if row else MUTED,
                max_lines=1,
            )
