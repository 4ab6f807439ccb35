"""The rules of a challenge game: six rounds of "Draw a 7!", scored by speed and confidence.

Pure Python and numpy, no pygame: the challenge scene feeds it the network's readings and the
time that passed, and draws what it says. A round is judged only on a finished drawing (no
stroke in progress, and a reading of the board as it is), so a half-drawn 8 that happens to
read as something is never judged; the clock runs meanwhile, and when it runs out mid-stroke
the round waits for the stroke to end. A round ends when the network reads the asked digit
confidently or when time runs out.

The last round is "Fool the network": draw a real example of the asked digit that the network
confidently reads as another one. The network cannot tell us whether the drawing really is the
asked digit (that is the point), so the round asks for its own trace of it: the asked digit
must be the network's second guess, with at least :data:`STILL_SEEN`. A 1 with a long flag
read as a 7 wins; a bar or a plain 7, in which the network sees little or no 1, does not.
"""

from __future__ import annotations

import enum
import random
from dataclasses import dataclass, field

import numpy as np

from mnist_arcade.game.words import phrase, with_article
from mnist_arcade.game.words.numbers import percent

ROUNDS = 6
ROUND_SECONDS = 20.0
CONFIDENT = 0.9  # the network must be this sure for a round to be won (or fooled)
STILL_SEEN = 0.01  # in a fool round, the asked digit must still get this much as second guess
STREAK_BONUS = 0.25  # each round won in a row adds a quarter to the points


class RoundKind(enum.Enum):
    DRAW = "draw"  # draw the digit so that the network reads it
    FOOL = "fool"  # draw the digit so that the network reads another one


@dataclass(frozen=True)
class Guesses:
    """The network's first and second guess for one drawing, from its ten probabilities."""

    read: int
    confidence: float
    second: int
    second_share: float

    @classmethod
    def of(cls, probabilities) -> Guesses:
        values = np.asarray(probabilities, dtype=np.float64)
        second, first = (int(i) for i in np.argsort(values)[-2:])
        return cls(first, float(values[first]), second, float(values[second]))


def read_as_asked(guesses: Guesses | None, asked: int) -> bool:
    """A draw round is won: the network reads the asked digit and is CONFIDENT of it."""
    return guesses is not None and guesses.read == asked and guesses.confidence >= CONFIDENT


def fooled(guesses: Guesses | None, asked: int) -> bool:
    """A fool round is won: the network is CONFIDENT of another digit, yet its second guess is
    the asked one (with STILL_SEEN or more), so it was a real ``asked`` that it misread."""
    return (
        guesses is not None
        and guesses.read != asked
        and guesses.confidence >= CONFIDENT
        and guesses.second == asked
        and guesses.second_share >= STILL_SEEN
    )


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
    second: int | None = None  # the network's second guess for that input
    streak: int = 0  # rounds won in a row, this one included (0 for a miss)

    def points_explained(self) -> str:
        """How ``points`` were made, in plain words: sureness, seconds left, the streak."""
        if not self.won:
            return phrase("challenge.points_none")
        sure, left = round(100 * self.confidence), round(10 * (ROUND_SECONDS - self.seconds))
        line = phrase("challenge.points_sum", sure=sure, percent=sure, left=left)
        if self.streak > 1:
            more = round(100 * STREAK_BONUS * (self.streak - 1))
            line += phrase("challenge.points_streak", streak=self.streak, more=more)
        return line


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

    def prompt(self, index: int | None = None) -> str:
        """What the player is asked to draw in round ``index`` (by default the round in play;
        a round's result is shown under its own prompt), in a child's words."""
        index = self.round_index if index is None else index
        digit = self.digits[index]
        if self.kinds[index] is RoundKind.FOOL:
            return phrase("challenge.prompt_fool", digit=digit)
        return phrase("challenge.prompt_draw", digit=with_article(digit))

    def requirement(self) -> str:
        """Exactly what wins this round, so the text on screen and the rule agree."""
        confident = percent(CONFIDENT)
        if self.kind is RoundKind.FOOL:
            seen = percent(STILL_SEEN)
            return phrase("challenge.rule_fool", confident=confident, digit=self.asked, seen=seen)
        return phrase("challenge.rule_draw", confident=confident, digit=with_article(self.asked))

    def won_by(self, guesses: Guesses | None) -> bool:
        """Whether the network's guesses win the round in play."""
        if self.kind is RoundKind.FOOL:
            return fooled(guesses, self.asked)
        return read_as_asked(guesses, self.asked)

    def update(
        self,
        dt: float,
        probabilities: np.ndarray | None,
        drawing: np.ndarray | None,
        *,
        finished: bool,
    ) -> RoundResult | None:
        """Advance the clock; return the round's result on the frame it ends.

        ``probabilities`` are the network's newest reading of the board (None: nothing read);
        ``finished`` says whether that is a reading of a finished drawing: no stroke in
        progress, and the board unchanged since it was read. Only then is the round judged,
        even once the time is up, so a round never ends in the middle of a stroke.
        """
        if self.over:
            return None
        self.time_left = max(0.0, self.time_left - dt)
        if not finished:
            return None
        guesses = None if probabilities is None else Guesses.of(probabilities)
        won = self.won_by(guesses)
        if won or self.time_left <= 0.0:
            return self._end_round(won, guesses, drawing)
        return None

    def _end_round(self, won: bool, guesses: Guesses | None, drawing) -> RoundResult:
        seconds = ROUND_SECONDS - self.time_left
        confidence = 0.0 if guesses is None else guesses.confidence
        points = 0
        if won:
            self.streak += 1
            base = 100 * confidence + 10 * self.time_left  # surer and faster score more
            points = round(base * (1 + STREAK_BONUS * (self.streak - 1)))
        else:
            self.streak = 0
        self.score += points
        result = RoundResult(
            self.asked,
            self.kind,
            won,
            None if guesses is None else guesses.read,
            confidence,
            seconds,
            points,
            drawing,
            None if guesses is None else guesses.second,
            self.streak if won else 0,
        )
        self.results.append(result)
        self.round_index += 1
        self.time_left = ROUND_SECONDS
        return result
