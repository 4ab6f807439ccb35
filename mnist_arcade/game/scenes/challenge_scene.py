"""The challenge: six rounds of "Draw a 7!" against the clock, then a summary of every drawing.

The network reads the board live while the player draws and calls out its guess, but a round
is judged only on the finished drawing: when no stroke is in progress and the reading is of the
board as it is (see :mod:`mnist_arcade.game.services.challenge` for the rules). A round ends
when the network reads the asked digit with 90% or more (or, in the last round, when the player
has fooled it: a real example of the asked digit read surely as another), or when the 20 seconds
run out. The summary shows each drawing, what the network read, and for a miss some MNIST digits
of both kinds, so the player sees why ("MNIST's 7s rarely have a bar").
"""

from __future__ import annotations

import math

import pygame

from mnist_arcade.game.context import GameContext
from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes.scene import Binding, Scene
from mnist_arcade.game.services.best_scores import load_scores, record_score, scores_path
from mnist_arcade.game.services.challenge import (
    CONFIDENT,
    ROUND_SECONDS,
    Challenge,
    Guesses,
    RoundKind,
    RoundResult,
    with_article,
)
from mnist_arcade.game.services.exam_digits import TestDigits
from mnist_arcade.game.state.readings import SetAside
from mnist_arcade.game.widgets.board_canvas import BoardCanvas
from mnist_arcade.game.widgets.challenge_summary import ChallengeSummary
from mnist_arcade.game.widgets.occlusion_overlay import OcclusionOverlay
from mnist_arcade.game.widgets.theme import (
    ACCENT,
    BACKGROUND,
    GOOD,
    MUTED,
    PANEL_EDGE,
    TEXT,
    WARN,
    panel,
)
from mnist_arcade.game.words import Phrase, Phrases, phrase
from mnist_arcade.game.words.numbers import percent, sure
from mnist_arcade.player_files.atomic_files import why_not_saved
from mnist_arcade.player_files.folder_lock import UserFolderBusy
from mnist_arcade.scoring.confidence import reads_as_digit

BOARD_TOPLEFT = (40, 110)
ROUND_BOX = pygame.Rect(380, 270, 820, 140)  # the round's words: guess or result, rule, points
BOX_PADDING = 18  # between the box's edge and its words
BOX_GAPS = (12, 8)  # between its first line and its second, and between the next ones
PAUSE_SECONDS = 1.5  # the result of a round stays on screen this long
COUNTDOWN_SECONDS = 3.0  # "3, 2, 1" before each round; the board and the clock wait for it


