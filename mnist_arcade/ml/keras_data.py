"""MNIST from Keras' own cache, else Keras' download, with a hard time limit.

``keras.datasets.mnist.load_data()`` can wait minutes on a machine that has no route to the
internet. This runs the same fetch (same file name, origin and hash, same cache folder) on a
daemon thread and gives up after ``timeout`` seconds, so an offline game falls through to the
next source in seconds.
"""

from __future__ import annotations

import threading
from pathlib import Path

from mnist_arcade.dataset import MnistData, load_npz
from mnist_arcade.errors import DataSourceError
from mnist_arcade.ml.backend import keras

KERAS_ORIGIN = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
KERAS_HASH = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"


def load_keras_mnist(
    timeout: float = 8.0, origin: str = KERAS_ORIGIN, cache_dir: str | None = None
) -> MnistData:
    """Return Keras' MNIST, from its cache or downloaded; DataSourceError within ``timeout``."""
    result: dict[str, object] = {}

    def fetch() -> None:
        try:
            result["path"] = keras.utils.get_file(
                "mnist.npz", origin=origin, file_hash=KERAS_HASH, cache_dir=cache_dir
            )
        except BaseException as error:  # report anything on the caller's thread
            result["error"] = error

    worker = threading.Thread(target=fetch, name="keras-mnist-download", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise DataSourceError(f"Keras download: no answer from {origin} within {timeout:.0f} s")
    if "error" in result:
        error = result["error"]
        reason = str(error).strip().split(" -- ")[-1].splitlines()  # urllib's innermost cause
        reason = reason[0][:120] if reason else type(error).__name__
        raise DataSourceError(f"Keras: mnist.npz is not cached and the download failed ({reason})")
    return load_npz(Path(str(result["path"])), source="Keras (keras.datasets.mnist)")
