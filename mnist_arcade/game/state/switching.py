"""Switching the model in use: N (the next kept model), R (the shipped one), Enter (the
kept-aside run), and the queue of switches sent to the engine and not yet answered.

The engine answers switches in order, each with ``ModelInUse`` or a failure; the queue holds
their files, oldest first (None: a model with no file), so N knows which model is in use.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from mnist_arcade import paths
from mnist_arcade.game.services.model_client import ModelClient, ModelState
from mnist_arcade.game.services.training_session import TrainingSession
from mnist_arcade.game.state.notices import Confirmable, Notices
from mnist_arcade.game.state.readings import Readings
from mnist_arcade.game.widgets.theme import GOOD, MUTED, WARN
from mnist_arcade.game.words import phrase, with_the
from mnist_arcade.game.words.model_names import (
    shown_library_name,
    shown_measured_on,
    shown_model_name,
    shown_run_kind,
)
from mnist_arcade.messages import ModelInUse, RunJudged
from mnist_arcade.player_files.model_library import (
    checked_library_models,
    library_models,
    recorded_accuracy,
    set_aside_model,
)
from mnist_arcade.presets import PresetName
from mnist_arcade.scoring.adoption import percentages_that_differ

WHOLE_WARNINGS = {  # warnings that name the model in use themselves: said as they are, short
    "model.saved_kept_aside",  # enough for the notice to name the file it was kept aside as
    "model.saved_left_unread",  # or the file left as it was
}


def run_name(training: TrainingSession) -> str:
    """How the model from the last run is named beside its accuracy."""
    if training.preset == PresetName.FINETUNE and training.report is not None:
        return phrase("run.taught", digits=training.report.book_digits)
    return phrase("run.preset", preset=shown_run_kind(training.preset))


def library_file(judged: RunJudged) -> Path | None:
    """The run's copy in the model library, which N knows it by."""
    return Path(judged.library_path) if judged.library_path else None


