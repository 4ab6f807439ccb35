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
from mnist_arcade.game.words.numbers import percent
from mnist_arcade.player_files.atomic_files import why_not_saved
from mnist_arcade.player_files.folder_lock import UserFolderBusy
from mnist_arcade.scoring.confidence import reads_as_digit

BOARD_TOPLEFT = (40, 110)
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
        self._was_live = self.context.readings.live
        self.context.readings.live = True  # the network calls out its guess as you draw
        self.mnist.start()
        self.start_game()

    def on_exit(self) -> None:
        self.canvas.end_stroke()
        self.context.readings.live = self._was_live

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

    def _clear(self) -> None:
        """C: a clean board for the same round; P plays no part here, so it is not named."""
        self.context.readings.clear_board(quiet=True)
        self.context.say(phrase("challenge_screen.cleared"), MUTED)

    def _again(self) -> None:
        if self.challenge.over:
            self.start_game()
        else:
            self.context.say(phrase("challenge_screen.finish_first"), MUTED)

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.pause > 0 or self.countdown > 0 or self.challenge.over:
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
            return
        reading = self.context.readings.live_prediction
        result = challenge.update(
            dt,
            None if reading is None else reading.probabilities,
            None if reading is None else reading.net_input,
            finished=self.drawing_finished(),
        )
        if result is not None:
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

    def _draw_round(self, surface: pygame.Surface) -> None:
        text, challenge = self.context.text, self.challenge
        self.canvas.draw(surface)
        left = 380
        text.draw(
            surface,
            phrase(
                "challenge_screen.round",
                round=challenge.round_index + 1,
                rounds=len(challenge.digits),
            ),
            (left, 110),
            24,
            MUTED,
        )
        text.draw(
            surface,
            challenge.prompt(),
            (left, 138),
            52 if challenge.kind is RoundKind.DRAW else 36,
            TEXT,
        )
        bar = pygame.Rect(left, 210, 820, 22)
        pygame.draw.rect(surface, PANEL_EDGE, bar, width=1)
        share = challenge.time_left / ROUND_SECONDS
        filled = bar.copy()
        filled.width = round(bar.width * share)
        pygame.draw.rect(surface, GOOD if share > 0.3 else WARN, filled)
        text.draw(
            surface,
            self._time_line(),
            (bar.right, bar.bottom + 6),
            22,
            MUTED,
            "topright",
        )
        panel(surface, pygame.Rect(left, 270, 820, 120))
        if self.pause > 0 and self.last is not None:
            self._draw_result_line(surface, left + 20, 300)
            text.draw(surface, self.last.points_explained(), (left + 20, 346), 22, MUTED)
        elif self.countdown > 0:
            count = str(math.ceil(self.countdown))
            text.draw(surface, phrase("challenge_screen.get_ready"), (left + 20, 300), 36, MUTED)
            text.draw(surface, count, self.canvas.rect.center, 160, ACCENT, "center")
            text.draw(surface, phrase("challenge.points_rule"), (left + 20, 346), 22, MUTED)
        else:
            reading = self.context.readings.live_prediction
            text.draw(surface, self._guess_line(), (left + 20, 300), 36, TEXT if reading else MUTED)
            text.draw(surface, challenge.requirement(), (left + 20, 346), 22, MUTED)
            text.draw(surface, phrase("challenge.points_rule"), (left + 20, 368), 18, MUTED)
        self._draw_round_dots(surface, left, 430)

    def _time_line(self) -> str:
        """The seconds left, or, once they are up mid-stroke, that the round waits for it."""
        time_left = self.challenge.time_left
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
        read, sure = with_article(guesses.read), percent(guesses.confidence)
        line = phrase("challenge_screen.guess", digit=read, sure=sure)
        if self.challenge.kind is RoundKind.FOOL:
            share = percent(guesses.second_share)
            line += phrase("challenge_screen.second_guess", digit=guesses.second, share=share)
        return line

    def _draw_result_line(self, surface: pygame.Surface, left: int, top: int) -> None:
        text, result = self.context.text, self.last
        if result.won and result.kind is RoundKind.FOOL:
            read = with_article(result.read)
            line, color = phrase("challenge_screen.fooled", digit=read, points=result.points), GOOD
        elif result.won:
            asked = with_article(result.asked)
            line, color = phrase("challenge_screen.won", digit=asked, points=result.points), GOOD
        else:
            line, color = missed_line(result), WARN
        text.draw(surface, line, (left, top), 36, color)

    def _draw_round_dots(self, surface: pygame.Surface, left: int, top: int) -> None:
        text = self.context.text
        for index, digit in enumerate(self.challenge.digits):
            center = (left + 30 + index * 70, top + 30)
            results = self.challenge.results
            if index < len(results):
                color = GOOD if results[index].won else WARN
            else:
                color = ACCENT if index == self.challenge.round_index else PANEL_EDGE
            pygame.draw.circle(surface, color, center, 24, width=0 if index < len(results) else 3)
            text.draw(
                surface,
                str(digit) if index <= len(results) else "?",
                center,
                28,
                BACKGROUND if index < len(results) else TEXT,
                "center",
            )


def missed_line(result: RoundResult) -> str:
    """Why a round was lost, in a child's words; for a fool round, which part was missing."""
    if result.read is None:
        return phrase("challenge_screen.nothing_drawn")
    read = phrase(
        "challenge_screen.times_up",
        digit=with_article(result.read),
        sure=percent(result.confidence),
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
