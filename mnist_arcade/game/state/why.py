"""The "why this digit?" evidence: an occlusion map for the reading on show, or for any input.

The evidence is shown only while it is for the reading on show and the board as it is; an
answer that arrives for a reading no longer on show is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from mnist_arcade.canvas.preprocess import FieldBox
from mnist_arcade.explaining.field_on_board import field_box_on_board
from mnist_arcade.explaining.occlusion import Evidence
from mnist_arcade.game.services.model_client import ModelClient, OcclusionAnswer
from mnist_arcade.game.state.notices import Notices
from mnist_arcade.game.state.readings import Readings
from mnist_arcade.game.widgets.theme import GOOD, MUTED
from mnist_arcade.game.words import phrase


@dataclass
class WhyEvidence:
    """The evidence for the reading on show (W), and the occlusion maps others asked for."""

    readings: Readings
    model: ModelClient
    notices: Notices
    evidence: Evidence | None = None
    box: FieldBox | None = None  # where the 28x28 field sits on the board, for the overlay
    serial: int = -1  # the reading serial the evidence is for
    _request: int = -1
    _asked_for: int = -1  # the reading serial the newest "why" was asked for
    _explaining: dict = field(default_factory=dict)  # occlusion request id -> callback

    @property
    def on_show(self) -> Evidence | None:
        """The evidence map, only while it is for the reading on show and the board as it is."""
        readings = self.readings
        if self.evidence is None or self.serial != readings.serial or readings.is_stale:
            return None
        return self.evidence

    def explain_reading(self) -> bool:
        """Ask which parts of the drawing made the network pick its digit (an occlusion map)."""
        reading = self.readings.reading
        if reading is None or self.readings.is_stale:
            self.notices.say(phrase("why.read_first"), MUTED)
            return False
        self._request = self.model.request_occlusion(reading.prediction.net_input)
        self._asked_for = self.readings.serial
        self.notices.say(phrase("why.covering"), MUTED)
        return True

    def explain_input(self, net_input, on_done: Callable) -> None:
        """Ask why the model in use reads ``net_input`` as it does; ``on_done(evidence)``."""
        self._explaining[self.model.request_occlusion(net_input)] = on_done

    def on_answer(self, answer: OcclusionAnswer) -> None:
        callback = self._explaining.pop(answer.request_id, None)
        if callback is not None:
            callback(answer.evidence)
            return
        readings = self.readings
        if answer.request_id != self._request or readings.serial != self._asked_for:
            return  # asked for a reading that is no longer on show
        if readings.is_stale:
            return
        self.evidence, self.serial = answer.evidence, readings.serial
        self.box = field_box_on_board(readings.board.pixels, readings.method)
        evidence = answer.evidence
        if evidence.names_runner_up:
            words = phrase("why.answer", digit=evidence.digit, runner_up=evidence.runner_up)
        else:
            words = phrase("why.answer_alone", digit=evidence.digit)
        self.notices.say(words, GOOD)

    def hide(self) -> bool:
        """Take the overlay off (W again, or Esc); False when none was on show."""
        shown = self.on_show is not None
        self.evidence = None
        self._request = -1  # an answer still on its way is not shown either
        return shown

    def toggle(self) -> bool:
        """W: ask why, or take the overlay off when it is on show."""
        if self.hide():
            return False
        return self.explain_reading()
