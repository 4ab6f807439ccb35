"""How numbers read on screen, in one place: every share, count and duration a player sees is
formatted here, so the same figure never reads two ways on two screens."""

from __future__ import annotations

import math

from mnist_arcade.game.words import phrase


def percent(share: float, places: int = 0) -> str:
    """A share as a percent: 0.9 -> "90%" (the whole percent a child reads); with ``places``,
    0.12345 -> "12.35%" (the softmax card, where the decimals are the point)."""
    return f"{share:.{places}%}"


MOST_SURE = 0.99  # the network can be wrong, so a child is never told it is 100% sure


def shown_sureness(confidence: float) -> float:
    """The share a child is shown: ``confidence``, but never more than :data:`MOST_SURE`.
    Only what is shown is capped; the model and the command line keep the raw probabilities."""
    return min(float(confidence), MOST_SURE)


def sure(confidence: float) -> str:
    """How sure the network is, as a child reads it: 0.87 -> "87%", and never more than
    "99%" (0.9996 would round to "100%", which promises it cannot be wrong)."""
    return percent(shown_sureness(confidence))


def count(number: int) -> str:
    """A count with thousands separated: 2000 -> "2,000"."""
    return f"{number:,}"


SAID_IN_WORDS = 10  # a count of a digit up to this is a word: "two 1s", not "2 1s"


def digits_counted(number: int, digit: int) -> str:
    """How many of one digit there are, for a sentence that names them. A figure beside a
    digit runs into it ("2 1s read as 2" is hard to read), so small counts are words: "no 3s",
    "one 7", "two 1s", ... "ten 4s", then figures kept apart from the digit: "11 of the 4s",
    "1,024 of the 7s" (not "194 1s read right"). Each language words
    them in its table: Chinese keeps its figures, as its measure word already parts them
    ("2 个 1", "没有一个 3")."""
    if number == 0:
        return phrase("numbers.no_digits", digit=digit)
    if number == 1:
        return phrase("numbers.one_digit", digit=digit)
    if number <= SAID_IN_WORDS:
        word = phrase("numbers.small_counts").split("|")[number]
        return phrase("numbers.few_digits", count=word, digit=digit)
    return phrase("numbers.many_digits", count=count(number), digit=digit)


def duration(seconds: float) -> str:
    """Seconds as minutes and seconds: 75 -> "1:15" (a run's time, its ETA)."""
    seconds = max(0, round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


SMALLEST_READABLE = 0.001  # below this a child reads "less than 0.001", never 6.4e-07
READABLE_DIGITS = 3  # significant digits a child reads at a glance
READABLE_PLACES = 3  # ... and never more decimals than this: 0.00168 -> "0.002"


def readable(value: float) -> str:
    """A number a child can read: at most 3 significant digits and 3 decimals, thousands
    separated, never in powers of ten: 987,000 -> "987,000", 987,654 -> "988,000",
    0.00168 -> "0.002", 2.3712 -> "2.37", -0.7374 -> "-0.737", 6.4e-07 -> "less than 0.001".

    The exact figure is one key away on the cards (:func:`exact`); this is what they show first.
    """
    value = float(value)
    if value == 0 or math.isnan(value):
        return "0" if value == 0 else phrase("numbers.not_a_number")
    if math.isinf(value):
        return phrase("numbers.huge" if value > 0 else "numbers.huge_negative")
    if abs(value) < SMALLEST_READABLE / 2:
        return phrase("numbers.tiny" if value > 0 else "numbers.almost_zero")
    magnitude = math.floor(math.log10(abs(value)))
    rounded = round(value, READABLE_DIGITS - 1 - magnitude)
    places = max(0, min(READABLE_PLACES, READABLE_DIGITS - 1 - magnitude))
    words = f"{rounded:,.{places}f}"
    if places:
        words = words.rstrip("0").rstrip(".")
    return "0" if words in ("-0", "0") else words


def readable_percent(share: float) -> str:
    """A chance a child can read: 0.9987 -> "99.9%", 0.1235 -> "12.3%", 6e-09 ->
    "less than 0.1%"; at most 3 significant digits and one decimal, like :func:`readable`.
    Never "100%" (0.9996, or a float32 softmax at 1.0): "more than 99.9%", for the board
    never says the network cannot be wrong (:func:`sure`), and a card should not either."""
    points = float(share) * 100
    if 0 < points < 0.05:
        return phrase("numbers.tiny_percent")
    if points >= 99.95:
        return phrase("numbers.almost_all_percent")
    if points == 0:
        return "0%"
    magnitude = math.floor(math.log10(abs(points)))
    places = max(0, min(1, READABLE_DIGITS - 1 - magnitude))
    words = f"{round(points, places):.{places}f}"
    if places:
        words = words.rstrip("0").rstrip(".")
    return f"{words}%"


def exact(value: float) -> str:
    """The exact figure behind a readable one (the cards' X key): 4 significant digits more
    than a child needs, still without powers of ten under a trillion."""
    value = float(value)
    if value != 0 and (abs(value) >= 1e12 or abs(value) < 1e-6):
        return f"{value:.4g}"
    return f"{value:,.6f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"
