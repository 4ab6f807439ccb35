"""The training scene: pick a preset, watch accuracy and loss per epoch as the network learns.

Training runs on the session's background thread; this scene only reads the session's state,
so it renders at full speed whatever the trainer is doing. The player's last digit is read again
after every epoch, so its feature maps change as the filters form.
"""

from __future__ import annotations

from typing import ClassVar

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
from mnist_arcade.messages import DataReady, FinetuneReport, Prediction, RunJudged
from mnist_arcade.presets import PresetName
from mnist_arcade.scoring.adoption import percentages_that_differ

PRESET_LABELS = {
    PresetName.SEED: "1  seed: the tutorial's run (1,000 digits, batch 500, 50 epochs)",
    PresetName.FULL: "2  full: every training digit + drawings like yours, augmented (about 99%)",
}
ACCURACY_RECT = pygame.Rect(40, 172, 590, 264)
LOSS_RECT = pygame.Rect(650, 172, 590, 264)
EXAMPLES_TOPLEFT = (40, 446)  # the 20 labelled test digits, in one row
EXAMPLE_STEP = 48  # a 28 px digit, its label, and a gap
MAPS_RECT = pygame.Rect(40, 490, 1200, 176)
PROGRESS_BAR = pygame.Rect(250, 136, 560, 18)
EPOCH_WORDS = (
    "An epoch is one pass over all the training digits, in batches (one small correction of "
    "the weights per batch); samples/s: digits learned from per second."
)


def format_duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class TrainScene(Scene):
    """Charts, progress and the player's digit, refreshed as training messages arrive."""

    TITLE: ClassVar[str] = "Training the network"
    PANELS: ClassVar[dict[str, str]] = {
        "accuracy": "how many digits it reads right after each epoch (one pass over the data)",
        "val_accuracy": "the same on digits it never learns from: its exam",
        "loss": "how wrong it is on average; lower is better",
        "the maps": "your digit read by the network as it is right now",
    }

    def __init__(self, context: GameContext) -> None:
        super().__init__(context)
        text = context.text
        self.accuracy_chart = LineChart(
            text,
            ACCURACY_RECT,
            "Accuracy per epoch",
            "accuracy",
            (0.0, 1.0),
            percent=True,
            subtitle="digits read right: training digits, and val: digits it never learns from",
        )
        self.loss_chart = LineChart(
            text,
            LOSS_RECT,
            "Loss per epoch",
            "cross-entropy loss",
            subtitle="how wrong it is on average (cross-entropy): lower is better",
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
                "Esc / T",
                "stop, back to the board",
                self._stop_and_leave,
            ),
            Binding(
                (pygame.K_b,),
                "B",
                "back to the board, training goes on",
                lambda: context.switch_to(SceneId.BOARD),
            ),
            Binding(
                (pygame.K_1,),
                "1",
                "the seed run (the tutorial's)",
                lambda: self._choose(PresetName.SEED),
            ),
            Binding((pygame.K_2,), "2", "the full run", lambda: self._choose(PresetName.FULL)),
            Binding((pygame.K_SPACE,), "Space", "train again", self._train_again),
            Binding(
                (pygame.K_RETURN, pygame.K_KP_ENTER),
                "Enter",
                "use a kept-aside run (press twice)",
                self._use_kept_aside,
            ),
            Binding((pygame.K_f,), "F", "fullscreen on or off", context.toggle_fullscreen),
        ]

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            self.handle_key(event.key)
        elif event.type == pygame.MOUSEMOTION:
            self.mouse = event.pos

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
            context.say("A run is still going: Esc stops it first.", WARN)
        elif context.training.preset == PresetName.FINETUNE:
            context.start_finetune()
        else:
            self.next_preset = context.training.preset

    def _use_kept_aside(self) -> None:
        if not self.context.switching.use_kept_aside_run():
            self.context.say("There is no kept-aside run to use. Space trains again.", MUTED)

    def update(self, dt: float) -> None:
        context, training = self.context, self.context.training
        if self.next_preset is not None and not training.running:
            context.news.start_training(self.next_preset)
            self.next_preset = None
        if training.data is not self._examples_for:
            self._examples_for = training.data
            data = training.data
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
        text.draw(surface, "Training the CNN", (40, 18), 44, TEXT)
        for row, (name, label) in enumerate(PRESET_LABELS.items()):
            chosen = name == training.preset
            text.draw(surface, label, (560, 16 + row * 24), 22, ACCENT if chosen else MUTED)
        text.draw(surface, self._data_line(), (40, 70), 20, MUTED)
        if training.report is not None:
            text.draw(surface, report_line(training.report), (40, 92), 20, ACCENT)
        elif training.data is not None and training.data.notes:
            text.draw(
                surface, "not used: " + " | ".join(training.data.notes)[:150], (40, 92), 18, MUTED
            )
        self._draw_progress(surface)

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
                "Draw a digit on the board (B) and press P: its feature maps will "
                "change here after every epoch.",
                MAPS_RECT.center,
                22,
                MUTED,
                "center",
            )
        else:
            self.network.draw(surface)
        self.draw_footer(surface, notice=False)  # notices go in the summary line here
        text.draw(surface, EPOCH_WORDS, (40, 158), 18, MUTED)
        if not self.accuracy_chart.draw_value(surface, self.mouse):
            self.loss_chart.draw_value(surface, self.mouse)

    def _draw_examples(self, surface: pygame.Surface) -> None:
        """The tutorial's first look at the data: 20 test digits, each with its label, and
        after every epoch what the run reads each one as (green: right, red: wrong)."""
        if not self._example_tiles:
            return
        text = self.context.text
        readings = self.context.news.example_readings
        left, top = EXAMPLES_TOPLEFT
        text.draw(surface, f"{len(self._example_tiles)} test digits:", (left, top - 4), 20, MUTED)
        text.draw(surface, "label / read now", (left, top + 14), 20, MUTED)
        x = left + 140
        for index, (tile, label) in enumerate(self._example_tiles):
            surface.blit(tile, (x, top))
            text.draw(surface, str(label), (x + 31, top + 8), 22, ACCENT, "midleft")
            if readings is not None and index < len(readings):
                read = int(readings[index])
                color = GOOD if read == label else WARN
                text.draw(surface, str(read), (x + 31, top + 25), 22, color, "midleft")
            x += EXAMPLE_STEP

    def _data_line(self) -> str:
        training = self.context.training
        data = training.data
        if data is None and training.status is FAILED:
            return "Data: none could be used (the reason is below). 1 or 2 tries again."
        if data is None and training.drawing is not None:  # found: drawings are made from it
            return "Data: MNIST found; practice drawings are made from it before the first epoch"
        if data is None:
            return "Data: looking for MNIST..."
        if self.context.training.preset == PresetName.FINETUNE:
            return (
                f"Teaching your {len(self.context.teaching.book)} digits (each nudged a few "
                f"ways), mixed with MNIST digits from {data.source} so it does not forget them"
            )
        return (
            f"Data: {data.source}, {data.train_samples:,} training digits; "
            f"{data.validation_samples:,} validation digits checked after each epoch"
        )

    def _draw_progress(self, surface: pygame.Surface) -> None:
        training, text = self.context.training, self.context.text
        status = training.status
        progress = training.progress
        if status == IDLE:
            headline = "Press 1 or 2 to start training."
        elif status == LOADING_DATA and training.drawing is not None:
            headline = "Drawing..."
        elif status == LOADING_DATA or progress is None:
            headline = "Loading data..." if status != FAILED else "Training failed"
        else:
            headline = f"Epoch {progress.epoch} of {training.total_epochs}"
        text.draw(surface, headline, (40, 132), 30, TEXT)
        pygame.draw.rect(surface, PANEL_EDGE, PROGRESS_BAR, width=1)
        filled = PROGRESS_BAR.copy()
        share = training.run_fraction
        if status == LOADING_DATA and training.drawing is not None:
            share = training.drawing.done / max(training.drawing.total, 1)
        filled.width = round(PROGRESS_BAR.width * share)
        pygame.draw.rect(surface, ACCENT, filled)
        text.draw(surface, self._speed_line(), (PROGRESS_BAR.right + 16, 136), 22, TEXT)
        summary, color = self._summary()
        notice = self.context.notices.fresh()
        if notice:  # a key's answer outranks the run's summary for a few seconds
            summary, color = notice, self.context.notices.color
        if summary:  # one line: a long reason ends in "..." rather than off the screen
            text.draw_wrapped(surface, summary, (40, 112), 1200, 22, color, max_lines=1)

    def _speed_line(self) -> str:
        training = self.context.training
        if training.progress is None and training.drawing is not None:
            drawing = training.drawing
            return f"{drawing.done:,} of {drawing.total:,} practice digits, drawn like yours"
        if training.progress is None:
            return ""
        line = f"{training.progress.samples_per_second:,.0f} samples/s"
        eta = training.eta_seconds
        if eta is not None:
            line += f"    ETA {format_duration(eta)}"
        return line

    def _summary(self) -> tuple[str, tuple[int, int, int]]:
        training = self.context.training
        if training.status == FAILED:
            return training.error or "training failed", WARN
        if training.status == STOPPING:
            return "Stopping after this batch...", ACCENT
        finished = training.finished
        if finished is None or training.status not in (FINISHED, STOPPED):
            return "", TEXT
        verb = "Finished" if training.status == FINISHED else "Stopped"
        done = f"{verb}: {finished.epochs_done} epochs in {format_duration(finished.seconds)}. "
        sentence, color = verdict_line(
            training.judged, training.offer_taken, taught=training.preset == PresetName.FINETUNE
        )
        return done + sentence, color


