"""The trainer's news, turned into what the player sees: the run's preview reading of the
player's digit and of the example digits, and a notice when a run ends (and, if the policy
adopts it, the switch to it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mnist_arcade import paths
from mnist_arcade.canvas.preprocess import mnist_digits_as_input, to_network_input
from mnist_arcade.game.services.model_client import ModelClient
from mnist_arcade.game.services.training_session import (
    FAILED,
    FINISHED,
    STOPPED,
    TrainingSession,
    TrainingStatus,
    status_in_words,
)
from mnist_arcade.game.state.notices import Notices
from mnist_arcade.game.state.readings import Readings
from mnist_arcade.game.state.switching import ModelSwitching, library_file, run_name
from mnist_arcade.game.widgets.theme import GOOD, MUTED, WARN
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.model_names import shown_run_kind
from mnist_arcade.messages import Prediction
from mnist_arcade.player_files.model_names import record_model_name


@dataclass
class TrainingNews:
    """What the running (or last) run shows: its readings, and its end as a notice."""

    training: TrainingSession
    model: ModelClient
    notices: Notices
    readings: Readings
    switching: ModelSwitching
    preview: Prediction | None = None  # the training run's reading of the player's digit
    preview_serial: int = 0
    example_readings: object = None  # (20,) digits the run reads the example digits as, or None
    _last_status: TrainingStatus | None = None

    def forget_preview(self) -> None:
        """A new run starts: what the last one read is not shown beside it."""
        self.preview, self.example_readings = None, None
        self.preview_serial += 1

    def start_training(self, preset: str | None = None) -> bool:
        """Start a run judged against the model in use; False if one is still running."""
        started = self.training.start(preset, incumbent_weights=self.model.weights)
        if started:
            self.forget_preview()
            preset = shown_run_kind(self.training.preset)
            self.notices.say(phrase("training.started", preset=preset), MUTED)
        return started

    def on_preview(self, prediction: Prediction) -> None:
        self.preview = prediction
        self.preview_serial += 1

    def poll(self) -> None:
        """Once a frame: a new weights snapshot is read again; a new status is said."""
        snapshot = self.training.poll()
        if snapshot is not None:
            self.model.preview_weights(snapshot.weights, snapshot.epoch)
            data = self.training.data
            if data is not None and len(data.examples):  # the example digits, read again
                images = mnist_digits_as_input(data.examples)
                self.readings.classify(images, self._on_example_readings, preview=True)
            readings = self.readings
            if readings.reading is not None and not readings.board.is_empty:
                net_input = to_network_input(readings.board.pixels, readings.method)
                self.model.request_prediction(net_input, preview=True)

    def poll_status(self) -> None:
        status = self.training.status
        if status != self._last_status:
            self._last_status = status
            self._on_status(status)

    def _on_example_readings(self, probabilities) -> None:
        self.example_readings = probabilities.argmax(axis=1)

    def _on_status(self, status: TrainingStatus) -> None:
        judged, say = self.training.judged, self.notices.say
        if status is FAILED:
            say(phrase("training.failed", error=self.training.error), WARN)
        elif status in (FINISHED, STOPPED) and judged is None:
            say(phrase("training.nothing_to_keep"), MUTED)
        elif status in (FINISHED, STOPPED) and judged.problem is not None:
            problem = judged.problem[0].upper() + judged.problem[1:]
            say(phrase("training.not_saved", problem=problem), WARN)
        elif status in (FINISHED, STOPPED) and judged.adopted:
            name = run_name(self.training)
            self.model.use_weights(judged.weights, name, save=False)
            if judged.saved_path and Path(judged.saved_path) == paths.user_model_path():
                record_model_name(paths.user_model_path(), name)  # the trainer saved it there
            self.switching.expect(library_file(judged))
            say(
                phrase(
                    "training.adopted",
                    status=status_in_words(status),
                    scores=_scores(judged),
                ),
                GOOD,
            )
        elif status in (FINISHED, STOPPED) and self.training.report is not None:
            report = self.training.report
            taught = phrase(
                "training.taught",
                before=report.book_right_before,
                digits=report.book_digits,
                after=report.book_right_after,
            )
            say(taught, GOOD)
        elif status in (FINISHED, STOPPED):
            say(phrase("training.kept_aside", scores=_scores(judged)), MUTED)


def _scores(judged) -> str:
    """Say how the run reads the validation digits, beside the model in use on the same ones."""
    accuracy, digits = judged.candidate_accuracy, judged.validation_digits
    if judged.incumbent_accuracy is None:
        return phrase("training.scores", accuracy=accuracy, digits=digits)
    in_use = judged.incumbent_accuracy
    return phrase("training.scores_beside", accuracy=accuracy, digits=digits, in_use=in_use)
