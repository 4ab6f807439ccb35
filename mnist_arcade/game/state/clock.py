"""The game's own clock: seconds since start, advanced once a frame by the loop.

Everything timed in the game (questions that expire, the live-reading interval, fresh notices)
reads this clock, never the wall clock, so tests drive time by calling ``tick``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class GameClock:
    now: float = 0.0

    def tick(self, dt: float) -> None:
        self.now += dt
