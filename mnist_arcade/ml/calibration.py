"""Temperature scaling: a temperature fitted on validation digits, baked into the dense layer,
so the softmax's confidence is calibrated and the saved model keeps the game's architecture
(Guo et al. 2017, "On Calibration of Modern Neural Networks")."""

from __future__ import annotations

import math

import numpy as np

from mnist_arcade.ml.backend import keras
from mnist_arcade.ml.model import NUM_CLASSES


def logits(model: keras.Model, images: np.ndarray) -> np.ndarray:
    """The dense layer's inputs times its weights: the scores the softmax turns into odds."""
    features = keras.Model(model.inputs[0], model.get_layer("flatten").output)
    kernel, bias = model.get_layer("dense").get_weights()
    parts = [
        np.asarray(features(images[start : start + 2048], training=False)) @ kernel + bias
        for start in range(0, len(images), 2048)
    ]
    return np.concatenate(parts) if parts else np.zeros((0, NUM_CLASSES), np.float32)


def fit_temperature(scores: np.ndarray, targets: np.ndarray) -> float:
    """The temperature T minimising the cross-entropy of softmax(scores / T) on ``targets``
    (temperature scaling, Guo et al. 2017); a fine search over 0.25 to 8."""
    labels = targets.argmax(axis=1)
    best, best_loss = 1.0, math.inf
    for temperature in np.exp(np.linspace(math.log(0.25), math.log(8.0), 241)):
        scaled = scores / temperature
        scaled = scaled - scaled.max(axis=1, keepdims=True)
        log_probabilities = scaled - np.log(np.exp(scaled).sum(axis=1, keepdims=True))
        loss = -float(np.mean(log_probabilities[np.arange(len(labels)), labels]))
        if loss < best_loss:
            best, best_loss = float(temperature), loss
    return best


def bake_temperature(model: keras.Model, temperature: float) -> None:
    """softmax(z / T) with z = W x + b is softmax((W / T) x + b / T): divide the dense
    layer's weights, so the saved model carries the calibration and keeps its architecture."""
    dense = model.get_layer("dense")
    kernel, bias = dense.get_weights()
    dense.set_weights([kernel / temperature, bias / temperature])
