"""The lesson's steps, in the TensorFlow.js tutorial's order, and the words of each.

Each step has a title, two to four plain sentences and one thing to do, all in the words
catalogue; the lesson scene draws the step's live panel
(:mod:`mnist_arcade.game.widgets.lesson_panels`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class LessonStep(enum.Enum):
    DATA = "data"
    WHY_CNN = "why_cnn"
    CONVOLUTION = "convolution"
    POOLING = "pooling"
    DENSE = "dense"
    CODE = "code"
    TRAINING = "training"
    BOARD_TO_INPUT = "board_to_input"
    PREDICT = "predict"


@dataclass(frozen=True)
class StepWords:
    """The catalogue keys of a step's title, its sentences and its one thing to do."""

    title: str
    text: str
    do: str


STEP_WORDS = {
    LessonStep.DATA: StepWords("lesson.data_title", "lesson.data_text", "lesson.data_do"),
    LessonStep.WHY_CNN: StepWords("lesson.cnn_title", "lesson.cnn_text", "lesson.cnn_do"),
    LessonStep.CONVOLUTION: StepWords("lesson.conv_title", "lesson.conv_text", "lesson.conv_do"),
    LessonStep.POOLING: StepWords("lesson.pool_title", "lesson.pool_text", "lesson.pool_do"),
    LessonStep.DENSE: StepWords("lesson.dense_title", "lesson.dense_text", "lesson.dense_do"),
    LessonStep.CODE: StepWords("lesson.code_title", "lesson.code_text", "lesson.code_do"),
    LessonStep.TRAINING: StepWords("lesson.train_title", "lesson.train_text", "lesson.train_do"),
    LessonStep.BOARD_TO_INPUT: StepWords(
        "lesson.input_title", "lesson.input_text", "lesson.input_do"
    ),
    LessonStep.PREDICT: StepWords(
        "lesson.predict_title", "lesson.predict_text", "lesson.predict_do"
    ),
}
STEPS = list(LessonStep)
