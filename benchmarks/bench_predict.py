"""How long P takes: preprocessing + every layer's activations + probabilities, per digit.

    python benchmarks/bench_predict.py [--tf-threads N]

Compares, on the same board and in the same run (interleaved, so noise hits all alike):

* P as the game does it now (the preprocessing, then the NumPy forward pass of
  :mod:`mnist_arcade.ml.numpy_network`) and the old path it replaced (the preprocessing and
  the predictor before issue 20's NumPy P, kept under ``tests/*/reference/``), with
  ``model.predict`` beside them. Target (issue 20): P at most 0.3 ms median;
* the preprocessing alone, now and before, on a large and a small (thinned) drawing, first,
  before any TensorFlow call can leave its threads busy;
* P now and the old preprocessing with TensorFlow idle: NumPy rows only, in their own rounds
  before the ones below. After a TensorFlow call its threads keep spinning for a while, and on
  two cores a NumPy row that follows pays for them: P now measured 0.56-0.61 ms in rounds of
  NumPy rows alone, 0.80-1.03 ms in rounds with the old path in them (even after a 10 ms busy
  pause). A P is pressed seconds after the last one, when TensorFlow is idle, so the fair
  comparison is ``old path, TF idle``: the old preprocessing timed in these rounds plus the
  old network call (a) timed below, over P now timed in these rounds. The interleaved
  ``old path / P now`` below stays beside it (both paths in the same rounds, both slowed);
* P's two halves: the preprocessing (new and old; the tutorial's plain method too), and the
  network call on a ready 28x28 input three ways: (a) the old XLA-compiled concrete function,
  (b) the same graph without XLA, (c) NumPy.

``--tf-threads N`` gives TensorFlow N intra- and inter-op threads (set before it starts), to
see whether fewer threads cut its per-call overhead; run it as a second run and compare the
ratios against NumPy, which it does not touch.
"""

from __future__ import annotations

import argparse

import _common  # noqa: F401  (sets the environment first)
import numpy as np
from _common import board_with_digit, interleaved_median_ms

ROUNDS = 200
TARGET_MS = 0.3  # issue 20
NEW_P, OLD_P, PREDICT = "P now", "P, old path", "model.predict (probabilities only)"
IDLE_NEW_P, IDLE_OLD_PREPROCESS = "P now, TF idle", "preprocess, old, TF idle"
NETWORK = {  # the network call on a ready input, three ways
    "a": "(a) network: XLA concrete function (old)",
    "b": "(b) network: the same graph without XLA",
    "c": "(c) network: NumPy forward (now)",
}


def _threads() -> int | None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tf-threads", type=int, help="TensorFlow's intra/inter-op threads")
    threads = parser.parse_args().tf_threads
    if threads:
        from mnist_arcade.ml.backend import tf

        tf.config.threading.set_intra_op_parallelism_threads(threads)
        tf.config.threading.set_inter_op_parallelism_threads(threads)
    return threads