class ChallengeScene(Scene):
    """Rounds, then the summary; the board and live reading are the game's own."""

    TITLE = Phrase("challenge_screen.title")
    PANELS = Phrases(
        {
            "challenge_screen.name_prompt": "challenge_screen.panel_prompt",
            "challenge_screen.name_guess": "challenge_screen.panel_guess",
            "challenge_screen.name_summary": "challenge_screen.panel_summary",
        }
    )

    def __init__(self, context: GameContext) -> None:
        super().__init__(context)
        self.canvas = BoardCanvas(context.board, BOARD_TOPLEFT)
        self.challenge = Challenge.new()
        self.seed: int | None = None  # tests fix the rounds
        self.pause = 0.0  # seconds left showing the last round's result
        self.countdown = COUNTDOWN_SECONDS  # seconds left of the 3-2-1 before the round
        self.last: RoundResult | None = None
        self.fool_why: OcclusionOverlay | None = None
        self.best: list[int] = []
        self.new_best = False
        self.mnist = TestDigits(context.training.trainer_options.get("data_path"))
        self._was_live = True
        self.summary = ChallengeSummary([], None)
        self._kept: SetAside | None = None  # the player's drawing, given back on leaving
        self._round_began = 0.0  # game-clock time the round in play began (its countdown over)

    def bindings(self) -> list[Binding]:
        context = self.context
        return [
            Binding((pygame.K_c,), "C", phrase("board_screen.key_clear"), self._clear),
            Binding(
                (pygame.K_SPACE, pygame.K_RETURN),
                phrase("keys.space"),
                phrase("challenge_screen.key_new_game"),
                self._again,
            ),
            Binding(
                (pygame.K_ESCAPE, pygame.K_g),
                phrase("keys.esc_or", key="G"),
                phrase("keys.back_to_board"),
                lambda: context.switch_to(SceneId.BOARD),
            ),
            Binding((pygame.K_f,), "F", phrase("keys.fullscreen"), context.toggle_fullscreen),
        ]

    def on_enter(self) -> None:
        """The game is played on a board of its own: the player's drawing is set aside, not
        wiped, and is back on the board (with its Ctrl+Z steps) when the game is left."""
        readings = self.context.readings
        self._was_live = readings.live
        readings.live = True  # the network calls out its guess as you draw
        drawn = not self.context.board.is_empty
        self._kept = readings.set_board_aside()
        self.mnist.start()
        self.start_game()
        if drawn:
            self.context.say(phrase("challenge_screen.drawing_kept"), MUTED)

    def on_exit(self) -> None:
        self.canvas.end_stroke()
        readings = self.context.readings
        readings.live = self._was_live
        if self._kept is not None:
            readings.give_board_back(self._kept)
            self._kept = None

    def start_game(self) -> None:
        self.challenge = Challenge.new(self.seed)
        self.pause, self.last, self.new_best = 0.0, None, False
        self.countdown = COUNTDOWN_SECONDS
        self.fool_why: OcclusionOverlay | None = None  # why the fooling drawing fooled it
        self.summary = ChallengeSummary([], None)
        self.best, problem = load_scores()
        if problem:
            self.context.say(problem, WARN)
        self.context.readings.clear_board(quiet=True)

    @property
    def round_running(self) -> bool:
        """True while a round's clock runs: not during a result, a 3-2-1 or the summary."""
        return not (self.pause > 0 or self.countdown > 0 or self.challenge.over)

    def _clear(self) -> None:
        """C: a clean board for the same round; P plays no part here, so it is not named, and
        the clock is named only while it runs."""
        self.context.readings.clear_board(quiet=True)
        if self.round_running:
            self.context.say(phrase("challenge_screen.cleared"), MUTED)

    def _again(self) -> None:
        if self.challenge.over:
            self.start_game()
        else:
            self.context.say(phrase("challenge_screen.finish_first"), MUTED)

    def handle_event(self, event: pygame.event.Event) -> None:
        if not self.round_running:
            self.canvas.end_stroke()
        elif self.canvas.handle_event(event):
            return
        if event.type == pygame.KEYDOWN:
            self.handle_key(event.key)

    # --- the rounds ----------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        self.canvas.update()
        challenge = self.challenge
        if challenge.over:
            return
        if self.pause > 0:
            self.pause -= dt
            if self.pause <= 0:
                self.context.readings.clear_board(quiet=True)
                self.countdown = COUNTDOWN_SECONDS
            return
        if self.countdown > 0:
            self.countdown = max(0.0, self.countdown - dt)
            self._round_began = self.context.clock.now
            return
        reading = self.context.readings.live_prediction
        result = challenge.update(
            dt,
            None if reading is None else reading.probabilities,
            None if reading is None else reading.net_input,
            finished=self.drawing_finished(),
        )
        if result is not None:
            self.context.notices.forget_since(self._round_began)  # "the clock goes on" is over
            self.last, self.pause = result, PAUSE_SECONDS
            if result.kind is RoundKind.FOOL and result.won and result.drawing is not None:
                self.context.why.explain_input(result.drawing, self._on_fool_explained)
            if challenge.over:
                self._finish()

    def drawing_finished(self) -> bool:
        """True when the board may be judged: no stroke in progress, and the live reading is of
        the board as it is now (not of the drawing a stroke ago). An empty board, or a network
        that cannot read yet, is as finished as it will get, so the clock can still end it."""
        if self.canvas.drawing:
            return False
        context = self.context
        if context.board.is_empty or not context.model.ready:
            return True
        return context.readings.prediction is not None

    def _on_fool_explained(self, evidence) -> None:
        self.fool_why = OcclusionOverlay(evidence)

    def _finish(self) -> None:
        try:
            self.best, self.new_best = record_score(self.challenge.score)
        except OSError as error:
            reason = why_not_saved(error, scores_path())
            self.context.say(phrase("challenge_screen.save_failed", reason=reason), WARN)
        except UserFolderBusy as error:
            self.context.say(phrase("challenge_screen.save_failed", reason=error), WARN)
        self.summary = ChallengeSummary(self.challenge.results, self.mnist.data)

    # --- drawing -------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        text, challenge = self.context.text, self.challenge
        surface.fill(BACKGROUND)
        text.draw(surface, self.TITLE, (40, 18), 44, TEXT)
        score = phrase("challenge_screen.score", score=challenge.score)
        text.draw(surface, score, (1240, 18), 36, ACCENT, "topright")
        best = (
            phrase("challenge_screen.best", best=self.best[0])
            if self.best
            else phrase("challenge_screen.no_best")
        )
        text.draw(
            surface,
            phrase("challenge_screen.streak", streak=challenge.streak, best=best),
            (1240, 56),
            22,
            MUTED,
            "topright",
        )
        if challenge.over:
            self.summary.draw(
                surface, self.context.text, self.challenge.score, self.new_best, self.fool_why
            )
        else:
            self._draw_round(surface)
        self.draw_footer(surface)

    @property
    def shown_round(self) -> int:
        """The round the screen is about: while its result is on show, the round just played
        (its result under its own prompt); then the next one, from its 3-2-1 on."""
        showing_result = self.pause > 0 and self.last is not None
        return self.challenge.round_index - 1 if showing_result else self.challenge.round_index

    def _draw_round(self, surface: pygame.Surface) -> None:
        text, challenge, index = self.context.text, self.challenge, self.shown_round
        self.canvas.draw(surface)
        left = ROUND_BOX.left
        rounds = len(challenge.digits)
        heading = phrase("challenge_screen.round", round=index + 1, rounds=rounds)
        text.draw(surface, heading, (left, 110), 24, MUTED)
        size = 52 if challenge.kinds[index] is RoundKind.DRAW else 36
        text.draw(surface, challenge.prompt(index), (left, 138), size, TEXT)
        bar = pygame.Rect(left, 210, ROUND_BOX.width, 22)
        pygame.draw.rect(surface, PANEL_EDGE, bar, width=1)
        share = self._seconds_left() / ROUND_SECONDS
        filled = bar.copy()
        filled.width = round(bar.width * share)
        pygame.draw.rect(surface, GOOD if share > 0.3 else WARN, filled)
        text.draw(surface, self._time_line(), (bar.right, bar.bottom + 6), 22, MUTED, "topright")
        panel(surface, ROUND_BOX)
        self._draw_box_lines(surface, self._box_lines())
        if self.countdown > 0 and self.pause <= 0:
            count = str(math.ceil(self.countdown))
            text.draw(surface, count, self.canvas.rect.center, 160, ACCENT, "center")
        self._draw_round_dots(surface, left, ROUND_BOX.bottom + 30)

    def _box_lines(self) -> list[tuple[str, int, tuple[int, int, int]]]:
        """The round box's lines (words, size, colour): a result and how its points were
        made; or the 3-2-1's "get ready"; or the live guess and what wins."""
        rule = (phrase("challenge.points_rule"), 22, MUTED)
        if self.pause > 0 and self.last is not None:
            result, color = self._result_line()
            return [(result, 36, color), (self.last.points_explained(), 22, MUTED)]
        if self.countdown > 0:
            return [(phrase("challenge_screen.get_ready"), 36, MUTED), rule]
        guess_color = TEXT if self.context.readings.live_prediction else MUTED
        requirement = (self.challenge.requirement(), 22, MUTED)
        return [(self._guess_line(), 36, guess_color), requirement, rule]

    def _draw_box_lines(self, surface: pygame.Surface, lines) -> None:
        """``lines`` one under another inside ROUND_BOX, BOX_PADDING from its edges."""
        text = self.context.text
        left, top = ROUND_BOX.left + BOX_PADDING, ROUND_BOX.top + BOX_PADDING
        width = ROUND_BOX.width - 2 * BOX_PADDING
        for row, (words, size, color) in enumerate(lines):
            if row:
                top += BOX_GAPS[min(row, len(BOX_GAPS)) - 1]
            text.draw_wrapped(surface, words, (left, top), width, size, color, max_lines=1)
            top += text.font(size, words).get_linesize()

    def _seconds_left(self) -> float:
        """The clock of the round on show: the round just played keeps the time it ended at."""
        if self.pause > 0 and self.last is not None:
            return max(0.0, ROUND_SECONDS - self.last.seconds)
        return self.challenge.time_left

    def _time_line(self) -> str:
        """The seconds left, or, once they are up mid-stroke, that the round waits for it."""
        time_left = self._seconds_left()
        if time_left <= 0 and self.canvas.drawing:
            return phrase("challenge_screen.finish_stroke")
        return phrase("challenge_screen.time_left", seconds=time_left)

    def _guess_line(self) -> str:
        """What the network reads right now; in a fool round, its second guess too."""
        reading = self.context.readings.live_prediction
        if reading is None:
            return phrase("challenge_screen.draw_now")
        if not reads_as_digit(reading.probabilities):
            return phrase("reading.not_a_digit")
        guesses = Guesses.of(reading.probabilities)
        read = with_article(guesses.read)
        line = phrase("challenge_screen.guess", digit=read, sure=sure(guesses.confidence))
        if self.challenge.kind is RoundKind.FOOL:
            share = percent(guesses.second_share)
            line += phrase("challenge_screen.second_guess", digit=guesses.second, share=share)
        return line

    def _result_line(self) -> tuple[str, tuple[int, int, int]]:
        """The last round's result in words, and its colour."""
        result = self.last
        if result.won and result.kind is RoundKind.FOOL:
            read = with_article(result.read)
            return phrase("challenge_screen.fooled", digit=read, points=result.points), GOOD
        if result.won:
            asked = with_article(result.asked)
            return phrase("challenge_screen.won", digit=asked, points=result.points), GOOD
        return missed_line(result), WARN

    def _draw_round_dots(self, surface: pygame.Surface, left: int, top: int) -> None:
        """A dot a round: filled once played; the round on show ringed; later ones a "?"
        (while a result is on show, the next round's digit is not given away yet)."""
        text, shown, results = self.context.text, self.shown_round, self.challenge.results
        for index, digit in enumerate(self.challenge.digits):
            center = (left + 30 + index * 70, top + 30)
            played = index < len(results)
            if played:
                color = GOOD if results[index].won else WARN
            else:
                color = ACCENT if index == shown else PANEL_EDGE
            pygame.draw.circle(surface, color, center, 24, width=0 if played else 3)
            label = str(digit) if index <= shown or played else "?"
            text.draw(surface, label, center, 28, BACKGROUND if played else TEXT, "center")


def missed_line(result: RoundResult) -> str:
    """Why a round was lost, in a child's words; for a fool round, which part was missing."""
    if result.read is None:
        return phrase("challenge_screen.nothing_drawn")
    read = phrase(
        "challenge_screen.times_up",
        digit=with_article(result.read),
        sure=sure(result.confidence),
    )
    fooling = result.kind is RoundKind.FOOL
    wanted_digit = result.read != result.asked if fooling else result.read == result.asked
    if not wanted_digit:
        return phrase("challenge_screen.missed_other", read=read)
    if result.confidence < CONFIDENT:
        return phrase("challenge_screen.missed_unsure", read=read)
    if result.second != result.asked:  # only a fool round gets this far
        return phrase(
            "challenge_screen.missed_second", read=read, second=result.second, asked=result.asked
        )
    return phrase("challenge_screen.missed_too_little", read=read, digit=with_article(result.asked))
