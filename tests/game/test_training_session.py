"""The training session's own bookkeeping, from real message objects (no window needed)."""

from mnist_arcade.game.services.training_session import EARLIER_KEPT, TRAINING, TrainingSession
from mnist_arcade.messages import BatchProgress, EpochResult, TrainingStarted
from mnist_arcade.presets import PresetName
from testing_support.fake_trainers import ScriptedTrainer

FINETUNE = PresetName.FINETUNE


def session_with(messages, still_training=False):
    """A session that has drained a scripted run's messages (with ``still_training``, the run
    goes on until the session stops it)."""
    trainer = ScriptedTrainer(messages, hold=still_training)
    session = TrainingSession(trainer)
    session.start()
    assert trainer.posted() if still_training else trainer.finished()
    session.poll()
    return session


def test_the_progress_bar_covers_the_whole_run_not_one_epoch():
    started = TrainingStarted("seed", 4, 10, 100)
    session = session_with([started, BatchProgress(3, 5, 10, 1000.0)], still_training=True)
    assert session.status is TRAINING
    assert session.epoch_fraction == 0.5
    assert session.run_fraction == (2 + 0.5) / 4
    session.shutdown(10)


def test_the_eta_is_smoothed_over_batches_and_counts_the_whole_run():
    steady = [BatchProgress(1, b, 10, 1000.0) for b in range(1, 10)]
    session = session_with([TrainingStarted("seed", 2, 10, 100), *steady], still_training=True)
    assert session.status is TRAINING
    assert round(session.eta_seconds, 6) == round((20 - 9) * 100 / 1000.0, 6)
    session.messages.put(BatchProgress(1, 10, 10, 10_000.0))  # one odd fast batch
    session.poll()
    assert session.eta_seconds > (20 - 10) * 100 / 10_000.0 * 5  # barely moved by it
    session.shutdown(10)


def test_earlier_runs_stay_for_comparison_up_to_a_few():
    logs = {"accuracy": 0.5, "val_accuracy": 0.4, "loss": 1.0, "val_loss": 1.1}

    def run_with_logs_plus(run):  # run 0 posts logs + 0, run 1 logs + 1, ...
        shifted = {k: v + run for k, v in logs.items()}
        return [TrainingStarted("seed", 1, 1, 10), EpochResult(1, 1, shifted, 1.0)]

    trainer = ScriptedTrainer(run_with_logs_plus)
    session = TrainingSession(trainer)
    for _ in range(EARLIER_KEPT + 3):
        session.start()
        assert trainer.finished()
        session.poll()
    assert len(session.earlier_runs) == EARLIER_KEPT
    assert session.earlier_runs[-1]["accuracy"] == [0.5 + EARLIER_KEPT + 1]  # the one before now
    assert session.series("accuracy") == [0.5 + EARLIER_KEPT + 2]


def test_a_run_started_without_a_preset_trains_on_mnist_even_after_teaching():
    trainer = ScriptedTrainer()
    session = TrainingSession(trainer)
    for preset, options in (("full", {}), (FINETUNE, {"book": "digits"}), (None, {})):
        session.start(preset, **options)
        assert trainer.finished()
    # T after K: teaching needs the player's digits, so T starts the last MNIST preset again
    started = [(preset, options.get("book")) for preset, options in trainer.started]
    assert started == [("full", None), (FINETUNE, "digits"), ("full", None)]
    assert session.preset == "full"
