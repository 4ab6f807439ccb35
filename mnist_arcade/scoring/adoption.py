"""When a freshly trained model may replace the model in use: the one adoption policy.

A curious player presses T and then Esc three seconds later; a student stops a run half way; a
run simply ends worse than the model the game already has. None of these may silently replace a
better model. The rule, used by the game and by ``mnist-arcade train`` alike:

* a run that **finished** every epoch replaces the model in use only when it reads the same
  held-out validation digits **strictly better**;
* a **stopped** run, or a worse one, is kept aside (saved beside the model in use, never over
  it), shown with its accuracy, and used only when the player explicitly asks for it.

Pure Python: no TensorFlow, no pygame, so the rule is tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    """What to do with a finished or stopped run, and a sentence a player understands why."""

    adopt: bool
    reason: str


def judge_run(
    candidate_accuracy: float | None,
    incumbent_accuracy: float | None,
    *,
    completed: bool,
    against: str = "the model in use",
) -> Verdict:
    """Decide whether a run's model replaces the model in use.

    ``candidate_accuracy`` and ``incumbent_accuracy`` are measured on the same held-out
    validation digits; ``incumbent_accuracy`` is None when no model is in use at all (then any
    completed run is better than nothing). ``against`` names the model the run is measured
    against in the reason ("your saved model"), so the player reads which one it was.
    """
    if candidate_accuracy is None or candidate_accuracy != candidate_accuracy:  # None or NaN
        return Verdict(False, "the run has no measured accuracy, so it is kept aside")
    if not completed:
        return Verdict(False, "the run was stopped before the end, so it is kept aside")
    if incumbent_accuracy is None:
        return Verdict(True, "no model was in use")
    candidate, incumbent = percentages_that_differ(candidate_accuracy, incumbent_accuracy)
    if candidate_accuracy > incumbent_accuracy:
        return Verdict(
            True,
            f"it reads {candidate} of all the held-out validation digits right, "
            f"better than {against} ({incumbent})",
        )
    return Verdict(
        False,
        f"it reads {candidate} of all the held-out validation digits right, not better "
        f"than {against} ({incumbent}), so it is kept aside",
    )


def percentages_that_differ(first: float, second: float) -> tuple[str, str]:
    """Both as percentages with one decimal, or more when one would print two different
    accuracies alike ("99.2% ... better than ... 99.2%" reads as a mistake)."""
    for decimals in (1, 2, 3):
        texts = f"{first:.{decimals}%}", f"{second:.{decimals}%}"
        if first == second or texts[0] != texts[1]:
            return texts
    return texts
