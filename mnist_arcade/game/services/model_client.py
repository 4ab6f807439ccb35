"""The game's side of the engine: send requests, pick up answers, never wait.

TensorFlow takes seconds to import, so the window opens first and the engine thread imports it,
loads the model and then answers requests (:mod:`mnist_arcade.ml.model_worker`). This client is
plain Python: it puts requests on one queue and, once per frame, drains the other with
``get_nowait()``. Answers computed with a model that is no longer in use, or for a drawing that
has since changed, are dropped here, so a late answer is never shown as current.
"""

from __future__ import annotations

import enum
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from mnist_arcade.explaining.occlusion import Evidence
from mnist_arcade.game.words import phrase
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
    OcclusionReady,
    OcclusionRequest,
    Prediction,
    PredictionReady,
    PredictRequest,
    PreviewWeights,
    RestoreShipped,
    UseModelFile,
    UseWeights,
)


class ModelState(enum.Enum):
    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


@dataclass(frozen=True)
class Answer:
    """A fresh prediction for the request ``request_id`` (preview: the training run's weights)."""

    request_id: int
    prediction: Prediction
    preview: bool


@dataclass(frozen=True)
class OcclusionAnswer:
    """Why the live model reads request ``request_id``'s input as it does: its evidence maps."""

    request_id: int
    evidence: Evidence


EngineStarter = Callable[[queue.Queue, queue.Queue], threading.Thread]


def _run_engine(requests: queue.Queue, replies: queue.Queue) -> None:
    """Body of the engine thread: import TensorFlow here, never on the game's thread."""
    try:
        from mnist_arcade.ml.model_worker import Engine

        engine = Engine(requests, replies)
    except Exception as error:  # TensorFlow missing or broken: say so, keep the window
        replies.put(EngineProblem(phrase("engine.no_tensorflow", error=error), fatal=True))
        return
    engine.run()


def start_real_engine(requests: queue.Queue, replies: queue.Queue) -> threading.Thread:
    """Start the engine thread (:mod:`mnist_arcade.ml.model_worker`) on these two queues."""
    thread = threading.Thread(
        target=_run_engine, args=(requests, replies), name="model-engine", daemon=True
    )
    thread.start()
    return thread


