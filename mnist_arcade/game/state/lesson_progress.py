"""Where the player is in the lesson, kept across launches so a class can resume.

One small JSON file in the player's folder, ``{"step": 3}`` (counted from 1), written atomically.
A file that cannot be read is set aside, never deleted, and the lesson starts at step 1 with a
plain notice. Whether the file exists also tells the board that this player is new (it then
offers the lesson). No pygame drawing, no TensorFlow.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from mnist_arcade import paths
from mnist_arcade.game.words import phrase
from mnist_arcade.player_files.atomic_files import set_aside, why_not_saved, write_atomically
from mnist_arcade.player_files.small_json import OddJson, is_number, read_small_json

PROGRESS_NAME = "lesson.json"


def progress_path() -> Path:
    return paths.user_dir() / PROGRESS_NAME


@dataclass
class LessonProgress:
    """The step shown (0-based), of ``steps``; ``problem`` is what to tell the player about an
    unreadable or unsaved file, once."""

    steps: int
    step: int = 0
    started: bool = False  # a progress file was found, or the lesson was opened this run
    problem: str | None = None
    path: Path = field(default_factory=progress_path)

    @classmethod
    def load(cls, steps: int) -> LessonProgress:
        """The progress saved in the player's folder; step 1 if there is none or it is odd."""
        progress = cls(steps)
        path = progress.path
        if not path.exists():
            return progress
        progress.started = True
        try:
            value = read_small_json(path)
            step = value.get("step") if isinstance(value, dict) else None
            if not is_number(step) or int(step) != step or not 1 <= step <= steps:
                raise OddJson(f"it does not name a step from 1 to {steps}")
            progress.step = int(step) - 1
        except OddJson as error:
            where = set_aside(path)
            progress.problem = phrase(
                "lesson.progress_odd", name=path.name, reason=str(error), where=where
            )
        except OSError as error:
            reason = why_not_saved(error, path)
            progress.problem = phrase("lesson.progress_unread", name=path.name, reason=reason)
        return progress

    def go(self, step: int) -> None:
        """Show ``step`` (clamped to the lesson) and save it."""
        self.step = max(0, min(self.steps - 1, step))
        self.started = True
        self.save()

    def save(self) -> None:
        data = json.dumps({"step": self.step + 1}).encode("utf-8")
        try:
            write_atomically(self.path, lambda file: file.write(data))
        except OSError as error:
            reason = why_not_saved(error, self.path)
            self.problem = phrase("lesson.progress_unsaved", reason=reason)

    def take_problem(self) -> str | None:
        """The problem to tell the player, once."""
        problem, self.problem = self.problem, None
        return problem
