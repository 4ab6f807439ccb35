"""Training on a background thread, reporting through a queue.

``start_training`` returns at once with the running thread. The thread finds MNIST, trains a
fresh model with the chosen preset, posts :mod:`mnist_arcade.messages` to the queue as it goes,
and saves the result atomically so the next launch starts with it. Any failure becomes one
``TrainingFailed`` message, never an exception on the game's thread.
"""

from __future__ import annotations

import os
import queue
import threading
from pathlib import Path

from mnist_arcade import paths
from mnist_arcade.dataset import MnistData, find_mnist
from mnist_arcade.errors import MnistArcadeError
from mnist_arcade.messages import DataReady, ModelSaved, TrainingFailed
from mnist_arcade.ml.store import save_model_atomic
from mnist_arcade.ml.training import PRESETS, select_training_data, train

EXAMPLES_SHOWN = 20  # test digits shown with their labels before training, as in the tutorial
_data_cache: dict[str | None, MnistData] = {}  # found once per path, reused by later runs
_data_lock = threading.Lock()


def _find_data_once(data_path: str | None) -> MnistData:
    with _data_lock:
        if data_path not in _data_cache:
            _data_cache[data_path] = find_mnist(data_path)
        return _data_cache[data_path]


def run_training(
    preset_name: str,
    messages: queue.Queue,
    stop_event: threading.Event,
    *,
    data_path: str | os.PathLike | None = None,
    save_path: str | os.PathLike | None = None,
    epochs: int | None = None,
    abandon: threading.Event | None = None,
) -> None:
    """Body of the trainer thread: data -> fit -> save, every step reported on ``messages``.

    ``stop_event`` ends training after the current batch and keeps (and saves) the weights so
    far; ``abandon`` as well means the game is closing: end at once and save nothing, so the
    last saved model stays as it was.
    """
    post = messages.put
    try:
        preset = PRESETS[preset_name]
        data = _find_data_once(None if data_path is None else str(data_path))
        chosen = select_training_data(data, preset)
        post(
            DataReady(
                data.source,
                len(chosen.x_train),
                len(chosen.x_val),
                data.notes,
                data.x_test[:EXAMPLES_SHOWN],
                data.y_test[:EXAMPLES_SHOWN],
            )
        )
        if stop_event.is_set():
            return
        model, _ = train(preset, chosen, post, stop_event, epochs=epochs)
        if abandon is not None and abandon.is_set():
            return
        target = Path(save_path) if save_path is not None else paths.user_model_path()
        post(ModelSaved(str(save_model_atomic(model, target))))
    except MnistArcadeError as error:
        post(TrainingFailed(str(error)))
    except Exception as error:  # the game must keep running whatever happens in here
        post(TrainingFailed(f"training failed: {type(error).__name__}: {error}"))


def start_training(
    preset_name: str,
    messages: queue.Queue,
    stop_event: threading.Event,
    **options,
) -> threading.Thread:
    """Start ``run_training`` on a daemon thread and return it."""
    thread = threading.Thread(
        target=run_training,
        args=(preset_name, messages, stop_event),
        kwargs=options,
        name=f"trainer-{preset_name}",
        daemon=True,
    )
    thread.start()
    return thread
