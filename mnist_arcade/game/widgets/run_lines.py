"""What became of a training run, in one sentence each: the verdict (in use, or kept aside and
why) and, for a run that taught the player's digits, their reading before and after."""

from __future__ import annotations

from mnist_arcade.game.widgets.theme import ACCENT, GOOD, MUTED
from mnist_arcade.game.words import phrase
from mnist_arcade.messages import FinetuneReport, RunJudged
from mnist_arcade.scoring.adoption import percentages_that_differ


def report_line(report: FinetuneReport) -> str:
    """Before and after teaching, side by side, in one sentence."""
    return phrase(
        "train_screen.report",
        digits=report.book_digits,
        before=report.book_right_before,
        after=report.book_right_after,
        test_before=report.test_accuracy_before,
        test_after=report.test_accuracy_after,
    )


def verdict_line(
    judged: RunJudged | None,
    offer_taken: bool,
    taught: bool = False,
    asking: bool = False,
    replaced: bool = False,
) -> tuple[str, tuple[int, int, int]]:
    """One sentence on what became of a run: put in use, or kept aside and why; once another
    model has been put in use after it (``replaced``: N or R), that, and how the run read.

    A run that taught the player's digits is nearly always a hair worse on MNIST's validation
    digits (that is the price of a new style), so it waits for the player's Enter, said plainly:
    one Enter while the screen's question is open (``asking``), two once it was answered no.
    """
    if judged is None:
        return phrase("verdict.nothing"), MUTED
    in_use = judged.incumbent_accuracy
    candidate, before = percentages_that_differ(
        judged.candidate_accuracy, judged.candidate_accuracy if in_use is None else in_use
    )
    measured = phrase("verdict.measured", accuracy=candidate, digits=judged.validation_digits)
    incumbent = "" if in_use is None else phrase("verdict.beside", accuracy=before)
    if (judged.adopted or offer_taken) and replaced:  # "in use" would no longer be true
        return phrase("verdict.replaced", measured=measured), MUTED
    if judged.adopted:
        key, color = "verdict.in_use", GOOD
    elif offer_taken:
        key, color = "verdict.chosen", GOOD
    elif taught and asking:
        key, color = "verdict.taught_asking", ACCENT
    elif taught:
        key, color = "verdict.taught", ACCENT
    else:
        key, color = "verdict.kept_aside", ACCENT
    return phrase(key, measured=measured, incumbent=incumbent), color
