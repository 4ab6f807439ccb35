"""Command line: play (the default), predict, evaluate and train.

    mnist-arcade                          open the game window
    mnist-arcade predict [--json] IMAGE   read board-like images (white ink on black)
    mnist-arcade evaluate --data PATH     accuracy on MNIST test digits and on brush-drawn ones
    mnist-arcade train --preset full      train headless with a progress bar

``--verbose`` also prints the log (:mod:`mnist_arcade.log_file`) on stderr.

Problems a user can fix (a missing or damaged file, a corrupt model, data that is not MNIST, an
argument out of range, a folder that cannot be written) print one line on stderr and exit with
status 2, never a traceback. ``predict`` reads every file it can and reports each bad one on a
line of its own. ``train`` never loses a run and never replaces the model in use with a worse
one: see :func:`_train`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mnist_arcade.cli.arguments import build_parser
from mnist_arcade.cli.output import BROKEN_PIPE, INTERRUPTED, USER_ERROR, say, stdout_to_devnull
from mnist_arcade.cli.reading import evaluate, predict
from mnist_arcade.cli.training import train_headless
from mnist_arcade.errors import DataSourceError, MnistArcadeError
from mnist_arcade.log_file import set_up_logging

__all__ = ["main", "without_sound"]

NO_SOUND_DRIVER = "dummy"  # SDL's silent audio driver: the game plays no sound


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
        argv = ["play", *argv]  # `mnist-arcade --data PATH` means play with that data
    args = build_parser().parse_args(argv)
    set_up_logging(args.verbose)
    try:
        status = _run(args)
        sys.stdout.flush()  # a reader that went away shows up here at the latest
        return status
    except BrokenPipeError:
        stdout_to_devnull()
        return BROKEN_PIPE
    except MnistArcadeError as error:
        say(str(error))
        return USER_ERROR
    except KeyboardInterrupt:
        say("interrupted")
        return INTERRUPTED


def _run(args) -> int:
    if args.command == "play":
        from mnist_arcade.install_check import pygame_conflict

        if conflict := pygame_conflict():  # a warning only: the game still tries to start
            say(conflict)
        if args.data is not None and not Path(args.data).expanduser().exists():
            raise DataSourceError(f"{args.data}: no such file or folder")  # not after a run
        without_sound()
        from mnist_arcade.game.app import main as play  # imports pygame, which prints a line

        return play(args.model, args.data, args.startup_check, args.lang)
    if args.command == "predict":
        return predict(args)
    if args.command == "evaluate":
        return evaluate(args)
    return train_headless(args)


def without_sound() -> None:
    """Ask SDL for its silent audio driver, unless the player chose a driver themselves.

    The game makes no sound, yet SDL opens the sound card when pygame starts; on a machine without
    one, ALSA prints about eight error lines on every launch. Called before pygame is imported.
    """
    os.environ.setdefault("SDL_AUDIODRIVER", NO_SOUND_DRIVER)
