"""The arithmetic behind the explanations and the pictures of activations: pure numpy (and
Pillow), so every number a learner sees is tested without pygame or TensorFlow.
"""
