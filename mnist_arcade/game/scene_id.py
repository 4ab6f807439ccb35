"""Which screen: the ids scenes ask for with ``switch_to``; ``scenes/__init__`` maps each to its
class, so a new scene is one new file, one id here and one registration there."""

from __future__ import annotations

import enum


class SceneId(enum.Enum):
    BOARD = "board"
    TRAINING = "training"
    EVALUATION = "evaluation"
    CHALLENGE = "challenge"
    BOOK = "book"
    LESSON = "lesson"
