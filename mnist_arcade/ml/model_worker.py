"""The engine: the one thread that owns the live model and makes every TensorFlow call on it.

The game never touches TensorFlow. It puts requests (:mod:`mnist_arcade.messages`: LoadModel,
PredictRequest, UseWeights, PreviewWeights, RestoreShipped) on a queue; this thread answers on
another queue with ModelInUse, PredictionReady and EngineProblem. Every answer carries the model
version it was computed with, so the game drops answers for a model it no longer uses. Like
arcade's ``net_process_animal_facts.py``: one long-lived worker, an in-queue and an out-queue.

Two predictors live here: the model in use, and a *preview* that shows a training run's latest
weights on the training screen without ever putting them in use.

Closing the game puts STOP on the queue. The engine looks for it between every two steps of its
work (loading a model, compiling it, measuring it on the yardstick digits, the detector views,
each request), not only between requests: a TensorFlow call cannot be interrupted, but the
engine ends after the one it is in and starts nothing new, so the closing game can wait for it.
A request still waiting when STOP comes is dropped (a model switch not yet made stays unmade:
the kept-aside file it came from is still there for the next launch).
"""

from __future__ import annotations

import functools
import gc
import logging
import queue

import numpy as np

from mnist_arcade import paths
from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.dataset import load_shipped_subset
from mnist_arcade.errors import MnistArcadeError
from mnist_arcade.explaining.detectors import detector_views
from mnist_arcade.explaining.occlusion_answer import occlusion_answer
from mnist_arcade.messages import (
    ClassifyReady,
    ClassifyRequest,
    DetectorsReady,
    DetectorsRequest,
    EngineProblem,
    KnockOutReady,
    KnockOutRequest,
    LoadModel,
    ModelInUse,
    OcclusionRequest,
    PredictionReady,
    PredictRequest,
    PreviewWeights,
    RestoreShipped,
    UseModelFile,
    UseWeights,
    yardstick_words,
)
from mnist_arcade.ml.accuracy_memo import MEASURED
from mnist_arcade.ml.engine_requests import newest_predictions_only, switches_model
from mnist_arcade.ml.knockout import (
    KNOCKOUT_TEST_DIGITS,
    KnockOutReader,
    balanced_sample,
)
from mnist_arcade.ml.library_saves import (
    clean_stale_temporaries,
    copy_over_player_slot,
    keep_aside_user_model,
    save_over_player_slot,
)
from mnist_arcade.ml.model import check_weight_shapes
from mnist_arcade.ml.model_files import SOURCE_NAMES, launch_name, load_live_model, load_model
from mnist_arcade.ml.predictor import Predictor
from mnist_arcade.ml.predictor_pool import give_back, take_predictor
from mnist_arcade.ml.spare_model import SpareModel
from mnist_arcade.player_files.model_names import record_model_name
from mnist_arcade.scoring.accuracy import accuracy

LOG = logging.getLogger(__name__)
STOP = None  # put on the request queue to end the engine
DETECTOR_DIGITS = 2000  # test digits the detector views are found in (the shipped subset's all)


@functools.cache
def _yardstick() -> tuple[np.ndarray, np.ndarray, str]:
    """The digits every model in use is measured on: the shipped subset's MNIST test digits.

    Read and centred once a process (every engine started after the first, as a restarted game
    or the tests start them, would do the same work again), and read-only, so no engine can
    change what the next one measures on."""
    data = load_shipped_subset()
    images, labels = mnist_digits_as_input(data.x_test), np.array(data.y_test)
    images.setflags(write=False)
    labels.setflags(write=False)
    return images, labels, yardstick_words(len(images))


class EngineStopping(Exception):
    """The game is closing: raised at a checkpoint to end the engine between two steps."""


