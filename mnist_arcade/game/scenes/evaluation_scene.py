"""The evaluation screen: how well the model in use reads real test digits, and which it mixes up.

The confusion matrix has a row per true digit and a column per digit read; the diagonal is
what it reads right. Clicking a cell shows those very digits with their true and read labels,
so "it reads 4s as 9s" becomes something a learner can look at. Scoring is one batched engine
call; the test digits load on a thread, so the screen opens at once.
"""

from __future__ import annotations

import numpy as np
import pygame

from mnist_arcade.explaining.activation_images import enlarge
from mnist_arcade.game.context import GameContext
from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes.scene import Binding, Scene
from mnist_arcade.game.services.exam_digits import TestDigits
from mnist_arcade.game.widgets.surfaces import grey_to_surface
from mnist_arcade.game.widgets.theme import (
    ACCENT,
    BACKGROUND,
    GOOD,
    MUTED,
    PANEL_EDGE,
    TEXT,
    WARN,
    panel,
)
from mnist_arcade.game.words import Phrase, Phrases, phrase
from mnist_arcade.game.words.numbers import digits_counted
from mnist_arcade.game.words.sources import plain_source
from mnist_arcade.scoring.confusion import confusion_matrix, per_digit_accuracy

MATRIX_TOPLEFT = (110, 170)  # the top-left cell
CELL = 46  # pixels per cell
DIGITS_RECT = pygame.Rect(720, 150, 520, 500)  # the clicked cell's digits
SHOWN_DIGITS = 24  # at most this many digits of one cell on screen


