"""Accuracy on MNIST's test digits, and on digits drawn the way the game draws them.

Side by side: MNIST's own test images (already 28x28 and centred, so they go straight to the
model); MNIST test digits redrawn with the game's 25 px brush at random sizes and places
(``drawn``); and hand-planned mouse strokes replayed through the brush (``hand_strokes``). The
board-like sets take exactly the game's path, board pixels -> ``to_network_input`` -> model,
once with the MNIST-style preprocessing and once with the tutorial's plain resize.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from mnist_arcade.dataset import MnistData
from mnist_arcade.drawn import drawn_test_set
from mnist_arcade.hand_strokes import hand_drawn_set
from mnist_arcade.preprocess import METHODS, to_network_input


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
    labels = np.asarray(labels)
    correct = np.asarray(predicted) == labels
    per_class = [
        float(correct[labels == digit].mean()) if np.any(labels == digit) else float("nan")
        for digit in range(10)
    ]
    overall = float(correct.mean()) if correct.size else float("nan")
    return Accuracy(name, overall, int(correct.size), per_class)


def board_accuracy(
    predictor, name: str, boards: np.ndarray, labels: np.ndarray, method: str = "mnist"
) -> Accuracy:
    """Preprocess 300x300 boards as the game does, read them, and score."""
    inputs = np.stack([to_network_input(board, method) for board in boards])
    return score(name, predictor.probabilities(inputs).argmax(axis=1), labels)


def drawn_accuracy(
    predictor,
    images: np.ndarray,
    labels: np.ndarray,
    count: int,
    method: str = "mnist",
    seed: int = 0,
) -> Accuracy:
    """Redraw ``count`` test digits with the brush, preprocess them as the game does, score."""
    indices, boards = drawn_test_set(images, count, seed)
    name = f"MNIST test digits redrawn with the 25 px brush, {method} preprocessing"
    return board_accuracy(predictor, name, boards, np.asarray(labels)[indices], method)


@dataclass(frozen=True)
class EvaluationReport:
    source: str
    results: list[Accuracy]

    def __getitem__(self, key: str) -> Accuracy:
        return next(result for result in self.results if result.name.startswith(key))

    def as_dict(self) -> dict:
        return {"source": self.source, "results": [asdict(result) for result in self.results]}

    def as_text(self) -> str:
        return f"data: {self.source}\n" + "\n".join(result.as_text() for result in self.results)


def evaluate_model(predictor, data: MnistData, drawn: int = 1000) -> EvaluationReport:
    """MNIST test accuracy, then board-like digits with both preprocessing methods."""
    test_inputs = data.x_test.astype(np.float32) / 255.0
    results = [
        score("MNIST test digits", predictor.probabilities(test_inputs).argmax(axis=1), data.y_test)
    ]
    hand_boards, hand_labels = hand_drawn_set()
    for method in METHODS:
        if drawn > 0:
            results.append(drawn_accuracy(predictor, data.x_test, data.y_test, drawn, method))
        results.append(
            board_accuracy(
                predictor,
                f"hand-planned mouse strokes through the brush, {method} preprocessing",
                hand_boards,
                hand_labels,
                method,
            )
        )
    return EvaluationReport(data.source, results)
