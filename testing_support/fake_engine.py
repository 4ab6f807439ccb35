"""A stand-in for the model worker: the game's network computed in numpy, with made-up weights.

Scene and widget tests that check a notice, a key or a layout do not need TensorFlow, the
shipped model or its 2,000-digit yardstick (about 0.6 s a test). ``FakeEngine.start`` is a
``ModelClient(starter=...)``: it answers the same requests on the same queues as
:class:`mnist_arcade.ml.model_worker.Engine`, with arrays of the real shapes (conv1 24x24x8,
pool1 12x12x8, conv2 8x8x16, pool2 4x4x16, ten probabilities that sum to 1), computed from the
drawing by the same layers in numpy with seeded random weights. What it reads is therefore
arbitrary but repeatable: a test whose outcome depends on *which* digit is read uses the real
engine instead.

Every answered request is marked done on the request queue, so ``answered_all()`` is a
deterministic wait: no sleeping, no polling a clock.
"""

from __future__ import annotations

import queue
import threading

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from mnist_arcade.explaining.kernels import knocked_out
from mnist_arcade.explaining.occlusion_answer import occlusion_answer
from mnist_arcade.messages import (
    ClassifyReady,
    ClassifyRequest,
    EngineProblem,
    KnockOutReady,
    KnockOutRequest,
    LayerActivation,
    LoadModel,
    ModelInUse,
    OcclusionRequest,
    Prediction,
    PredictionReady,
    PredictRequest,
    PreviewWeights,
    RestoreShipped,
    UseModelFile,
    UseWeights,
)

WEIGHT_SHAPES = [(5, 5, 1, 8), (8,), (5, 5, 8, 16), (16,), (256, 10), (10,)]  # build_model()'s
LAYERS = ("conv1", "pool1", "conv2", "pool2", "dense")
MEASURED_ON = "no test digits (a fake engine)"  # the fake measures nothing: accuracy is None


def fake_weights(seed: int = 0) -> list[np.ndarray]:
    """Weights of the game network's shapes: He-scaled normals, zero biases."""
    rng = np.random.default_rng(seed)
    weights = []
    for shape in WEIGHT_SHAPES:
        if len(shape) == 1:
            weights.append(np.zeros(shape, np.float32))
        else:
            fan_in = int(np.prod(shape[:-1]))
            weights.append((rng.normal(size=shape) * np.sqrt(2 / fan_in)).astype(np.float32))
    return weights


def _conv_relu(x: np.ndarray, kernel: np.ndarray, bias: np.ndarray) -> np.ndarray:
    windows = sliding_window_view(x, kernel.shape[:2], axis=(1, 2))  # (N, H', W', C, 5, 5)
    n, h, w, c = windows.shape[:4]
    flat_kernel = kernel.transpose(2, 0, 1, 3).reshape(c * kernel.shape[0] * kernel.shape[1], -1)
    out = windows.reshape(n * h * w, -1) @ flat_kernel  # one matrix product: fast enough
    return np.maximum(out.reshape(n, h, w, -1) + bias, 0.0)


