"""Command line: play (the default), predict, evaluate and train.

    mnist-arcade                          open the game window
    mnist-arcade predict [--json] IMAGE   read board-like images (white ink on black)
    mnist-arcade evaluate --data PATH     accuracy on MNIST test digits and on brush-drawn ones
    mnist-arcade train --preset full      train headless with a progress bar

Problems a user can fix (a missing or damaged file, a corrupt model, data that is not MNIST, an
argument out of range, a folder that cannot be written) print one line on stderr and exit with
status 2, never a traceback. ``predict`` reads every file it can and reports each bad one on a
line of its own. ``train`` never loses a run and never replaces the model in use with a worse
one: see :func:`_train`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import re
import sys
from pathlib import Path

import numpy as np

from mnist_arcade import __version__
from mnist_arcade.canvas.methods import Method
from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.errors import (
    DataSourceError,
    EmptyBoardError,
    ImageReadError,
    MnistArcadeError,
)
from mnist_arcade.presets import PresetName

USER_ERROR = 2
INTERRUPTED = 130  # the shell's status for a run ended by Ctrl-C (128 + SIGINT)
BROKEN_PIPE = 1  # what the Python docs' recipe exits with when the reader went away
SEED_LIMIT = 2**32  # numpy and Keras accept seeds 0 .. 2**32 - 1
PEN_HELP = "pen strokes: pendigits-orig.tra or a compact .npz (default: the shipped half)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mnist-arcade",
        description="Draw a digit and watch a small convolutional network read it.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = commands.add_parser("play", help="open the game window (the default)")
    play.add_argument("--model", help="a .keras model to use instead of the saved/shipped one")
    play.add_argument("--data", help="mnist.npz or a folder of MNIST IDX files for training")
    play.add_argument("--startup-check", action="store_true", help=argparse.SUPPRESS)

    predict = commands.add_parser("predict", help="read digits from image files")
    predict.add_argument("images", nargs="+", metavar="IMAGE")
    predict.add_argument("--model", help="a .keras model (default: the game's live model)")
    predict.add_argument(
        "--method",
        choices=[method.value for method in Method],
        default=Method.MNIST.value,
        help="preprocessing: MNIST-style centring (default) or plain resize",
    )
    predict.add_argument("--json", action="store_true", help="one JSON object per line")

    evaluate = commands.add_parser("evaluate", help="accuracy on MNIST's test digits")
    evaluate.add_argument("--data", required=True, help="a Keras-layout mnist.npz (or IDX folder)")
    evaluate.add_argument("--model", help="a .keras model (default: the game's live model)")
    drawn = "also redraw N test digits with the game's brush (0: skip)"
    evaluate.add_argument("--drawn", type=int, default=1000, metavar="N", help=drawn)
    evaluate.add_argument("--pen-strokes", help=PEN_HELP)
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")

    train = commands.add_parser("train", help="train the CNN headless")
    presets = [PresetName.SEED.value, PresetName.FULL.value]
    train.add_argument("--preset", choices=presets, default=PresetName.SEED.value)
    train.add_argument("--pen-strokes", help=PEN_HELP)
    train.add_argument("--data", help="mnist.npz or IDX folder (default: Keras, then shipped)")
    train.add_argument("--epochs", type=int, help="override the preset's epoch count")
    train.add_argument(
        "--out", help="save exactly here, a .keras file (default: put in use only if it is better)"
    )
    train.add_argument("--seed", type=int, default=None, help="random seed, for repeatable runs")
    return parser


def _one_line(text: str) -> str:
    """Fold line breaks (from a file name or a library's message) so an error stays one line."""
    return re.sub(r"\s*[\r\n]+\s*", " ", text).strip()


def _say(message: str) -> None:
    """One line on stderr, prefixed with the program's name."""
    with contextlib.suppress(OSError, ValueError):  # stderr closed: there is nobody to tell
        print(f"mnist-arcade: {_one_line(message)}", file=sys.stderr, flush=True)


def _stdout_to_devnull() -> None:
    """The Python docs' recipe for a closed pipe (``... | head -1``): point stdout at devnull
    so the interpreter's last flush does not fail again on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # stdout is not a real file (tests capture it): nothing to redirect


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
        argv = ["play", *argv]  # `mnist-arcade --data PATH` means play with that data
    args = _parser().parse_args(argv)
    try:
        status = _run(args)
        sys.stdout.flush()  # a reader that went away shows up here at the latest
        return status
    except BrokenPipeError:
        _stdout_to_devnull()
        return BROKEN_PIPE
    except MnistArcadeError as error:
        _say(str(error))
        return USER_ERROR
    except KeyboardInterrupt:
        _say("interrupted")
        return INTERRUPTED


def _run(args) -> int:
    if args.command == "play":
        from mnist_arcade.install_check import pygame_conflict

        if conflict := pygame_conflict():  # a warning only: the game still tries to start
            _say(conflict)
        if args.data is not None and not Path(args.data).expanduser().exists():
            raise DataSourceError(f"{args.data}: no such file or folder")  # not after a run
        from mnist_arcade.game.app import main as play  # imports pygame, which prints a line

        return play(args.model, args.data, args.startup_check)
    if args.command == "predict":
        return _predict(args)
    if args.command == "evaluate":
        return _evaluate(args)
    return _train(args)


def _finite(value):
    """``value`` with every NaN or infinity replaced by None, which JSON can say."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def _json(value) -> str:
    """Strict JSON: never the ``NaN`` that ``json.dumps`` writes by default and parsers reject."""
    return json.dumps(_finite(value), allow_nan=False)


def _load_predictor(model_path: str | None):
    """The model to read with (``--model``, else the player's, else the shipped one) and which
    one it is, said in words with its file, so a figure is never shown without its model."""
    from mnist_arcade.messages import with_the
    from mnist_arcade.ml.model_files import load_live_model
    from mnist_arcade.ml.model_worker import SOURCE_NAMES
    from mnist_arcade.ml.predictor import Predictor

    loaded = load_live_model(model_path)
    if loaded.warning:
        _say(loaded.warning)
    return Predictor(loaded.model), f"{with_the(SOURCE_NAMES[loaded.source])} ({loaded.path})"


def _read_inputs(names: list[str], method: str) -> tuple[list[tuple[str, np.ndarray]], int]:
    """Read and preprocess every file (pure numpy, before TensorFlow is loaded); report each
    bad one on its own line. Returns (name, 28x28 input) for the good ones and the bad count."""
    from mnist_arcade.canvas.image_files import read_board_image
    from mnist_arcade.canvas.preprocess import to_network_input

    inputs, failed = [], 0
    for name in names:
        try:
            board = read_board_image(name)
            inputs.append((name, to_network_input(board.pixels, method)))
        except ImageReadError as error:
            _say(str(error))
            failed += 1
            continue
        except EmptyBoardError:
            _say(f"{name}: the image is empty: no ink to read")
            failed += 1
            continue
        if board.inverted:
            _say(f"{name}: dark ink on a light background, inverted to white on black")
    return inputs, failed


def _predict(args) -> int:
    from mnist_arcade.scoring.confidence import NOT_A_DIGIT, reads_as_digit

    with contextlib.suppress(AttributeError, ValueError):  # file names that are not UTF-8
        sys.stdout.reconfigure(errors="surrogateescape")
    inputs, failed = _read_inputs(args.images, args.method)
    if not inputs:
        return USER_ERROR
    predictor, model = _load_predictor(args.model)
    if sys.stderr.isatty():  # a person is watching; a script reads each line's "model" field
        _say(f"reading with {model}")
    for name, net_input in inputs:
        prediction = predictor.predict(net_input)
        probabilities = [float(p) for p in prediction.probabilities]
        if not all(math.isfinite(p) for p in probabilities):
            _say(f"{name}: the model gave no usable probabilities (NaN or infinity)")
            failed += 1
            continue
        probabilities = [round(p, 6) for p in probabilities]
        is_digit = reads_as_digit(probabilities)
        if args.json:
            print(_json({"file": name, "digit": prediction.digit, "is_digit": is_digit,
                         "probabilities": probabilities, "model": model}))  # fmt: skip
        else:
            shown = " ".join(f"{digit}:{p:.3f}" for digit, p in enumerate(probabilities))
            doubt = "" if is_digit else f"  {NOT_A_DIGIT}"
            print(f"{name}: {prediction.digit}  ({shown}){doubt}")
    return USER_ERROR if failed else 0


def _evaluate(args) -> int:
    from mnist_arcade.dataset import load_path
    from mnist_arcade.practice.pen_strokes import read_pen_digits
    from mnist_arcade.scoring.evaluation import evaluate_model

    if args.drawn < 0:
        raise MnistArcadeError("--drawn must be 0 (skip) or more")
    data = load_path(args.data)
    predictor, model = _load_predictor(args.model)
    pens = read_pen_digits(args.pen_strokes) if args.drawn > 0 else []
    report = evaluate_model(predictor, data, drawn=args.drawn, pen_digits=pens)
    if args.json:
        print(_json({"model": model, **report.as_dict()}))
    else:
        print(f"model: {model}\n{report.as_text()}")
    return 0


def _check_train_arguments(args) -> Path | None:
    """Every argument checked before any data is read or any epoch run; the --out target."""
    if args.epochs is not None and args.epochs < 1:
        raise MnistArcadeError("--epochs must be at least 1")
    if args.seed is not None and not 0 <= args.seed < SEED_LIMIT:
        raise MnistArcadeError(f"--seed must be between 0 and {SEED_LIMIT - 1}, not {args.seed}")
    return Path(args.out).expanduser() if args.out else None


class _StopOnCtrlC:
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
        _say("stopping after this batch; the run will be kept aside (Ctrl-C again to abandon it)")

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


def _train(args) -> int:
    """Train headless, then save by the adoption policy (:mod:`mnist_arcade.scoring.adoption`).

    Without ``--out`` the target is the game's live model: the run and the model in use are
    measured on the same held-out validation digits, and the run replaces it only if it finished
    and reads them strictly better; otherwise it is kept aside (``kept_aside.keras`` in the user
    folder) and the user is told why and how to use it anyway. ``--out PATH`` is the user's
    explicit choice: the run is written there whatever it scores. Ctrl-C stops after the current
    batch and keeps the run aside. Every target is checked before training, and a save that still
    fails writes the run to the temporary folder instead, so a long run is never lost.
    """
    out = _check_train_arguments(args)  # before TensorFlow's import: bad arguments fail at once

    import threading

    from mnist_arcade import paths
    from mnist_arcade.dataset import find_mnist
    from mnist_arcade.ml.backend import keras
    from mnist_arcade.ml.keras_data import load_keras_mnist
    from mnist_arcade.ml.model_files import check_save_target
    from mnist_arcade.ml.training import PRESETS, select_training_data, train

    targets = [out] if out else [paths.user_model_path(), paths.kept_aside_model_path()]
    for target in targets:  # before any data is read: a run must not end with nowhere to go
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
    stop = threading.Event()
    with _StopOnCtrlC(stop):  # stays on while saving, so one Ctrl-C cannot cut a save short
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
        status = _judge_and_save(model, finished, data, out, preset, args.pen_strokes)
    return INTERRUPTED if interrupted and status == 0 else status


def _judge_and_save(model, finished, data, out: Path | None, preset, pen_strokes) -> int:
    """Test accuracy once, then save by the policy (see :func:`_train`); the exit status."""
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
        return _report_failure(out, saved, failure)
    if finished.epochs_done == 0:  # as in the game: nothing worth keeping
        print("Stopped before the first epoch ended: nothing saved; the model in use is unchanged.")
        return 0
    x_val, y_val = judging_digits(data, preset, pen_strokes)
    judged = judge_and_save(
        model, x_val, y_val, completed=not finished.stopped_early, preset=preset.name
    )
    if judged.problem is not None:
        _say(judged.problem)
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


def _report_failure(target: Path, saved: Path, failure: str | None) -> int:
    if failure is None:
        return 0
    _say(f"could not save to {target} ({failure}); the run was saved to {saved} instead")
    return USER_ERROR
