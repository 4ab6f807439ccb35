"""Training on a background thread, reporting through a queue.

``start_training`` returns at once with the running thread. The thread finds MNIST, trains a
fresh model with the chosen preset and posts :mod:`mnist_arcade.messages` to the queue as it
goes. Before any data is read it checks that a run can be saved (as the CLI does). At the end the
one judge-and-save (:mod:`mnist_arcade.ml.judging`) measures the run and the player's saved
model, read again under the folder lock, on the same held-out validation digits: a better
finished run is saved as the player's model; a stopped or worse one is saved aside, never over
it; one that cannot be saved at all goes to the temporary folder, named in the message. Any failure
becomes one ``TrainingFailed`` message, never an exception on the game's thread.
"""

from __future__ import annotations

import gc
import logging
import math
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
from mnist_arcade.ml.judging import judge_and_save, keras_reader
from mnist_arcade.ml.keras_data import load_keras_mnist
from mnist_arcade.ml.model_files import check_save_target, why
from mnist_arcade.ml.pen_inputs import pen_drawings_to_make
from mnist_arcade.ml.presets import Preset
from mnist_arcade.ml.spare_model import SpareModel
from mnist_arcade.ml.training import (
    PRESETS,
    drawings_to_make,
    select_training_data,
    train,
)
from mnist_arcade.ml.training_data import TrainingData, judging_digits
from mnist_arcade.scoring.accuracy import accuracy, reads_right

LOG = logging.getLogger(__name__)

EXAMPLES_SHOWN = 20  # test digits shown with their labels before training, as in the tutorial
KEEP_SHARE = 0.1  # a stopped run is kept once it finished this share of its epochs (at least 1)
_data_cache: dict[str | None, MnistData] = {}  # found once per path, reused by later runs
_data_lock = threading.Lock()


def _find_data_once(data_path: str | None) -> MnistData:
    with _data_lock:
        if data_path not in _data_cache:
            _data_cache[data_path] = find_mnist(data_path, keras_loader=load_keras_mnist)
        return _data_cache[data_path]


_reference = SpareModel()  # one network, built once, that holds the model in use's weights


def model_with(weights: list) -> object:
    """A network holding ``weights`` (to measure the model in use beside a run). The same one
    every run (:mod:`mnist_arcade.ml.spare_model`); it belongs to the trainer thread."""
    return _reference.holding(weights)


def finetune_report(model, incumbent_weights, data: MnistData, book) -> FinetuneReport:
    """The player's digits and the MNIST test digits, read before and after teaching."""
    before = keras_reader(model_with(incumbent_weights))
    after = keras_reader(model)
    inputs, labels = book
    test_inputs = mnist_digits_as_input(data.x_test)  # once, for both models
    return FinetuneReport(
        len(labels),
        reads_right(before, inputs, labels),
        reads_right(after, inputs, labels),
        len(data.y_test),
        accuracy(before, test_inputs, data.y_test),
        accuracy(after, test_inputs, data.y_test),
    )


def judged_message(model, data: MnistData, completed: bool, preset: str, **slots) -> RunJudged:
    """Judge and save the run (:func:`mnist_arcade.ml.judging.judge_and_save`) on the held-out
    validation digits; the verdict as the message the game shows."""
    x_val, y_val = judging_digits(data, PRESETS.get(preset, FINETUNE))
    judged = judge_and_save(model, x_val, y_val, completed=completed, preset=preset, **slots)
    return RunJudged(
        judged.adopted,
        judged.verdict.reason,
        judged.candidate,
        judged.incumbent,
        judged.validation_digits,
        model.get_weights(),
        str(judged.saved),
        None if judged.kept is None else str(judged.kept),
        judged.problem,
    )


def cannot_save_runs(*targets: Path) -> str | None:
    """Why a run could not be saved at ``targets``, checked before training (as the CLI does),
    or None if it can: a long run must not end with nowhere to go."""
    for target in targets:
        try:
            check_save_target(target)
        except MnistArcadeError as error:
            return str(error)
    return None


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


