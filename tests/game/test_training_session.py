"""The training session's own bookkeeping, from real message objects (no window needed)."""

import threading

from mnist_arcade.game.services.training_session import EARLIER_KEPT, TrainingSession
from mnist_arcade.messages import BatchProgress, EpochResult, TrainingStarted
from mnist_arcade.presets import PresetName

FINETUNE = PresetName.FINETUNE


def session_with(messages):
    def start(preset, queue, stop, **options):
        for message in messages:
            queue.put(message)
        thread = threading.Thread(target=lambda: None)
        thread.start()
        return thread

    session = TrainingSession(start)
    session.start()
    session._thread.join()
    session.poll()
    return session


def test_the_progress_bar_covers_the_whole_run_not_one_epoch():
    session = session_with([TrainingStarted("seed", 4, 10, 100), BatchProgress(3, 5, 10, 1000.0)])
    session.status = session.status.TRAINING  # as while the thread runs
    assert session.epoch_fraction == 0.5
    assert session.run_fraction == (2 + 0.5) / 4


def test_the_eta_is_smoothed_over_batches_and_counts_the_whole_run():
    steady = [BatchProgress(1, b, 10, 1000.0) for b in range(1, 10)]
    session = session_with([TrainingStarted("seed", 2, 10, 100), *steady])
    session.status = session.status.TRAINING
    assert round(session.eta_seconds, 6) == round((20 - 9) * 100 / 1000.0, 6)
    session._handle(BatchProgress(1, 10, 10, 10_000.0))  # one odd fast batch
    assert session.eta_seconds > (20 - 10) * 100 / 10_000.0 * 5  # barely moved by it


def test_earlier_runs_stay_for_comparison_up_to_a_few():
    logs = {"accuracy": 0.5, "val_accuracy": 0.4, "loss": 1.0, "val_loss": 1.1}
    session = session_with([TrainingStarted("seed", 1, 1, 10), EpochResult(1, 1, logs, 1.0)])
    for run in range(EARLIER_KEPT + 2):
        session.starter = lambda *a, run=run, **k: _posting_thread(a[1], run, logs)
        session.start()
        session._thread.join()
        session.poll()
    assert len(session.earlier_runs) == EARLIER_KEPT
    assert session.earlier_runs[-1]["accuracy"] == [0.5 + EARLIER_KEPT]  # the one before now
    assert session.series("accuracy") == [0.5 + EARLIER_KEPT + 1]


def _posting_thread(queue, run, logs):
    queue.put(TrainingStarted("seed", 1, 1, 10))
    queue.put(EpochResult(1, 1, {k: v + run for k, v in logs.items()}, 1.0))
    thread = threading.Thread(target=lambda: None)
    thread.start()
    return thread


def test_a_run_started_without_a_preset_trains_on_mnist_even_after_teaching():
    started = []

    def start(preset, queue, stop, **options):
        started.append((preset, options.get("book")))
        thread = threading.Thread(target=lambda: None)
        thread.start()
        return thread

    session = TrainingSession(start)
    for preset, options in (("full", {}), (FINETUNE, {"book": "digits"}), (None, {})):
        session.start(preset, **options)
        session._thread.join()
    # T after K: teaching needs the player's digits, so T starts the last MNIST preset again
    assert started == [("full", None), (FINETUNE, "digits"), ("full", None)]
    assert session.preset == "full"
