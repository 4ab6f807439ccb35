"""The training screen's top strip: what the run learns from, how it went, and how far it is.

Above the charts, from the top: the heading and the two presets, the data line (what the run
learns from, wrapped), the teaching report, the run's summary (or a key's answer), the epoch
headline with its progress bar and speed, and the line that says what an epoch is.

Each line starts below the one above it, at its usual height where there is room. Larger text
(F2) and Chinese lines are taller than the strip was laid out for, so when the lines would
reach the charts they close up to their measured heights, and if that is still too tall the
explanation of an epoch (the one line the help card also gives) is left out, never drawn over
the charts.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from mnist_arcade.game.services.training_session import (
    FAILED,
    FINISHED,
    IDLE,
    LOADING_DATA,
    STOPPED,
    STOPPING,
)
from mnist_arcade.game.widgets.run_lines import report_line, verdict_line
from mnist_arcade.game.widgets.text import fit_lines
from mnist_arcade.game.widgets.theme import ACCENT, MUTED, PANEL_EDGE, TEXT, WARN
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.numbers import duration
from mnist_arcade.game.words.sources import plain_source
from mnist_arcade.presets import PresetName

LEFT, WIDTH = 40, 1200  # every line of the strip starts at the left margin
DATA_TOP = 70  # the data line, wrapped: the whole sentence shows
TOP_LINE_SIZE = 20  # the data line's and the teaching report's
SUMMARY_TOP, SUMMARY_SIZE = 106, 22  # the run's summary, lower if the lines above need the room
HEADLINE_TOP, HEADLINE_SIZE = 128, 30  # "Epoch 3 of 50"
EPOCH_WORDS_TOP, EPOCH_WORDS_SIZE = 159, 18  # what an epoch is
BAR_LEFT, BAR_SIZE = 250, (560, 18)  # the progress bar, level with the headline
GAP = 2  # px between two lines of the strip, at the least
PRESET_LABELS = {  # catalogue keys, looked up when drawn: in the language spoken then
    PresetName.SEED: "train_screen.preset_seed",
    PresetName.FULL: "train_screen.preset_full",
}


@dataclass(frozen=True)
class Line:
    """One sentence of the strip: its words, size, colour, at most how many lines, the
    height it starts at when there is room, and whether it is the headline (the progress bar
    and the speed are drawn beside it)."""

    words: str
    size: int
    color: tuple[int, int, int]
    max_lines: int
    usual_top: int
    headline: bool = False


class TrainHeader:
    """Draws the strip above the charts from the game's training state, every frame."""

    def __init__(self, context, bottom: int) -> None:
        self.context = context
        self.bottom = bottom  # the charts' top: nothing of the strip reaches it

    def draw(self, surface: pygame.Surface) -> None:
        training, text = self.context.training, self.context.text
        text.draw(surface, phrase("train_screen.heading"), (LEFT, 18), 44, TEXT)
        for row, (name, key) in enumerate(PRESET_LABELS.items()):
            color = ACCENT if name == training.preset else MUTED
            text.draw(surface, phrase(key), (560, 16 + row * 24), 22, color)
        lines = self._lines()
        tops = self._tops(lines)
        for line, top in zip(lines, tops, strict=False):  # a line left out has no top
            if line.headline:
                self._draw_headline(surface, line, top)
            else:
                text.draw_wrapped(
                    surface, line.words, (LEFT, top), WIDTH, line.size, line.color, line.max_lines
                )

    # --- layout ----------------------------------------------------------------------------

    def _lines(self) -> list[Line]:
        """The strip's sentences from the top down (the empty ones left out)."""
        training = self.context.training
        lines = [Line(self._data_line(), TOP_LINE_SIZE, MUTED, 2, DATA_TOP)]
        if training.report is not None:
            lines.append(Line(report_line(training.report), TOP_LINE_SIZE, ACCENT, 1, 0))
        summary, color = self._summary()
        notice = self.context.notices.fresh()
        if notice:  # a key's answer outranks the run's summary for a few seconds
            summary, color = notice, self.context.notices.color
        if summary:  # one line: a long reason ends in "..." rather than off the screen
            lines.append(Line(summary, SUMMARY_SIZE, color, 1, SUMMARY_TOP))
        lines.append(Line(self._headline(), HEADLINE_SIZE, TEXT, 1, HEADLINE_TOP, headline=True))
        words = phrase("train_screen.epoch_words")
        lines.append(Line(words, EPOCH_WORDS_SIZE, MUTED, 1, EPOCH_WORDS_TOP))
        return lines

    def _height(self, line: Line) -> int:
        font = self.context.text.font(line.size, line.words)
        return len(fit_lines(line.words, font, WIDTH, line.max_lines)) * font.get_linesize()

    def _tops(self, lines: list[Line]) -> list[int]:
        """Where each line starts: at its usual height where there is room, closed up to the
        measured heights where not; the last line (what an epoch is) is left out if even then
        the strip would reach the charts."""
        heights = [self._height(line) for line in lines]
        for keep_usual in (True, False):
            tops, below = [], DATA_TOP
            for line, height in zip(lines, heights, strict=True):
                top = max(line.usual_top, below) if keep_usual else below
                tops.append(top)
                below = top + height + GAP
            if below <= self.bottom:
                return tops
        return tops[:-1]

    # --- the lines' words ------------------------------------------------------------------

    def _data_line(self) -> str:
        training = self.context.training
        data = training.data
        if data is None and training.status is FAILED:
            return phrase("train_screen.data_failed")
        if data is None and training.status is IDLE:
            return phrase("train_screen.data_idle")
        if data is None and training.drawing is not None:  # found: drawings are made from it
            return phrase("train_screen.data_drawing")
        if data is None:
            return phrase("train_screen.data_looking")
        if training.preset == PresetName.FINETUNE:
            count = len(self.context.teaching.book)
            source = plain_source(data.source)
            return phrase("train_screen.data_teaching", count=count, source=source)
        return phrase(
            "train_screen.data",
            source=plain_source(data.source),
            train=data.train_samples,
            validation=data.validation_samples,
        )

    def _headline(self) -> str:
        training = self.context.training
        status, progress = training.status, training.progress
        if status == IDLE:
            return phrase("train_screen.press_to_start")
        if status == LOADING_DATA and training.drawing is not None:
            return phrase("train_screen.drawing")
        if status == LOADING_DATA or progress is None:
            return phrase("train_screen.loading" if status != FAILED else "train_screen.failed")
        return phrase("train_screen.epoch", epoch=progress.epoch, epochs=training.total_epochs)

    def _summary(self) -> tuple[str, tuple[int, int, int]]:
        training = self.context.training
        if training.status == FAILED:
            return training.error or phrase("train_screen.failed_reason"), WARN
        if training.status == STOPPING:
            return phrase("train_screen.stopping"), ACCENT
        finished = training.finished
        if finished is None or training.status not in (FINISHED, STOPPED):
            return "", TEXT
        key = "train_screen.finished" if training.status == FINISHED else "train_screen.stopped"
        done = phrase(key, epochs=finished.epochs_done, time=duration(finished.seconds))
        taught = training.preset == PresetName.FINETUNE
        asking = self.context.switching.taught_offer() is not None
        judged = training.judged
        replaced = judged is not None and not self.context.switching.still_in_use(judged)
        sentence, color = verdict_line(judged, training.offer_taken, taught, asking, replaced)
        return done + sentence, color

    # --- the headline's row ----------------------------------------------------------------

    def _draw_headline(self, surface: pygame.Surface, line: Line, top: int) -> None:
        """The headline, and after it (once a run is under way) the bar and the speed."""
        text = self.context.text
        text.draw(surface, line.words, (LEFT, top), line.size, line.color)
        if self.context.training.status == IDLE:  # no run yet: no bar (the headline says how)
            return
        bar = pygame.Rect((BAR_LEFT, top + 4), BAR_SIZE)
        pygame.draw.rect(surface, PANEL_EDGE, bar, width=1)
        filled = bar.copy()
        filled.width = round(bar.width * self._share_done())
        pygame.draw.rect(surface, ACCENT, filled)
        text.draw(surface, self._speed_line(), (bar.right + 16, bar.top), 22, TEXT)

    def _share_done(self) -> float:
        """How far through the run, or through making its practice drawings."""
        training = self.context.training
        if training.status == LOADING_DATA and training.drawing is not None:
            return training.drawing.done / max(training.drawing.total, 1)
        return training.run_fraction

    def _speed_line(self) -> str:
        training = self.context.training
        if training.progress is None and training.drawing is not None:
            drawing = training.drawing
            return phrase("train_screen.drawn_so_far", done=drawing.done, total=drawing.total)
        if training.progress is None:
            return ""
        line = phrase("train_screen.speed", speed=training.progress.samples_per_second)
        eta = training.eta_seconds
        if eta is not None:
            line += phrase("train_screen.eta", eta=duration(eta))
        return line
