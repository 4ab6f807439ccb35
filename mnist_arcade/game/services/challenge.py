"""The rules of a challenge game: six rounds of "Draw a 7!", scored by speed and confidence.

Pure Python and numpy, no pygame: the challenge scene feeds it the network's live readings and
the time that passed, and draws what it says. A round ends when the network reads the asked
digit confidently or when time runs out. The last round is "Fool the network": draw the asked
digit so that the network confidently reads another one.
"""

from __future__ import annotations

import enum
import random
from dataclasses import dataclass, field

import numpy as np

ROUNDS = 6
ROUND_SECONDS = 20.0
CONFIDENT = 0.9  # the network must be this sure for a round to be won (or fooled)
STREAK_BONUS = 0.25  # each round won in a row adds a quarter to the points


class RoundKind(enum.Enum):
    DRAW = "draw"  # draw the digit so that the network reads it
    FOOL = "fool"  # draw the digit so that the network reads another one


@dataclass
class RoundResult:
    asked: int
    kind: RoundKind
    won: bool
    read: int | None  # the network's last reading
    confidence: float
    seconds: float  # time taken
    points: int
    drawing: np.ndarray | None = None  # the 28x28 input the network read last


@dataclass
class Challenge:
    """Six rounds; call ``update`` every frame with the newest reading of the board."""

    digits: list[int]
    kinds: list[RoundKind]
    round_index: int = 0
    time_left: float = ROUND_SECONDS
    streak: int = 0
    score: int = 0
    results: list[RoundResult] = field(default_factory=list)

    @classmethod
    def new(cls, seed: int | None = None) -> Challenge:
        """Six different-looking rounds: five to draw, the last one to fool the network."""
        rng = random.Random(seed)
        digits = rng.sample(range(10), ROUNDS)
        return cls(digits, [RoundKind.DRAW] * (ROUNDS - 1) + [RoundKind.FOOL])

    @property
    def over(self) -> bool:
        return self.round_index >= len(self.digits)

    @property
    def asked(self) -> int:
        return self.digits[self.round_index]

    @property
    def kind(self) -> RoundKind:
        return self.kinds[self.round_index]

    def prompt(self) -> str:
        if self.kind is RoundKind.FOOL:
            return f"Fool me: draw a {self.asked} that I read as another digit!"
        return f"Draw a {self.asked}!"

    def update(
        self, dt: float, read: int | None, confidence: float, drawing: np.ndarray | None
    ) -> RoundResult | None:
        """Advance the clock; return the round's result on the frame it ends."""
        if self.over:
            return None
        self.time_left = max(0.0, self.time_left - dt)
        confident = read is not None and confidence >= CONFIDENT
        if self.kind is RoundKind.DRAW:
            won = confident and read == self.asked
        else:
            won = confident and read != self.asked
        if won or self.time_left <= 0.0:
            return self._end_round(won, read, confidence, drawing)
        return None

    def _end_round(self, won, read, confidence, drawing) -> RoundResult:
        seconds = ROUND_SECONDS - self.time_left
        points = 0
        if won:
            self.streak += 1
            base = 100 * confidence + 10 * self.time_left  # surer and faster score more
            points = round(base * (1 + STREAK_BONUS * (self.streak - 1)))
        else:
            self.streak = 0
        self.score += points
        result = RoundResult(self.asked, self.kind, won, read, confidence, seconds, points, drawing)
        self.results.append(result)
        self.round_index += 1
        self.time_left = ROUND_SECONDS
        return result
