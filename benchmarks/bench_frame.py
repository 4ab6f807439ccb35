"""How long the game takes to render a frame, headless (SDL's dummy video driver).

    python benchmarks/bench_frame.py

Times ``App.frame`` (events, update, draw, flip) on the board scene while the player draws,
while the feature maps animate after P, once they have settled, and on the training scene with
a chart of 50 epochs. Target: at most 8 ms median on the board scene, so 60 FPS holds with room.
"""

from __future__ import annotations

import _common  # noqa: F401  (sets the environment first)
import pygame
from _common import board_with_digit, median_ms

from mnist_arcade.game.app import App, open_window
from mnist_arcade.game.model_service import ModelService
from mnist_arcade.game.training_session import TrainingSession
from mnist_arcade.messages import EpochResult, TrainingStarted

FRAMES = 300


def main() -> None:
    pygame.init()
    screen = open_window()
    model = ModelService()
    model.start()
    model.wait()
    app = App(screen, model, TrainingSession())
    board, _ = board_with_digit(0)
    step = 1 / 60

    wiggle = iter(range(10**9))

    def drawing_frame():  # a mouse stroke in progress: the board changes every frame
        i = next(wiggle)
        app.board.continue_stroke(60 + i % 180, 60 + (i * 7) % 180)
        app.frame(step)

    app.board.begin_stroke(60, 60)
    results = {"board scene, drawing": median_ms(drawing_frame, FRAMES)}
    app.board.pixels[:] = board

    def animating_frame():
        if app.scene.network.done:
            app.predict()
        app.frame(step)

    results["board scene, maps animating after P"] = median_ms(animating_frame, FRAMES)
    app.predict()
    for _ in range(200):
        app.frame(step)
    results["board scene, maps settled"] = median_ms(lambda: app.frame(step), FRAMES)

    session = app.training
    session.started = TrainingStarted("seed", 50, 2, 500)
    for epoch in range(1, 51):
        logs = {
            "accuracy": 1 - 1 / (epoch + 1),
            "val_accuracy": 1 - 1.2 / (epoch + 1),
            "loss": 1 / epoch,
            "val_loss": 1.1 / epoch,
        }
        session.epochs.append(EpochResult(epoch, 50, logs, 0.3))
    app.switch_to("train")
    results["training scene, 50 epochs charted"] = median_ms(lambda: app.frame(step), FRAMES)
    pygame.quit()

    print(f"median frame time over {FRAMES} frames (headless):")
    for name, ms in results.items():
        print(f"  {name:40s} {ms:6.2f} ms  ({1000 / ms:6.0f} FPS possible)")
    worst_board = max(v for k, v in results.items() if k.startswith("board"))
    print(f"board scene within the 8 ms target: {'yes' if worst_board <= 8 else 'NO'}")


if __name__ == "__main__":
    main()
