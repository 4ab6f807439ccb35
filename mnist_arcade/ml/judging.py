"""The one judge-and-save, used by the game's trainer and by ``mnist-arcade train`` alike.

A finished run is measured on held-out validation digits; then, holding the player's folder
(:func:`holding_user_folder`), *the saved model* (``trained_model.keras``, else the shipped one)
is read again from disk and measured on the same digits, the adoption policy decides, and the
run is written. The saved model is read under the lock, not at the start of the run: another
copy of the game or a ``train`` may have replaced it meanwhile, and a run must beat the model
that is saved now. The model the session happens to use (``play --model X``) is not what a run
is judged against, because it is not what a run replaces.

The run goes into the model library first and is then copied into its slot; if the slot cannot
be written, the library copy is taken back out, so both succeed or neither does. A run whose
save fails is written to a timestamped file in the system's temporary folder instead, and the
judgement says so in one plain sentence: a run is never lost, and never called saved when not.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mnist_arcade import paths
from mnist_arcade.errors import MnistArcadeError
from mnist_arcade.ml.backend import keras
from mnist_arcade.ml.library_saves import (
    copy_over_player_slot,
    forget_library_run,
    keep_run_in_library,
)
from mnist_arcade.ml.model_files import load_model, save_to_fallback, why
from mnist_arcade.player_files.folder_lock import holding_user_folder
from mnist_arcade.scoring.accuracy import ProbabilitiesOf, accuracy
from mnist_arcade.scoring.adoption import Verdict, judge_run

LOG = logging.getLogger(__name__)

SAVED_MODEL = "your saved model"
SHIPPED_MODEL = "the shipped model"


def keras_reader(model: keras.Model) -> ProbabilitiesOf:
    """A Keras model as a ``probabilities_of`` callable for :mod:`mnist_arcade.scoring.accuracy`
    (N x 28 x 28 network inputs in, N x 10 out), without Keras' per-call ``predict`` overhead."""

    def probabilities_of(batch: np.ndarray) -> np.ndarray:
        batch = np.asarray(batch, dtype=np.float32)
        return np.asarray(model(batch[..., None] if batch.ndim == 3 else batch, training=False))

    return probabilities_of


@dataclass(frozen=True)
class Judgement:
    """What became of a run: the verdict, both accuracies, and where its file is now.

    ``problem`` is a plain sentence when the run could not be saved in the player's folder (it
    is then at ``saved``, in the temporary folder, and nothing in the folder was changed)."""

    verdict: Verdict
    candidate: float
    incumbent: float | None
    validation_digits: int
    saved: Path
    kept: Path | None
    problem: str | None = None

    @property
    def adopted(self) -> bool:
        """True only if the run now is the saved model."""
        return self.verdict.adopt and self.problem is None


def saved_model_accuracy(
    save_path: Path, inputs: np.ndarray, labels: np.ndarray
) -> tuple[float | None, str]:
    """How well the model saved at ``save_path`` (else the shipped one) reads the prepared
    validation digits, and what to call it; None if neither loads (any run is then better)."""
    for path, name in ((save_path, SAVED_MODEL), (paths.shipped_model_path(), SHIPPED_MODEL)):
        if not path.is_file():
            continue
        try:
            return accuracy(keras_reader(load_model(path)), inputs, labels), name
        except MnistArcadeError as error:
            LOG.warning("judging against %s failed: %s", path, error)
            continue  # a damaged saved model: the run is judged against the shipped one
    return None, SHIPPED_MODEL


def judge_and_save(
    model: keras.Model,
    inputs: np.ndarray,
    labels: np.ndarray,
    *,
    completed: bool,
    preset: str,
    save_path: Path | None = None,
    aside_path: Path | None = None,
) -> Judgement:
    """Judge ``model`` on the prepared validation digits against the saved model, under the
    folder lock, and save it: in use if it reads them strictly better, else kept aside."""
    save_path = Path(save_path) if save_path is not None else paths.user_model_path()
    aside_path = Path(aside_path) if aside_path is not None else paths.kept_aside_model_path()
    candidate = accuracy(keras_reader(model), inputs, labels)  # outside the lock: it is ours
    incumbent = None
    try:
        with holding_user_folder():
            incumbent, against = saved_model_accuracy(save_path, inputs, labels)
            verdict = judge_run(candidate, incumbent, completed=completed, against=against)
            target = save_path if verdict.adopt else aside_path
            kept = keep_run_in_library(model, preset, candidate, len(labels))
            try:
                copy_over_player_slot(kept, target)
            except BaseException:
                forget_library_run(kept)  # both or neither: no library copy of an unsaved run
                raise
            return Judgement(verdict, candidate, incumbent, len(labels), target, kept)
    except Exception as error:  # disk full, read-only, a file where the folder should be
        LOG.warning("the run could not be saved in %s", save_path.parent, exc_info=True)
        reason = why(error, save_path)
    folder = save_path.parent
    fallback = save_to_fallback(model, f"cannot save the run in {folder} ({reason})")
    problem = (
        f"your run could not be saved in {folder} ({reason}), so it was saved as {fallback}; "
        "the model in use is unchanged"
    )
    return Judgement(Verdict(False, problem), candidate, incumbent, len(labels), fallback, None,
                     problem)  # fmt: skip
