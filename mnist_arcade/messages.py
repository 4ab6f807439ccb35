"""Small messages that cross from the ML side to the screen, as plain dataclasses.

The trainer thread puts them on a ``queue.Queue``; the training scene drains the queue each frame.
They carry numpy arrays and numbers only, so scenes never touch TensorFlow objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class LayerActivation:
    """One layer's output for one digit: ``values`` is (height, width, channels), or (units,)."""

    name: str
    values: np.ndarray

    @property
    def shape_text(self) -> str:
        return "x".join(str(n) for n in _channels_first(self.values.shape))

    def __repr__(self) -> str:
        return f"LayerActivation({self.name!r}, {self.shape_text})"


def _channels_first(shape: tuple[int, ...]) -> tuple[int, ...]:
    """(24, 24, 8) -> (8, 24, 24): the way the layer captions read ("8 maps of 24x24")."""
    if len(shape) == 3:
        return (shape[2], shape[0], shape[1])
    return shape


@dataclass(frozen=True)
class Prediction:
    """What the network made of one 28x28 input: probabilities and every shown activation."""

    net_input: np.ndarray  # (28, 28) float32 in [0, 1]: what the net sees
    probabilities: np.ndarray  # (10,) float32, sums to 1
    layers: tuple[LayerActivation, ...] = field(default_factory=tuple)

    @property
    def digit(self) -> int:
        return int(np.argmax(self.probabilities))

    @property
    def confidence(self) -> float:
        return float(np.max(self.probabilities))

    def __repr__(self) -> str:
        return f"Prediction(digit={self.digit}, confidence={self.confidence:.3f})"


# --- Trainer -> scene -------------------------------------------------------------------------


@dataclass(frozen=True)
class DataReady:
    """Training data is loaded: where it came from and how much there is."""

    source: str
    train_samples: int
    validation_samples: int
    notes: tuple[str, ...] = ()  # why earlier sources were skipped, shown to the player
    examples: np.ndarray = field(default_factory=lambda: np.zeros((0, 28, 28), np.uint8))
    example_labels: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint8))


@dataclass(frozen=True)
class TrainingStarted:
    preset: str
    epochs: int
    batches_per_epoch: int
    batch_size: int


@dataclass(frozen=True)
class BatchProgress:
    """Sent after every batch: ``batch`` counts from 1 within ``epoch`` (also from 1)."""

    epoch: int
    batch: int
    batches_per_epoch: int
    samples_per_second: float


@dataclass(frozen=True)
class EpochResult:
    """Keras' own per-epoch logs: ``accuracy``, ``loss``, ``val_accuracy``, ``val_loss``."""

    epoch: int
    epochs: int
    logs: dict[str, float]
    seconds: float


@dataclass(frozen=True)
class WeightsSnapshot:
    """A copy of the model's weights, so the live predictor can use them at once."""

    epoch: int
    weights: list[np.ndarray]


@dataclass(frozen=True)
class TrainingFinished:
    """Training ended, whether it ran every epoch or was stopped."""

    stopped_early: bool
    epochs_done: int
    best_val_accuracy: float | None
    seconds: float
    weights: list[np.ndarray]


@dataclass(frozen=True)
class TrainingFailed:
    """Something went wrong in the trainer thread; ``message`` is shown as it is."""

    message: str


@dataclass(frozen=True)
class RunJudged:
    """The run is over and measured: put in use (``adopted``) or kept aside, and why.

    Both accuracies are on the same held-out validation digits. ``weights`` are the run's, so
    the player can still choose a kept-aside run; ``saved_path`` is where they were saved, and
    ``library_path`` the run's copy in the player's model library (what N switches between).
    """

    adopted: bool
    reason: str
    candidate_accuracy: float | None
    incumbent_accuracy: float | None
    validation_digits: int
    weights: list[np.ndarray]
    saved_path: str | None
    library_path: str | None = None
    problem: str | None = None  # the run could not be saved in the player's folder: where it is


# --- Game <-> engine (the one thread that owns the live model) ---------------------------------


@dataclass(frozen=True)
class LoadModel:
    """Load the model the game starts with: ``path``, else the player's saved one, else the
    shipped one."""

    path: str | None = None


@dataclass(frozen=True)
class PredictRequest:
    """Read one 28x28 input with the live model, or with the training run's ``preview`` weights."""

    request_id: int
    net_input: np.ndarray
    preview: bool = False


@dataclass(frozen=True)
class UseWeights:
    """Put these weights in use (a run the player chose); ``save`` makes them the model the next
    launch loads."""

    weights: list[np.ndarray]
    name: str
    save: bool = True


@dataclass(frozen=True)
class PreviewWeights:
    """A training run's latest weights, to show its feature maps without putting it in use."""

    weights: list[np.ndarray]
    epoch: int


@dataclass(frozen=True)
class UseModelFile:
    """Put a kept model file in use (the player's choice); it becomes the one the next launch
    loads. The shipped model instead moves the player's saved model aside, as R does."""

    path: str
    name: str
    shipped: bool = False