class EvaluationScene(Scene):
    """Confusion matrix, per-digit accuracy and the digits behind any cell."""

    TITLE = Phrase("evaluation_screen.title")
    PANELS = Phrases(
        {
            "evaluation_screen.name_table": "evaluation_screen.panel_table",
            "evaluation_screen.name_per_digit": "evaluation_screen.panel_per_digit",
            "evaluation_screen.name_digits": "evaluation_screen.panel_digits",
        }
    )

    def __init__(self, context: GameContext) -> None:
        super().__init__(context)
        self.digits = TestDigits(context.training.trainer_options.get("data_path"))
        self.yours = False  # score the player's digit book instead of the test digits
        self.read: np.ndarray | None = None  # the digit read for every scored digit
        self.matrix: np.ndarray | None = None
        self.scored_version = -1  # the model version the table is for
        # The very digits the table counts (images, labels): a click shows digits of these, so a
        # book taught or trimmed since can never pair its labels with an older reading.
        self.scored: tuple[np.ndarray, np.ndarray] | None = None
        self._asked_about: tuple[np.ndarray, np.ndarray] | None = None  # the last digits sent
        self.selected: tuple[int, int] | None = None  # (true, read)
        self._tiles: list[tuple[pygame.Surface, int, int]] = []
        self._asked = False

    def bindings(self) -> list[Binding]:
        back = lambda: self.context.switch_to(SceneId.BOARD)  # noqa: E731
        return [
            Binding(
                (pygame.K_ESCAPE, pygame.K_e, pygame.K_b),
                phrase("keys.esc_or", key="E"),
                phrase("keys.back_to_board"),
                back,
            ),
            Binding((pygame.K_y,), "Y", phrase("evaluation_screen.key_yours"), self._toggle_yours),
            Binding((pygame.K_f,), "F", phrase("keys.fullscreen"), self.context.toggle_fullscreen),
        ]

    def on_enter(self) -> None:
        self.digits.start()
        if self.scored_version != self.context.model.version:
            self._asked = False  # another model is in use since: score it again
            self.selected, self._tiles = None, []  # its square was the older model's

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            self.handle_key(event.key)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            cell = self.cell_at(event.pos)
            if cell is not None and self.matrix is not None:
                self.select(*cell)

    def cell_at(self, point: tuple[int, int]) -> tuple[int, int] | None:
        """(true digit, read digit) of the table cell under ``point``."""
        column = (point[0] - MATRIX_TOPLEFT[0]) // CELL
        row = (point[1] - MATRIX_TOPLEFT[1]) // CELL
        if 0 <= row < 10 and 0 <= column < 10:
            return int(row), int(column)
        return None

    def scored_digits(self) -> tuple[np.ndarray, np.ndarray, str] | None:
        """(images in [0, 1], labels, where from) of the digits the table is about."""
        if self.yours:
            book = self.context.teaching.book
            return book.inputs, book.labels, phrase("evaluation_screen.source_book")
        data = self.digits.data
        if data is None:
            return None
        return self.digits.inputs, data.y_test, plain_source(data.source)

    def _toggle_yours(self) -> None:
        if not self.yours and not len(self.context.teaching.book):
            self.context.say(phrase("evaluation_screen.book_empty"), MUTED)
            return
        self.yours = not self.yours
        self.matrix, self.read, self.selected, self._tiles = None, None, None, []
        self._asked = False

    def select(self, true_digit: int, read_digit: int) -> None:
        if self.scored is None or self.read is None:
            return
        images, labels = self.scored
        self.selected = (true_digit, read_digit)
        chosen = np.flatnonzero((labels == true_digit) & (self.read == read_digit))
        self._tiles = [
            (grey_to_surface(enlarge(images[i], 2)), true_digit, read_digit)
            for i in chosen[:SHOWN_DIGITS]
        ]

    def update(self, dt: float) -> None:
        context = self.context
        if self.yours and not len(context.teaching.book):  # emptied since: back to test digits
            self._toggle_yours()
        if self.yours and self._asked and self._book_changed():
            self.matrix, self.read, self._tiles = None, None, []  # taught or trimmed since
            self._asked = False
        if self._asked or self.scored_digits() is None:
            return
        if not context.model.ready:
            return
        self._asked = True
        version = context.model.version
        images, labels, _ = self.scored_digits()
        asked_for = self.yours
        self._asked_about = (images, labels)
        context.readings.classify(
            images, lambda p: self._scored(p, images, labels, version, asked_for)
        )

    def _book_changed(self) -> bool:
        """True when the book's digits are no longer the ones asked about (the book's arrays
        are replaced, never changed in place, on every digit taught or removed)."""
        asked = self._asked_about
        book = self.context.teaching.book
        return asked is None or asked[0] is not book.inputs or asked[1] is not book.labels

    def _scored(
        self,
        probabilities: np.ndarray,
        images: np.ndarray,
        labels: np.ndarray,
        version: int,
        yours: bool,
    ) -> None:
        current = self.scored_digits()
        if yours != self.yours or current is None or current[1] is not labels:
            return  # an answer for the other set of digits, or a book that changed since
        self.read = probabilities.argmax(axis=1)
        self.matrix = confusion_matrix(labels, self.read)
        self.scored = (images, labels)
        if version != self.scored_version:  # another model's reading: its square is not
            self.selected, self._tiles = None, []  # the one clicked, so none is shown
        self.scored_version = version
        if self.selected is not None:
            self.select(*self.selected)

    # --- drawing -----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        text = self.context.text
        surface.fill(BACKGROUND)
        text.draw(surface, self.TITLE, (40, 18), 44, TEXT)
        in_use = phrase("board_screen.in_use", label=self.context.model.label)
        text.draw(surface, in_use, (1240, 22), 22, MUTED, "topright")
        if self.digits.error and not self.yours:
            no_digits = phrase("evaluation_screen.no_test_digits", error=self.digits.error)
            text.draw(surface, no_digits, (40, 90), 22, WARN)
        elif self.matrix is None:
            text.draw(surface, phrase("evaluation_screen.reading"), (40, 90), 24, MUTED)
        else:
            self._draw_matrix(surface)
            self._draw_selected(surface)
        self.draw_footer(surface)

    def _draw_matrix(self, surface: pygame.Surface) -> None:
        text, matrix = self.context.text, self.matrix
        total, right = max(int(matrix.sum()), 1), int(np.trace(matrix))
        kind = phrase(
            "evaluation_screen.kind_yours" if self.yours else "evaluation_screen.kind_test"
        )
        source = self.scored_digits()[2]
        text.draw(
            surface,
            phrase(
                "evaluation_screen.summary",
                right=right,
                total=total,
                kind=kind,
                share=right / total,
                source=source,
            ),
            (40, 76),
            22,
            TEXT,
        )
        text.draw(surface, phrase("evaluation_screen.click_hint"), (40, 100), 20, MUTED)
        self._draw_axes(surface)
        left, top = MATRIX_TOPLEFT
        largest_miss = max(int((matrix - np.diag(np.diag(matrix))).max()), 1)
        for digit in range(10):
            text.draw(
                surface, str(digit), (left + digit * CELL + CELL // 2, top - 20), 20, TEXT, "midtop"
            )
            text.draw(
                surface,
                str(digit),
                (left - 10, top + digit * CELL + CELL // 2),
                20,
                TEXT,
                "midright",
            )
        for row in range(10):
            for column in range(10):
                count = int(matrix[row, column])
                rect = pygame.Rect(left + column * CELL, top + row * CELL, CELL - 2, CELL - 2)
                pygame.draw.rect(
                    surface, _cell_colour(row, column, count, matrix, largest_miss), rect
                )
                if self.selected == (row, column):
                    pygame.draw.rect(surface, ACCENT, rect, width=3)
                if count:
                    text.draw(surface, str(count), rect.center, 18, TEXT, "center")
        self._draw_per_digit(surface)

    def _draw_axes(self, surface: pygame.Surface) -> None:
        """The table's two axes: what the network read across, the true digit down."""
        text = self.context.text
        left, top = MATRIX_TOPLEFT
        text.draw(
            surface,
            phrase("evaluation_screen.read_as_axis"),
            (left + 5 * CELL, top - 40),
            20,
            MUTED,
            "midtop",
        )
        label = pygame.transform.rotate(
            text.render(phrase("evaluation_screen.true_axis"), 20, MUTED), 90
        )
        surface.blit(label, label.get_rect(midright=(left - 30, top + 5 * CELL)))

    def _draw_per_digit(self, surface: pygame.Surface) -> None:
        """Beside the table: the share of each true digit read right."""
        text, (left, top) = self.context.text, MATRIX_TOPLEFT
        accuracy = per_digit_accuracy(self.matrix)
        bars_left = left + 10 * CELL + 20
        text.draw(
            surface, phrase("evaluation_screen.right_column"), (bars_left, top - 20), 20, MUTED
        )
        for digit, share in enumerate(accuracy):
            y = top + digit * CELL + CELL // 2
            words = phrase("evaluation_screen.no_digits") if np.isnan(share) else share_right(share)
            color = GOOD if not np.isnan(share) and share >= 0.95 else WARN
            text.draw(surface, words, (bars_left, y), 20, color, "midleft")

    def _draw_selected(self, surface: pygame.Surface) -> None:
        text = self.context.text
        panel(surface, DIGITS_RECT)
        left, top = DIGITS_RECT.left + 16, DIGITS_RECT.top + 12
        if self.selected is None:
            text.draw(surface, phrase("evaluation_screen.pick_square"), (left, top), 22, MUTED)
            return
        true_digit, read_digit = self.selected
        count = int(self.matrix[true_digit, read_digit])
        verdict = (
            phrase("evaluation_screen.cell_right")
            if true_digit == read_digit
            else phrase("evaluation_screen.cell_read_as", digit=read_digit)
        )
        digits = digits_counted(count, true_digit)
        cell = phrase("evaluation_screen.cell", digits=digits, verdict=verdict)
        text.draw(surface, cell, (left, top), 24, TEXT)
        if count > SHOWN_DIGITS:
            first = phrase("evaluation_screen.first_shown", count=SHOWN_DIGITS)
            text.draw(surface, first, (left, top + 26), 20, MUTED)
        for index, (tile, true_label, read_label) in enumerate(self._tiles):
            x = left + (index % 6) * 82
            y = top + 56 + (index // 6) * 104
            pygame.draw.rect(surface, PANEL_EDGE, (x - 1, y - 1, 58, 58), width=1)
            surface.blit(tile, (x, y))
            color = GOOD if true_label == read_label else WARN
            text.draw(
                surface,
                phrase("evaluation_screen.tile_true", digit=true_label),
                (x, y + 60),
                18,
                MUTED,
            )
            text.draw(
                surface, phrase("book_screen.label_read", digit=read_label), (x, y + 76), 18, color
            )


def _cell_colour(row, column, count, matrix, largest_miss) -> tuple[int, int, int]:
    """Green on the diagonal, red elsewhere, brighter for more digits."""
    if count == 0:
        return (30, 34, 48)
    if row == column:
        share = count / max(int(matrix[row].sum()), 1)
        return (30, round(60 + 120 * share), 70)
    strength = count / largest_miss
    return (round(70 + 150 * strength), 40, 50)


def share_right(share: float) -> str:
    """A row's share read right to a tenth of a percent, as ``evaluate`` prints it, but never
    "100%" unless every digit of the row was read right (9,999 of 10,000 is "99.9%")."""
    if share >= 1.0:
        return "100%"
    words = f"{share:.1%}"
    return "99.9%" if words == "100.0%" else words
