"""The network's readings of the board: asking for them, keeping the newest, live reading.

A reading is for one state of the board (its version) and one method; it is stale once either
changed. The engine answers later, in the context's ``poll``, which hands answers here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from mnist_arcade.canvas.board import Board, Change, KeptDrawing
from mnist_arcade.canvas.methods import Method
from mnist_arcade.canvas.preprocess import to_network_input
from mnist_arcade.errors import EmptyBoardError
from mnist_arcade.game.services.model_client import Answer, ModelClient, ModelState
from mnist_arcade.game.services.training_session import TrainingSession
from mnist_arcade.game.state.clock import GameClock
from mnist_arcade.game.state.notices import Notices
from mnist_arcade.game.widgets.theme import GOOD, MUTED, TEXT, WARN
from mnist_arcade.game.words import phrase
from mnist_arcade.messages import ClassifyReady, Prediction

LIVE_INTERVAL = 0.12  # seconds between readings while the player draws (live reading)


def method_name(method: Method) -> str:
    """How the screens name a preprocessing method."""
    return phrase(f"method.{method.value}")


@dataclass
class Reading:
    """The network's answer for one state of the board (``board_version``)."""

    prediction: Prediction
    board_version: int
    model_version: int
    method: Method
    animate: bool = True  # P reveals the layers one by one; live readings just appear


@dataclass(frozen=True)
class SetAside:
    """The player's drawing put aside for a game (:meth:`Readings.set_board_aside`), with the
    reading on show for it and whether that reading was of the drawing as it is."""

    drawing: KeptDrawing
    reading: Reading | None
    read_as_it_is: bool


