"""``predict`` and ``evaluate``: read image files, or measure a model on MNIST's test digits,
always naming the model a figure comes from."""

from __future__ import annotations

import contextlib
import math
import sys

import numpy as np

from mnist_arcade.cli.output import USER_ERROR, say, strict_json
from mnist_arcade.errors import EmptyBoardError, ImageReadError, MnistArcadeError


def load_predictor(model_path: str | None):
    """The model to read with (``--model``, else the player's, else the shipped one) and which
    one it is, said in words with its file, so a figure is never shown without its model."""
    from mnist_arcade.messages import with_the
    from mnist_arcade.ml.model_files import launch_name, load_live_model
    from mnist_arcade.ml.predictor import Predictor

    loaded = load_live_model(model_path)
    if loaded.warning:
        say(loaded.warning)
    return Predictor(loaded.model), f"{with_the(launch_name(loaded))} ({loaded.path})"


def read_inputs(names: list[str], method: str) -> tuple[list[tuple[str, np.ndarray]], int]:
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
            say(str(error))
            failed += 1
            continue
        except EmptyBoardError:
            say(f"{name}: the image is empty: no ink to read")
            failed += 1
            continue
        if board.inverted:
            say(f"{name}: dark ink on a light background, inverted to white on black")
    return inputs, failed


def predict(args) -> int:
    from mnist_arcade.scoring.confidence import NOT_A_DIGIT, reads_as_digit

    with contextlib.suppress(AttributeError, ValueError):  # file names that are not UTF-8
        sys.stdout.reconfigure(errors="surrogateescape")
    inputs, failed = read_inputs(args.images, args.method)
    if not inputs:
        return USER_ERROR
    predictor, model = load_predictor(args.model)
    if sys.stderr.isatty():  # a person is watching; a script reads each line's "model" field
        say(f"reading with {model}")
    for name, net_input in inputs:
        prediction = predictor.predict(net_input)
        probabilities = [float(p) for p in prediction.probabilities]
        if not all(math.isfinite(p) for p in probabilities):
            say(f"{name}: the model gave no usable probabilities (NaN or infinity)")
            failed += 1
            continue
        probabilities = [round(p, 6) for p in probabilities]
        is_digit = reads_as_digit(probabilities)
        if args.json:
            print(strict_json({"file": name, "digit": prediction.digit, "is_digit": is_digit,
                         "probabilities": probabilities, "model": model}))  # fmt: skip
        else:
            shown = " ".join(f"{digit}:{p:.3f}" for digit, p in enumerate(probabilities))
            doubt = "" if is_digit else f"  {NOT_A_DIGIT}"
            print(f"{name}: {prediction.digit}  ({shown}){doubt}")
    return USER_ERROR if failed else 0


def evaluate(args) -> int:
    from mnist_arcade.dataset import load_path
    from mnist_arcade.practice.pen_strokes import read_pen_digits
    from mnist_arcade.scoring.evaluation import evaluate_model

    if args.drawn < 0:
        raise MnistArcadeError("--drawn must be 0 (skip) or more")
    data = load_path(args.data)
    predictor, model = load_predictor(args.model)
    pens = read_pen_digits(args.pen_strokes) if args.drawn > 0 else []
    report = evaluate_model(predictor, data, drawn=args.drawn, pen_digits=pens)
    if args.json:
        print(strict_json({"model": model, **report.as_dict()}))
    else:
        print(f"model: {model}\n{report.as_text()}")
    return 0
