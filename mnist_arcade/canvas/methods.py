"""How a board becomes the network's 28x28 input: the one list of preprocessing methods.

Pure: the CLI, the game and the benchmarks all name a method by this enum (its values are the
words the CLI accepts), never by a bare string.
"""

from __future__ import annotations

import enum


class Method(enum.StrEnum):
    """A preprocessing method; :func:`mnist_arcade.canvas.preprocess.to_network_input` runs it."""

    MNIST = "mnist"  # crop, fit 20x20, centre of mass: MNIST's own recipe
    PLAIN = "plain"  # the tutorial's whole-board resize
