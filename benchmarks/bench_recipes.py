"""Training recipes side by side, on held-out digits only: why the full preset is what it is.

    python benchmarks/bench_recipes.py [--seeds 1 2] [--recipes slanted shipped rotate2 ...]
    python benchmarks/bench_recipes.py --compare MODEL [MODEL ...] [--slanted]

Each recipe is the full preset with one thing changed; each run trains it (30 epochs, the same
practice drawings) in its own process with one CPU thread, two runs at a time, then reads only
validation data: the held-out last tenth of MNIST's training digits, those digits redrawn with
the brush (110-270 px, and small, 60-100 px), drawings from the style generator's validation
stream and non-digits from it, and every digit of the held-out pen writers (25 to 30, from
``../shared`` when it is there, else the shipped half) replayed large and small. The test set is
never read here: it is read once, for the shipped model, by ``mnist-arcade evaluate``. A run
takes about five minutes on one free core (fifteen with the pen replays on a busy machine).
``PEN_STROKES=PATH`` trains on another pen file than the shipped half; ``KEEP_MODEL=PATH``
saves the run's model there (the shipped model is such a run: no second training to ship it).

With six thousand weights every figure is a trade: what the network spends on one kind of
digit it cannot spend on another. The seeds show how much of a difference is noise.

``--compare`` reads trained models (no training) on the held-out tenth and on larger held-out
drawings: 5,000 from the style generator's validation stream, 3,000 validation digits redrawn
large and 3,000 small, 3,000 non-digits. It is how the shipped model was chosen among seeds,
without the test set. ``--slanted`` reads them without standing digits upright, as models
trained before that change were trained.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import _common  # noqa: F401  (sets the environment first)
from _common import mnist_path

RECIPES = {
    "wide": "the augmentation shipped before (+-10 deg, +-12% zoom), no extra small digits",
    "mild": "mild augmentation (+-6 deg, +-6% zoom), no extra small digits",
    "shipped": "the full preset: digits stood upright, mild augmentation, 2,500 more small",
    "small5000": "mild augmentation and 5,000 more digits redrawn small",
    "slanted": "the full preset without standing digits upright (shipped before)",
    "rotate2": "the full preset with rotations of at most +-2 deg (digits are upright anyway)",
    "moredrawn": "the full preset with three times the redrawn digits (15,000 and 7,500 small)",
    "longer": "the full preset trained for 45 epochs instead of 30",
    "moreall": "the full preset with more of every drawing (15,000 styles, 15,000 redrawn, "
    "7,500 small, 3,000 non-digits)",
    "nopen": "the full preset without real pen strokes (shipped before issue 20)",
    "pen2": "the full preset with 2 pen replays and 1 small of each training writer's digit",
    "pen4": "the full preset with 4 pen replays and 2 small of each training writer's digit",
    "pen3small4": "the full preset with 3 pen replays and 4 small of each training writer's digit",
    "pen4small4": "the full preset with 4 pen replays and 4 small of each training writer's digit",
    "pen4lean": "pen4 with fewer style drawings (6,000, not 10,000) and more non-digits (4,000, "
    "not 2,000): capacity moved from the generator's styles to real strokes and scribbles",
    "pen4thin24": "pen4 with small drawings thinned to 2.4 px strokes in the 20x20 box, not 2.8 "
    "(training and every held-out reading alike)",
    "pen4x2": "pen4 on a network twice as wide (16 and 32 filters, about 18,000 weights): is the "
    "tutorial's size what holds the real strokes back?",
    "pen4warp": "pen4 with every training replay's strokes bent by a smooth random warp (up to "
    "8% of the digit's size) and each stroke nudged apart (3%): new writers' versions of the "
    "same digits, where more replays only redraw the same 24 writers",
    "pen4halfwarp": "pen4warp with only half the replays warped: the writers' own strokes kept "
    "beside their bent versions",
    "pen4warpema": "pen4warp whose final weights are the running average of its last steps' "
    "(Adam's exponential moving average, momentum 0.999), written into the model every epoch: "
    "steadier end points than the last step's",
    "pen4ema": "pen4 (no warp) with the weights averaged as in pen4warpema",
    "pen4smooth": "pen4 trained on labels smoothed by a tenth (0.9 on the digit, 0.01 on each "
    "other): less certain end points, so fewer scribbles answered sure?",
    "pen4warpemajunk": "pen4warpema with twice the non-digits (4,000, not 2,000): the averaged "
    "weights' gain on large pen digits without their surer answers on scribbles?",
}
DEFAULT_RECIPES = ["slanted", "shipped"]
COLUMNS = (
    ("mnist", "MNIST"),
    ("redrawn", "redrawn"),
    ("small", "small"),
    ("styles", "styles"),
    ("weakest_style", "weakest style"),
    ("non_digits_sure", "junk 90% sure"),
    ("ece", "ECE"),
    ("pen_large", "pen large"),
    ("pen_large_min", "weakest"),
    ("pen_small", "pen small"),
    ("pen_small_min", "weakest"),
)


def _preset(recipe: str):
    import dataclasses

    from mnist_arcade.ml.augment import MILD, WIDE
    from mnist_arcade.ml.training import PRESETS

    recipes = {
        "wide": {"augment_ranges": WIDE, "small_redrawn": 0},
        "mild": {"small_redrawn": 0},
        "shipped": {},
        "small5000": {"small_redrawn": 5000},
        "slanted": {},  # the preprocessing differs: see run_one
        "rotate2": {"augment_ranges": dataclasses.replace(MILD, rotation_degrees=2.0)},
        "moredrawn": {"redrawn_digits": 15000, "small_redrawn": 7500},
        "longer": {"epochs": 45},
        "moreall": {
            "style_drawings": 15000,
            "redrawn_digits": 15000,
            "small_redrawn": 7500,
            "non_digits": 3000,
        },
        "nopen": {"pen_replays": 0, "small_pen_replays": 0},
        "pen2": {"pen_replays": 2, "small_pen_replays": 1},
        "pen4": {"pen_replays": 4, "small_pen_replays": 2},
        "pen3small4": {"pen_replays": 3, "small_pen_replays": 4},
        "pen4small4": {"pen_replays": 4, "small_pen_replays": 4},
        "pen4lean": {
            "pen_replays": 4,
            "small_pen_replays": 2,
            "style_drawings": 6000,
            "non_digits": 4000,
        },
        "pen4warpemajunk": {"pen_replays": 4, "small_pen_replays": 2, "non_digits": 4000},
    }
    recipes["pen4thin24"] = recipes["pen4"]  # the same mix, thinner strokes: see run_one
    recipes["pen4x2"] = recipes["pen4"]  # the same mix, a wider network: see run_one
    recipes["pen4warp"] = recipes["pen4"]  # the same mix, warped pen strokes: see run_one
    recipes["pen4halfwarp"] = recipes["pen4"]  # half of them warped: see run_one
    recipes["pen4warpema"] = recipes["pen4"]  # warped, averaged weights: see run_one
    recipes["pen4ema"] = recipes["pen4"]  # averaged weights: see run_one
    recipes["pen4smooth"] = recipes["pen4"]  # smoothed labels: see run_one
    return dataclasses.replace(PRESETS["full"], **recipes[recipe])


SMALL_SETS = {"styles": (1000, 77), "redrawn": (1000, 500), "small": (1000, 501),
              "non_digits": (1000, 78)}  # fmt: skip
LARGE_SETS = {"styles": (5000, 1234), "redrawn": (3000, 900), "small": (3000, 901),
              "non_digits": (3000, 1235)}  # fmt: skip


def _validation_sets(data, sizes: dict) -> dict:
    """Held-out board drawings as network inputs and labels, ``sizes[name] = (count, seed)``,
    made from the validation pool and the generator's validation stream only."""
    import numpy as np

    from mnist_arcade.ml.training import boards_to_inputs, validation_pool
    from mnist_arcade.practice.non_digits import non_digit_set
    from mnist_arcade.practice.redrawn_mnist import DRAWN_HEIGHTS, SMALL_HEIGHTS, drawn_test_set
    from mnist_arcade.practice.styles import Purpose, purpose_rng, style_set

    images, labels = validation_pool(data)
    sets = {}
    for name, heights in (("redrawn", DRAWN_HEIGHTS), ("small", SMALL_HEIGHTS)):
        count, seed = sizes[name]
        chosen, boards = drawn_test_set(images, count, seed, heights)
        sets[name] = (boards_to_inputs(boards, len(boards)), labels[chosen])
    count, seed = sizes["styles"]
    boards, style_labels = style_set(count, purpose_rng(Purpose.VALIDATION, seed))
    sets["styles"] = (boards_to_inputs(boards, len(boards)), style_labels)
    count, seed = sizes["non_digits"]
    boards = non_digit_set(count, purpose_rng(Purpose.VALIDATION, seed))
    sets["non_digits"] = (boards_to_inputs(boards, len(boards)), np.zeros(len(boards), int))
    return sets


