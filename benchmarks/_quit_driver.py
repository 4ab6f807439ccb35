"""Run the real game and close its window at a chosen moment of a training run.

    python benchmarks/_quit_driver.py PHASE SEED --data PATH [--epochs N]

Used by ``bench_reliability.py`` (close-to-exit). Runs ``mnist-arcade play --data PATH``
(:func:`mnist_arcade.cli.main`: the game's own ``main()``, loop, shutdown and exit) on SDL's
dummy driver. The one addition is a hook run before each frame: once the network is ready it
posts T, as a player starting the seed preset does, and then a QUIT (the window's close
button) at the chosen moment, printing ``QUIT <time.monotonic()> <what the trainer was doing>``
so the parent can time the exit. ``App.shutdown``, the window's close within it and the exit's
last step print their times too: ``SHUTDOWN <start> <end> <clean>``, ``WINDOW <time>`` (the
moment the player sees the window go) and ``EXIT <time> <temporary files removed>``.
``--epochs`` shortens the seed preset so a trial reaches the end of its run in seconds.

PHASE is one of:
  loading    while the trainer loads and slices the data (0-0.3 s after T)
  mid-epoch  after the first batch of a random epoch among the first ``--epochs``
  epoch-end  as a random epoch's results and weights arrive
  run-end    0-0.3 s after the last epoch: the run is being measured and saved
  saving     as soon as the save's temporary file appears in the user folder
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import time

import _common  # noqa: F401  (sets the environment first)
import pygame

from mnist_arcade import cli, paths
from mnist_arcade.game import app as game_app
from mnist_arcade.game import window as game_window
from mnist_arcade.game.services.training_session import LOADING_DATA
from mnist_arcade.player_files import unfinished_saves

PHASES = ("loading", "mid-epoch", "epoch-end", "run-end", "saving")


class Closer:
    """Posts T and Space (the training screen, then a run) when the network is ready, then
    QUIT when the chosen moment comes."""

    def __init__(self, phase: str, seed: int, epochs: int) -> None:
        rng = random.Random(seed)
        self.phase = phase
        self.epoch = rng.randint(1, epochs)  # for mid-epoch and epoch-end
        self.delay = rng.uniform(0.0, 0.3)  # for loading and run-end
        self.epochs = epochs
        self.pressed_t_at: float | None = None
        self.last_epoch_at: float | None = None
        self.quit_posted = False

    def before_frame(self, app) -> None:
        if self.quit_posted:
            return
        context, now = app.context, time.monotonic()
        training = context.training
        if self.pressed_t_at is None:
            if context.model.ready:  # the engine thread has imported TensorFlow by now
                from mnist_arcade.ml import training

                seed = training.PRESETS["seed"]
                training.PRESETS["seed"] = dataclasses.replace(seed, epochs=self.epochs)
                # T opens the training screen, Space starts a run
                for key, typed in ((pygame.K_t, "t"), (pygame.K_SPACE, " ")):
                    pygame.event.post(
                        pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=typed)
                    )
                self.pressed_t_at = now
            return
        done = len(training.epochs)
        if done >= self.epochs and self.last_epoch_at is None:
            self.last_epoch_at = now
        progress = training.progress
        if self.phase == "loading":
            due = now - self.pressed_t_at >= self.delay
        elif self.phase == "mid-epoch":
            due = progress is not None and progress.epoch == self.epoch and done < self.epoch
        elif self.phase == "epoch-end":
            due = done >= self.epoch
        elif self.phase == "run-end":
            due = self.last_epoch_at is not None and now - self.last_epoch_at >= self.delay
        else:  # saving
            due = any(paths.user_dir().glob(".*-*.keras"))
        if due:
            self.quit_posted = True
            what = training.status.value
            if training.status is not LOADING_DATA:
                what += f", {done} epochs done"
            pygame.event.post(pygame.event.Event(pygame.QUIT))
            print(f"QUIT {time.monotonic():.6f} {what}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phase", choices=PHASES)
    parser.add_argument("seed", type=int)
    parser.add_argument("--data", required=True)
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()
    closer = Closer(args.phase, args.seed, args.epochs)
    frame = game_app.App.frame

    def frame_with_closer(self, dt=None):
        closer.before_frame(self)
        frame(self, dt)

    game_app.App.frame = frame_with_closer
    shutdown = game_app.App.shutdown

    def timed_shutdown(self):
        started = time.monotonic()
        clean = shutdown(self)
        print(f"SHUTDOWN {started:.6f} {time.monotonic():.6f} {clean}", flush=True)
        return clean

    game_app.App.shutdown = timed_shutdown
    close_window = game_window.Window.close

    def timed_close(self):
        close_window(self)
        print(f"WINDOW {time.monotonic():.6f}", flush=True)

    game_window.Window.close = timed_close
    remove_unfinished_saves = unfinished_saves.remove_unfinished_saves

    def timed_cleanup():  # the game's last step before os._exit
        removed = remove_unfinished_saves()
        print(f"EXIT {time.monotonic():.6f} {len(removed)}", flush=True)
        return removed

    unfinished_saves.remove_unfinished_saves = timed_cleanup
    return cli.main(["play", "--data", args.data])


if __name__ == "__main__":
    sys.exit(main())
