"""Import Keras on the TensorFlow backend, quietly.

Every other module in ``mnist_arcade.ml`` imports ``keras`` and ``tf`` from here, so the
environment is set up once, before TensorFlow is first imported.
"""

from __future__ import annotations

import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's C++ start-up chatter

import keras
import tensorflow as tf

__all__ = ["keras", "tf"]