def _read(model, images):
    """The model's ten probabilities for each image, in large batches."""
    import numpy as np

    return np.asarray(model.predict(images, batch_size=2048, verbose=0))


def _no_straightening() -> None:
    """No slant is ever measured from here on, so nothing is sheared, anywhere."""
    import mnist_arcade.canvas.deskew

    mnist_arcade.canvas.deskew.MAX_SLANT = 0.0


def _thinner_strokes(width: float) -> None:
    """Small drawings are thinned to ``width`` px strokes (in the 20x20 box) from here on: the
    shipped model's small 9s and 1s suggest the 25 px brush still closes loops at 2.8."""
    import mnist_arcade.canvas.preprocess

    mnist_arcade.canvas.preprocess.MNIST_STROKE_WIDTH = width


def _wider_network(factor: int) -> None:
    """Training builds the tutorial's layers with ``factor`` times the filters from here on (a
    recipe to measure, never a model the game loads: its weights fail the architecture check)."""
    import mnist_arcade.ml.training
    from mnist_arcade.ml.backend import keras
    from mnist_arcade.ml.model import build_model

    def wider(seed=None):
        tutorial = build_model(seed)
        layers = [keras.Input(shape=tutorial.input_shape[1:], name="digit")]
        for layer in tutorial.layers:
            config = layer.get_config()
            if isinstance(layer, keras.layers.Conv2D):
                config["filters"] *= factor
            layers.append(type(layer).from_config(config))
        return keras.Sequential(layers, name="wider_cnn")

    mnist_arcade.ml.training.build_model = wider
    mnist_arcade.ml.training.fresh_weights = lambda seed=None: wider(seed).get_weights()