@dataclass(frozen=True)
class RestoreShipped:
    """Go back to the shipped model; the player's saved model is kept aside, not deleted."""


ENGINE_MODEL_NAMES = {  # how the engine names a model it loads, by where it came from (English:
    "shipped": "shipped model",  # the CLI prints them; the game shows its own words for them,
    "trained": "your trained model",  # mnist_arcade.game.words.model_names)
    "given": "model from --model",
}


def yardstick_words(count: int) -> str:
    """What a model in use is measured on, as the engine says it: "2,000 MNIST test digits"."""
    return f"{count:,} MNIST test digits"


def with_the(model_name: str) -> str:
    """A model's name (``ModelInUse.name``) as a sentence says it: "the shipped model", but
    "your trained model" and "the model taught ..." as they are."""
    return model_name if model_name.startswith(("your ", "the ")) else f"the {model_name}"


@dataclass(frozen=True)
class ModelInUse:
    """The model the game now reads with: its name, its measured accuracy and its weights.

    ``version`` grows with every change, so an answer computed with an older model is dropped.
    """

    version: int
    name: str
    accuracy: float | None  # on ``measured_on``; None if it could not be measured
    measured_on: str
    weights: list[np.ndarray]
    warning: str | None = None  # something went wrong on the way (shown as a warning)
    note: str | None = None  # what else happened, as planned ("your model was kept aside")


@dataclass(frozen=True)
class PredictionReady:
    """The engine's answer to a PredictRequest, tagged with the model version that computed it."""

    version: int
    request_id: int
    prediction: Prediction
    preview: bool = False


@dataclass(frozen=True)
class EngineProblem:
    """A request the engine could not carry out; the model in use is unchanged."""

    message: str
    fatal: bool = False  # no model at all could be loaded
    switch: bool = False  # the request would have put another model in use (it is not)


@dataclass(frozen=True)
class ClassifyRequest:
    """Read many 28x28 digits in one batched call (the live model, or the run's ``preview``)."""

    request_id: int
    images: np.ndarray  # (N, 28, 28) float32 in [0, 1]
    preview: bool = False


@dataclass(frozen=True)
class ClassifyReady:
    """The answer to a ClassifyRequest: (N, 10) probabilities, tagged like every answer."""

    version: int
    request_id: int
    probabilities: np.ndarray
    preview: bool = False


@dataclass(frozen=True)
class OcclusionRequest:
    """Ask "why this digit?": read ``net_input`` with blank patches slid over it, in one call."""

    request_id: int
    net_input: np.ndarray


@dataclass(frozen=True)
class OcclusionReady:
    """The engine's answer to an OcclusionRequest: the evidence maps (see ``explain.Evidence``).

    ``for_digit`` and ``for_runner_up`` are (28, 28): how much covering each pixel lowers the
    log-probability of ``digit`` (the winner) and of ``runner_up``; ``runner_up_chance`` is the
    runner-up's probability on the uncovered input (a runner-up without a real chance is not
    named on screen).
    """

    version: int
    request_id: int
    digit: int
    runner_up: int
    for_digit: np.ndarray
    for_runner_up: np.ndarray
    runner_up_chance: float | None = None
    for_lead: np.ndarray | None = None  # the winner's log-odds map, when the runner-up is not real


@dataclass(frozen=True)
class DetectorsRequest:
    """What does each conv detector look for? Asked once per model (see ``DetectorsReady``)."""

    request_id: int


@dataclass(frozen=True)
class DetectorsReady:
    """The engine's answer to a DetectorsRequest, for the model of ``version``: ``views`` maps
    "conv1" and "conv2" to one ``explaining.detectors.DetectorView`` per map (its strongest
    patches of real test digits, its filter picture for conv1, and its shape)."""

    version: int
    request_id: int
    views: dict


@dataclass(frozen=True)
class FinetuneReport:
    """Before and after teaching the network the player's digits, side by side."""

    book_digits: int
    book_right_before: int
    book_right_after: int
    test_digits: int
    test_accuracy_before: float
    test_accuracy_after: float


@dataclass(frozen=True)
class DataProgress:
    """Drawings being made before the first epoch (presets that learn players' styles)."""

    done: int
    total: int


@dataclass(frozen=True)
class KnockOutRequest:
    """Read ``net_input`` (if any) and the test digits with ``layer``'s filters ``off`` switched
    off, in a copy of the model in use (never the model in use itself)."""

    request_id: int
    layer: str  # "conv1" or "conv2"
    off: tuple[int, ...]  # filter indices, from 0
    net_input: np.ndarray | None = None  # (28, 28) float32 in [0, 1]


@dataclass(frozen=True)
class KnockOutReady:
    """The answer to a KnockOutRequest. ``accuracy`` is on ``test_digits`` MNIST test digits
    with the filters off, ``accuracy_all_on`` on the same digits with every filter on."""

    version: int
    request_id: int
    layer: str
    off: tuple[int, ...]
    prediction: Prediction | None  # the reading of ``net_input``, with every layer's maps
    accuracy: float | None
    accuracy_all_on: float | None
    test_digits: int
