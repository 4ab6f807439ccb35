"""``train``: train headless, then save by the adoption policy, so a run is never lost and
never replaces a better model in use."""

from __future__ import annotations

import sys
from pathlib import Path

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.cli.output import INTERRUPTED, USER_ERROR, say
from mnist_arcade.errors import MnistArcadeError

SEED_LIMIT = 2**32  # numpy and Keras accept seeds 0 .. 2**32 - 1


def check_train_arguments(args) -> Path | None:
    """Every argument checked before any data is read or any epoch run; the --out target."""
    if args.epochs is not None and args.epochs < 1:
        raise MnistArcadeError("--epochs must be at least 1")
    if args.seed is not None and not 0 <= args.seed < SEED_LIMIT:
        raise MnistArcadeError(f"--seed must be between 0 and {SEED_LIMIT - 1}, not {args.seed}")
    return Path(args.out).expanduser() if args.out else None


class StopOnCtrlC:
    """While active, the first Ctrl-C asks training to stop after the current batch (the run is
    kept); a second one interrupts at once, as Ctrl-C normally does."""

    def __init__(self, stop) -> None:
        self.stop = stop
        self.previous = None

    def _handle(self, signum, frame) -> None:
        import signal

        if self.stop.is_set():
            signal.signal(signal.SIGINT, signal.default_int_handler)
            raise KeyboardInterrupt
        self.stop.set()
        say("stopping after this batch; the run will be kept aside (Ctrl-C again to abandon it)")

    def __enter__(self):
        import signal
        import threading

        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        import signal

        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


def train_headless(args) -> int:
    """Train headless, then save by the adoption policy (:mod:`mnist_arcade.scoring.adoption`).

    Without ``--out`` the target is the game's live model: the run and the model in use are
    measured on the same held-out validation digits, and the run replaces it only if it finished
    and reads them strictly better; otherwise it is kept aside (``kept_aside.keras`` in the user
    folder) and the user is told why and how to use it anyway. ``--out PATH`` is the user's
    explicit choice: the run is written there whatever it scores. Ctrl-C stops after the current
    batch and keeps the run aside. Every target is checked before training, and a save that still
    fails writes the run to the temporary folder instead, so a long run is never lost.
    """
    out = check_train_arguments(args)  # before TensorFlow's import: bad arguments fail at once

    import threading

    from mnist_arcade.ml.training import train

    preset, data, chosen = _prepare_run(args, out)
    stop = threading.Event()
    with StopOnCtrlC(stop):  # stays on while saving, so one Ctrl-C cannot cut a save short
        model, finished = train(
            preset,
            chosen,
            lambda message: None,
            stop,
            epochs=args.epochs,
            seed=args.seed,
            verbose=1,
        )
        watched = len(chosen.x_val)
        del chosen
        interrupted = stop.is_set()
        best = finished.best_val_accuracy
        best_text = "n/a" if best is None else f"{best:.4f}"
        print(
            f"{'Stopped after' if interrupted else 'Trained'} {finished.epochs_done} epochs in "
            f"{finished.seconds:.1f} s; best val_accuracy {best_text} (on the run's own "
            f"{watched:,} validation digits)"
        )
        status = judge_and_save_run(model, finished, data, out, preset, args.pen_strokes)
    return INTERRUPTED if interrupted and status == 0 else status


def _prepare_run(args, out: Path | None):
    """Check every save target, seed, and choose the preset's digits, before any epoch runs:
    a run must not end with nowhere to go. Returns (preset, the data found, the chosen split)."""
    from mnist_arcade import paths
    from mnist_arcade.dataset import find_mnist
    from mnist_arcade.ml.backend import keras
    from mnist_arcade.ml.keras_data import load_keras_mnist
    from mnist_arcade.ml.model_files import check_save_target
    from mnist_arcade.ml.training import PRESETS, select_training_data

    targets = [out] if out else [paths.user_model_path(), paths.kept_aside_model_path()]
    for target in targets:
        check_save_target(target)
    if args.seed is not None:
        keras.utils.set_random_seed(args.seed)
    preset = PRESETS[args.preset]
    data = find_mnist(args.data, keras_loader=load_keras_mnist)
    for note in data.notes:
        print(f"skipped: {note}", file=sys.stderr)
    chosen = select_training_data(data, preset, pen_strokes=args.pen_strokes)
    if len(chosen.x_train) == 0:
        raise MnistArcadeError(f"{data.source}: too few training digits to train on")
    print(f"Preset {preset.name}: {preset.description}")
    print(
        f"Data: {data.source}, {len(chosen.x_train):,} training, "
        f"{len(chosen.x_val):,} validation digits"
    )
    return preset, data, chosen


def judge_and_save_run(model, finished, data, out: Path | None, preset, pen_strokes) -> int:
    """Test accuracy once, then save by the policy (see :func:`train_headless`); the exit status."""
    from mnist_arcade import paths
    from mnist_arcade.ml.judging import judge_and_save, keras_reader
    from mnist_arcade.ml.model_files import save_with_fallback
    from mnist_arcade.ml.training_data import judging_digits
    from mnist_arcade.scoring.accuracy import accuracy

    test_accuracy = accuracy(keras_reader(model), mnist_digits_as_input(data.x_test), data.y_test)
    print(f"Test accuracy on {len(data.x_test):,} {data.source} test digits: {test_accuracy:.4f}")
    if out is not None:
        saved, failure = save_with_fallback(model, out)
        if failure is None:
            print(f"Saved to {saved} (you named the file with --out)")
        return report_failure(out, saved, failure)
    if finished.epochs_done == 0:  # as in the game: nothing worth keeping
        print("Stopped before the first epoch ended: nothing saved; the model in use is unchanged.")
        return 0
    x_val, y_val = judging_digits(data, preset, pen_strokes)
    judged = judge_and_save(
        model, x_val, y_val, completed=not finished.stopped_early, preset=preset.name
    )
    if judged.problem is not None:
        say(judged.problem)
        return USER_ERROR
    saved = judged.saved
    if judged.adopted:
        print(f"Saved to {saved}: the game uses it from now on ({judged.verdict.reason}).")
        return 0
    print(f"NOT put in use: {judged.verdict.reason}.")
    print(f"Kept aside at {saved}; the model in use is unchanged.")
    print(
        f"To use it anyway: `mnist-arcade play --model {saved}` for one session, or copy it to "
        f"{paths.user_model_path()} to use it at every launch. (A run trained with --out PATH is "
        "written to PATH directly: naming the file is your consent.)"
    )
    return 0


def report_failure(target: Path, saved: Path, failure: str | None) -> int:
    if failure is None:
        return 0
    say(f"could not save to {target} ({failure}); the run was saved to {saved} instead")
    return USER_ERROR