def report_line(report: FinetuneReport) -> str:
    """Before and after teaching, side by side, in one sentence."""
    return (
        f"Your {report.book_digits} digits: {report.book_right_before} read right before, "
        f"{report.book_right_after} after.    MNIST test: {report.test_accuracy_before:.1%} "
        f"before, {report.test_accuracy_after:.1%} after."
    )


def verdict_line(
    judged: RunJudged | None, offer_taken: bool, taught: bool = False
) -> tuple[str, tuple[int, int, int]]:
    """One sentence on what became of a run: put in use, or kept aside and why.

    A run that taught the player's digits is nearly always a hair worse on MNIST's validation
    digits (that is the price of a new style), so it waits for the player's Enter, said plainly.
    """
    if judged is None:
        return "Nothing to keep: not one epoch was finished.", MUTED
    in_use = judged.incumbent_accuracy
    candidate, before = percentages_that_differ(
        judged.candidate_accuracy, judged.candidate_accuracy if in_use is None else in_use
    )
    measured = f"{candidate} of all {judged.validation_digits:,} validation digits right"
    incumbent = "" if in_use is None else f" (the model in use: {before})"
    if judged.adopted:
        return f"Now in use: it reads {measured}{incumbent}.", GOOD
    if offer_taken:
        return f"You chose to use this run: it reads {measured}{incumbent}.", GOOD
    if taught:
        return f"MNIST validation: {measured}{incumbent}. Enter twice: use it.", ACCENT
    return f"Kept aside: it reads {measured}{incumbent}. Enter twice: use it anyway.", ACCENT
