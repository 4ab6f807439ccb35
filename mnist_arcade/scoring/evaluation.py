"""Accuracy on MNIST's test digits, and on digits drawn the way the game draws them.

Side by side: MNIST's own test images (already 28x28 and centred, so they are only stood
upright, as every input is); MNIST test digits redrawn with the game's 25 px brush at random
sizes and places (``drawn``), also drawn small (60-100 px); digits in the styles people use
and MNIST lacks (``drawing_styles``, from the generator's evaluation stream, which training
never uses); and hand-planned mouse strokes replayed through the brush (``hand_strokes``).
The board-like sets take exactly the game's path, board pixels -> ``to_network_input`` ->
model, with the MNIST-style preprocessing and (for comparison) the tutorial's plain resize.

Beside accuracy, two confidence figures: how many non-digits (scribbles, blobs, shapes) get a
confident answer, and the expected calibration error on the drawn digits
(:mod:`mnist_arcade.scoring.confidence`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from mnist_arcade.canvas.methods import Method
from mnist_arcade.canvas.preprocess import mnist_digits_as_input, to_network_input
from mnist_arcade.dataset import MnistData
from mnist_arcade.practice.non_digits import NonDigit, non_digit_set
from mnist_arcade.practice.redrawn_mnist import SMALL_HEIGHTS, drawn_test_set
from mnist_arcade.practice.stroke_plans import hand_drawn_set
from mnist_arcade.practice.styles import Purpose, purpose_rng, style_set
from mnist_arcade.scoring.accuracy import share_right
from mnist_arcade.scoring.confidence import CONFIDENT, DIGIT_THRESHOLD, expected_calibration_error

STYLE_SET = "digits in styles MNIST lacks (held-out generator seeds)"
DRAWN = "MNIST test digits redrawn with the 25 px brush"
SMALL = "MNIST test digits redrawn small (60-100 px tall)"
HAND = "hand-planned mouse strokes through the brush"
NON_DIGITS = "non-digits (scribbles, blobs, lines, shapes)"


@dataclass(frozen=True)
class Accuracy:
    name: str
    accuracy: float
    count: int
    per_class: list[float] = field(default_factory=list)

    def as_text(self) -> str:
        per_class = "  ".join(f"{digit}: {value:.1%}" for digit, value in enumerate(self.per_class))
        return f"{self.name} ({self.count:,}): {self.accuracy:.2%}\n  per class: {per_class}"


def score(name: str, predicted: np.ndarray, labels: np.ndarray) -> Accuracy:
    """Overall and per-class accuracy of predicted digits against true labels."""
    labels, predicted = np.asarray(labels), np.asarray(predicted)
    per_class = [
        share_right(predicted[labels == digit], labels[labels == digit]) for digit in range(10)
    ]
    return Accuracy(name, share_right(predicted, labels), int(labels.size), per_class)


def board_probabilities(predictor, boards: np.ndarray, method: Method = Method.MNIST) -> np.ndarray:
    """Preprocess 300x300 boards as the game does and read them: (N, 10) probabilities."""
    if len(boards) == 0:
        return np.zeros((0, 10), dtype=np.float32)
    inputs = np.stack([to_network_input(board, method) for board in boards])
    return predictor.probabilities(inputs)


def board_accuracy(
    predictor, name: str, boards: np.ndarray, labels: np.ndarray, method: Method = Method.MNIST
) -> Accuracy:
    """Preprocess 300x300 boards as the game does, read them, and score."""
    return score(name, board_probabilities(predictor, boards, method).argmax(axis=1), labels)


@dataclass(frozen=True)
class Confidence:
    """A confidence figure: ``value`` overall, and per group (digit or kind of non-digit)."""

    name: str
    value: float
    count: int
    per_group: dict[str, float] = field(default_factory=dict)

    def as_text(self) -> str:
        groups = "  ".join(f"{key}: {value:.1%}" for key, value in self.per_group.items())
        return f"{self.name} ({self.count:,}): {self.value:.2%}" + (
            f"\n  per group: {groups}" if groups else ""
        )


def non_digit_confidence(predictor, count: int, seed: int = 0) -> list[Confidence]:
    """Share of non-digits read with a confident (>= 90%) answer, and read as a digit at all
    (top probability >= the game's threshold), per kind of shape."""
    boards = non_digit_set(count, purpose_rng(Purpose.EVALUATION, seed))
    top = board_probabilities(predictor, boards).max(axis=1)
    kinds = np.array([kind.value for kind in NonDigit])[np.arange(count) % len(NonDigit)]
    figures = []
    for name, level in (
        (f"{NON_DIGITS} answered with >= {CONFIDENT:.0%} confidence", CONFIDENT),
        (f"{NON_DIGITS} read as a digit (>= {DIGIT_THRESHOLD:.0%}, the game's threshold)",
         DIGIT_THRESHOLD),
    ):  # fmt: skip
        sure = top >= level
        per_kind = {kind: float(sure[kinds == kind].mean()) for kind in dict.fromkeys(kinds)}
        figures.append(Confidence(name, float(sure.mean()), count, per_kind))
    return figures


def calibration(name: str, probabilities: np.ndarray, labels: np.ndarray) -> Confidence:
    """Expected calibration error, overall and per digit."""
    labels = np.asarray(labels)
    per_digit = {
        str(digit): expected_calibration_error(
            probabilities[labels == digit], labels[labels == digit]
        )
        for digit in range(10)
        if np.any(labels == digit)
    }
    return Confidence(
        name, expected_calibration_error(probabilities, labels), len(labels), per_digit
    )


@dataclass(frozen=True)
class EvaluationReport:
    source: str
    results: list[Accuracy]
    confidence: list[Confidence] = field(default_factory=list)

    def __getitem__(self, key: str) -> Accuracy | Confidence:
        every = [*self.results, *self.confidence]
        return next(result for result in every if result.name.startswith(key))

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "results": [asdict(result) for result in self.results],
            "confidence": [asdict(figure) for figure in self.confidence],
        }

    def as_text(self) -> str:
        lines = [f"data: {self.source}", *(result.as_text() for result in self.results)]
        return "\n".join(lines + [figure.as_text() for figure in self.confidence])


