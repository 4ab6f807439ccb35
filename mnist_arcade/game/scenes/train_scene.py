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
from mnist_arcade.game.widgets.line_chart import LineChart
from mnist_arcade.game.widgets.network_view import COMPACT_LAYOUT, NetworkView
from mnist_arcade.game.widgets.question_box import draw_question_box
from mnist_arcade.game.widgets.surfaces import grey_to_surface
from mnist_arcade.game.widgets.theme import (
    ACCENT,
    BACKGROUND,
    GOOD,
    MUTED,
    WARN,
    panel,
)
from mnist_arcade.game.widgets.train_header import TrainHeader
from mnist_arcade.game.words import Phrase, Phrases, phrase
from mnist_arcade.messages import DataReady, Prediction
from mnist_arcade.presets import PresetName

ACCURACY_RECT = pygame.Rect(40, 180, 590, 256)
LOSS_RECT = pygame.Rect(650, 180, 590, 256)
EXAMPLES_TOPLEFT = (40, 446)  # the 20 labelled test digits, in one row
EXAMPLE_STEP = 48  # a 28 px digit, its label, and a gap
MAPS_RECT = pygame.Rect(40, 490, 1200, 170)
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
        self.header = TrainHeader(context, ACCURACY_RECT.top)
        self.next_preset: str | None = None  # start this one once the current run has ended
        self._shown: Prediction | None = None
        self._examples_for: DataReady | None = None
        self._example_tiles: list[tuple[pygame.Surface, int]] = []

    def bindings(self) -> list[Binding]:
        context = self.context
        return [
            *self._leaving_bindings(),
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

    def _leaving_bindings(self) -> list[Binding]:
        """Esc / T stop the run and go back to the board, B goes back leaving it going; with
        no run going (none started yet, or the last one over) all three only go back to the
        board, so they are one row that says just that, never "stop the run"."""
        if not self.context.training.active:
            return [
                Binding(
                    (pygame.K_ESCAPE, pygame.K_t, pygame.K_b),
                    phrase("keys.esc_t_or_b"),
                    phrase("keys.back_to_board"),
                    self._stop_and_leave,
                )
            ]
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
                lambda: self.context.switch_to(SceneId.BOARD),
            ),
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
        self.header.draw(surface)

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
