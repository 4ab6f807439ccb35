"""The game's CNN: the TensorFlow.js tutorial's architecture as a short ``keras.Sequential``.

28x28x1 -> conv1 (5x5, 8 filters, relu) -> pool1 (2x2) -> conv2 (5x5, 16 filters, relu)
-> pool2 (2x2) -> flatten -> dense (10, softmax). About six thousand weights: small enough that
every feature map fits on screen.
"""

from __future__ import annotations

from mnist_arcade.ml.backend import keras

INPUT_SHAPE = (28, 28, 1)
NUM_CLASSES = 10
SHOWN_LAYERS = ("conv1", "pool1", "conv2", "pool2", "dense")  # the layers the game displays


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


def compile_model(model: keras.Model, learning_rate: float | object = 1e-3) -> keras.Model:
    """Adam, categorical cross-entropy and accuracy, as in the tutorial."""
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
        loss="categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


def check_architecture(model: keras.Model) -> None:
    """Raise ValueError unless ``model`` has the input, output and named layers the game shows."""
    names = {layer.name for layer in model.layers}
    missing = [name for name in SHOWN_LAYERS if name not in names]
    if missing:
        raise ValueError(f"the model has no layer named {', '.join(missing)}")
    if tuple(model.input_shape[1:]) != INPUT_SHAPE:
        raise ValueError(f"the model reads {model.input_shape[1:]}, not 28x28x1 digits")
    if tuple(model.output_shape[1:]) != (NUM_CLASSES,):
        raise ValueError(f"the model outputs {model.output_shape[1:]}, not 10 classes")
