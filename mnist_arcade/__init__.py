"""mnist_arcade: draw a digit and watch a small convolutional network read it.

Importing the package does nothing heavy: pygame starts in ``game.app.main`` and TensorFlow is
imported only inside :mod:`mnist_arcade.ml`, on demand.
"""

__version__ = "0.1.0"
