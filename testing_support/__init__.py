"""Helpers shared by the tests and the benchmarks, importable by both from the repository root.

Neither ``tests/`` nor ``benchmarks/`` imports the other: what both need lives here (a fake
model engine, text recorders, fake trainers, the random player's event stream). Nothing here is
part of the installed game, and nothing here imports TensorFlow.
"""
