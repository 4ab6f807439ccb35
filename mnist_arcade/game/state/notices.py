"""The notice line and its yes/no questions: what the game last said to the player.

A notice belongs to the screen on show when it was said: when another screen is put on show
(:meth:`Notices.show_screen`, called by the window on every switch), a notice said on a
different screen is withdrawn, so a screen never shows another screen's words ("press P" in the
game, the board's "Esc" hint on the training screen). A notice said as a screen closes (its
``on_exit``) or as the next one opens belongs to the next one; one said just before asking for
another screen, about that screen, is handed to it with :meth:`Notices.hand_to`.

A question ("press R again to confirm") is a :class:`Question` naming a :class:`Confirmable`
action; the next press of the same key confirms it, within ``CONFIRM_SECONDS``, and only while
the question is still the notice on show.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.state.clock import GameClock
from mnist_arcade.game.widgets.theme import MUTED, TEXT, WARN
from mnist_arcade.game.words import phrase

CONFIRM_SECONDS = 4.0  # how long a "press R again" question stays open
WARNING_HOLD_SECONDS = 6.0  # news nobody asked for waits this long behind a warning


class Confirmable(enum.Enum):
    """An action that asks first: a key pressed out of curiosity must not do it."""

    RESTORE = "restore the shipped model"
    NEXT_MODEL = "switch to the next kept model"
    KEPT_ASIDE_RUN = "use the kept-aside run"
    CLEAR_BOOK = "clear the digit book"


@dataclass(frozen=True)
class Question:
    """An open question: ``action`` happens if confirmed before ``until`` (game clock)."""

    action: Confirmable
    until: float


@dataclass
class Notices:
    """The notice on show (its words, colour, when it was set and on which screen) and the
    open question."""

    clock: GameClock
    current: str = field(default_factory=lambda: phrase("notice.loading"))
    color: tuple[int, int, int] = MUTED
    said_at: float = 0.0  # clock time when the notice was last set
    question: Question | None = field(default=None, repr=False)
    screen: SceneId | None = None  # the screen on show (None: none yet, at launch)
    owner: SceneId | None = None  # the screen the notice belongs to (None: said at launch)

    def say(self, notice: str, color=TEXT) -> None:
        """Show ``notice`` in place of the last one, as the words of the screen on show. A
        question it replaces is withdrawn: a press that confirms must answer a question the
        player can see."""
        self.current, self.color, self.said_at = notice, color, self.clock.now
        self.question, self.owner = None, self.screen

    def show_screen(self, screen: SceneId) -> None:
        """``screen`` is put on show: the notice of another screen (and its question) is
        withdrawn. One said before any screen was on show (at launch) is the first screen's."""
        if self.owner is not None and self.owner is not screen:
            self.current, self.question = "", None
        self.screen = self.owner = screen

    def hand_to(self, screen: SceneId) -> None:
        """The notice just said is about ``screen``, which the player is sent to next (K on
        the board: "teaching your digits", shown on the training screen)."""
        self.owner = screen

    def say_news(self, notice: str, color=TEXT) -> None:
        """Show news the player did not ask for (the network has loaded), unless a warning
        said in the last WARNING_HOLD_SECONDS is on show: the warning answers something the
        player did, and the news also shows elsewhere (the model's name and figure)."""
        warned = self.color == WARN and self.clock.now - self.said_at < WARNING_HOLD_SECONDS
        if not (warned and self.current):
            self.say(notice, color)

    def forget_since(self, moment: float) -> None:
        """Withdraw the notice if it was said at ``moment`` (game clock) or later: a part of a
        screen that is over takes back what it said (a game round's "the clock goes on")."""
        if self.current and self.said_at >= moment:
            self.current, self.question = "", None

    def withdraw(self, notice: str) -> None:
        """Withdraw the notice if it is still ``notice``: a hint the player has since acted on
        (the board's "Tab shows another input map on a conv2 card" once one is open)."""
        if self.current == notice:
            self.current, self.question = "", None

    def fresh(self, seconds: float = 5.0) -> str | None:
        """The notice if it was set in the last ``seconds`` (for screens with no notice line)."""
        if self.current and self.clock.now - self.said_at < seconds:
            return self.current
        return None

    def asking(self, action: Confirmable) -> bool:
        """True while the question about ``action`` is open."""
        question = self.question
        return (
            question is not None and question.action is action and self.clock.now < question.until
        )

    def confirmed(self, action: Confirmable, question: str) -> bool:
        """True when this press confirms ``action`` (its key pressed again within
        CONFIRM_SECONDS of the question); otherwise asks ``question`` and returns False."""
        if self.asking(action):
            self.question = None
            return True
        self.say(question, WARN)
        self.question = Question(action, self.clock.now + CONFIRM_SECONDS)
        return False
