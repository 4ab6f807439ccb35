"""The test digits the evaluation screen scores the model on, loaded off the game's thread.

The same source as training when the player named one (``--data`` or ``MNIST_ARCADE_DATA``),
else the shipped subset's 2,000 test digits, stood upright for the network once, on the same
thread (10,000 take about 0.2 s: too long to redo on a frame). Pure numpy; no TensorFlow, no
pygame.
"""

from __future__ import annotations

import threading
import time

import numpy as np

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.dataset import MnistData, find_mnist
from mnist_arcade.errors import MnistArcadeError

_loading: set[threading.Thread] = set()  # loaders still reading, for the closing game to wait on
_loading_lock = threading.Lock()


def wait_for_loaders(timeout: float) -> bool:
    """The game is closing: wait up to ``timeout`` seconds for every loader still reading (a
    fraction of a second of numpy: it is not cut short); True if none is left."""
    with _loading_lock:
        loaders = list(_loading)
    deadline = time.monotonic() + timeout
    for loader in loaders:
        loader.join(max(0.0, deadline - time.monotonic()))
    return not any(loader.is_alive() for loader in loaders)


class TestDigits:
    """Loads once on a thread; ``data`` (with ``inputs``, its test digits as the network reads
    them) or ``error`` is set when it is done."""

    __test__ = False  # a class named Test* that pytest must not collect

    def __init__(self, data_path: str | None = None) -> None:
        self.data_path = data_path
        self.data: MnistData | None = None
        self.inputs: np.ndarray | None = None  # set before ``data``: ready whenever data is
        self.error: str | None = None
        self._thread: threading.Thread | None = None

    @property
    def done(self) -> bool:
        return self.data is not None or self.error is not None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._load, name="test-digits", daemon=True)
            with _loading_lock:
                _loading.add(self._thread)
            self._thread.start()

    def _load(self) -> None:
        try:
            data = find_mnist(self.data_path)
            self.inputs = mnist_digits_as_input(data.x_test)
            self.data = data
        except MnistArcadeError as error:
            self.error = str(error)
        finally:
            with _loading_lock:
                _loading.discard(threading.current_thread())
