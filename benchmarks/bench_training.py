"""Training speed inside the game versus a bare ``model.fit``, and FPS while training runs.

    python benchmarks/bench_training.py

Side by side in one run, alternating so machine noise hits both alike:
  * bare:    ``model.fit`` on the data, batch size and epochs below, nothing else running;
  * in game: the same run started by the game's TrainingSession on its background thread while
             the window (SDL's dummy driver) renders the training scene, then the board scene
             with a stroke being drawn, at up to 60 FPS.
Samples per second are taken from epochs 2 onwards (epoch 1 includes tracing). Then the seed
preset is timed end to end. Targets: in-game speed at least 85 % of bare, at least 30 FPS
while training, the seed preset under 30 s.
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import tempfile
import time

import _common  # noqa: F401  (sets the environment first)
import pygame
from _common import mnist_path

import mnist_arcade.ml.training as training
from mnist_arcade import paths
from mnist_arcade.dataset import load_npz
from mnist_arcade.game.app import App, make_app
from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes.board_scene import BoardScene
from mnist_arcade.game.scenes.train_scene import TrainScene
from mnist_arcade.ml.backend import keras
from mnist_arcade.ml.model import build_model, compile_model

BENCH = dataclasses.replace(
    training.PRESETS["seed"],
    name="bench",
    train_samples=12000,
    validation_samples=2000,
    batch_size=128,
    epochs=4,
)
ROUNDS = 2


class EpochTimer(keras.callbacks.Callback):
    def on_epoch_begin(self, epoch, logs=None):
        self.start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        self.seconds = [*getattr(self, "seconds", []), time.perf_counter() - self.start]


def bare_fit(data) -> float:
    model = compile_model(build_model(), BENCH.learning_rate)
    timer = EpochTimer()
    model.fit(
        data.x_train,
        data.y_train,
        batch_size=BENCH.batch_size,
        epochs=BENCH.epochs,
        validation_data=(data.x_val, data.y_val),
        callbacks=[timer],
        verbose=0,
    )
    return len(data.x_train) / statistics.median(timer.seconds[1:])


def in_game(app: App) -> tuple[float, float, float]:
    """Train through the game while it renders; return samples/s and FPS on both scenes."""
    context = app.context
    app.switch_to(SceneId.TRAINING)
    if not context.news.start_training("bench"):
        raise RuntimeError("a run is still going")
    frames = {"train": [], "draw": []}
    i = 0
    while context.training.active:
        scene = "train" if len(context.training.epochs) < 2 else "draw"
        wanted = TrainScene if scene == "train" else BoardScene
        if not isinstance(app.scene, wanted):
            app.switch_to(SceneId.TRAINING if scene == "train" else SceneId.BOARD)
            context.board.begin_stroke(60, 60)
        if scene == "draw":
            i += 1
            context.board.continue_stroke(60 + i % 180, 60 + (i * 7) % 180)
        start = time.perf_counter()
        app.frame()  # capped at 60 FPS by the game's own clock
        frames[scene].append(time.perf_counter() - start)
    context.board.end_stroke()
    seconds = [epoch.seconds for epoch in context.training.epochs][1:]
    samples_per_second = BENCH.train_samples / statistics.median(seconds)
    fps = {name: len(times) / max(sum(times), 1e-9) for name, times in frames.items()}
    return samples_per_second, fps["train"], fps["draw"]


def main() -> None:
    training.PRESETS["bench"] = BENCH
    data = training.select_training_data(load_npz(mnist_path()), BENCH)
    os.environ[paths.HOME_ENV] = tempfile.mkdtemp(prefix="mnist-arcade-bench-")
    pygame.init()
    app = make_app(data_path=str(mnist_path()))  # runs are saved in the temporary user folder
    if not app.context.model.wait():
        raise SystemExit("the model did not load")
    bare, game, train_fps, draw_fps = [], [], [], []
    for _ in range(ROUNDS):
        bare.append(bare_fit(data))
        speed, fps_train, fps_draw = in_game(app)
        game.append(speed)
        train_fps.append(fps_train)
        draw_fps.append(fps_draw)
    app.shutdown()
    pygame.quit()

    started = time.perf_counter()
    seed_data = training.select_training_data(load_npz(mnist_path()), training.PRESETS["seed"])
    _, finished = training.train(training.PRESETS["seed"], seed_data, lambda message: None)
    seed_seconds = time.perf_counter() - started

    ratio = statistics.median(game) / statistics.median(bare)
    print(
        f"{BENCH.train_samples:,} digits, batch {BENCH.batch_size}, epochs 2-{BENCH.epochs}, "
        f"{ROUNDS} alternating rounds:"
    )
    print(f"  bare model.fit            {statistics.median(bare):9,.0f} samples/s")
    print(f"  in game, window rendering {statistics.median(game):9,.0f} samples/s")
    print(f"  in game / bare            {ratio:9.1%}   (target >= 85%)")
    print(f"  training scene while training: {min(train_fps):5.1f} FPS (lowest round; cap 60)")
    print(f"  board scene while training:    {min(draw_fps):5.1f} FPS (lowest round; cap 60)")
    print(
        f"seed preset (1,000 digits, batch 500, 50 epochs): {seed_seconds:.1f} s end to end, "
        f"best val_accuracy {finished.best_val_accuracy:.1%}   (target < 30 s)"
    )


if __name__ == "__main__":
    main()
