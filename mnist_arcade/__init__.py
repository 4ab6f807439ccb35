"""mnist_arcade: draw a digit and watch a small convolutional network read it.

Importing the package does nothing heavy: pygame starts in ``game.app.main`` and TensorFlow is
imported only inside :mod:`mnist_arcade.ml`, on demand.
"""

import logging

__version__ = "0.1.0"

# The library's convention: records go nowhere until the command line sets up the log
# (mnist_arcade.log_file), so a script or benchmark that imports the game prints no warnings.
logging.getLogger(__name__).addHandler(logging.NullHandler())
