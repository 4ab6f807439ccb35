"""What the scenes share: the board, the model client, the training session and the notice line.

Scenes get this context, not the window: they read its state and call its actions (predict,
clear, train, use a kept-aside run, restore the shipped model) and ask for another scene by its
:class:`SceneId`. The context turns the engine's and the trainer's messages into what the player
sees, once per frame, in :meth:`GameContext.poll`. No TensorFlow here, and no drawing.
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mnist_arcade import paths
from mnist_arcade.canvas.board import Board
from mnist_arcade.canvas.preprocess import mnist_digits_as_input, to_network_input
from mnist_arcade.errors import EmptyBoardError
from mnist_arcade.explaining.arithmetic import Evidence, FieldBox, field_box_on_board
from mnist_arcade.game.services.challenge import with_article
from mnist_arcade.game.services.model_client import (
    Answer,
    ModelClient,
    ModelState,
    OcclusionAnswer,
)
from mnist_arcade.game.services.training_session import (
    FAILED,
    FINETUNE,
    FINISHED,
    STOPPED,
    TrainingSession,
    TrainingStatus,
)
from mnist_arcade.game.widgets.theme import GOOD, MUTED, TEXT, WARN, Text
from mnist_arcade.messages import (
    ClassifyReady,
    EngineProblem,
    ModelInUse,
    Prediction,
    RunJudged,
    with_the,
)
from mnist_arcade.player_files.digit_book import DigitBook, load_book, save_book
from mnist_arcade.player_files.model_library import describe, library_models, recorded_accuracy

CONFIRM_SECONDS = 4.0  # how long a "press R again" question stays open
LIVE_INTERVAL = 0.12  # seconds between readings while the player draws (live reading)
MIN_TAUGHT = 5  # digits in the book before "learn my digits" makes sense


class SceneId(enum.Enum):
    BOARD = "board"
    TRAINING = "training"
    EVALUATION = "evaluation"
    CHALLENGE = "challenge"
    BOOK = "book"


class Method(enum.StrEnum):
    """How the board becomes the network's 28x28 input (names as in ``preprocess``)."""

    MNIST = "mnist"  # crop, fit 20x20, centre of mass: MNIST's own recipe
    PLAIN = "plain"  # the tutorial's whole-board resize


METHOD_NAMES = {Method.MNIST: "MNIST-style centring", Method.PLAIN: "plain resize (tutorial)"}


@dataclass
class Reading:
    """The network's answer for one state of the board (``board_version``)."""

    prediction: Prediction
    board_version: int
    model_version: int
    method: Method
    animate: bool = True  # P reveals the layers one by one; live readings just appear


