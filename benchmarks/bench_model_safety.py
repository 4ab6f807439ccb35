"""The player's model under two copies at once and under unwritable folders (issue 18).

    python benchmarks/bench_model_safety.py                 both parts, 20 rounds
    python benchmarks/bench_model_safety.py --only race --rounds 5
    python benchmarks/bench_model_safety.py --only disk

race: each round starts, on one fresh user folder whose saved model reads every digit as 0, two
copies of the game's trainer path (``run_training``, as T does) and two ``mnist-arcade train``
CLIs, each a real process (1 epoch of the seed preset on 1,000 real MNIST digits), at random
moments within 3 s. Afterwards the saved model must read the shared validation digits as well as
the best run that finished (or the first saved model, if none beat it). Prints "model in use is
the best judged run: N/N" and the crashes (a traceback, or an exit status that is not 0).

disk: a full disk (a 300 KB tmpfs, when this runs as root; else skipped, said so), a read-only
folder (the same tmpfs remounted read-only) and a user folder that is a file, for the game's
path and the CLI. Prints runs lost (trained but on no disk, must be 0), where each run went,
and false "failed" messages (a failure said while the run was in fact saved: must be 0).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import REPO, mnist_path

sys.path.insert(0, str(REPO))  # this checkout's package, not another one installed in the venv
PYTHON = sys.executable
START_SPREAD_S = 3.0  # each process starts at a random moment within this window


def game_run(data: str) -> None:
    """One T in a game, in this process: the run's verdict as a JSON line."""
    import queue
    import threading

    from mnist_arcade.messages import RunJudged, TrainingFailed
    from mnist_arcade.ml.trainer import run_training

    messages = queue.Queue()
    run_training("seed", messages, threading.Event(), data_path=data, epochs=1)
    posted = list(messages.queue)
    last = posted[-1] if posted else None
    if isinstance(last, RunJudged):
        result = {"adopted": last.adopted, "candidate": last.candidate_accuracy,
                  "saved": last.saved_path, "problem": last.problem}  # fmt: skip
        print("RESULT " + json.dumps(result))
    elif isinstance(last, TrainingFailed):
        print("RESULT " + json.dumps({"failed": last.message, "trained": False}))
    sys.stdout.flush()
    os._exit(0)


def small_data(folder: Path) -> Path:
    import numpy as np

    from mnist_arcade.dataset import load_npz

    data = load_npz(mnist_path())
    path = folder / "small_mnist.npz"
    np.savez_compressed(path, x_train=data.x_train[:1200], y_train=data.y_train[:1200],
                        x_test=data.x_test[:300], y_test=data.y_test[:300])  # fmt: skip
    return path


def zeros_model(path: Path) -> None:
    import numpy as np

    from mnist_arcade.ml.model import build_model
    from mnist_arcade.ml.model_files import save_model_atomic

    model = build_model()
    model.set_weights([np.zeros_like(w) for w in model.get_weights()])
    save_model_atomic(model, path)


def validation_accuracy(model_path: Path, data: Path) -> float:
    from mnist_arcade.canvas.preprocess import mnist_digits_as_input
    from mnist_arcade.dataset import load_npz
    from mnist_arcade.ml.judging import keras_reader
    from mnist_arcade.ml.model_files import load_model
    from mnist_arcade.ml.training import validation_pool
    from mnist_arcade.scoring.accuracy import accuracy

    images, labels = validation_pool(load_npz(data))
    return accuracy(keras_reader(load_model(model_path)), mnist_digits_as_input(images), labels)