def _timings(board: np.ndarray) -> tuple[dict[str, float], object]:
    from mnist_arcade import paths
    from mnist_arcade.canvas.methods import Method
    from mnist_arcade.canvas.preprocess import to_network_input
    from mnist_arcade.ml.model_files import load_model
    from mnist_arcade.ml.predictor import Predictor
    from tests.canvas.reference import preprocess_numpy_p_before as old_preprocess
    from tests.ml.reference import predictor_before

    model = load_model(paths.shipped_model_path())
    predictor = Predictor(model)
    old_xla = predictor_before.Predictor(model)
    old_graph = predictor_before.Predictor(model, compile_fast=False)
    net_input = to_network_input(board)
    batch = net_input[None, ..., None]

    def p_now():
        return predictor.predict(to_network_input(board))

    def preprocess_old():
        return old_preprocess.to_network_input(board)

    idle = interleaved_median_ms(  # before the rounds below wake TensorFlow's threads
        {IDLE_NEW_P: p_now, IDLE_OLD_PREPROCESS: preprocess_old},
        ROUNDS * 2,
    )
    results = idle | interleaved_median_ms(
        {  # model.predict leaves TensorFlow's threads busy for a while: the plain graph comes
            # after it, so that it is not a path this benchmark compares with NumPy that pays
            NETWORK["b"]: lambda: old_graph.predict(net_input),
            "preprocess now": lambda: to_network_input(board),
            "preprocess, old": preprocess_old,
            "preprocess now, plain method": lambda: to_network_input(board, Method.PLAIN),
            NEW_P: p_now,
            OLD_P: lambda: old_xla.predict(preprocess_old()),
            NETWORK["a"]: lambda: old_xla.predict(net_input),
            NETWORK["c"]: lambda: predictor.predict(net_input),
            PREDICT: lambda: model.predict(batch, verbose=0),
        },
        ROUNDS,
    )
    new, old = predictor.predict(net_input), old_xla.predict(net_input)
    for layer, reference in zip(new.layers, old.layers, strict=True):
        assert np.abs(layer.values - reference.values).max() <= 1e-5, f"{layer.name} disagrees"
    assert new.digit == int(np.argmax(model.predict(batch, verbose=0))), "paths disagree"
    return results, new


def _preprocessing_alone() -> dict[str, float]:
    """The preprocessing now and before, interleaved before TensorFlow has run at all: in the
    rounds below, each row follows some TensorFlow call whose threads are still busy, which on
    two cores costs a NumPy row more than its own work. On test digit 0 (drawn large, its
    strokes left as they are) and test digit 2 (drawn small: its strokes are thinned)."""
    from mnist_arcade.canvas.preprocess import to_network_input
    from tests.canvas.reference import preprocess_numpy_p_before as old_preprocess

    large, small = board_with_digit(0)[0], board_with_digit(2)[0]
    return interleaved_median_ms(
        {
            "digit 0 (large): now": lambda: to_network_input(large),
            "digit 0 (large): old": lambda: old_preprocess.to_network_input(large),
            "digit 2 (small, thinned): now": lambda: to_network_input(small),
            "digit 2 (small, thinned): old": lambda: old_preprocess.to_network_input(small),
        },
        ROUNDS * 5,
    )


def main() -> None:
    threads = _threads()
    alone = _preprocessing_alone()
    print(f"preprocessing alone, before TensorFlow runs (median of {ROUNDS * 5} rounds):")
    for name, ms in alone.items():
        print(f"  {name:45s} {ms:8.3f} ms")
    for digit in ("digit 0 (large)", "digit 2 (small, thinned)"):
        ratio = alone[f"{digit}: old"] / alone[f"{digit}: now"]
        print(f"  {digit + ': old / now':45s} {ratio:8.1f}x")
    board, label = board_with_digit(0)
    results, prediction = _timings(board)
    print(f"digit on the board: {label}, read as {prediction.digit}")
    print(f"TensorFlow threads: {threads or 'its default'}")
    print(f"median of {ROUNDS * 2} rounds of NumPy rows only, then of {ROUNDS} interleaved rounds:")
    for name, ms in results.items():
        print(f"  {name:45s} {ms:8.3f} ms")
    new, idle_new = results[NEW_P], results[IDLE_NEW_P]
    old_idle = results[IDLE_OLD_PREPROCESS] + results[NETWORK["a"]]
    print(f"old path / P now         = {results[OLD_P] / new:6.1f}x  (interleaved with TensorFlow)")
    print(f"old path / P now, TF idle= {old_idle / idle_new:6.1f}x  (old preprocess idle + (a))")
    print(f"model.predict / P now    = {results[PREDICT] / new:6.1f}x")
    preprocess = results["preprocess, old"] / results["preprocess now"]
    print(f"preprocess old / now     = {preprocess:6.1f}x")
    for key in ("a", "b"):
        print(f"network {key} / NumPy      = {results[NETWORK[key]] / results[NETWORK['c']]:6.1f}x")
    within = "yes" if idle_new <= TARGET_MS else "NO"
    print(f"P (TF idle) within the {TARGET_MS} ms target: {within}")


if __name__ == "__main__":
    main()
