"""How numbers read on screen, in one place: every share, count and duration a player sees is
formatted here, so the same figure never reads two ways on two screens."""

from __future__ import annotations


def percent(share: float, places: int = 0) -> str:
    """A share as a percent: 0.9 -> "90%" (the whole percent a child reads); with ``places``,
    0.12345 -> "12.35%" (the softmax card, where the decimals are the point)."""
    return f"{share:.{places}%}"


def count(number: int) -> str:
    """A count with thousands separated: 2000 -> "2,000"."""
    return f"{number:,}"


def duration(seconds: float) -> str:
    """Seconds as minutes and seconds: 75 -> "1:15" (a run's time, its ETA)."""
    seconds = max(0, round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"