def worth_keeping(finished, planned_epochs: int) -> bool:
    """A finished run always is; a stopped one once it did a tenth of its epochs (at least
    one): a seed run stopped a second in has learned nothing to switch back to, so it leaves
    no kept-aside file and no library file behind."""
    if not finished.stopped_early:
        return finished.epochs_done > 0
    return finished.epochs_done >= max(1, math.ceil(planned_epochs * KEEP_SHARE))


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


def _preset_for(preset_name: str, book, incumbent_weights) -> Preset:
    """The recipe a run asked for by name; teaching ("finetune") needs the player's digits and
    a model in use to start from."""
    if preset_name == FINETUNE.name:
        if book is None or incumbent_weights is None:
            raise MnistArcadeError("teaching needs your digits and a model in use")
        return FINETUNE
    return PRESETS[preset_name]


def _training_data(
    preset: Preset, data: MnistData, book, post, stop_event: threading.Event
) -> TrainingData:
    """The run's digits: the player's book mixed with an MNIST replay when teaching, else the
    preset's slice of MNIST and its practice drawings (their making reported on ``post``)."""
    if preset.name == FINETUNE.name:
        return finetune_data(data, *book)
    boards = drawings_to_make(preset) + pen_drawings_to_make(preset)
    progress = _drawing_progress(post, stop_event, boards)
    return select_training_data(data, preset, progress=progress)


def _data_ready(data: MnistData, chosen: TrainingData) -> DataReady:
    """The news that the data is found: where from, how many digits, a few test examples."""
    return DataReady(
        data.source,
        len(chosen.x_train),
        len(chosen.x_val),
        data.notes,
        data.x_test[:EXAMPLES_SHOWN],
        data.y_test[:EXAMPLES_SHOWN],
    )


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
    none; the run is judged against the *saved* model, not these (see ml.judging). The
    "finetune" preset starts from them and learns ``book`` (the player's digits:
    inputs and labels), then reports both before and after.
    """
    post = messages.put
    save_path = Path(save_path) if save_path is not None else paths.user_model_path()
    aside_path = Path(aside_path) if aside_path is not None else paths.kept_aside_model_path()
    try:
        if problem := cannot_save_runs(save_path, aside_path):
            raise MnistArcadeError(f"no run can be saved now: {problem}")
        preset = _preset_for(preset_name, book, incumbent_weights)
        finetuning = preset.name == FINETUNE.name
        data = _find_data_once(None if data_path is None else str(data_path))
        chosen = _training_data(preset, data, book, post, stop_event)
        post(_data_ready(data, chosen))
        if stop_event.is_set():
            return
        start_from = incumbent_weights if finetuning else None
        model, finished = train(
            preset, chosen, post, stop_event, epochs=epochs, initial_weights=start_from
        )
        del chosen
        if (abandon is not None and abandon.is_set()) or not worth_keeping(
            finished, epochs or preset.epochs
        ):
            return  # closing, or stopped in its first seconds: nothing worth keeping
        if finetuning:
            post(finetune_report(model, incumbent_weights, data, book))
        slots = {"save_path": save_path, "aside_path": aside_path}
        post(judged_message(model, data, not finished.stopped_early, preset.name, **slots))
        release_memory()  # the run's arrays go now, not at some later run
    except RunCancelled:
        return  # stopped while drawings were being made: nothing trained, nothing to keep
    except MnistArcadeError as error:
        LOG.warning("training %s failed: %s", preset_name, error)
        post(TrainingFailed(str(error)))
    except Exception as error:  # the game must keep running whatever happens in here
        LOG.exception("training %s failed", preset_name)  # the traceback, for the log
        # The game already says "Training failed": the reason follows, once, in plain words.
        reason = why(error) if isinstance(error, OSError) else f"{type(error).__name__}: {error}"
        post(TrainingFailed(reason))


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
