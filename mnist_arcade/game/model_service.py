"""The live model as the game sees it: loaded off the main thread, then cheap to ask.

TensorFlow takes seconds to import, so the window opens first and this service imports it on a
background thread, loads the player's saved model (or the shipped one) and reports back through
a queue. Scenes only ever hand it numpy arrays and get :class:`Prediction` messages back.
"""

from __future__ import annotations

import queue
import threading
from pathlib import Path

import numpy as np

from mnist_arcade.errors import MnistArcadeError
from mnist_arcade.messages import Prediction

LOADING, READY, FAILED = "loading", "ready", "failed"


class ModelService:
    """Owns the Predictor; ``poll()`` each frame picks up the background load's result."""

    def __init__(self, model_path: str | None = None) -> None:
        self.model_path = model_path
        self.state = LOADING
        self.source = ""  # "shipped", "trained" or "given"
        self.warning: str | None = None
        self.error: str | None = None
        self._predictor = None
        self._results: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        return f"ModelService({self.state}, source={self.source!r})"

    @property
    def ready(self) -> bool:
        return self.state == READY

    def start(self) -> None:
        """Begin importing TensorFlow and loading the model, without blocking."""
        self._thread = threading.Thread(target=self._load, name="model-loader", daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the background load is done (for tools and tests, not the game loop)."""
        if self._thread is not None:
            self._thread.join(timeout)
        self.poll()
        return self.state != LOADING

    def _load(self) -> None:
        try:
            from mnist_arcade.ml.predictor import Predictor
            from mnist_arcade.ml.store import load_live_model

            loaded = load_live_model(self.model_path)
            self._results.put((READY, Predictor(loaded.model), loaded.source, loaded.warning))
        except MnistArcadeError as error:
            self._results.put((FAILED, None, "", str(error)))
        except Exception as error:  # keep the window alive whatever went wrong
            self._results.put((FAILED, None, "", f"{type(error).__name__}: {error}"))

    def poll(self) -> bool:
        """Collect a finished load; return True on the frame the model became ready."""
        try:
            state, predictor, source, message = self._results.get_nowait()
        except queue.Empty:
            return False
        self.state = state
        if state == READY:
            self._predictor, self.source, self.warning = predictor, source, message
            return True
        self.error = message
        return False

    def predict(self, net_input: np.ndarray) -> Prediction:
        if self._predictor is None:
            raise MnistArcadeError("the model is not loaded yet")
        return self._predictor.predict(net_input)

    def apply_weights(self, weights: list[np.ndarray], source: str = "training") -> None:
        """Use freshly trained weights at once (building a model first if none could load)."""
        if self._predictor is None:
            from mnist_arcade.ml.model import build_model
            from mnist_arcade.ml.predictor import Predictor

            self._predictor = Predictor(build_model())
            self.state, self.error = READY, None
        self._predictor.set_weights(weights)
        self.source = source

    def restore_shipped(self) -> Path:
        """Go back to the model that ships with the game and forget the player's saved one."""
        from mnist_arcade import paths
        from mnist_arcade.ml.store import forget_trained_model, load_model

        shipped = load_model(paths.shipped_model_path())
        self.apply_weights(shipped.get_weights(), source="shipped")
        self.warning = None
        forget_trained_model()
        return paths.shipped_model_path()
