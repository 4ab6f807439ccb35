"""The command line's arguments: one parser, its commands and their options."""

from __future__ import annotations

import argparse

from mnist_arcade import __version__
from mnist_arcade.canvas.methods import Method
from mnist_arcade.presets import PresetName

PEN_HELP = "pen strokes: pendigits-orig.tra or a compact .npz (default: the shipped half)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mnist-arcade",
        description="Draw a digit and watch a small convolutional network read it.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    play = _add_play(commands)
    predict = _add_predict(commands)
    evaluate = _add_evaluate(commands)
    train = _add_train(commands)
    for command in (play, predict, evaluate, train):
        command.add_argument(
            "--verbose",
            action="store_true",
            help="also print the log on stderr: the raw reasons behind the plain words (the "
            "log itself is always kept in the user folder, as mnist-arcade.log)",
        )
    return parser


def _add_play(commands) -> argparse.ArgumentParser:
    play = commands.add_parser("play", help="open the game window (the default)")
    play.add_argument("--model", help="a .keras model to use instead of the saved/shipped one")
    play.add_argument("--data", help="mnist.npz or a folder of MNIST IDX files for training")
    play.add_argument(
        "--lang",
        choices=["zh", "en"],
        help="the game's language for this launch: zh (中文) or en (default: the one chosen "
        "with Y on the board, else the system's)",
    )
    play.add_argument("--startup-check", action="store_true", help=argparse.SUPPRESS)
    return play


def _add_predict(commands) -> argparse.ArgumentParser:
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
    return predict


def _add_evaluate(commands) -> argparse.ArgumentParser:
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
    evaluate.add_argument("--pen-strokes", help=PEN_HELP)
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    return evaluate


def _add_train(commands) -> argparse.ArgumentParser:
    train = commands.add_parser("train", help="train the CNN headless")
    train.add_argument(
        "--preset",
        choices=[PresetName.SEED.value, PresetName.FULL.value],
        default=PresetName.SEED.value,
    )
    train.add_argument("--pen-strokes", help=PEN_HELP)
    train.add_argument("--data", help="mnist.npz or IDX folder (default: Keras, then shipped)")
    train.add_argument("--epochs", type=int, help="override the preset's epoch count")
    train.add_argument(
        "--out",
        help="save exactly here, a .keras file (default: put in use only if it is better)",
    )
    train.add_argument("--seed", type=int, default=None, help="random seed, for repeatable runs")
    return train
