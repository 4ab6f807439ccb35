"""The training scene: pick a preset, watch accuracy and loss per epoch as the network learns.

Training runs on the session's background thread; this scene only reads the session's state,
so it renders at full speed whatever the trainer is doing. The player's last digit is read again
after every epoch, so its feature maps change as the filters form.
"""

from __future__ import annotations

import logging
from functools import partial

import pygame

from mnist_arcade.game.context import GameContext
from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes.scene import Binding, Scene
from mnist_arcade.game.services.training_session import (
    FAILED,
    FINISHED,
    IDLE,
    LOADING_DATA,
    STOPPED,
    STOPPING,
)
from mnist_arcade.game.widgets.line_chart import LineChart
from mnist_arcade.game.widgets.network_view import COMPACT_LAYOUT, NetworkView
from mnist_arcade.game.widgets.question_box import draw_question_box
from mnist_arcade.game.widgets.run_lines import report_line, verdict_line
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
from mnist_arcade.game.words.numbers import duration
from mnist_arcade.game.words.sources import plain_source
from mnist_arcade.messages import DataReady, Prediction
from mnist_arcade.presets import PresetName

PRESET_LABELS = {  # catalogue keys, looked up when drawn: in the language spoken then
    PresetName.SEED: "train_screen.preset_seed",
    PresetName.FULL: "train_screen.preset_full",
}
ACCURACY_RECT = pygame.Rect(40, 180, 590, 256)
LOSS_RECT = pygame.Rect(650, 180, 590, 256)
EXAMPLES_TOPLEFT = (40, 446)  # the 20 labelled test digits, in one row
EXAMPLE_STEP = 48  # a 28 px digit, its label, and a gap
MAPS_RECT = pygame.Rect(40, 490, 1200, 176)
PROGRESS_BAR = pygame.Rect(250, 132, 560, 18)
DATA_TOP = 70  # the data line, wrapped: the whole sentence shows
TOP_LINE_SIZE, TOP_LINE_WIDTH = 20, 1200  # the data line's and the teaching report's
SUMMARY_TOP = 106  # the run's summary, lower if the data lines above need the room
LOG = logging.getLogger(__name__)


