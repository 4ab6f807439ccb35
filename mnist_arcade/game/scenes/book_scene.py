"""The digit book (D): every drawing the player taught, with its digit; delete one, or clear all.

Each entry shows the 28x28 input the network read and the digit the player said it was, plus
what the model in use reads it as now (green: right, red: wrong), so a learner sees which of
their digits it still gets wrong before and after teaching it (K).
"""

from __future__ import annotations

import numpy as np
import pygame

from mnist_arcade.explaining.activation_images import enlarge
from mnist_arcade.game.context import GameContext
from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes.scene import Binding, Scene
from mnist_arcade.game.state.notices import Confirmable
from mnist_arcade.game.widgets.surfaces import grey_to_surface
from mnist_arcade.game.widgets.theme import (
    ACCENT,
    BACKGROUND,
    GOOD,
    MUTED,
    PANEL_EDGE,
    TEXT,
    WARN,
)
from mnist_arcade.game.words import Phrase, Phrases, counted, phrase

GRID_TOPLEFT = (40, 120)
STEP = (96, 100)  # one entry: a 56 px tile and two labels
PER_ROW = 12
SHOWN = PER_ROW * 5  # entries on one screen (the newest)


class BookScene(Scene):
    """A grid of the book's digits; click one to select it."""

    TITLE = Phrase("book_screen.title")
    PANELS = Phrases(
        {
            "book_screen.name_squares": "book_screen.panel_squares",
        }
    )

    def __init__(self, context: GameContext) -> None:
        super().__init__(context)
        self.selected: int | None = None
        self.readings: np.ndarray | None = None
        self._read_for: tuple[int, int] = (-1, -1)  # (book length, model version) read
        self._tiles: list[pygame.Surface] = []
        self._tiles_for = -1

    def bindings(self) -> list[Binding]:
        context = self.context
        return [
            Binding(
                (pygame.K_DELETE, pygame.K_BACKSPACE),
                phrase("keys.delete"),
                phrase("book_screen.key_delete"),
                self._delete,
            ),
            Binding((pygame.K_x,), "X", phrase("book_screen.key_clear"), self._clear),
            Binding((pygame.K_k,), "K", phrase("book_screen.key_teach"), context.start_finetune),
            Binding(
                (pygame.K_ESCAPE, pygame.K_d),
                phrase("keys.esc_or", key="D"),
                phrase("keys.back_to_board"),
                lambda: context.switch_to(SceneId.BOARD),
            ),
            Binding((pygame.K_f,), "F", phrase("keys.fullscreen"), context.toggle_fullscreen),
        ]

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            self.handle_key(event.key)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.selected = self.entry_at(event.pos)

    def entry_at(self, point) -> int | None:
        column = (point[0] - GRID_TOPLEFT[0]) // STEP[0]
        row = (point[1] - GRID_TOPLEFT[1]) // STEP[1]
        index = self._first_shown() + row * PER_ROW + column
        if 0 <= column < PER_ROW and row >= 0 and index < len(self.context.teaching.book):
            return int(index)
        return None

    def _first_shown(self) -> int:
        return max(0, len(self.context.teaching.book) - SHOWN)

    def _delete(self) -> None:
        book = self.context.teaching.book
        if self.selected is None or self.selected >= len(book):
            self.context.say(phrase("book_screen.pick_first"), MUTED)
            return
        label = int(book.labels[self.selected])
        book.remove(self.selected)
        self.selected = None
        if self.context.teaching.save_book():
            removed = counted(
                len(book), "book_screen.removed", "book_screen.removed_one", digit=label
            )
            self.context.say(removed, MUTED)

    def _clear(self) -> None:
        context = self.context
        question = counted(
            len(context.teaching.book),
            "book_screen.clear_question",
            "book_screen.clear_question_one",
        )
        if not context.notices.confirmed(Confirmable.CLEAR_BOOK, question):
            return
        while len(context.teaching.book):
            context.teaching.book.remove(len(context.teaching.book) - 1)
        self.selected = None
        if context.teaching.save_book():
            context.say(phrase("book_screen.emptied"), MUTED)

    def update(self, dt: float) -> None:
        context, book = self.context, self.context.teaching.book
        if self._tiles_for != len(book) or len(self._tiles) != len(book):
            self._tiles = [grey_to_surface(enlarge(image, 2)) for image in book.inputs]
            self._tiles_for = len(book)
        wanted = (len(book), context.model.version)
        if len(book) and context.model.ready and wanted != self._read_for:
            self._read_for = wanted
            context.readings.classify(book.inputs, self._on_readings)

    def _on_readings(self, probabilities: np.ndarray) -> None:
        self.readings = probabilities.argmax(axis=1)

    def draw(self, surface: pygame.Surface) -> None:
        text, book = self.context.text, self.context.teaching.book
        surface.fill(BACKGROUND)
        text.draw(surface, self.TITLE, (40, 18), 44, TEXT)
        counts = "  ".join(
            phrase("book_screen.count_of_digit", digit=digit, count=count)
            for digit, count in enumerate(book.counts())
        )
        summary = counted(
            len(book), "book_screen.summary", "book_screen.summary_one", counts=counts
        )
        text.draw(surface, summary, (40, 72), 22, MUTED)
        if len(book):
            picked = self.selected is not None and self.selected < len(book)
            hint = phrase("book_screen.delete_picked" if picked else "book_screen.how_to_pick")
            text.draw(surface, hint, (40, 98), 20, ACCENT if picked else MUTED)
        if not len(book):
            text.draw(
                surface,
                phrase("book_screen.empty"),
                (40, 140),
                24,
                MUTED,
            )
        first = self._first_shown()
        readings = self.readings if self.readings is not None else []
        for slot, index in enumerate(range(first, len(book))):
            x = GRID_TOPLEFT[0] + (slot % PER_ROW) * STEP[0]
            y = GRID_TOPLEFT[1] + (slot // PER_ROW) * STEP[1]
            edge = ACCENT if index == self.selected else PANEL_EDGE
            pygame.draw.rect(surface, edge, (x - 2, y - 2, 60, 60), width=2)
            surface.blit(self._tiles[index], (x, y))
            label = int(book.labels[index])
            text.draw(surface, phrase("book_screen.label_is", digit=label), (x, y + 60), 18, TEXT)
            if index < len(readings):
                read = int(readings[index])
                color = GOOD if read == label else WARN
                text.draw(
                    surface, phrase("book_screen.label_read", digit=read), (x, y + 76), 18, color
                )
        self.draw_footer(surface)
