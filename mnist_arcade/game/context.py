"""What the scenes share, put together from small parts that each own one thing.

Scenes get this context, not the window, and use the parts they need: ``notices`` (the notice
line and its questions), ``readings`` (the board's readings and live reading), ``why`` (the
evidence for a reading), ``switching`` (the model in use), ``teaching`` (the digit book),
``news`` (what the running training shows), ``lesson`` (the lesson's step) and ``languages``
(the language spoken, and the switch key's choice).
:meth:`GameContext.poll` routes the engine's and the trainer's messages to those parts, once per
frame. No TensorFlow here, and no drawing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from mnist_arcade.canvas.board import Board
from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.services.model_client import ModelClient, ModelState, OcclusionAnswer
from mnist_arcade.game.services.training_session import TrainingSession
from mnist_arcade.game.state.clock import GameClock
from mnist_arcade.game.state.language_choice import LanguageChoice
from mnist_arcade.game.state.lesson_progress import LessonProgress
from mnist_arcade.game.state.lesson_steps import STEPS
from mnist_arcade.game.state.notices import Notices
from mnist_arcade.game.state.readings import Readings
from mnist_arcade.game.state.switching import ModelSwitching
from mnist_arcade.game.state.teaching import Teaching
from mnist_arcade.game.state.training_news import TrainingNews
from mnist_arcade.game.state.why import WhyEvidence
from mnist_arcade.game.widgets.text import Text
from mnist_arcade.game.widgets.theme import TEXT, WARN
from mnist_arcade.game.words import phrase
from mnist_arcade.messages import ClassifyReady, EngineProblem, ModelInUse


@dataclass
class GameContext:
    """The shared parts; ``switch_to`` is set by the window that owns the scenes."""

    model: ModelClient
    training: TrainingSession
    text: Text = field(default_factory=Text)
    board: Board = field(default_factory=Board)
    switch_to: Callable[[SceneId], None] = lambda scene: None
    toggle_fullscreen: Callable[[], None] = lambda: None
    clock: GameClock = field(default_factory=GameClock)
    languages: LanguageChoice = field(default_factory=LanguageChoice)
    on_language_switched: Callable[[], None] = lambda: None  # the window retitles itself

    def __post_init__(self) -> None:
        model, training = self.model, self.training
        self.notices = Notices(self.clock)
        self.readings = Readings(self.board, model, training, self.notices, self.clock)
        self.why = WhyEvidence(self.readings, model, self.notices)
        self.switching = ModelSwitching(model, training, self.notices, self.readings)
        self.news = TrainingNews(training, model, self.notices, self.readings, self.switching)
        self.teaching = Teaching(self.readings, model, training, self.notices, self.news)
        self.lesson = LessonProgress.load(len(STEPS))  # where the player is in the lesson

    def say(self, notice: str, color=TEXT) -> None:
        """Show ``notice`` on the notice line (every scene says something)."""
        self.notices.say(notice, color)

    def switch_language(self) -> None:
        """The switch key: every word from the next frame on is in the other language."""
        notice = self.languages.switch()
        self.on_language_switched()
        self.say(notice)

    def start_finetune(self) -> bool:
        """K: teach the model in use the digit book, on the training screen."""
        if not self.teaching.start_finetune():
            return False
        self.notices.hand_to(SceneId.TRAINING)  # "teaching your digits" is that screen's news
        self.switch_to(SceneId.TRAINING)
        return True

    def tick(self, dt: float) -> None:
        self.clock.tick(dt)

    def poll(self) -> None:
        """Once a frame: hand the engine's answers and the trainer's news to their parts."""
        was = self.model.state
        for event in self.model.poll():
            if isinstance(event, ModelInUse):
                self.switching.on_model_in_use(event, first=was is ModelState.LOADING)
            elif isinstance(event, EngineProblem):
                self.switching.on_failed(event.message)
            elif isinstance(event, OcclusionAnswer):
                self.why.on_answer(event)
            elif isinstance(event, ClassifyReady):
                self.readings.on_classified(event)
            elif event.preview:
                self.news.on_preview(event.prediction)
            else:
                self.readings.on_answer(event)
        for problem in self.model.problems:
            self.say(phrase("engine.could_not", problem=problem), WARN)
            self.readings.on_problem()
        self.model.problems.clear()
        if was is ModelState.LOADING and self.model.state is ModelState.FAILED:
            self.say(phrase("engine.no_model", error=self.model.error), WARN)
        self.news.poll()
        self.readings.read_live()
        self.news.poll_status()
