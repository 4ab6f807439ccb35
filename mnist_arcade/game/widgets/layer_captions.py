"""Plain words for every column of the network view, for a player who never heard of a CNN.

Each layer gets a title, its size said as words ("8 maps of 24x24 pixels") and one sentence a
12-year-old understands, all from the catalogue (section "layer"), looked up when drawn. Pure
data and string formatting: no pygame.
"""

from __future__ import annotations

from dataclasses import dataclass

from mnist_arcade.canvas.methods import Method
from mnist_arcade.game.words import counted, phrase


@dataclass(frozen=True)
class LayerCaption:
    title: str  # the layer's own name, as the model names it ("conv1")

    @property
    def sentence(self) -> str:
        return phrase(f"layer.{self.title}")


CAPTIONS = {
    name: LayerCaption(name) for name in ("input", "conv1", "pool1", "conv2", "pool2", "dense")
}


def input_sentence(method: Method) -> str:
    """The input column says what was done to the drawing, by method (M)."""
    return phrase("layer.input" if method is Method.MNIST else "layer.input_plain")


def size_in_few_words(name: str, shape: tuple[int, ...]) -> str:
    """The size where its words do not fit (the input's narrow column, larger text): the
    input's "28x28" alone; every other layer as :func:`size_in_words` says it."""
    if name == "input" or len(shape) == 2:
        return f"{shape[0]}x{shape[1]}"
    return size_in_words(name, shape)


def size_in_words(name: str, shape: tuple[int, ...]) -> str:
    """(24, 24, 8) -> "8 maps of 24x24"; the input -> "28x28 pixels"; (10,) -> "10 chances"."""
    if len(shape) == 1:
        return phrase("layer.chances", count=shape[0])
    height, width = shape[0], shape[1]
    if name == "input" or len(shape) == 2:
        return phrase("layer.pixels", height=height, width=width)
    maps = shape[2]
    return counted(maps, "layer.maps", "layer.one_map", height=height, width=width)
