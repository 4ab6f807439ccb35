"""Scoring models and runs: accuracy on test and drawn digits, confidence, confusion matrices,
and the one adoption rule that decides whether a run may replace the model in use. Pure numpy.
"""
