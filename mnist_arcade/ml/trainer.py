"""Training on a background thread, reporting through a queue.

``start_training`` returns at once with the running thread. The thread finds MNIST, trains a
fresh model with the chosen preset and posts :mod:`mnist_arcade.messages` to the queue as it
goes. At the end it measures the run and the model in use on the same held-out validation
digits and applies the adoption policy (:mod:`mnist_arcade.scoring.adoption`): a better finished
run is
saved as the player's model; a stopped or worse one is saved aside, never over it. Any failure
becomes one ``TrainingFailed`` message, never an exception on the game's thread.
"""

from __future__ import annotations

import gc
import os
import queue
import threading
from pathlib import Path

import numpy as np

from mnist_arcade import paths
from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.dataset import MnistData, find_mnist
from mnist_arcade.errors import MnistArcadeError
from mnist_arcade.messages import (
    DataProgress,
    DataReady,
    FinetuneReport,
    RunJudged,
    TrainingFailed,
)
from mnist_arcade.ml.finetune import FINETUNE, finetune_data
from mnist_arcade.ml.keras_data import load_keras_mnist
from mnist_arcade.ml.spare_model import SpareModel
from mnist_arcade.ml.store import keep_run_in_library, save_model_atomic
from mnist_arcade.ml.training import (
    PRESETS,
    drawings_to_make,
    select_training_data,
    train,
    validation_pool,
)
from mnist_arcade.scoring.adoption import judge_run

EXAMPLES_SHOWN = 20  # test digits shown with their labels before training, as in the tutorial
_data_cache: dict[str | None, MnistData] = {}  # found once per path, reused by later runs
_data_lock = threading.Lock()


def _find_data_once(data_path: str | None) -> MnistData:
    with _data_lock:
        if data_path not in _data_cache:
            _data_cache[data_path] = find_mnist(data_path, keras_loader=load_keras_mnist)
        return _data_cache[data_path]


def reads_right(model, images: np.ndarray, labels: np.ndarray, chunk: int = 2048) -> int:
    """How many of ``images`` ``model`` reads as ``labels``: N x 28 x 28, either MNIST digits
    (uint8 0-255, stood upright first) or network inputs already prepared (floats in [0, 1])."""
    if images.dtype == np.uint8:
        images = mnist_digits_as_input(images)
    right = 0
    for start in range(0, len(images), chunk):
        batch = images[start : start + chunk].astype(np.float32)[..., None]
        read = np.argmax(model(batch, training=False), axis=1)
        right += int(np.sum(read == labels[start : start + chunk]))
    return right


def accuracy_on(model, images: np.ndarray, labels: np.ndarray) -> float:
    """Share of ``images`` that ``model`` reads as ``labels``."""
    return reads_right(model, images, labels) / max(len(images), 1)


_reference = SpareModel()  # one network, built once, that holds the model in use's weights


def model_with(weights: list) -> object:
    """A network holding ``weights`` (to measure the model in use beside a run). The same one
    every run (:mod:`mnist_arcade.ml.spare_model`); it belongs to the trainer thread."""
    return _reference.holding(weights)


def finetune_report(model, incumbent_weights, data: MnistData, book) -> FinetuneReport:
    """The player's digits and the MNIST test digits, read before and after teaching."""
    before = model_with(incumbent_weights)
    inputs, labels = book
    test_inputs = mnist_digits_as_input(data.x_test)  # once, for both models
    return FinetuneReport(
        len(labels),
        reads_right(before, inputs, labels),
        reads_right(model, inputs, labels),
        len(data.y_test),
        accuracy_on(before, test_inputs, data.y_test),
        accuracy_on(model, test_inputs, data.y_test),
    )


