"""Command line: play (the default), predict, evaluate and train.

    mnist-arcade                          open the game window
    mnist-arcade predict [--json] IMAGE   read board-like images (white ink on black)
    mnist-arcade evaluate --data PATH     accuracy on MNIST test digits and on brush-drawn ones
    mnist-arcade train --preset full      train headless with a progress bar

Problems a user can fix (a missing file, a corrupt model, data that is not MNIST) print one
line on stderr and exit with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from mnist_arcade import __version__
from mnist_arcade.errors import ImageReadError, MnistArcadeError
from mnist_arcade.preprocess import METHODS

USER_ERROR = 2


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
        choices=METHODS,
        default="mnist",
        help="preprocessing: MNIST-style centring (default) or plain resize",
    )
    predict.add_argument("--json", action="store_true", help="one JSON object per line")

    evaluate = commands.add_parser("evaluate", help="accuracy on MNIST's test digits")
    evaluate.add_argument("--data", required=True, help="a Keras-layout mnist.npz (or IDX folder)")
    evaluate.add_argument("--model", help="a .keras model (default: the game's live model)")
    evaluate.add_argument(
        "--drawn",
        type=int,
        default=1000,
        metavar="N",
        help="also redraw N test digits with the game's brush (0: skip)",
    )
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")

    train = commands.add_parser("train", help="train the CNN headless")
    train.add_argument("--preset", choices=("seed", "full"), default="seed")
    train.add_argument("--data", help="mnist.npz or IDX folder (default: Keras, then shipped)")
    train.add_argument("--epochs", type=int, help="override the preset's epoch count")
    train.add_argument("--out", help="where to save (default: your user folder, used by the game)")
    train.add_argument("--seed", type=int, default=None, help="random seed, for repeatable runs")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
        argv = ["play", *argv]  # `mnist-arcade --data PATH` means play with that data
    args = _parser().parse_args(argv)
    command = args.command
    try:
        if command == "play":
            from mnist_arcade.install_check import pygame_conflict

            if conflict := pygame_conflict():  # a warning only: the game still tries to start
                print(f"mnist-arcade: {conflict}", file=sys.stderr)
            from mnist_arcade.game.app import main as play

            return play(args.model, args.data, args.startup_check)
        if command == "predict":
            return _predict(args)
        if command == "evaluate":
            return _evaluate(args)
        return _train(args)
    except MnistArcadeError as error:
        print(f"mnist-arcade: {error}", file=sys.stderr)
        return USER_ERROR
    except KeyboardInterrupt:
        print("mnist-arcade: interrupted", file=sys.stderr)
        return 130


def read_board_image(path: str | Path) -> np.ndarray:
    """An image file -> (H, W) uint8 greyscale; a clear error if it is missing or not an image."""
    from PIL import Image, UnidentifiedImageError

    path = Path(path)
    if not path.is_file():
        raise ImageReadError(f"{path}: no such file")
    try:
        with Image.open(path) as image:
            return np.asarray(image.convert("L"))
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise ImageReadError(f"{path}: not a readable image ({error})") from error


def _load_predictor(model_path: str | None):
    from mnist_arcade.ml.predictor import Predictor
    from mnist_arcade.ml.store import load_live_model

    loaded = load_live_model(model_path)
    if loaded.warning:
        print(f"mnist-arcade: {loaded.warning}", file=sys.stderr)
    return Predictor(loaded.model)


def _predict(args) -> int:
    from mnist_arcade.preprocess import to_network_input

    boards = [(name, read_board_image(name)) for name in args.images]  # fail before loading TF
    predictor = _load_predictor(args.model)
    for name, pixels in boards:
        prediction = predictor.predict(to_network_input(pixels, args.method))
        probabilities = [round(float(p), 6) for p in prediction.probabilities]
        if args.json:
            print(
                json.dumps(
                    {"file": name, "digit": prediction.digit, "probabilities": probabilities}
                )
            )
        else:
            shown = " ".join(f"{digit}:{p:.3f}" for digit, p in enumerate(probabilities))
            print(f"{name}: {prediction.digit}  ({shown})")
    return 0


def _evaluate(args) -> int:
    from mnist_arcade.dataset import load_path
    from mnist_arcade.evaluation import evaluate_model

    data = load_path(args.data)
    report = evaluate_model(_load_predictor(args.model), data, drawn=args.drawn)
    print(json.dumps(report.as_dict()) if args.json else report.as_text())
    return 0


def _train(args) -> int:
    import threading

    from mnist_arcade import paths
    from mnist_arcade.dataset import find_mnist
    from mnist_arcade.ml.backend import keras
    from mnist_arcade.ml.predictor import Predictor
    from mnist_arcade.ml.store import save_model_atomic
    from mnist_arcade.ml.training import PRESETS, select_training_data, train

    if args.epochs is not None and args.epochs < 1:
        raise MnistArcadeError("--epochs must be at least 1")
    if args.seed is not None:
        keras.utils.set_random_seed(args.seed)
    preset = PRESETS[args.preset]
    data = find_mnist(args.data)
    for note in data.notes:
        print(f"skipped: {note}", file=sys.stderr)
    chosen = select_training_data(data, preset)
    print(f"Preset {preset.name}: {preset.description}")
    print(
        f"Data: {data.source}, {len(chosen.x_train):,} training, "
        f"{len(chosen.x_val):,} validation digits"
    )
    stop = threading.Event()
    model, finished = train(
        preset, chosen, lambda message: None, stop, epochs=args.epochs, seed=args.seed, verbose=1
    )
    predictor = Predictor(model)
    test_images = data.x_test.astype(np.float32) / 255.0
    accuracy = float(np.mean(predictor.probabilities(test_images).argmax(1) == data.y_test))
    out = Path(args.out) if args.out else paths.user_model_path()
    save_model_atomic(model, out)
    print(
        f"Trained {finished.epochs_done} epochs in {finished.seconds:.1f} s; "
        f"best val_accuracy {finished.best_val_accuracy:.4f}"
    )
    print(f"Test accuracy on {len(data.x_test):,} {data.source} test digits: {accuracy:.4f}")
    print(f"Saved to {out}")
    return 0