def _pool(x: np.ndarray) -> np.ndarray:
    n, h, w, c = x.shape
    return x.reshape(n, h // 2, 2, w // 2, 2, c).max(axis=(2, 4))


def forward(weights: list[np.ndarray], digits: np.ndarray) -> list[np.ndarray]:
    """(N, 28, 28) -> conv1, pool1, conv2, pool2 and softmax outputs, as the Keras model's."""
    x = np.asarray(digits, np.float32)[..., None]
    conv1 = _conv_relu(x, weights[0], weights[1])
    pool1 = _pool(conv1)
    conv2 = _conv_relu(pool1, weights[2], weights[3])
    pool2 = _pool(conv2)
    logits = pool2.reshape(len(x), -1) @ weights[4] + weights[5]
    exponentials = np.exp(logits - logits.max(axis=1, keepdims=True))
    dense = exponentials / exponentials.sum(axis=1, keepdims=True)
    return [a.astype(np.float32) for a in (conv1, pool1, conv2, pool2, dense)]


class FakeEngine:
    """Answers the game's requests at once, in order, with the numpy network's outputs."""

    def __init__(self, seed: int = 0, fail_to_load: str | None = None) -> None:
        """``fail_to_load``: answer the first LoadModel with this fatal problem instead."""
        self.version = 0
        self.live = fake_weights(seed)
        self.preview: list[np.ndarray] | None = None
        self.fail_to_load = fail_to_load
        # Set by a test: the ten probabilities every reading reports (the maps stay computed),
        # and a problem to answer the next reading with instead of a reading.
        self.reads: np.ndarray | None = None
        self.fail_next_reading: str | None = None
        self.requests: queue.Queue | None = None
        self.replies: queue.Queue | None = None
        self.seen: list[object] = []  # every request answered, in order
        self._answering = threading.Event()  # cleared by ``hold``: requests wait, unanswered
        self._answering.set()

    def __repr__(self) -> str:
        return f"FakeEngine(version={self.version}, answered={len(self.seen)})"

    def start(self, requests: queue.Queue, replies: queue.Queue) -> threading.Thread:
        """The ``ModelClient`` starter: answer on a daemon thread, as the real engine does."""
        self.requests, self.replies = requests, replies
        thread = threading.Thread(target=self._run, name="fake-engine", daemon=True)
        thread.start()
        return thread

    def hold(self) -> None:
        """Answer nothing until ``release``: "before the engine has answered", for certain."""
        self._answering.clear()

    def release(self) -> None:
        self._answering.set()

    def answered_all(self, timeout: float = 10.0) -> bool:
        """Block until every request put so far has been answered (True) or ``timeout``."""
        done = self.requests.all_tasks_done
        with done:
            return done.wait_for(lambda: self.requests.unfinished_tasks == 0, timeout)

    def _run(self) -> None:
        while True:
            request = self.requests.get()
            self._answering.wait()
            try:
                if request is None:
                    return
                self.seen.append(request)
                self._answer(request)
            finally:
                self.requests.task_done()

    def _answer(self, request) -> None:
        if isinstance(request, LoadModel):
            if self.fail_to_load:
                self.replies.put(EngineProblem(self.fail_to_load, fatal=True))
            else:
                self._put_in_use(self.live, "shipped model")
        elif isinstance(request, PredictRequest):
            weights = self.preview if request.preview else self.live
            if self.fail_next_reading and not request.preview:
                self.replies.put(EngineProblem(self.fail_next_reading))
                self.fail_next_reading = None
            elif weights is not None:
                prediction = self.predict(weights, request.net_input)
                self.replies.put(
                    PredictionReady(self.version, request.request_id, prediction, request.preview)
                )
        elif isinstance(request, ClassifyRequest):
            weights = self.preview if request.preview else self.live
            if weights is not None:
                probabilities = forward(weights, request.images)[-1]
                self.replies.put(
                    ClassifyReady(self.version, request.request_id, probabilities, request.preview)
                )
        elif isinstance(request, OcclusionRequest):
            self._occlude(request)
        elif isinstance(request, KnockOutRequest):
            self._knock_out(request)
        elif isinstance(request, UseWeights):
            self._put_in_use([np.array(w) for w in request.weights], request.name)
        elif isinstance(request, PreviewWeights):
            self.preview = [np.array(w) for w in request.weights]
        elif isinstance(request, RestoreShipped | UseModelFile):
            name = "shipped model" if isinstance(request, RestoreShipped) else request.name
            self._put_in_use(self.live, name)

    def readings_asked(self, preview: bool = False) -> int:
        """How many readings (live, or of the preview) the game has asked for so far."""
        return sum(isinstance(r, PredictRequest) and r.preview == preview for r in self.seen)

    def predict(self, weights: list[np.ndarray], net_input: np.ndarray) -> Prediction:
        net_input = np.asarray(net_input, np.float32)
        outputs = forward(weights, net_input[None])
        if self.reads is not None:
            outputs[-1] = np.asarray(self.reads, np.float32)[None]
        layers = tuple(
            LayerActivation(name, output[0]) for name, output in zip(LAYERS, outputs, strict=True)
        )
        return Prediction(net_input=net_input, probabilities=layers[-1].values, layers=layers)

    def _occlude(self, request: OcclusionRequest) -> None:
        self.replies.put(
            occlusion_answer(
                self.version,
                request.request_id,
                request.net_input,
                lambda batch: forward(self.live, batch)[-1],
            )
        )

    def _knock_out(self, request: KnockOutRequest) -> None:
        """The reading with the filters zeroed in a copy; no test digits, so no accuracy."""
        weights = knocked_out(self.live, request.layer, tuple(request.off))
        prediction = None
        if request.net_input is not None:
            prediction = self.predict(weights, request.net_input)
        self.replies.put(
            KnockOutReady(
                self.version,
                request.request_id,
                request.layer,
                tuple(request.off),
                prediction,
                None,
                None,
                0,
            )
        )

    def _put_in_use(self, weights: list[np.ndarray], name: str) -> None:
        self.live = weights
        self.version += 1
        copies = [np.array(w) for w in weights]
        self.replies.put(ModelInUse(self.version, name, None, MEASURED_ON, copies))