EMA_MOMENTUM = 0.999  # about the last thousand steps (an epoch and a half of the full preset)


def _averaged_weights(epochs: int) -> None:
    """Each epoch ends on Adam's moving average of the weights from here on, not on its last
    step's weights: Keras writes the average into the model every epoch's worth of steps
    (``ema_overwrite_frequency``), so the best epoch kept at the end is an averaged one, and
    training goes on from it. Needs the cosine plan, whose length says how many steps an
    epoch has."""
    import mnist_arcade.ml.training
    from mnist_arcade.ml.backend import keras

    def compile_averaged(model, learning_rate=1e-3):
        optimizer = keras.optimizers.Adam(
            learning_rate=learning_rate,
            use_ema=True,
            ema_momentum=EMA_MOMENTUM,
            ema_overwrite_frequency=learning_rate.decay_steps // epochs,
        )
        model.compile(optimizer=optimizer, loss="categorical_crossentropy", metrics=["accuracy"])
        return model

    mnist_arcade.ml.training.compile_model = compile_averaged


def _smoothed_labels(share: float) -> None:
    """From here on the loss is cross-entropy against labels smoothed by ``share`` (Keras'
    ``label_smoothing``: the digit's 1 becomes 1 - share + share / 10, the others share / 10;
    the non-digits' uniform labels stay uniform). The calibration fitted afterwards is the
    same as ever."""
    import mnist_arcade.ml.training
    from mnist_arcade.ml.backend import keras

    def compile_smoothed(model, learning_rate=1e-3):
        loss = keras.losses.CategoricalCrossentropy(label_smoothing=share)
        optimizer = keras.optimizers.Adam(learning_rate=learning_rate)
        model.compile(optimizer=optimizer, loss=loss, metrics=["accuracy"])
        return model

    mnist_arcade.ml.training.compile_model = compile_smoothed


WARP_BEND, WARP_NUDGE = 0.08, 0.03  # shares of the digit's size