def evaluate_model(
    predictor, data: MnistData, drawn: int = 1000, seed: int = 0
) -> EvaluationReport:
    """MNIST test accuracy, then board-like digits with both preprocessing methods, then the
    confidence figures. ``drawn`` digits (and as many non-digits) per drawn set; 0 skips them.
    """
    test_inputs = mnist_digits_as_input(data.x_test)
    results = [
        score("MNIST test digits", predictor.probabilities(test_inputs).argmax(axis=1), data.y_test)
    ]
    confidence: list[Confidence] = []
    hand_boards, hand_labels = hand_drawn_set()
    sets = []
    if drawn > 0:
        style_boards, style_labels = style_set(drawn, purpose_rng(Purpose.EVALUATION, seed))
        indices, drawn_boards = drawn_test_set(data.x_test, drawn, seed)
        small_indices, small_boards = drawn_test_set(data.x_test, drawn, seed + 1, SMALL_HEIGHTS)
        sets += [
            (STYLE_SET, style_boards, style_labels),
            (DRAWN, drawn_boards, data.y_test[indices]),
            (SMALL, small_boards, data.y_test[small_indices]),
        ]
    sets.append((HAND, hand_boards, hand_labels))
    read: dict[str, np.ndarray] = {}
    for method in Method:
        for name, boards, labels in sets:
            probabilities = board_probabilities(predictor, boards, method)
            results.append(
                score(f"{name}, {method} preprocessing", probabilities.argmax(1), labels)
            )
            if method is Method.MNIST:
                read[name] = probabilities
    if drawn > 0:
        confidence += non_digit_confidence(predictor, drawn, seed)
        drawn_sets = [(name, labels) for name, _, labels in sets if name != HAND]
        confidence.append(
            calibration(
                "expected calibration error on drawn digits (styles, redrawn, small)",
                np.concatenate([read[name] for name, _ in drawn_sets]),
                np.concatenate([labels for _, labels in drawn_sets]),
            )
        )
    return EvaluationReport(data.source, results, confidence)
