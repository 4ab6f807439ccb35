"""Calibrate a trained model's confidence: fit a temperature on held-out drawings and bake it in.

    python -m mnist_arcade.ml.calibrate --model IN.keras --data mnist.npz --out OUT.keras
        [--pen-strokes pendigits-orig.tra]

Temperature scaling (Guo et al. 2017) divides the network's scores by one number T before the
softmax, fitted to minimise the cross-entropy on validation drawings; the predicted digit never
changes, only how sure the model says it is. The drawings are the held-out pen writers' digits
replayed large and small (:func:`mnist_arcade.ml.pen_inputs.pen_validation_inputs`, from the
shipped half or the file named), as the *full* preset calibrates; with no held-out writer in
the file, the held-out tenth of MNIST redrawn and the style generator's validation stream
(:func:`mnist_arcade.ml.drawn_inputs.validation_drawings`). The test set is not touched.
T is baked into the dense layer, so the written file keeps the game's architecture. ``train``
does the same at the end of a *full* run; this command applies it to an existing model.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from mnist_arcade.dataset import load_path
from mnist_arcade.ml.calibration import bake_temperature, fit_temperature, logits
from mnist_arcade.ml.drawn_inputs import validation_drawings
from mnist_arcade.ml.model_files import load_model, save_model_atomic
from mnist_arcade.ml.pen_inputs import pen_validation_inputs
from mnist_arcade.ml.presets import PRESETS
from mnist_arcade.practice.pen_strokes import read_pen_digits
from mnist_arcade.presets import PresetName


def calibrate(model, data, seed: int = 0, drawings: int | None = None, pen_strokes=None) -> float:
    """Fit the temperature on the held-out writers' pen strokes (from ``pen_strokes``, else the
    shipped half), or without any on validation drawings (as many as the *full* preset
    validates on, unless ``drawings`` says otherwise); bake it into ``model``, return it."""
    x_val, y_val = pen_validation_inputs(read_pen_digits(pen_strokes), seed)
    if not len(x_val):
        preset = PRESETS[PresetName.FULL]
        if drawings is not None:
            preset = dataclasses.replace(preset, validation_drawings=drawings)
        x_val, y_val = validation_drawings(data, preset, seed)
    temperature = fit_temperature(logits(model, x_val), y_val)
    bake_temperature(model, temperature)
    return temperature


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, help="the .keras model to calibrate")
    parser.add_argument("--data", required=True, help="mnist.npz (its held-out tenth is used)")
    parser.add_argument("--out", required=True, help="where to write the calibrated model")
    parser.add_argument("--seed", type=int, default=0, help="the validation drawings' seed")
    parser.add_argument("--pen-strokes", help="pen strokes (default: the shipped half)")
    args = parser.parse_args(argv)
    model = load_model(args.model)
    temperature = calibrate(model, load_path(args.data), args.seed, pen_strokes=args.pen_strokes)
    saved = save_model_atomic(model, Path(args.out))
    print(f"Temperature {temperature:.3f} fitted on validation drawings; saved to {saved}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