def _warp(digit, rng):
    """``digit`` as another writer might draw it: its points moved by a smooth random field
    (two waves across, two down, under one cycle and a half over the digit, together up to
    WARP_BEND of its size), and each stroke moved by up to WARP_NUDGE, so pen lifts meet or
    part a little differently. The label stays: the warp bends loops and stems, never more."""
    import dataclasses

    import numpy as np

    every = np.concatenate(digit.strokes)
    low = every.min(axis=0)
    size = max(float((every.max(axis=0) - low).max()), 1e-6)
    waves = rng.uniform(0.3, 1.5, (2, 2, 2))  # [axis moved, wave, axis read] cycles per size
    phases = rng.uniform(0, 2 * np.pi, (2, 2))
    heights = rng.uniform(-1, 1, (2, 2)) * WARP_BEND / 2

    def bent(points):
        u = (points - low) / size
        moved = points.copy()
        for axis in range(2):
            for wave in range(2):
                angle = 2 * np.pi * (u @ waves[axis, wave]) + phases[axis, wave]
                moved[:, axis] += size * heights[axis, wave] * np.sin(angle)
        return moved

    strokes = tuple(
        bent(stroke) + rng.uniform(-1, 1, 2) * WARP_NUDGE * size for stroke in digit.strokes
    )
    return dataclasses.replace(digit, strokes=strokes)


def _warped_training_strokes(share: float = 1.0) -> None:
    """From here on, ``share`` of the training writers' replays (drawn at random) are warped
    (:func:`_warp`); the held-out writers' never are."""
    import mnist_arcade.ml.pen_inputs as pen_inputs
    import mnist_arcade.ml.training_data as training_data

    plain_training = pen_inputs.pen_training_inputs
    plain_draw = pen_inputs.draw_pen_digit

    def warped_training(*args, **kwargs):
        pen_inputs.draw_pen_digit = lambda digit, rng, *rest: plain_draw(
            _warp(digit, rng) if share >= 1 or rng.random() < share else digit, rng, *rest
        )
        try:
            return plain_training(*args, **kwargs)
        finally:
            pen_inputs.draw_pen_digit = plain_draw

    training_data.pen_training_inputs = warped_training


def run_one(recipe: str, seed: int) -> dict:
    """Train one recipe with one seed; its figures on validation data."""
    import numpy as np

    from mnist_arcade.dataset import load_npz
    from mnist_arcade.ml.backend import keras
    from mnist_arcade.ml.training import (
        select_training_data,
        to_float_images,
        train,
        validation_pool,
    )
    from mnist_arcade.scoring.confidence import CONFIDENT, expected_calibration_error
    from mnist_arcade.scoring.evaluation import score

    if recipe == "slanted":
        _no_straightening()
    if recipe == "pen4thin24":
        _thinner_strokes(2.4)
    if recipe == "pen4x2":
        _wider_network(2)
    if recipe == "pen4warp":
        _warped_training_strokes()
    if recipe in ("pen4warpema", "pen4warpemajunk"):
        _warped_training_strokes()
        _averaged_weights(_preset(recipe).epochs)
    if recipe == "pen4smooth":
        _smoothed_labels(0.1)
    if recipe == "pen4ema":
        _averaged_weights(_preset(recipe).epochs)
    if recipe == "pen4halfwarp":
        _warped_training_strokes(0.5)
    data = load_npz(mnist_path())
    preset = _preset(recipe)
    keras.utils.set_random_seed(seed)
    pen = os.environ.get("PEN_STROKES")  # the named pen file (else the shipped half)
    chosen = select_training_data(data, preset, pen_strokes=pen)
    model, finished = train(preset, chosen, lambda m: None, seed=seed)
    del chosen
    if keep := os.environ.get("KEEP_MODEL"):  # a run worth shipping is kept, not trained again
        from mnist_arcade.ml.model_files import save_model_atomic

        if recipe == "pen4x2":  # not the game's network: the game's loader would refuse it
            model.save(keep)
        else:
            save_model_atomic(model, Path(keep))

    images, labels = validation_pool(data)
    figures = {"recipe": recipe, "seed": seed, "seconds": round(finished.seconds)}
    mnist = score("MNIST", _read(model, to_float_images(images)).argmax(1), labels)
    figures["mnist"] = mnist.accuracy
    sets = _validation_sets(data, SMALL_SETS)
    drawn_p, drawn_y, results = [], [], {}
    for name in ("redrawn", "small", "styles"):
        x, y = sets[name]
        p = _read(model, x)
        results[name] = score(name, p.argmax(1), y)
        figures[name] = results[name].accuracy
        drawn_p.append(p)
        drawn_y.append(y)
    figures["weakest_style"] = min(results["styles"].per_class)
    figures["non_digits_sure"] = float(
        np.mean(_read(model, sets["non_digits"][0]).max(1) >= CONFIDENT)
    )
    figures["ece"] = expected_calibration_error(np.concatenate(drawn_p), np.concatenate(drawn_y))
    figures.update(_pen_figures(model))
    return figures


