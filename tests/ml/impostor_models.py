"""Models that look like the game's on the outside but are not: what a model check must refuse.

Plain functions, no pytest: the random player (``testing_support/random_events.py``) and the
reliability benchmark use them too.
"""


def same_names_other_sizes(conv1_filters=8, use_bias=True):
    """A model with the game's layer names, input and output, but other layer sizes."""
    from mnist_arcade.ml.backend import keras

    return keras.Sequential(
        [
            keras.Input((28, 28, 1)),
            keras.layers.Conv2D(conv1_filters, 5, use_bias=use_bias, name="conv1"),
            keras.layers.MaxPooling2D(2, name="pool1"),
            keras.layers.Conv2D(16, 5, name="conv2"),
            keras.layers.MaxPooling2D(2, name="pool2"),
            keras.layers.Flatten(name="flatten"),
            keras.layers.Dense(10, activation="softmax", name="dense"),
        ]
    )
