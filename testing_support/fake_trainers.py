"""A stand-in for the trainer thread: ``TrainingSession(starter=ScriptedTrainer(...))``.

The training screen only ever sees the trainer's messages (:mod:`mnist_arcade.messages`), so a
test of what it draws or says posts real message objects instead of training a network. The
fake records every start (preset and options) and can say, without sleeping, when the threads
it started are done posting.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence

Script = Sequence[object] | Callable[[int], Sequence[object]]  # messages, or run -> messages


class ScriptedTrainer:
    """Each start posts the script's messages on a fresh thread, then the thread ends.

    ``script`` is a list of messages, the same for every run, or a function of the run's index
    (0 for the first start) that returns them. With ``hold``, the thread then waits until the
    session asks it to stop, as a real run still training does.
    """

    def __init__(self, script: Script = (), hold: bool = False) -> None:
        self.script = script
        self.hold = hold
        self.started: list[tuple[str, dict]] = []  # (preset, options) of every start
        self.threads: list[threading.Thread] = []
        self._posted: list[threading.Event] = []

    def __repr__(self) -> str:
        return f"ScriptedTrainer(started={[preset for preset, _ in self.started]})"

    @property
    def presets(self) -> list[str]:
        return [preset for preset, _ in self.started]

    def __call__(
        self, preset: str, messages: queue.Queue, stop: threading.Event, **options
    ) -> threading.Thread:
        run = len(self.started)
        self.started.append((preset, options))
        script = self.script(run) if callable(self.script) else self.script
        posted = threading.Event()
        self._posted.append(posted)

        def post() -> None:
            for message in script:
                messages.put(message)
            posted.set()
            if self.hold:
                stop.wait()

        thread = threading.Thread(target=post, name="scripted-trainer", daemon=True)
        thread.start()
        self.threads.append(thread)
        return thread

    def posted(self, timeout: float = 10.0) -> bool:
        """Wait until every run started so far has put all its messages on the queue."""
        return all(event.wait(timeout) for event in self._posted)

    def finished(self, timeout: float = 10.0) -> bool:
        """Wait for every run started so far to have posted all its messages."""
        for thread in self.threads:
            thread.join(timeout)
        return not any(thread.is_alive() for thread in self.threads)


EPOCH_LOG = {"accuracy": 0.9, "val_accuracy": 0.8, "loss": 0.3, "val_loss": 0.4}


def judged_seed_run(
    weights: list,
    *,
    epochs: int = 1,
    train: int = 1000,
    validation: int = 200,
    exam_digits: int = 6000,
    incumbent: float = 0.988,
) -> list[object]:
    """The messages of a seed run from the shipped subset that finished and was kept aside:
    it read 92.7% of ``exam_digits`` practice-exam digits, the model in use ``incumbent``."""
    from mnist_arcade.messages import (
        BatchProgress,
        DataReady,
        EpochResult,
        RunJudged,
        TrainingFinished,
        TrainingStarted,
    )

    return [
        DataReady("shipped subset (data/mnist_subset.npz)", train, validation, ()),
        TrainingStarted("seed", epochs, 2, 500),
        *(EpochResult(epoch, epochs, EPOCH_LOG, 1.0) for epoch in range(1, epochs + 1)),
        BatchProgress(epochs, 2, 2, 4278.0),
        TrainingFinished(False, epochs, 0.8, 12.0, weights),
        RunJudged(False, "not better", 0.927, incumbent, exam_digits, weights, "/tmp/aside.keras"),
    ]