def start(kind: str, data: Path, home: Path, seed: int) -> subprocess.Popen:
    environment = {**os.environ, "MNIST_ARCADE_HOME": str(home), "MNIST_ARCADE_OFFLINE": "1",
                   "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONPATH": str(REPO)}  # fmt: skip
    if kind == "game":
        command = [PYTHON, __file__, "--game-run", str(data)]
    else:
        command = [PYTHON, "-m", "mnist_arcade", "train", "--data", str(data), "--epochs", "1",
                   "--seed", str(seed)]  # fmt: skip
    return subprocess.Popen(command, env=environment, cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip


def race(rounds: int, data: Path) -> None:
    from mnist_arcade.scoring.adoption import percentages_that_differ

    rng = random.Random(18)
    best_in_use = crashes = 0
    for number in range(1, rounds + 1):
        home = Path(tempfile.mkdtemp(prefix="mnist-arcade-race-"))
        zeros_model(home / "trained_model.keras")
        first = validation_accuracy(home / "trained_model.keras", data)
        kinds = ["game", "game", "cli", "cli"]
        rng.shuffle(kinds)
        processes, order = [], sorted((rng.uniform(0, START_SPREAD_S), k) for k in kinds)
        began = time.perf_counter()
        for seed, (at, kind) in enumerate(order):
            time.sleep(max(0.0, at - (time.perf_counter() - began)))
            processes.append((kind, start(kind, data, home, rng.randrange(2**31) + seed)))
        for kind, process in processes:
            out, err = process.communicate()
            if process.returncode != 0 or "Traceback" in err:
                crashes += 1
                print(f"  round {number}: {kind} crashed ({process.returncode}): {err[-400:]}")
                continue
            if kind == "game" and '"candidate"' not in out:
                crashes += 1  # the game's run ended without a verdict
                print(f"  round {number}: game run gave no verdict: {out[-300:]}")
        final = validation_accuracy(home / "trained_model.keras", data)
        judged = [  # every judged run is in the library with the accuracy it was judged on
            json.loads(note.read_text())["accuracy"] for note in (home / "models").glob("*.json")
        ]
        best = max([first, *judged])
        good = abs(final - best) < 1e-9 and len(judged) == len(kinds)
        best_in_use += good
        shown, wanted = percentages_that_differ(final, best)
        print(f"  round {number:2d}: {len(judged)} runs judged, reading "
              f"{', '.join(f'{c:.2%}' for c in sorted(judged))}; "
              f"in use {shown}, best {wanted} {'ok' if good else 'WRONG'}", flush=True)  # fmt: skip
    print(f"model in use is the best judged run: {best_in_use}/{rounds}")
    print(f"crashes: {crashes}")


def disk(data: Path) -> None:
    cases = []
    if os.geteuid() == 0:
        cases += ["full disk (300 KB tmpfs)", "read-only folder (tmpfs remounted ro)"]
    else:
        print("  (not root: no tmpfs, so the full-disk and read-only cases are skipped)")
    cases.append("user folder is a file")
    lost = false_failed = 0
    for case in cases:
        for kind in ("game", "cli"):
            root = Path(tempfile.mkdtemp(prefix="mnist-arcade-disk-"))
            home = root / "user"
            mounted = case != "user folder is a file"
            if mounted:
                home.mkdir()
                subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(home)],
                               check=True)  # fmt: skip
                try:
                    zeros_model(home / "trained_model.keras")
                    if case.startswith("read-only"):
                        subprocess.run(["mount", "-o", "remount,ro", str(home)], check=True)
                except BaseException:
                    subprocess.run(["umount", str(home)], check=True)
                    raise
            else:
                home.write_text("a file where the folder should be")
            try:
                before = (home / "trained_model.keras").read_bytes() if mounted else None
                process = start(kind, data, home, 0)
                out, err = process.communicate()
                after = (home / "trained_model.keras").read_bytes() if mounted else None
            finally:  # never leave a tmpfs mounted behind, whatever failed
                if mounted:
                    subprocess.run(["umount", str(home)], check=True)
            said = " ".join((out + err).split())
            trained = "Trained 1 epochs" in out or ('"candidate"' in out and kind == "game")
            named = re.search(r"(/\S*mnist-arcade-run-[\w-]+\.keras)", said)
            fallback = named[1] if named else None
            kept = fallback is not None and Path(fallback).is_file()
            lost += trained and not kept
            replaced = mounted and after != before
            false_failed += replaced and ("could not" in said or "failed" in said.lower())
            where = f"saved to {fallback}" if kept else "nothing trained"
            said_lines = (out + err).splitlines()
            message = next((ln for ln in said_lines if "could not" in ln or "cannot" in ln), "")
            if message.startswith("RESULT "):  # the game's path: what the player reads
                result = json.loads(message[7:])
                message = result.get("problem") or result.get("failed") or ""
            print(f"  {case}, {kind}: {where}; said: {message.strip()[:230]}", flush=True)
            if process.returncode not in (0, 2) or "Traceback" in err:
                print(f"    crashed ({process.returncode}): {err[-600:]}")
            if kept:
                Path(fallback).unlink()
    print(f"runs lost: {lost}")
    print(f'false "failed" messages: {false_failed}')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("race", "disk"))
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--game-run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.game_run:
        game_run(args.game_run)
    data = small_data(Path(tempfile.mkdtemp(prefix="mnist-arcade-bench-")))
    if args.only in (None, "race"):
        print(f"race: {args.rounds} rounds, 2 game trainers + 2 `train` CLIs on one user folder")
        race(args.rounds, data)
    if args.only in (None, "disk"):
        print("disk: unwritable user folders")
        disk(data)


if __name__ == "__main__":
    main()