@dataclass
class GameContext:
    """Shared state and actions; ``switch_to`` is set by the window that owns the scenes."""

    model: ModelClient
    training: TrainingSession
    text: Text = field(default_factory=Text)
    board: Board = field(default_factory=Board)
    method: Method = Method.MNIST
    live_reading: bool = True  # read the board every LIVE_INTERVAL while the player draws
    reading: Reading | None = None  # the newest answer for the board, maybe for an older drawing
    preview: Prediction | None = None  # the training run's reading of the player's digit
    reading_serial: int = 0  # bumped on each new reading, so views know to refresh
    preview_serial: int = 0
    example_readings: object = None  # (20,) digits the run reads the example digits as, or None
    why: Evidence | None = None  # "why this digit?" for the reading on show
    why_box: FieldBox | None = None  # where the 28x28 field sits on the board, for the overlay
    why_serial: int = -1  # the reading_serial the evidence is for
    notice: str = "Loading the network... you can draw already."
    notice_color: tuple[int, int, int] = MUTED
    notice_at: float = 0.0  # ``clock`` when the notice was last set
    switch_to: Callable[[SceneId], None] = lambda scene: None
    toggle_fullscreen: Callable[[], None] = lambda: None
    clock: float = 0.0  # seconds since start, advanced by ``tick``
    _confirming: str | None = None  # the action that a second press of its key now confirms
    _confirm_until: float = -1.0
    _pending: dict = field(default_factory=dict)  # request id -> (board version, method)
    _last_status: TrainingStatus | None = None
    _waiting_for: dict = field(default_factory=dict)  # classify request id -> callback
    _why_request: int = -1
    _explaining: dict = field(default_factory=dict)  # occlusion request id -> callback
    _book: DigitBook | None = None  # loaded from the user folder on first use
    _in_use_file: Path | None = None  # the shipped or kept model file in use, if known
    # The files of the model switches sent and not yet answered, oldest first (None: a model
    # with no file). The engine answers them in order, each with ModelInUse or a failure.
    _switches: deque = field(default_factory=deque)
    _booked: tuple[int, int] | None = None  # (reading serial, book length) of the last digit key
    _why_for: int = -1  # the reading_serial the newest "why" was asked for
    _live_version: int = -1  # the board version the last live reading was asked for
    _live_sent_at: float = -1.0

    # --- what the scenes show ------------------------------------------------------------------

    @property
    def prediction(self) -> Prediction | None:
        """The reading of the board as it is now, or None (nothing read, or drawn since)."""
        return self.reading.prediction if self.reading and not self.reading_is_stale else None

    @property
    def live_prediction(self) -> Prediction | None:
        """While drawing with live reading on: the newest reading, maybe a stroke behind."""
        if not self.live_reading or self.reading is None or self.board.is_empty:
            return None
        return self.reading.prediction

    @property
    def reading_is_stale(self) -> bool:
        """True when the board or the method changed after the reading shown was made."""
        reading = self.reading
        return reading is not None and (
            reading.board_version != self.board.version or reading.method != self.method
        )

    @property
    def awaiting_reading(self) -> bool:
        """True while the engine has not yet answered the newest P."""
        return bool(self._pending)

    @property
    def confirming_restore(self) -> bool:
        return self._confirming == "restore" and self.clock < self._confirm_until

    def _confirmed(self, action: str, question: str) -> bool:
        """True when this press confirms ``action`` (its key pressed again within
        CONFIRM_SECONDS of the question); otherwise asks ``question`` and returns False. Every
        key that changes the model in use asks first: a key pressed out of curiosity must not
        replace it."""
        if self._confirming == action and self.clock < self._confirm_until:
            self._confirming, self._confirm_until = None, -1.0
            return True
        self.say(question, WARN)
        self._confirming, self._confirm_until = action, self.clock + CONFIRM_SECONDS
        return False

    def say(self, notice: str, color=TEXT) -> None:
        """Show ``notice`` in place of the last one. A question it replaces is withdrawn: a
        press that confirms must answer a question the player can see."""
        self.notice, self.notice_color, self.notice_at = notice, color, self.clock
        self._confirming, self._confirm_until = None, -1.0

    def fresh_notice(self, seconds: float = 5.0) -> str | None:
        """The notice if it was set in the last ``seconds`` (for screens with no notice line)."""
        return self.notice if self.notice and self.clock - self.notice_at < seconds else None

    # --- actions -------------------------------------------------------------------------------

    def predict(self, quiet: bool = False, animate: bool = True) -> bool:
        """Ask the engine to read the board; the answer arrives in a later ``poll``."""
        if self.board.is_empty:
            self.say("The board is empty: draw a digit with the mouse, then press P.", WARN)
            return False
        if self.model.state is ModelState.FAILED:
            self.say(f"No model to read with ({self.model.error}). Press T to train one.", WARN)
            return False
        try:
            net_input = to_network_input(self.board.pixels, self.method.value)
        except EmptyBoardError as error:
            self.say(str(error), WARN)
            return False
        request = self.model.request_prediction(net_input)
        self._pending = {request: (self.board.version, self.method, animate)}
        self._live_version = self.board.version  # read now: live reading need not read it again
        if self.training.running:
            self.model.request_prediction(net_input, preview=True)
        if not quiet:
            if self.model.ready:
                self.say("Watch your digit flow through the network, left to right.", GOOD)
            else:
                self.say("The network is still loading; it will read your digit in a moment.")
        return True

    # --- the player's digit book ----------------------------------------------------------------

    @property
    def book(self) -> DigitBook:
        if self._book is None:
            self._book, problem = load_book()
            if problem:
                self.say(problem, WARN)
        return self._book

    def save_book(self) -> bool:
        try:
            save_book(self.book)
            return True
        except OSError as error:
            self.say(f"Could not save your digit book: {error.strerror or error}", WARN)
            return False

    def add_to_book(self, label: int) -> bool:
        """'This was a ``label``': keep the drawing just read in the player's digit book."""
        reading = self.reading
        if reading is None or self.reading_is_stale:
            self.say(
                "Digit keys teach the network: draw, let it read (P), then press the "
                "digit it should be.",
                MUTED,
            )
            return False
        corrected = self._booked == (self.reading_serial, len(self.book))
        if corrected:  # a second digit key for the same drawing corrects it, not a copy
            self.book.remove(len(self.book) - 1)
        self.book.add(reading.prediction.net_input, self.board.pixels, label)
        self._booked = (self.reading_serial, len(self.book))
        if not self.save_book():
            return False
        count = len(self.book)
        verdict = (
            "it read it right"
            if reading.prediction.digit == label
            else (f"it read {reading.prediction.digit}")
        )
        saved = f"Saved as {with_article(label)}{' instead' if corrected else ''}"
        self.say(f"{saved} ({verdict}). {count} in your digit book: K teaches them.", GOOD)
        return True

    def start_finetune(self) -> bool:
        """Teach the model in use the book's digits, mixed with MNIST, on the training screen."""
        book = self.book
        if len(book) < MIN_TAUGHT:
            self.say(
                f"Teach at least {MIN_TAUGHT} digits first ({len(book)} so far): after a "
                "reading, press the digit it should have been.",
                MUTED,
            )
            return False
        if self.model.weights is None:
            self.say("The network is still loading; try again in a moment.", MUTED)
            return False
        started = self.training.start(
            FINETUNE, incumbent_weights=self.model.weights, book=(book.inputs, book.labels)
        )
        if not started:
            self.say("A run is still going: stop it first (T, then Esc).", WARN)
            return False
        self.preview, self.example_readings = None, None
        self.preview_serial += 1
        self.say(f"Teaching the network your {len(book)} digits...", MUTED)
        self.switch_to(SceneId.TRAINING)
        return True

    def explain_reading(self) -> bool:
        """Ask which parts of the drawing made the network pick its digit (an occlusion map)."""
        reading = self.reading
        if reading is None or self.reading_is_stale:
            self.say("Read a digit first (P), then ask why (W).", MUTED)
            return False
        self._why_request = self.model.request_occlusion(reading.prediction.net_input)
        self._why_for = self.reading_serial
        self.say("Covering parts of your digit to see which ones matter...", MUTED)
        return True

    def explain_input(self, net_input, on_done: Callable) -> None:
        """Ask why the model in use reads ``net_input`` as it does; ``on_done(evidence)``."""
        self._explaining[self.model.request_occlusion(net_input)] = on_done

    @property
    def why_on_show(self) -> Evidence | None:
        """The evidence map, only while it is for the reading on show and the board as it is."""
        if self.why is None or self.why_serial != self.reading_serial or self.reading_is_stale:
            return None
        return self.why

    def classify(self, images, on_done: Callable, preview: bool = False) -> None:
        """Read many digits in one engine call; ``on_done(probabilities)`` runs in ``poll``."""
        self._waiting_for[self.model.request_classification(images, preview)] = on_done

    def _on_example_readings(self, probabilities) -> None:
        self.example_readings = probabilities.argmax(axis=1)

    def toggle_live_reading(self) -> None:
        self.live_reading = not self.live_reading
        if self.live_reading:
            self.say("Live reading on: the network reads while you draw.", TEXT)
        else:
            self.say("Live reading off: press P to read your digit.", TEXT)

    def _read_live(self) -> None:
        """Ask for a reading of a drawing that changed, at most every LIVE_INTERVAL seconds."""
        if not self.live_reading or not self.model.ready or self.board.is_empty:
            return
        if self.board.version == self._live_version or self.awaiting_reading:
            return
        if self.clock - self._live_sent_at < LIVE_INTERVAL:
            return
        self._live_version, self._live_sent_at = self.board.version, self.clock
        self.predict(quiet=True, animate=False)

    def clear_board(self, quiet: bool = False) -> None:
        self.board.clear()
        self.reading = None
        self.reading_serial += 1
        self.model.forget_requests()
        self._pending = {}
        if not quiet:
            self.say("Board cleared. Draw a digit, then press P.", MUTED)

    def toggle_method(self) -> None:
        self.method = Method.PLAIN if self.method is Method.MNIST else Method.MNIST
        self.say(f"Preprocessing: {METHOD_NAMES[self.method]}.", TEXT)
        if self.reading is not None:
            self.predict(quiet=True)

    def start_training(self, preset: str | None = None) -> bool:
        """Start a run judged against the model in use; False if one is still running."""
        started = self.training.start(preset, incumbent_weights=self.model.weights)
        if started:
            self.preview = None
            self.preview_serial += 1
            self.example_readings = None
            self.say(f"Training the {self.training.preset} preset; the model in use stays.", MUTED)
        return started

    def _run_name(self) -> str:
        """How the model from the last run is named beside its accuracy."""
        if self.training.preset == FINETUNE and self.training.report is not None:
            return f"the model taught your {self.training.report.book_digits} digits"
        return f"your {self.training.preset} run"

    def use_kept_aside_run(self) -> bool:
        """Enter: the player prefers the kept-aside run to the policy's verdict. The first press
        asks, a second Enter confirms and puts it in use, as N and R do; False if no run is on
        offer."""
        offer = self.training.offer
        if offer is None:
            return False
        question = f"Use the kept-aside run ({self._run_name()})? Press Enter again to switch."
        if self._confirmed("kept-aside run", question):
            kept = _library_file(offer)
            if kept is not None and kept.is_file():  # its file as saved, so the library
                self.model.use_model_file(str(kept), self._run_name())  # knows it again
            else:
                self.model.use_weights(offer.weights, self._run_name())
            self._switches.append(kept)
            self.training.offer_taken = True
            self.say("Putting the run you chose in use...", MUTED)
        return True

    def next_model(self) -> None:
        """N: put the next kept model in use (the shipped one, then the player's runs), once a
        second N confirms it."""
        if self.training.active:
            self.say("Stop training first (T), then switch models.", WARN)
            return
        if not self.model.ready:
            self.say("The network is still loading; try again in a moment.", MUTED)
            return
        kept = library_models()
        if not kept:
            self.say("No runs kept yet: train one (T) and it joins your models.", MUTED)
            return
        files = [paths.shipped_model_path(), *kept]
        index = (self._position_in_use(files) + 1) % len(files)  # never the model in use
        name = "the shipped model" if index == 0 else describe(kept[index - 1])
        place = f"{index + 1} of {len(files)}"
        reads = None if index == 0 else recorded_accuracy(kept[index - 1])
        if reads is not None:  # as measured when it was kept: the player can compare
            place = f"reads {reads:.1%} of validation digits; {place}"
        if not self._confirmed("next model", f"Use {name} ({place})? Press N again to switch."):
            return
        self._switches.append(files[index])  # in use once loaded (see poll): a file that will
        if index == 0:  # not load stays on offer, and the next N does not skip past it
            self.model.use_model_file(str(files[0]), "shipped model", True)
        else:
            self.model.use_model_file(str(files[index]), name)
        self.say(f"Switching to {name} ({place})...", MUTED)

    def _position_in_use(self, files: list[Path]) -> int:
        """Where the model in use is among ``files`` (shipped first, then the kept runs); -1 if
        it is none of them (the player's own model from an earlier launch)."""
        in_use = self._switches[-1] if self._switches else self._in_use_file  # or soon will be
        if in_use is None and self.model.label.startswith("shipped model"):
            in_use = files[0]
        return files.index(in_use) if in_use in files else -1

    def restore_shipped_model(self) -> None:
        """Ask first; a second R within a few seconds restores (the player's model is kept)."""
        if self.training.active:
            self.say("Stop training first (T), then restore the shipped model.", WARN)
            return
        if self.model.state is ModelState.LOADING:
            self.say("The network is still loading; try again in a moment.", MUTED)
            return
        question = (
            "Go back to the shipped model? Press R again to confirm "
            "(your own model is kept aside, not deleted)."
        )
        if not self._confirmed("restore", question):
            return
        self.model.restore_shipped()
        self._switches.append(paths.shipped_model_path())
        self.say("Restoring the shipped model...", MUTED)

    # --- the engine's and the trainer's news, once a frame -------------------------------------

    def tick(self, dt: float) -> None:
        self.clock += dt

    def poll(self) -> None:
        was = self.model.state
        for event in self.model.poll():
            if isinstance(event, ModelInUse):
                if was is not ModelState.LOADING:
                    self._switched()
                self._on_model_in_use(event, first=was is ModelState.LOADING)
            elif isinstance(event, EngineProblem):
                self._switch_failed(event.message)
            elif isinstance(event, OcclusionAnswer):
                callback = self._explaining.pop(event.request_id, None)
                if callback is not None:
                    callback(event.evidence)
                else:
                    self._on_why(event)
            elif isinstance(event, ClassifyReady):
                callback = self._waiting_for.pop(event.request_id, None)
                if callback is not None:
                    callback(event.probabilities)
            else:
                self._on_answer(event)
        for problem in self.model.problems:
            self.say(f"The network could not do that: {problem}", WARN)
            self._pending, self._live_version = {}, -1  # not awaited for ever: ask again
        self.model.problems.clear()
        if was is ModelState.LOADING and self.model.state is ModelState.FAILED:
            self.say(f"No model could be loaded: {self.model.error}. Press T to train one.", WARN)
        snapshot = self.training.poll()
        if snapshot is not None:
            self.model.preview_weights(snapshot.weights, snapshot.epoch)
            data = self.training.data
            if data is not None and len(data.examples):  # the example digits, read again
                images = mnist_digits_as_input(data.examples)
                self.classify(images, self._on_example_readings, preview=True)
            if self.reading is not None and not self.board.is_empty:
                net_input = to_network_input(self.board.pixels, self.method.value)
                self.model.request_prediction(net_input, preview=True)
        self._read_live()
        status = self.training.status
        if status != self._last_status:
            self._last_status = status
            self._on_training_status(status)

    def _switch_failed(self, reason: str) -> None:
        """The oldest switch sent failed: the model before it is still in use. Said first, so
        a long reason cut short never hides it."""
        if self._switches:
            self._switches.popleft()
        in_use = self.model.in_use
        name = with_the(in_use.name) if in_use is not None else "no model"
        self.say(f"Still using {name}: could not switch ({reason}).", WARN)

    def _switched(self) -> None:
        """The engine has put the oldest switch sent in use: its file is the one in use."""
        if not self._switches:
            return
        self._in_use_file = self._switches.popleft()
        offer = self.training.offer
        if offer is not None and _library_file(offer) == self._in_use_file:
            self.training.offer_taken = True  # the kept-aside run is in use now: not on offer

    def _on_model_in_use(self, event: ModelInUse, first: bool) -> None:
        accuracy = ""
        if event.accuracy is not None:
            accuracy = f" ({event.accuracy:.1%} of {event.measured_on} right)"
        if event.warning:
            self.say(f"{event.warning}. Now using {with_the(event.name)}{accuracy}.", WARN)
        elif first:
            self.say(f"Network ready: {with_the(event.name)}{accuracy}. Draw, then press P.", GOOD)
        else:
            note = f" {event.note[0].upper()}{event.note[1:]}." if event.note else ""
            self.say(f"Now using {with_the(event.name)}{accuracy}.{note}", GOOD)
        if self.reading is not None and not self.board.is_empty:
            self.predict(quiet=True)  # read the player's digit again with the new model

    def _on_why(self, answer: OcclusionAnswer) -> None:
        if answer.request_id != self._why_request or self.reading_serial != self._why_for:
            return  # asked for a reading that is no longer on show
        if self.reading_is_stale:
            return
        self.why, self.why_serial = answer.evidence, self.reading_serial
        self.why_box = field_box_on_board(self.board.pixels, self.method.value)
        evidence = answer.evidence
        self.say(
            f"Green: what made it a {evidence.digit}. Pink: what pulled toward "
            f"{evidence.runner_up}.",
            GOOD,
        )

    def _on_answer(self, answer: Answer) -> None:
        if answer.preview:
            self.preview = answer.prediction
            self.preview_serial += 1
            return
        board_version, method, animate = self._pending.pop(answer.request_id, (None, None, None))
        if board_version is None:
            return
        self.reading = Reading(
            answer.prediction, board_version, self.model.version, method, animate
        )
        self.reading_serial += 1

    def _on_training_status(self, status: TrainingStatus) -> None:
        judged = self.training.judged
        if status is FAILED:
            self.say(f"Training failed: {self.training.error}", WARN)
        elif status in (FINISHED, STOPPED) and judged is None:
            self.say("Training stopped before the first epoch ended: nothing to keep.", MUTED)
        elif status in (FINISHED, STOPPED) and judged.problem is not None:
            self.say(f"{judged.problem[0].upper()}{judged.problem[1:]}.", WARN)
        elif status in (FINISHED, STOPPED) and judged.adopted:
            self.model.use_weights(judged.weights, self._run_name(), save=False)
            self._switches.append(_library_file(judged))
            self.say(f"Training {status.value}: {_scores(judged)}. Now in use.", GOOD)
        elif status in (FINISHED, STOPPED) and self.training.report is not None:
            report = self.training.report
            self.say(
                f"Taught: {report.book_right_before} of your {report.book_digits} digits read "
                f"right before, {report.book_right_after} after. T, then Enter twice: use it.",
                GOOD,
            )
        elif status in (FINISHED, STOPPED):
            self.say(f"Run kept aside: {_scores(judged)}. T, then Enter twice: use it.", MUTED)


def _scores(judged) -> str:
    """Say how the run reads the validation digits, beside the model in use on the same ones."""
    digits = f"all {judged.validation_digits:,} validation digits"
    text = f"it reads {judged.candidate_accuracy:.1%} of {digits}"
    if judged.incumbent_accuracy is not None:
        text += f" (in use: {judged.incumbent_accuracy:.1%})"
    return text


def _library_file(judged: RunJudged) -> Path | None:
    """The run's copy in the model library, which N knows it by."""
    return Path(judged.library_path) if judged.library_path else None