@dataclass
class Readings:
    """The newest reading of the board, the requests still out, and live reading."""

    board: Board
    model: ModelClient
    training: TrainingSession
    notices: Notices
    clock: GameClock
    method: Method = Method.MNIST
    live: bool = True  # read the board every LIVE_INTERVAL while the player draws
    reading: Reading | None = None  # the newest answer for the board, maybe for an older drawing
    serial: int = 0  # bumped on each new reading, so views know to refresh
    _pending: dict = field(default_factory=dict)  # request id -> (board version, method, animate)
    _waiting_for: dict = field(default_factory=dict)  # classify request id -> callback
    _live_version: int = -1  # the board version the last live reading was asked for
    _live_sent_at: float = -1.0

    @property
    def prediction(self) -> Prediction | None:
        """The reading of the board as it is now, or None (nothing read, or drawn since)."""
        return self.reading.prediction if self.reading and not self.is_stale else None

    @property
    def live_prediction(self) -> Prediction | None:
        """While drawing with live reading on: the newest reading, maybe a stroke behind."""
        if not self.live or self.reading is None or self.board.is_empty:
            return None
        return self.reading.prediction

    @property
    def is_stale(self) -> bool:
        """True when the board or the method changed after the reading shown was made."""
        reading = self.reading
        return reading is not None and (
            reading.board_version != self.board.version or reading.method != self.method
        )

    @property
    def drawing_changed(self) -> bool:
        """True when the board holds a drawing the reading shown was not made for, so P reads
        it anew; an emptied board (Ctrl+Z, rubbed out) has nothing for P to read."""
        return self.is_stale and not self.board.is_empty

    @property
    def awaiting(self) -> bool:
        """True while the engine has not yet answered the newest P."""
        return bool(self._pending)

    def predict(self, quiet: bool = False, animate: bool = True) -> bool:
        """Ask the engine to read the board; the answer arrives in a later ``poll``."""
        say = self.notices.say
        if self.board.is_empty:
            say(phrase("reading.board_empty"), WARN)
            return False
        if self.model.state is ModelState.FAILED:
            say(phrase("reading.no_model", error=self.model.error), WARN)
            return False
        try:
            net_input = to_network_input(self.board.pixels, self.method)
        except EmptyBoardError as error:
            say(str(error), WARN)
            return False
        request = self.model.request_prediction(net_input)
        self._pending = {request: (self.board.version, self.method, animate)}
        self._live_version = self.board.version  # read now: live reading need not read it again
        if self.training.running:
            self.model.request_prediction(net_input, preview=True)
        if not quiet:
            if self.model.ready:
                say(phrase("reading.watch"), GOOD)
            else:
                say(phrase("reading.still_loading"))
        return True

    def read_again(self) -> None:
        """Read the player's digit again, quietly (a new model, a new method)."""
        if self.reading is not None and not self.board.is_empty:
            self.predict(quiet=True)

    def classify(self, images, on_done: Callable, preview: bool = False) -> None:
        """Read many digits in one engine call; ``on_done(probabilities)`` runs in ``poll``."""
        self._waiting_for[self.model.request_classification(images, preview)] = on_done

    def toggle_live(self) -> None:
        self.live = not self.live
        if self.live:
            self.notices.say(phrase("reading.live_on"), TEXT)
        else:
            self.notices.say(phrase("reading.live_off"), TEXT)

    def read_live(self) -> None:
        """Ask for a reading of a drawing that changed, at most every LIVE_INTERVAL seconds."""
        if not self.live or not self.model.ready or self.board.is_empty:
            return
        if self.board.version == self._live_version or self.awaiting:
            return
        if self.clock.now - self._live_sent_at < LIVE_INTERVAL:
            return
        self._live_version, self._live_sent_at = self.board.version, self.clock.now
        self.predict(quiet=True, animate=False)

    def clear_board(self, quiet: bool = False) -> None:
        self.board.clear()
        self._forget_reading()
        if not quiet:
            self.notices.say(phrase("reading.cleared"), MUTED)

    def _forget_reading(self) -> None:
        """The board changed wholesale: no reading shown, none awaited."""
        self.reading = None
        self.serial += 1
        self.model.forget_requests()
        self._pending = {}

    def set_board_aside(self) -> SetAside:
        """A blank board for a game of its own; the player's drawing, its Ctrl+Z steps and
        its reading are kept to be given back as they were (:meth:`give_board_back`), so
        starting a game never costs the player a drawing."""
        reading, as_it_is = self.reading, self.reading is not None and not self.is_stale
        kept = SetAside(self.board.put_aside(), reading, as_it_is)
        self._forget_reading()
        return kept

    def give_board_back(self, kept: SetAside) -> None:
        """The drawing set aside, in place of the game's; its reading is on show again at
        once (not replayed layer by layer), still current if it was current."""
        self.board.give_back(kept.drawing)
        self._forget_reading()
        if kept.reading is not None:
            version = self.board.version if kept.read_as_it_is else kept.reading.board_version
            self.reading = replace(kept.reading, board_version=version, animate=False)
            self._live_version = version  # live reading need not read it again

    def undo(self) -> None:
        """Ctrl+Z: take back the last stroke, or bring back a cleared drawing, and say which;
        the drawing is read again as it is now, live or on P."""
        change = self.board.undo()
        if change is None:
            self.notices.say(phrase("reading.nothing_to_undo"), MUTED)
            return
        self.model.forget_requests()
        self._pending = {}
        undone = "reading.undone_clear" if change is Change.CLEAR else "reading.undone"
        self.notices.say(phrase(undone), MUTED)

    def toggle_method(self) -> None:
        self.method = Method.PLAIN if self.method is Method.MNIST else Method.MNIST
        self.notices.say(phrase("reading.method", method=method_name(self.method)), TEXT)
        if self.reading is not None:
            self.predict(quiet=True)

    def on_classified(self, event: ClassifyReady) -> None:
        callback = self._waiting_for.pop(event.request_id, None)
        if callback is not None:
            callback(event.probabilities)

    def on_answer(self, answer: Answer) -> None:
        """A reading of the board (not a preview): kept if it answers the request still out."""
        board_version, method, animate = self._pending.pop(answer.request_id, (None, None, None))
        if board_version is None:
            return
        self.reading = Reading(
            answer.prediction, board_version, self.model.version, method, animate
        )
        self.serial += 1

    def on_problem(self) -> None:
        """The engine could not answer: nothing is awaited for ever, the next press asks again."""
        self._pending, self._live_version = {}, -1
