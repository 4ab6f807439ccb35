"""The network's layers the game shows, in data-flow order: the one list ``ml`` builds the
feature extractor from and the screens caption. Pure, so the game names them without TensorFlow.
"""

from __future__ import annotations

SHOWN_LAYERS = ("conv1", "pool1", "conv2", "pool2", "dense")
