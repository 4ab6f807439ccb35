"""Everything that touches TensorFlow and Keras lives in this package, and only here.

Importing ``mnist_arcade.ml`` itself is free; its modules import TensorFlow when they are first
imported, which the game does on a background thread so the window opens at once.
"""