class TrainScene(Scene):
    """Charts, progress and the player's digit, refreshed as training messages arrive."""

    TITLE = Phrase("train_screen.title")
    PANELS = Phrases(
        {
            "train_screen.name_accuracy": "train_screen.panel_accuracy",
            "train_screen.name_val_accuracy": "train_screen.panel_val_accuracy",
            "train_screen.name_loss": "train_screen.panel_loss",
            "train_screen.name_maps": "train_screen.panel_maps",
        }
    )

    def __init__(self, context: GameContext) -> None:
        super().__init__(context)
        text = context.text
        self.accuracy_chart = LineChart(
            text,
            ACCURACY_RECT,
            partial(phrase, "train_screen.accuracy_chart"),
            partial(phrase, "train_screen.accuracy_axis"),
            (0.0, 1.0),
            percent=True,
            subtitle=self._accuracy_subtitle,
        )
        self.loss_chart = LineChart(
            text,
            LOSS_RECT,
            partial(phrase, "train_screen.loss_chart"),
            partial(phrase, "train_screen.loss_axis"),
            subtitle=partial(phrase, "train_screen.loss_subtitle"),
        )
        self.mouse = (-1, -1)
        self.network = NetworkView(text, MAPS_RECT.inflate(-20, -16), COMPACT_LAYOUT)
        self.next_preset: str | None = None  # start this one once the current run has ended
        self._shown: Prediction | None = None
        self._examples_for: DataReady | None = None
        self._example_tiles: list[tuple[pygame.Surface, int]] = []

    def bindings(self) -> list[Binding]:
        context = self.context
        return [
            Binding(
                (pygame.K_ESCAPE, pygame.K_t),
                phrase("keys.esc_or", key="T"),
                phrase("train_screen.key_stop"),
                self._stop_and_leave,
            ),
            Binding(
                (pygame.K_b,),
                "B",
                phrase("train_screen.key_back"),
                lambda: context.switch_to(SceneId.BOARD),
            ),
            Binding(
                (pygame.K_1,),
                "1",
                phrase("train_screen.key_seed"),
                lambda: self._choose(PresetName.SEED),
            ),
            Binding(
                (pygame.K_2,),
                "2",
                phrase("train_screen.key_full"),
                lambda: self._choose(PresetName.FULL),
            ),
            Binding(
                (pygame.K_SPACE,),
                phrase("keys.space"),
                phrase("train_screen.key_again"),
                self._train_again,
            ),
            Binding(
                (pygame.K_RETURN, pygame.K_KP_ENTER),
                phrase("keys.enter"),
                phrase(
                    "train_screen.key_use_taught"
                    if context.switching.taught_offer()
                    else "train_screen.key_use"
                ),
                self._use_kept_aside,
            ),
            Binding((pygame.K_f,), "F", phrase("keys.fullscreen"), context.toggle_fullscreen),
        ]

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            self.handle_key(event.key)
        elif event.type == pygame.MOUSEMOTION:
            self.mouse = event.pos

    def on_exit(self) -> None:
        """Leaving the screen answers an open "use the taught model?" with no: only the
        player's Enter puts it in use."""
        if self.context.switching.decline_taught_run():
            self.context.say(phrase("teach.kept_old"), MUTED)

    def _stop_and_leave(self) -> None:
        self.context.training.stop()
        self.next_preset = None
        self.context.switch_to(SceneId.BOARD)

    def _choose(self, preset: str) -> None:
        """Stop the run (kept aside by the policy, never put in use) and start ``preset``."""
        self.next_preset = preset
        self.context.training.stop()

    def _train_again(self) -> None:
        context = self.context
        if context.training.active:
            context.say(phrase("train_screen.run_going"), WARN)
        elif context.training.preset == PresetName.FINETUNE:
            context.start_finetune()
        else:
            self.next_preset = context.training.preset

    def _use_kept_aside(self) -> None:
        if not self.context.switching.use_kept_aside_run():
            self.context.say(phrase("train_screen.nothing_aside"), MUTED)

    def update(self, dt: float) -> None:
        context, training = self.context, self.context.training
        if self.next_preset is not None and not training.running:
            context.news.start_training(self.next_preset)
            self.next_preset = None
        if training.data is not self._examples_for:
            self._examples_for = training.data
            data = training.data
            if data is not None and data.notes:  # for --verbose and the log, not the player
                LOG.info("training data from %s; not used: %s", data.source, data.notes)
            self._example_tiles = (
                []
                if data is None
                else [
                    (grey_to_surface(image), int(label))
                    for image, label in zip(data.examples, data.example_labels, strict=True)
                ]
            )
        # The run's own reading of the player's digit once it has one, else the model in use's.
        shown = context.news.preview or context.readings.prediction
        if shown is not self._shown:
            self._shown = shown
            if shown is None:
                self.network.prediction = None
            else:
                self.network.show(shown, animate=False)

    # --- drawing ---------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        training, text = self.context.training, self.context.text
        surface.fill(BACKGROUND)
        text.draw(surface, phrase("train_screen.heading"), (40, 18), 44, TEXT)
        for row, (name, key) in enumerate(PRESET_LABELS.items()):
            label = phrase(key)
            chosen = name == training.preset
            text.draw(surface, label, (560, 16 + row * 24), 22, ACCENT if chosen else MUTED)
        below = self._draw_lines(surface, self._data_line(), DATA_TOP, MUTED, 2)
        if training.report is not None:
            below = self._draw_lines(surface, report_line(training.report), below, ACCENT, 1)
        self._draw_progress(surface, max(SUMMARY_TOP, below))

        epochs = max(training.total_epochs, 1)
        self.accuracy_chart.draw(
            surface,
            {
                "accuracy": training.series("accuracy"),
                "val_accuracy": training.series("val_accuracy"),
            },
            epochs,
            [{k: run[k] for k in ("accuracy", "val_accuracy")} for run in training.earlier_runs],
        )
        self.loss_chart.draw(
            surface,
            {"loss": training.series("loss"), "val_loss": training.series("val_loss")},
            epochs,
            [{k: run[k] for k in ("loss", "val_loss")} for run in training.earlier_runs],
        )
        self._draw_examples(surface)
        panel(surface, MAPS_RECT)
        if self.network.prediction is None:
            text.draw(
                surface,
                phrase("train_screen.no_reading"),
                MAPS_RECT.center,
                22,
                MUTED,
                "center",
            )
        else:
            self.network.draw(surface)
        self.draw_footer(surface, notice=False)  # notices go in the summary line here
        text.draw(surface, phrase("train_screen.epoch_words"), (40, 159), 18, MUTED)
        question = self.context.switching.taught_question()
        if question:  # over the charts: the run is over, and this is the player's to answer
            draw_question_box(surface, text, question, ACCURACY_RECT.union(LOSS_RECT).center)
        elif not self.accuracy_chart.draw_value(surface, self.mouse):
            self.loss_chart.draw_value(surface, self.mouse)

    def _draw_examples(self, surface: pygame.Surface) -> None:
        """The tutorial's first look at the data: 20 test digits, each with its label, and
        after every epoch what the run reads each one as (green: right, red: wrong)."""
        if not self._example_tiles:
            return
        text = self.context.text
        readings = self.context.news.example_readings
        left, top = EXAMPLES_TOPLEFT
        shown = phrase("train_screen.examples", count=len(self._example_tiles))
        text.draw(surface, shown, (left, top - 4), 20, MUTED)
        text.draw(surface, phrase("train_screen.examples_legend"), (left, top + 14), 20, MUTED)
        x = left + 140
        for index, (tile, label) in enumerate(self._example_tiles):
            surface.blit(tile, (x, top))
            text.draw(surface, str(label), (x + 31, top + 8), 22, ACCENT, "midleft")
            if readings is not None and index < len(readings):
                read = int(readings[index])
                color = GOOD if read == label else WARN
                text.draw(surface, str(read), (x + 31, top + 25), 22, color, "midleft")
            x += EXAMPLE_STEP

    def _draw_lines(self, surface, sentence: str, top: int, color, max_lines: int) -> int:
        """``sentence`` wrapped to the screen's width from ``top`` (a longer one ends in "...");
        returns the y just below its last line, where the next line may start."""
        return self.context.text.draw_wrapped(
            surface, sentence, (40, top), TOP_LINE_WIDTH, TOP_LINE_SIZE, color, max_lines
        )

    def _accuracy_subtitle(self) -> str:
        """What the two accuracy lines were measured on, with the counts once the data is in
        (val's few digits are not the practice exam's, nor the final exam's test digits)."""
        data = self.context.training.data
        if data is None or self.context.training.preset == PresetName.FINETUNE:
            return phrase("train_screen.accuracy_subtitle")
        return phrase(
            "train_screen.accuracy_subtitle_counts",
            train=data.train_samples,
            validation=data.validation_samples,
        )

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
        if self.context.training.preset == PresetName.FINETUNE:
            count = len(self.context.teaching.book)
            source = plain_source(data.source)
            return phrase("train_screen.data_teaching", count=count, source=source)
        return phrase(
            "train_screen.data",
            source=plain_source(data.source),
            train=data.train_samples,
            validation=data.validation_samples,
        )

    def _draw_progress(self, surface: pygame.Surface, summary_top: int) -> None:
        training, text = self.context.training, self.context.text
        status = training.status
        progress = training.progress
        if status == IDLE:
            headline = phrase("train_screen.press_to_start")
        elif status == LOADING_DATA and training.drawing is not None:
            headline = phrase("train_screen.drawing")
        elif status == LOADING_DATA or progress is None:
            headline = phrase("train_screen.loading" if status != FAILED else "train_screen.failed")
        else:
            headline = phrase(
                "train_screen.epoch", epoch=progress.epoch, epochs=training.total_epochs
            )
        text.draw(surface, headline, (40, 128), 30, TEXT)
        if status != IDLE:  # no run yet: no bar (the headline says how to start one)
            self._draw_bar(surface)
        summary, color = self._summary()
        notice = self.context.notices.fresh()
        if notice:  # a key's answer outranks the run's summary for a few seconds
            summary, color = notice, self.context.notices.color
        if summary:  # one line: a long reason ends in "..." rather than off the screen
            text.draw_wrapped(surface, summary, (40, summary_top), 1200, 22, color, max_lines=1)

    def _draw_bar(self, surface: pygame.Surface) -> None:
        """How far through the run (or through making its practice drawings), and how fast."""
        training = self.context.training
        pygame.draw.rect(surface, PANEL_EDGE, PROGRESS_BAR, width=1)
        filled = PROGRESS_BAR.copy()
        share = training.run_fraction
        if training.status == LOADING_DATA and training.drawing is not None:
            share = training.drawing.done / max(training.drawing.total, 1)
        filled.width = round(PROGRESS_BAR.width * share)
        pygame.draw.rect(surface, ACCENT, filled)
        speed = self._speed_line()
        speed_at = (PROGRESS_BAR.right + 16, PROGRESS_BAR.top)
        self.context.text.draw(surface, speed, speed_at, 22, TEXT)

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
        sentence, color = verdict_line(training.judged, training.offer_taken, taught, asking)
        return done + sentence, color