class Engine:
    """Answers requests in order; consecutive predictions of one kind collapse to the newest."""

    def __init__(self, requests: queue.Queue, replies: queue.Queue) -> None:
        self.requests = requests
        self.replies = replies
        self.version = 0
        self.live: Predictor | None = None
        self.preview: Predictor | None = None
        self._spare = SpareModel()  # weights pass through it on their way in (and saves)
        self._knockout = KnockOutReader()  # its own spare: filters are zeroed there, never here
        self._knockout_digits: tuple[np.ndarray, np.ndarray] | None = None
        self._backlog: list = []  # requests taken off the queue, not yet answered
        self._stopping = False  # STOP has come: end at the next checkpoint

    def __repr__(self) -> str:
        return f"Engine(version={self.version}, live={self.live!r})"

    # --- the loop ------------------------------------------------------------------------------

    def run(self) -> None:
        """Answer requests until STOP, which ends the engine at the next checkpoint."""
        try:
            while True:
                if not self._backlog:
                    self._take(self.requests.get())
                self.checkpoint()
                batch, self._backlog = newest_predictions_only(self._backlog), []
                for request in batch:
                    self.checkpoint()
                    self._answer(request)
        except EngineStopping:
            return
        finally:  # this thread is leaving: the next engine of this process may use them
            give_back(self.live, self.preview, self._knockout.give_up_predictor())
            self.live = self.preview = None

    def _take(self, request) -> None:
        if request is STOP:
            self._stopping = True
        else:
            self._backlog.append(request)

    def checkpoint(self) -> None:
        """Between two steps: take the requests waiting, and end here if STOP was among them
        (raises EngineStopping, which only ``run`` catches)."""
        while True:
            try:
                self._take(self.requests.get_nowait())
            except queue.Empty:
                break
        if self._stopping:
            raise EngineStopping

    def _answer(self, request) -> None:
        try:
            if isinstance(request, PredictRequest):
                self._predict(request)
            elif isinstance(request, LoadModel):
                self._load(request.path)
            elif isinstance(request, UseWeights):
                self._use_weights(request)
            elif isinstance(request, PreviewWeights):
                self._preview(request.weights)
            elif isinstance(request, RestoreShipped):
                self._restore_shipped()
            elif isinstance(request, UseModelFile):
                self._use_file(request)
            elif isinstance(request, OcclusionRequest):
                self._occlude(request)
            elif isinstance(request, ClassifyRequest):
                self._classify(request)
            elif isinstance(request, KnockOutRequest):
                self._knock_out(request)
            elif isinstance(request, DetectorsRequest):
                self._detectors(request)
        except EngineStopping:
            raise  # not a problem to report: the game is closing
        except MnistArcadeError as error:
            LOG.warning("the engine could not answer %s: %s", type(request).__name__, error)
            self.replies.put(EngineProblem(str(error), switch=switches_model(request)))
        except Exception as error:  # the game must keep running whatever happens in here
            LOG.exception("the engine failed on %s", type(request).__name__)
            message = f"{type(error).__name__}: {error}"
            self.replies.put(EngineProblem(message, switch=switches_model(request)))

    # --- requests ------------------------------------------------------------------------------

    def _load(self, path: str | None) -> None:
        clean_stale_temporaries()
        self.checkpoint()
        warning = None
        try:
            loaded = load_live_model(path)
        except MnistArcadeError as error:
            LOG.warning("the model to start with did not load: %s", error)
            if path is None:  # not even the shipped model: nothing to fall back to
                self.replies.put(EngineProblem(str(error), fatal=True))
                return
            warning = f"{error}; using the model you had instead"
            try:
                loaded = load_live_model(None)
            except MnistArcadeError as second:
                self.replies.put(EngineProblem(f"{error}; {second}", fatal=True))
                return
        self.checkpoint()
        warning = warning or loaded.warning
        self._put_in_use(loaded.model, launch_name(loaded), warning)
        # TensorFlow and Keras are loaded now: hundreds of thousands of objects that live as long
        # as the game. Frozen, Python's garbage collector stops walking them, so a collection
        # (the trainer makes one after every run) takes milliseconds instead of holding every
        # thread, the drawing one too, for a tenth of a second or more.
        gc.freeze()

    def _predict(self, request: PredictRequest) -> None:
        predictor = self.preview if request.preview else self.live
        if predictor is None:
            if not request.preview:
                self.replies.put(EngineProblem("there is no model to read with yet"))
            return
        prediction = predictor.predict(request.net_input)
        self.replies.put(
            PredictionReady(self.version, request.request_id, prediction, request.preview)
        )

    def _classify(self, request: ClassifyRequest) -> None:
        predictor = self.preview if request.preview else self.live
        if predictor is None:
            return
        probabilities = predictor.probabilities(request.images)
        self.replies.put(
            ClassifyReady(self.version, request.request_id, probabilities, request.preview)
        )

    def _occlude(self, request: OcclusionRequest) -> None:
        """Why this digit? The input and every patch-covered copy, read in one batched call."""
        if self.live is None:
            self.replies.put(EngineProblem("there is no model to read with yet"))
            return
        self.replies.put(
            occlusion_answer(
                self.version, request.request_id, request.net_input, self.live.probabilities
            )
        )

    def _knock_out(self, request: KnockOutRequest) -> None:
        """Read the input and 500 test digits (50 of each) with some filters off, in a copy."""
        if self.live is None:
            self.replies.put(EngineProblem("there is no model to read with yet"))
            return
        predictor = self._knockout.predictor(self.live, request.layer, tuple(request.off))
        self.checkpoint()
        prediction = None
        if request.net_input is not None:
            prediction = predictor.predict(request.net_input)
        accuracy_off = accuracy_all_on = None
        digits = 0
        try:
            images, labels = self._knockout_yardstick()
            self.checkpoint()
            digits = len(images)
            accuracy_all_on = MEASURED.get(
                self.live.get_weights(),
                "knock-out digits",
                lambda: accuracy(self.live.probabilities, images, labels),
            )
            accuracy_off = (
                accuracy_all_on
                if predictor is self.live
                else accuracy(predictor.probabilities, images, labels)
            )
        except MnistArcadeError:
            pass  # no test digits: the reading alone is still worth showing
        self.replies.put(
            KnockOutReady(
                self.version,
                request.request_id,
                request.layer,
                tuple(request.off),
                prediction,
                accuracy_off,
                accuracy_all_on,
                digits,
            )
        )

    def _knockout_yardstick(self) -> tuple[np.ndarray, np.ndarray]:
        """The 500 test digits (50 of each) knock-outs are measured on, chosen once."""
        if self._knockout_digits is None:
            images, labels, _ = self.yardstick()
            chosen = balanced_sample(labels, KNOCKOUT_TEST_DIGITS)
            self._knockout_digits = images[chosen], labels[chosen]
        return self._knockout_digits

    def _detectors(self, request: DetectorsRequest) -> None:
        """What each conv detector looks for, from the test digits in ONE batched call."""
        if self.live is None:
            return
        digits = self.yardstick()[0][:DETECTOR_DIGITS]
        self.checkpoint()
        maps = self.live.layer_maps(digits, ("conv1", "conv2"))
        self.checkpoint()
        kernel = self.live.get_weights()[0]
        views = {"conv1": detector_views("conv1", maps["conv1"], digits, kernel)}
        self.checkpoint()
        views["conv2"] = detector_views("conv2", maps["conv2"], digits)
        self.replies.put(DetectorsReady(self.version, request.request_id, views))

    def _use_weights(self, request: UseWeights) -> None:
        check_weight_shapes(request.weights)
        model = self._spare.holding(request.weights)
        if request.save:  # saved first: if that fails, the model in use is unchanged
            save_over_player_slot(model, paths.user_model_path())
            record_model_name(paths.user_model_path(), request.name)  # for the next launch
        self._put_in_use(model, request.name)

    def _preview(self, weights: list[np.ndarray]) -> None:
        check_weight_shapes(weights)
        if self.preview is None:
            self.preview = take_predictor()
            self.checkpoint()
        self.preview.set_weights(weights)

    def _use_file(self, request: UseModelFile) -> None:
        if request.shipped:
            self._restore_shipped()
            return
        model = copy_over_player_slot(request.path, paths.user_model_path())
        record_model_name(paths.user_model_path(), request.name)  # the next launch says it too
        self._put_in_use(model, request.name)

    def _restore_shipped(self) -> None:
        shipped = load_model(paths.shipped_model_path())
        warning = note = None
        try:
            if keep_aside_user_model() is not None:
                note = "your own model is kept aside, and N switches back to it"
        except OSError as error:  # a read-only user folder: restore for this session only
            warning = f"could not move your saved model aside ({error.strerror}); the next "
            warning += "launch will use it again"
        self._put_in_use(shipped, SOURCE_NAMES["shipped"], warning, note)

    # --- helpers -------------------------------------------------------------------------------

    def _put_in_use(
        self, model, name: str, warning: str | None = None, note: str | None = None
    ) -> None:
        """Read with ``model``'s weights from now on. The first model gets a Predictor; later
        ones only lend it their weights, so nothing is traced again (each new tf.function
        costs memory and, after a few, TensorFlow's retracing warnings)."""
        if self.live is None:
            self.live = take_predictor(model)
        else:
            self.live.set_weights(model.get_weights())
        predictor = self.live
        self.version += 1
        self.checkpoint()  # after the compile (or the weights lent), before measuring
        accuracy, measured_on = self._measure(predictor)
        self.replies.put(
            ModelInUse(
                self.version, name, accuracy, measured_on, predictor.get_weights(), warning, note
            )
        )

    def yardstick(self) -> tuple[np.ndarray, np.ndarray, str]:
        """The test digits models are measured on (:func:`_yardstick`, read once a process):
        measuring, knock-outs and the detector views all use it."""
        return _yardstick()

    def _measure(self, predictor: Predictor) -> tuple[float | None, str]:
        try:
            images, labels, described = self.yardstick()
        except MnistArcadeError:
            return None, "no test digits found"
        self.checkpoint()
        figure = MEASURED.get(
            predictor.get_weights(),
            "yardstick",
            lambda: accuracy(predictor.probabilities, images, labels),
        )
        return figure, described
