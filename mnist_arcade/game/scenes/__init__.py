"""The game's screens, registered by id: a new scene is one new file and one line here."""

from __future__ import annotations

from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes.board_scene import BoardScene
from mnist_arcade.game.scenes.book_scene import BookScene
from mnist_arcade.game.scenes.challenge_scene import ChallengeScene
from mnist_arcade.game.scenes.evaluation_scene import EvaluationScene
from mnist_arcade.game.scenes.lesson_scene import LessonScene
from mnist_arcade.game.scenes.train_scene import TrainScene

SCENES = {
    SceneId.BOARD: BoardScene,
    SceneId.TRAINING: TrainScene,
    SceneId.EVALUATION: EvaluationScene,
    SceneId.CHALLENGE: ChallengeScene,
    SceneId.BOOK: BookScene,
    SceneId.LESSON: LessonScene,
}