def _pen_figures(model) -> dict:
    """The held-out writers' digits (all of them, from ../shared when it is there, else the
    shipped half), replayed large and small: accuracy and weakest digit of each."""
    import numpy as np
    from _common import pen_strokes_path

    from mnist_arcade.ml.pen_inputs import replayed_inputs
    from mnist_arcade.practice.pen_strokes import (
        LARGE_INK_HEIGHTS,
        SMALL_INK_HEIGHTS,
        read_pen_digits,
        split_by_writer,
    )
    from mnist_arcade.scoring.evaluation import score

    _, held_out = split_by_writer(read_pen_digits(pen_strokes_path()))
    figures = {}
    for name, heights in (("pen_large", LARGE_INK_HEIGHTS), ("pen_small", SMALL_INK_HEIGHTS)):
        x, y = replayed_inputs(held_out, np.random.default_rng(0), heights)
        result = score(name, _read(model, x).argmax(1), y.argmax(1))
        figures[name], figures[f"{name}_min"] = result.accuracy, min(result.per_class)
    return figures


def compare(paths: list[str]) -> None:
    """Read each model on the larger held-out sets and print one line per model."""
    import numpy as np

    from mnist_arcade.dataset import load_npz
    from mnist_arcade.ml.model_files import load_model
    from mnist_arcade.ml.training import to_float_images, validation_pool
    from mnist_arcade.scoring.confidence import CONFIDENT
    from mnist_arcade.scoring.evaluation import score

    data = load_npz(mnist_path())
    images, labels = validation_pool(data)
    sets = _validation_sets(data, LARGE_SETS)
    non_digits = sets.pop("non_digits")[0]
    titles = "".join(f"{name:>22}" for name in sets)
    print(f"{'model':40}{'MNIST':>8}{titles}{'junk 90% sure':>16}")
    for path in paths:
        model = load_model(path)
        mnist = score("MNIST", _read(model, to_float_images(images)).argmax(1), labels)
        line = f"{path:40}{mnist.accuracy:>8.2%}"
        for name, (x, y) in sets.items():
            result = score(name, _read(model, x).argmax(1), y)
            line += f"{result.accuracy:>10.2%} (min {min(result.per_class):5.1%})"
        top = _read(model, non_digits).max(1)
        print(line + f"{np.mean(top >= CONFIDENT):>16.2%}")


def _child(recipe: str, seed: int) -> dict:
    env = dict(os.environ, TF_NUM_INTRAOP_THREADS="1", TF_NUM_INTEROP_THREADS="1")
    done = subprocess.run(
        [sys.executable, __file__, "--one", recipe, str(seed)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _row(label: str, figures: dict) -> str:
    return f"{label:22}" + "".join(f"{figures[key]:>14.2%}" for key, _ in COLUMNS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--recipes", nargs="+", choices=list(RECIPES), default=DEFAULT_RECIPES)
    parser.add_argument("--compare", nargs="+", metavar="MODEL", help="read models, no training")
    parser.add_argument(
        "--slanted", action="store_true", help="with --compare: do not stand digits upright"
    )
    parser.add_argument("--one", nargs=2, metavar=("RECIPE", "SEED"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.compare:
        if args.slanted:
            _no_straightening()
        compare(args.compare)
        return
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]))))
        return
    runs = [(recipe, seed) for recipe in args.recipes for seed in args.seeds]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda run: _child(*run), runs))
    print(f"data: {mnist_path()}; validation figures only (held-out tenth and its drawings)\n")
    for recipe in args.recipes:
        print(f"{recipe}: {RECIPES[recipe]}")
    print("\n" + f"{'run':22}" + "".join(f"{title:>14}" for _, title in COLUMNS))
    for figures in results:
        print(_row(f"{figures['recipe']} seed {figures['seed']}", figures))
    print()
    for recipe in args.recipes:
        mine = [figures for figures in results if figures["recipe"] == recipe]
        mean = {key: statistics.mean(f[key] for f in mine) for key, _ in COLUMNS}
        print(_row(f"{recipe} mean", mean))
    print(f"\n{len(runs)} runs, {max(r['seconds'] for r in results)} s of training the longest")


if __name__ == "__main__":
    main()