@dataclass
class ModelSwitching:
    """The switches asked for and the file of the model in use."""

    model: ModelClient
    training: TrainingSession
    notices: Notices
    readings: Readings
    _switches: deque = field(default_factory=deque)  # files of switches sent, oldest first
    _in_use_file: Path | None = None  # the shipped or kept model file in use, if known
    _declined: RunJudged | None = None  # the taught run the player said no to (Esc, or left)

    @property
    def confirming_restore(self) -> bool:
        return self.notices.asking(Confirmable.RESTORE)

    def expect(self, file: Path | None) -> None:
        """A switch to ``file`` was sent to the engine; its answer comes in order."""
        self._switches.append(file)

    def taught_offer(self) -> RunJudged | None:
        """The run K just taught, kept aside by the policy (a hair worse on MNIST is the usual
        price of a new style), while the training screen's question about it is open: the
        player asked for it, so one Enter puts it in use. None once answered or replaced."""
        training, offer = self.training, self.training.offer
        if offer is None or training.report is None or training.active:
            return None
        if training.preset != PresetName.FINETUNE or offer.problem or offer is self._declined:
            return None
        return offer

    def taught_question(self) -> list[str]:
        """The question about :meth:`taught_offer`, one line each (none when it is closed): the
        player's digits and the practice exam, before and after."""
        offer, report = self.taught_offer(), self.training.report
        if offer is None or report is None:
            return []
        after = offer.candidate_accuracy
        before = after if offer.incumbent_accuracy is None else offer.incumbent_accuracy
        exam_after, exam_before = percentages_that_differ(after, before)
        digits = report.book_digits
        return [
            phrase("teach.use_title"),
            phrase(
                "teach.use_digits",
                before=report.book_right_before,
                after=report.book_right_after,
                digits=digits,
            ),
            phrase("teach.use_exam", before=exam_before, after=exam_after),
            phrase("teach.use_keys"),
        ]

    def decline_taught_run(self) -> bool:
        """Esc, or leaving the screen: the old model stays in use, the taught run stays kept
        (the library has it; N brings it back). True if a question was open."""
        offer = self.taught_offer()
        if offer is None:
            return False
        self._declined = offer
        return True

    def use_kept_aside_run(self) -> bool:
        """Enter: the player prefers the kept-aside run to the policy's verdict. The first press
        asks, a second Enter confirms and puts it in use, as N and R do; a run the player just
        taught (K) was asked about already, so one Enter is enough. False if no run is on
        offer."""
        offer = self.training.offer
        if offer is None:
            return False
        name = run_name(self.training)
        question = phrase("switch.kept_aside_question", name=name)
        if self.taught_offer() is not None or self.notices.confirmed(
            Confirmable.KEPT_ASIDE_RUN, question
        ):
            kept = library_file(offer)
            if kept is not None and kept.is_file():  # its file as saved, so the library
                self.model.use_model_file(str(kept), name)  # knows it again
            else:
                self.model.use_weights(offer.weights, name)
            self.expect(kept)
            self.training.offer_taken = True
            self.notices.say(phrase("switch.kept_aside_going"), MUTED)
        return True

    def next_model(self) -> None:
        """N: put the next kept model in use (the shipped one, then the player's runs), once a
        second N confirms it."""
        say = self.notices.say
        if self.training.active:
            say(phrase("switch.stop_training_first"), WARN)
            return
        if not self.model.ready:
            say(phrase("switch.still_loading"), MUTED)
            return
        kept, problems = checked_library_models()  # a damaged file is set aside, not offered
        if not kept:
            say(" ".join([*problems, phrase("switch.nothing_kept")]), MUTED)
            return
        kept = best_read_first(kept)
        files = [paths.shipped_model_path(), *kept]
        index = (self._position_in_use(files) + 1) % len(files)  # never the model in use
        name = phrase("switch.shipped_name") if index == 0 else shown_library_name(kept[index - 1])
        place = (
            phrase("switch.place_shipped")
            if index == 0
            else phrase("switch.place", index=index, total=len(kept))
        )
        reads = None if index == 0 else recorded_accuracy(kept[index - 1])
        if reads is not None:  # as measured when it was kept: the player can compare
            place = phrase("switch.place_with_accuracy", accuracy=reads, place=place)
        question = phrase("switch.next_question", name=name, place=place)
        if not self.notices.confirmed(Confirmable.NEXT_MODEL, " ".join([*problems[:1], question])):
            return
        self.expect(files[index])  # in use once loaded (see on_model_in_use); a library file
        if index == 0:  # that will not load is set aside (on_failed): N offers the next
            self.model.use_model_file(str(files[0]), phrase("model.shipped"), True)
        else:
            self.model.use_model_file(str(files[index]), name)
        say(phrase("switch.switching", name=name, place=place), MUTED)

    def still_in_use(self, judged: RunJudged) -> bool:
        """Whether ``judged``'s run, once put in use (adopted, or chosen with Enter), is still
        the model in use or the one last asked for: every switch since (N, R) asks for another
        file, so the training screen stops saying "in use" of a run the player has left."""
        last = self._switches[-1] if self._switches else self._in_use_file
        return last == library_file(judged)

    def _position_in_use(self, files: list[Path]) -> int:
        """Where the model in use is among ``files`` (shipped first, then the kept runs); -1 if
        it is none of them (the player's own model from an earlier launch)."""
        in_use = self._switches[-1] if self._switches else self._in_use_file  # or soon will be
        if in_use is None and self.model.label.startswith(phrase("model.shipped")):
            in_use = files[0]
        return files.index(in_use) if in_use in files else -1

    def restore_shipped_model(self) -> None:
        """Ask first; a second R within a few seconds restores (the player's model is kept)."""
        if self.training.active:
            self.notices.say(phrase("switch.stop_training_before_restore"), WARN)
            return
        if self.model.state is ModelState.LOADING:
            self.notices.say(phrase("switch.still_loading"), MUTED)
            return
        if not self.notices.confirmed(Confirmable.RESTORE, phrase("switch.restore_question")):
            return
        self.model.restore_shipped()
        self.expect(paths.shipped_model_path())
        self.notices.say(phrase("switch.restoring"), MUTED)

    def on_failed(self, reason: str) -> None:
        """The oldest switch sent failed: the model before it is still in use. Said first, so
        a long reason cut short never hides it."""
        failed = self._switches.popleft() if self._switches else None
        in_use = self.model.in_use
        name = phrase("switch.no_model")
        if in_use is not None:
            name = with_the(shown_model_name(in_use.name))
        if failed is not None and failed in library_models():  # it would block every next N
            where = set_aside_model(failed)
            self.notices.say(
                phrase("switch.failed_set_aside", name=name, reason=reason, where=where), WARN
            )
            return
        self.notices.say(phrase("switch.failed", name=name, reason=reason), WARN)

    def on_model_in_use(self, event: ModelInUse, first: bool) -> None:
        """A model is in use: the first one loaded, or the oldest switch sent."""
        if not first:
            self._switched()
        accuracy = ""
        if event.accuracy is not None:
            accuracy = phrase(
                "model.accuracy",
                accuracy=event.accuracy,
                measured_on=shown_measured_on(event.measured_on),
            )
        say, name = self.notices.say, with_the(shown_model_name(event.name))
        if getattr(event.warning, "key", None) in WHOLE_WARNINGS:  # the header shows accuracy
            say(phrase("model.warning_whole", warning=event.warning), WARN)
        elif event.warning:
            say(phrase("model.warning", warning=event.warning, name=name, accuracy=accuracy), WARN)
        elif first:  # news: a warning the player is reading stays
            self.notices.say_news(phrase("model.ready", name=name, accuracy=accuracy), GOOD)
        else:
            note = f" {event.note[0].upper()}{event.note[1:]}." if event.note else ""
            accuracy = "" if note else accuracy  # the header shows it; the note must fit
            say(phrase("model.now_using", name=name, accuracy=accuracy, note=note), GOOD)
        self.readings.read_again()  # read the player's digit again with the new model

    def _switched(self) -> None:
        """The engine has put the oldest switch sent in use: its file is the one in use."""
        if not self._switches:
            return
        self._in_use_file = self._switches.popleft()
        offer = self.training.offer
        if offer is not None and library_file(offer) == self._in_use_file:
            self.training.offer_taken = True  # the kept-aside run is in use now: not on offer


def best_read_first(kept: list[Path]) -> list[Path]:
    """The kept runs, the one that read most practice-exam digits right first (runs with no
    recorded figure last, in the library's order among equals): N offers the best first."""
    return sorted(kept, key=lambda path: -(recorded_accuracy(path) or -1.0))
