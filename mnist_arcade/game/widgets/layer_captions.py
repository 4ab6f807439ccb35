"""Plain words for every column of the network view, for a player who never heard of a CNN.

Each layer gets a title, its size said as words ("8 maps of 24x24 pixels") and one sentence a
12-year-old understands. Pure data and string formatting: no pygame.
"""

from __future__ import annotations

from dataclasses import dataclass

from mnist_arcade.canvas.methods import Method


@dataclass(frozen=True)
class LayerCaption:
    title: str
    sentence: str


CAPTIONS = {
    "input": LayerCaption("input", "your drawing, small and upright"),
    "conv1": LayerCaption("conv1", "8 stroke detectors: each lights up where its pattern appears"),
    "pool1": LayerCaption("pool1", "shrink: keep the strongest of each 2x2 square"),
    "conv2": LayerCaption("conv2", "16 detectors that combine strokes into parts of digits"),
    "pool2": LayerCaption("pool2", "shrink again: the strongest of each 2x2 square"),
    "dense": LayerCaption("dense", "ten scores turned into chances that add up to 100%"),
}


INPUT_SENTENCES = {  # the input column says what was done to the drawing, by method (M)
    Method.MNIST: CAPTIONS["input"].sentence,
    Method.PLAIN: "the whole board, shrunk to 28x28",
}


def size_in_words(name: str, shape: tuple[int, ...]) -> str:
    """(24, 24, 8) -> "8 maps of 24x24"; the input -> "28x28 pixels"; (10,) -> "10 chances"."""
    if len(shape) == 1:
        return f"{shape[0]} chances"
    height, width = shape[0], shape[1]
    if name == "input" or len(shape) == 2:
        return f"{height}x{width} pixels"
    maps = shape[2]
    return f"{maps} map{'s' if maps != 1 else ''} of {height}x{width}"
