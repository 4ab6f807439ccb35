"""How the detail cards write their numbers: readable first, exact behind one key (X).

A child reads "987,000" and "less than 0.001", not ``9.87e+05`` and ``6.4e-07``: by default
every sum, score, exponential and chance on a card goes through
:func:`~mnist_arcade.game.words.numbers.readable`. Pressing X on a card shows the exact figures
instead (:class:`Figures` with ``exact=True``), for the teacher who wants to check the division.
The 5x5 grids keep :func:`cell_number` in both modes: two decimals already fit a child and the cell.
"""

from __future__ import annotations

from dataclasses import dataclass

from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.numbers import percent, readable, readable_percent


def cell_number(value: float) -> str:
    """A grid cell: "0" for nothing, else two decimals ("-0.12"), one from 10 up ("12.3")."""
    if round(value, 2) == 0:
        return "0"
    return f"{value:.1f}" if abs(value) >= 10 else f"{value:.2f}"


def narrow_cell_number(number: str) -> str:
    """A cell number without its leading zero ("-0.12" -> "-.12", "0.35" -> ".35"), as printed
    tables do: for a cell too narrow for the whole figure (larger text, F2), so two cells'
    numbers never run together ("-0.45-0.29"). The digits that matter stay."""
    if number.startswith("0."):
        return number[1:]
    return "-" + number[2:] if number.startswith("-0.") else number


def sum_number(value: float) -> str:
    """An exact sum, bias or activation: three decimals ("-0.737")."""
    return f"{value:.3f}"


def exp_number(value: float) -> str:
    """An exact e^score: plain under 100,000 ("1,234.57"), else in powers of ten ("4.85e+08")."""
    return f"{value:,.2f}" if 0.01 <= value < 100_000 else f"{value:.3g}"


def signed(value: float) -> str:
    """An exact part of a sum, with its sign: "+0.12", "-1.05"."""
    return f"{value:+.2f}"


def counted(index: int) -> int:
    """The number a player reads for the 0-based ``index`` of a map, filter, row or column.

    The players are children and teachers, who count from 1: the first conv1 map is "map 1"
    on the hover popup, the card's title and everywhere in its text. The code keeps counting
    from 0; only what is written on screen goes through here.
    """
    return index + 1


@dataclass(frozen=True)
class Figures:
    """The card's number writer: readable (the default) or exact (X)."""

    exact: bool = False

    def sum(self, value: float) -> str:
        """A sum, a bias, a score or an activation."""
        return sum_number(value) if self.exact else readable(value)

    def score(self, value: float) -> str:
        """A score, a part of one or a bias on the dense card; a part on a conv2 card."""
        return f"{value:.2f}" if self.exact else readable(value)

    def big(self, value: float) -> str:
        """An exponential, which runs from millionths to millions."""
        return exp_number(value) if self.exact else readable(value)

    def chance(self, share: float) -> str:
        """A softmax chance."""
        return percent(share, 2) if self.exact else readable_percent(share)

    def signed(self, value: float) -> str:
        """One map's part of a sum, with its sign."""
        if self.exact:
            return signed(value)
        words = readable(value)
        return words if words.startswith("-") or value <= 0 else f"+{words}"


def amount(value: float, figures: Figures | None = None) -> str:
    """What one input map does to a filter's sum, in words: "adds 1.15", "takes away 0.22"."""
    figures = figures or Figures()
    if round(value, 2) > 0:
        return phrase("card.adds", value=figures.score(value))
    if round(value, 2) < 0:
        return phrase("card.takes_away", value=figures.score(-value))
    return phrase("card.adds_nothing")
