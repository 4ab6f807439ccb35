"""The game's CNN: the TensorFlow.js tutorial's architecture as a short ``keras.Sequential``.

28x28x1 -> conv1 (5x5, 8 filters, relu) -> pool1 (2x2) -> conv2 (5x5, 16 filters, relu)
-> pool2 (2x2) -> flatten -> dense (10, softmax). About six thousand weights: small enough that
every feature map fits on screen.
"""

from __future__ import annotations

from mnist_arcade.layers import SHOWN_LAYERS
from mnist_arcade.ml.backend import keras

INPUT_SHAPE = (28, 28, 1)
NUM_CLASSES = 10


def _variance_scaling(seed: int | None, offset: int) -> keras.initializers.Initializer:
    """Keras' variance-scaling initializer; a distinct seed per layer keeps runs repeatable."""
    return keras.initializers.VarianceScaling(seed=None if seed is None else seed + offset)


def build_model(seed: int | None = None) -> keras.Sequential:
    """Return a fresh, uncompiled model with the tutorial's layers and variance-scaling init."""
    return keras.Sequential(
        [
            keras.Input(shape=INPUT_SHAPE, name="digit"),
            keras.layers.Conv2D(
                8, 5, activation="relu", kernel_initializer=_variance_scaling(seed, 0), name="conv1"
            ),
            keras.layers.MaxPooling2D(2, name="pool1"),
            keras.layers.Conv2D(
                16,
                5,
                activation="relu",
                kernel_initializer=_variance_scaling(seed, 1),
                name="conv2",
            ),
            keras.layers.MaxPooling2D(2, name="pool2"),
            keras.layers.Flatten(name="flatten"),
            keras.layers.Dense(
                NUM_CLASSES,
                activation="softmax",
                kernel_initializer=_variance_scaling(seed, 2),
                name="dense",
            ),
        ],
        name="mnist_cnn",
    )


def fresh_weights(seed: int | None = None) -> list:
    """New initial weights, as ``build_model(seed).get_weights()`` gives, without building a
    model (every model built in a process stays in Keras' and TensorFlow's memory)."""
    import numpy as np

    shapes = expected_weight_shapes()
    weights = []
    for offset, (kernel, bias) in enumerate(zip(shapes[::2], shapes[1::2], strict=True)):
        weights.append(np.asarray(_variance_scaling(seed, offset)(kernel), dtype=np.float32))
        weights.append(np.zeros(bias, dtype=np.float32))
    return weights


def compile_model(model: keras.Model, learning_rate: float | object = 1e-3) -> keras.Model:
    """Adam, categorical cross-entropy and accuracy, as in the tutorial."""
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
        loss="categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


_reference_shapes: dict[str, object] = {}  # build_model()'s shapes, measured on first use


def _output_shape(layer) -> tuple:
    try:
        return tuple(layer.output.shape[1:])
    except (AttributeError, ValueError) as error:  # a layer that was never called
        raise ValueError(f"layer {layer.name} has no defined output") from error


def _reference() -> dict[str, object]:
    """The game's own layer output and weight shapes, from one reference ``build_model()``."""
    if not _reference_shapes:
        reference = build_model()
        _reference_shapes["outputs"] = {
            name: _output_shape(reference.get_layer(name)) for name in SHOWN_LAYERS
        }
        _reference_shapes["layer_weights"] = {
            name: [tuple(w.shape) for w in reference.get_layer(name).weights]
            for name in SHOWN_LAYERS
        }
        _reference_shapes["weights"] = [tuple(w.shape) for w in reference.weights]
    return _reference_shapes


def check_architecture(model: keras.Model) -> None:
    """Raise ValueError unless ``model`` is the game's network: the named layers it shows, with
    the same input, output and layer sizes and the same weight shapes as :func:`build_model`.

    Names alone are not enough: a model with the right names but other sizes would load, then
    crash the first time the game gives it freshly trained weights.
    """
    names = {layer.name for layer in model.layers}
    missing = [name for name in SHOWN_LAYERS if name not in names]
    if missing:
        raise ValueError(f"the model has no layer named {', '.join(missing)}")
    if tuple(model.input_shape[1:]) != INPUT_SHAPE:
        raise ValueError(f"the model reads {model.input_shape[1:]}, not 28x28x1 digits")
    if tuple(model.output_shape[1:]) != (NUM_CLASSES,):
        raise ValueError(f"the model outputs {model.output_shape[1:]}, not 10 classes")
    reference = _reference()
    for name in SHOWN_LAYERS:
        layer = model.get_layer(name)
        shape, expected = _output_shape(layer), reference["outputs"][name]
        if shape != expected:
            raise ValueError(f"layer {name} outputs {shape}, not the game's {expected}")
        shapes = [tuple(w.shape) for w in layer.weights]
        expected = reference["layer_weights"][name]
        if shapes != expected:
            raise ValueError(f"layer {name} has weights shaped {shapes}, not the game's {expected}")
    shapes = [tuple(w.shape) for w in model.weights]
    if shapes != reference["weights"]:
        raise ValueError(
            f"the model has weights shaped {shapes}, not the game's {reference['weights']}"
        )


def expected_weight_shapes() -> list[tuple[int, ...]]:
    """The shapes of the game's weights, in ``get_weights()`` order, from the layer sizes."""
    return [
        (5, 5, INPUT_SHAPE[2], 8),
        (8,),
        (5, 5, 8, 16),
        (16,),
        (4 * 4 * 16, NUM_CLASSES),
        (NUM_CLASSES,),
    ]


def check_weight_shapes(weights: list) -> None:
    """Raise ValueError unless ``weights`` fit the game's network, array by array."""
    shapes = [tuple(getattr(array, "shape", ())) for array in weights]
    if shapes != expected_weight_shapes():
        raise ValueError(f"these weights have shapes {shapes}, not the game's network's")