class ModelClient:
    """What the game knows about the model in use, kept up to date from the engine's answers.

    ``starter`` starts whatever answers the requests, as ``TrainingSession(starter=...)`` does
    for the trainer: the real engine by default; a test hands in a small fake that answers
    with arrays of the real shapes, so a scene can be tested without TensorFlow.
    """

    def __init__(
        self, model_path: str | None = None, starter: EngineStarter = start_real_engine
    ) -> None:
        self.model_path = model_path
        self.starter = starter
        self.state = ModelState.LOADING
        self.in_use: ModelInUse | None = None
        self.warning: str | None = None
        self.error: str | None = None
        self.problems: list[str] = []  # non-fatal problems not yet shown to the player
        self._requests: queue.Queue = queue.Queue()
        self._replies: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._stop_requested = False
        self._next_id = 0
        self._wanted = {False: -1, True: -1}  # newest request id, per kind (live, preview)
        self._wanted_occlusion = -1  # newest "why this digit?" request id
        self._wanted_knockout = -1  # newest "knock filters out" request id
        self.knockout: KnockOutReady | None = None  # its newest answer, for the model in use
        self._held: list[Answer | ModelInUse] = []  # drained by ``wait``, returned by ``poll``
        self._detectors: DetectorsReady | None = None  # what each detector looks for
        self._detectors_asked = -1  # the model version they were last asked for

    def __repr__(self) -> str:
        name = self.in_use.name if self.in_use else None
        return f"ModelClient({self.state.name}, {name!r}, version={self.version})"

    # --- state ---------------------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        return self.state is ModelState.READY

    @property
    def version(self) -> int:
        return self.in_use.version if self.in_use else 0

    @property
    def weights(self) -> list[np.ndarray] | None:
        """A copy of the weights in use (the engine sends them with every change)."""
        return self.in_use.weights if self.in_use else None

    @property
    def detectors(self) -> dict | None:
        """What each conv map looks for ("conv1"/"conv2" -> a DetectorView per map), for the
        model in use; None until the engine has answered :meth:`request_detectors`."""
        answer = self._detectors
        if answer is None or answer.version != self.version:
            return None
        return answer.views

    @property
    def label(self) -> str:
        """The model in use, named with its measured accuracy and on what: "shipped model,
        final exam 99.2% of 2,000 MNIST test digits" (the training screen's "practice exam" is
        on validation digits: two figures, two plain names)."""
        if self.in_use is None:
            return phrase(f"model.state_{self.state.value}")
        if self.in_use.accuracy is None:
            return self.in_use.name
        in_use = self.in_use
        return phrase(
            "model.label",
            name=in_use.name,
            accuracy=in_use.accuracy,
            measured_on=in_use.measured_on,
        )

    # --- requests ------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the engine thread and ask it for the model the game starts with."""
        self._requests.put(LoadModel(self.model_path))
        self._thread = self.starter(self._requests, self._replies)

    def request_prediction(self, net_input: np.ndarray, preview: bool = False) -> int:
        """Ask for a reading of ``net_input``; returns the id the answer will carry."""
        self._next_id += 1
        self._wanted[preview] = self._next_id
        self._requests.put(PredictRequest(self._next_id, net_input, preview))
        return self._next_id

    def request_classification(self, images: np.ndarray, preview: bool = False) -> int:
        """Ask for the readings of many digits in one batched call; returns the answer's id.

        The answer comes back from ``poll`` as a ClassifyReady (a live one only while the same
        model is in use)."""
        self._next_id += 1
        self._requests.put(ClassifyRequest(self._next_id, images, preview))
        return self._next_id

    def forget_requests(self) -> None:
        """The drawing changed or was cleared: answers still on their way are no longer wanted."""
        self._wanted = {False: -1, True: -1}
        self._wanted_occlusion = -1

    def request_occlusion(self, net_input: np.ndarray) -> int:
        """Ask why the live model reads ``net_input`` as it does; returns the answer's id.

        The answer comes back from ``poll`` as an OcclusionAnswer, only if it is the newest
        such request and the model that computed it is still in use.
        """
        self._next_id += 1
        self._wanted_occlusion = self._next_id
        self._requests.put(OcclusionRequest(self._next_id, net_input))
        return self._next_id

    def request_knockout(
        self, layer: str, off: tuple[int, ...], net_input: np.ndarray | None = None
    ) -> int:
        """Ask for ``net_input``'s reading and the test digits' accuracy with ``layer``'s
        filters ``off`` zeroed in a copy of the model in use; returns the answer's id.

        The answer is not one of ``poll``'s events: ``poll`` keeps the newest one, computed by
        the model still in use, in ``knockout`` (the filter switches read it each frame).
        """
        self._next_id += 1
        self._wanted_knockout = self._next_id
        self._requests.put(KnockOutRequest(self._next_id, layer, tuple(off), net_input))
        return self._next_id

    def request_detectors(self) -> bool:
        """Ask once per model what each conv detector looks for (one batched engine call);
        False when already asked for this model, or when there is none yet."""
        if not self.ready or self._detectors_asked == self.version:
            return False
        self._detectors_asked = self.version
        self._requests.put(DetectorsRequest(self.version))  # one per model: its version names it
        return True

    def use_weights(self, weights: list[np.ndarray], name: str, save: bool = True) -> None:
        self._requests.put(UseWeights(weights, name, save))

    def preview_weights(self, weights: list[np.ndarray], epoch: int) -> None:
        self._requests.put(PreviewWeights(weights, epoch))

    def use_model_file(self, path: str, name: str, shipped: bool = False) -> None:
        self._requests.put(UseModelFile(path, name, shipped))

    def restore_shipped(self) -> None:
        self._requests.put(RestoreShipped())

    # --- answers -------------------------------------------------------------------------------

    def poll(self) -> list[Answer | ModelInUse | ClassifyReady | OcclusionAnswer | EngineProblem]:
        """Drain the engine's answers without blocking; return what the game should act on."""
        events, self._held = self._held, []
        while True:
            try:
                reply = self._replies.get_nowait()
            except queue.Empty:
                return events
            if isinstance(reply, ModelInUse):
                self.in_use, self.warning = reply, reply.warning
                self.state, self.error = ModelState.READY, None
                events.append(reply)
            elif isinstance(reply, PredictionReady):
                current = reply.version == self.version or reply.preview
                if current and reply.request_id == self._wanted[reply.preview]:
                    events.append(Answer(reply.request_id, reply.prediction, reply.preview))
            elif isinstance(reply, ClassifyReady):
                if reply.preview or reply.version == self.version:
                    events.append(reply)
            elif isinstance(reply, OcclusionReady):
                if reply.version == self.version and reply.request_id == self._wanted_occlusion:
                    evidence = Evidence(
                        reply.digit,
                        reply.runner_up,
                        reply.for_digit,
                        reply.for_runner_up,
                        reply.runner_up_chance,
                        reply.for_lead,
                    )
                    events.append(OcclusionAnswer(reply.request_id, evidence))
            elif isinstance(reply, KnockOutReady):
                if reply.version == self.version and reply.request_id == self._wanted_knockout:
                    self.knockout = reply
            elif isinstance(reply, DetectorsReady):
                if reply.version == self.version:
                    self._detectors = reply
            elif isinstance(reply, EngineProblem):
                if reply.fatal:
                    self.state, self.error = ModelState.FAILED, reply.message
                elif reply.switch:  # the game counts its model switches: this one is answered
                    events.append(reply)
                else:
                    self.problems.append(reply.message)

    def wait(self, timeout: float = 120.0) -> bool:
        """Block until the first model is loaded or failed (tools and tests, not the loop)."""
        import time

        deadline = time.monotonic() + timeout
        while self.state is ModelState.LOADING and time.monotonic() < deadline:
            self._held = self.poll()
            time.sleep(0.01)
        return self.state is not ModelState.LOADING

    @property
    def requests_waiting(self) -> int:
        """How many requests the engine has not picked up yet (tools and tests: "settled")."""
        return self._requests.qsize()

    def request_stop(self) -> None:
        """Ask the engine to end after the step it is in (loading, compiling, measuring: it
        looks between steps), answering nothing more (once; ``shutdown`` waits)."""
        if not self._stop_requested:
            self._stop_requested = True
            self._requests.put(None)

    def shutdown(self, timeout: float = 60.0) -> bool:
        """Ask the engine to end (:meth:`request_stop`) and wait up to ``timeout`` seconds for
        it (a TensorFlow call cannot be cut short); True if it has ended."""
        self.request_stop()
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True
