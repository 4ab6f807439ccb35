"""How long P takes: preprocessing + every layer's activations + probabilities, per digit.

    python benchmarks/bench_predict.py

Compares, on the same board and in the same run (interleaved, so noise hits all alike), the
game's path (one traced ``tf.function`` call of the feature-extractor model) with Keras'
``model.predict`` and an eager call of the same extractor. Target (issue 20): at most 0.3 ms
median. P is also split into its two halves (the board's preprocessing; the network call on a
ready 28x28 input), and the tutorial's plain method is timed beside the MNIST one.
"""

from __future__ import annotations

import _common  # noqa: F401  (sets the environment first)
import numpy as np
from _common import board_with_digit, interleaved_median_ms

from mnist_arcade import paths
from mnist_arcade.canvas.methods import Method
from mnist_arcade.canvas.preprocess import to_network_input
from mnist_arcade.ml.backend import keras
from mnist_arcade.ml.model import SHOWN_LAYERS
from mnist_arcade.ml.model_files import load_model
from mnist_arcade.ml.predictor import Predictor

ROUNDS = 200
TARGET_MS = 0.3  # issue 20


def main() -> None:
    model = load_model(paths.shipped_model_path())
    predictor = Predictor(model)
    board, label = board_with_digit(0)
    net_input = to_network_input(board)
    batch = net_input[None, ..., None]
    extractor = keras.Model(model.inputs[0], [model.get_layer(n).output for n in SHOWN_LAYERS])

    def game_p():
        return predictor.predict(to_network_input(board))

    results = interleaved_median_ms(
        {
            "preprocess only": lambda: to_network_input(board),
            "preprocess only, plain method": lambda: to_network_input(board, Method.PLAIN),
            "network only (predictor on a ready input)": lambda: predictor.predict(net_input),
            "P (preprocess + all maps + probabilities)": game_p,
            "model.predict (probabilities only)": lambda: model.predict(batch, verbose=0),
            "eager extractor call (all maps)": lambda: [o.numpy() for o in extractor(batch)],
        },
        ROUNDS,
    )
    prediction = game_p()
    assert prediction.digit == int(np.argmax(model.predict(batch, verbose=0))), "paths disagree"
    print(f"digit on the board: {label}, read as {prediction.digit}")
    print(f"median of {ROUNDS} interleaved rounds:")
    for name, ms in results.items():
        print(f"  {name:45s} {ms:8.3f} ms")
    game = results["P (preprocess + all maps + probabilities)"]
    print(
        f"model.predict / P        = {results['model.predict (probabilities only)'] / game:6.1f}x"
    )
    print(f"eager extractor / P      = {results['eager extractor call (all maps)'] / game:6.1f}x")
    print(f"P within the {TARGET_MS} ms target: {'yes' if game <= TARGET_MS else 'NO'}")


if __name__ == "__main__":
    main()