def judge_and_save(
    model,
    incumbent_weights: list | None,
    data: MnistData,
    completed: bool,
    save_path: Path,
    aside_path: Path,
    preset: str = "seed",
) -> RunJudged:
    """Measure the run and the model in use on the held-out digits; save by the policy.

    Every judged run is also kept in the player's model library, whatever the verdict, so
    the player can switch to it later (N on the board)."""
    x_val, y_val = validation_pool(data)
    x_val = mnist_digits_as_input(x_val)  # once, for the run and the model in use
    candidate = accuracy_on(model, x_val, y_val)
    incumbent = None
    if incumbent_weights is not None:
        incumbent = accuracy_on(model_with(incumbent_weights), x_val, y_val)
    verdict = judge_run(candidate, incumbent, completed=completed)
    saved = save_model_atomic(model, save_path if verdict.adopt else aside_path)
    kept = keep_run_in_library(saved, preset, candidate, len(x_val))
    return RunJudged(
        verdict.adopt,
        verdict.reason,
        candidate,
        incumbent,
        len(x_val),
        model.get_weights(),
        str(saved),
        str(kept),
    )


def release_memory() -> None:
    """Free what the finished run left, and hand freed heap back to the system.

    A run allocates and frees tens of megabytes (batches, logs, the saved file); glibc keeps
    freed heap for later unless asked, so the game's memory would grow by a few megabytes a
    run before settling. ``malloc_trim`` exists only in glibc; elsewhere this just collects.
    """
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc (macOS, Windows, musl): the allocator manages on its own


class RunCancelled(Exception):
    """The player stopped the run (or closed the game) while its data was being prepared."""


def _drawing_progress(post, stop_event: threading.Event, total: int, every: int = 250):
    """A ``progress`` callback for the data preparation: posts how far it is, obeys a stop."""
    done = 0

    def progress(count: int) -> None:
        nonlocal done
        done += count
        if stop_event.is_set():
            raise RunCancelled
        if done % every == 0 or done == total:
            post(DataProgress(done, total))

    return progress


def run_training(
    preset_name: str,
    messages: queue.Queue,
    stop_event: threading.Event,
    *,
    data_path: str | os.PathLike | None = None,
    save_path: str | os.PathLike | None = None,
    aside_path: str | os.PathLike | None = None,
    epochs: int | None = None,
    incumbent_weights: list | None = None,
    book: tuple[np.ndarray, np.ndarray] | None = None,
    abandon: threading.Event | None = None,
) -> None:
    """Body of the trainer thread: data -> fit -> judge -> save, every step on ``messages``.

    ``stop_event`` ends training after the current batch; the run is then judged (and kept
    aside, as the policy says for a stopped run). ``abandon`` as well means the game is closing:
    end at once and save nothing. ``incumbent_weights`` are the model in use's, None if there is
    none. The "finetune" preset starts from them and learns ``book`` (the player's digits:
    inputs and labels), then reports both before and after.
    """
    post = messages.put
    try:
        finetuning = preset_name == FINETUNE.name
        if finetuning and (book is None or incumbent_weights is None):
            raise MnistArcadeError("teaching needs your digits and a model in use")
        preset = FINETUNE if finetuning else PRESETS[preset_name]
        data = _find_data_once(None if data_path is None else str(data_path))
        if finetuning:
            chosen = finetune_data(data, *book)
        else:
            progress = _drawing_progress(post, stop_event, drawings_to_make(preset))
            chosen = select_training_data(data, preset, progress=progress)
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
        start_from = incumbent_weights if finetuning else None
        model, finished = train(
            preset, chosen, post, stop_event, epochs=epochs, initial_weights=start_from
        )
        del chosen
        if (abandon is not None and abandon.is_set()) or finished.epochs_done == 0:
            return  # closing, or stopped before one epoch: nothing worth keeping
        if finetuning:
            post(finetune_report(model, incumbent_weights, data, book))
        post(
            judge_and_save(
                model,
                incumbent_weights,
                data,
                completed=not finished.stopped_early,
                save_path=Path(save_path) if save_path is not None else paths.user_model_path(),
                aside_path=(
                    Path(aside_path) if aside_path is not None else paths.kept_aside_model_path()
                ),
                preset=preset.name,
            )
        )
        release_memory()  # the run's arrays go now, not at some later run
    except RunCancelled:
        return  # stopped while drawings were being made: nothing trained, nothing to keep
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
