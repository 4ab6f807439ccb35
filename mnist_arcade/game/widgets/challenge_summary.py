"""The challenge's summary: each round's drawing, what the network read, and for a miss some
MNIST digits of both kinds, so the player sees why ("MNIST's 7s rarely have a bar")."""

from __future__ import annotations

import numpy as np
import pygame

from mnist_arcade.explaining.activation_images import enlarge
from mnist_arcade.game.services.challenge import RoundKind, RoundResult, with_article
from mnist_arcade.game.widgets.surfaces import grey_to_surface
from mnist_arcade.game.widgets.theme import ACCENT, GOOD, MUTED, WARN, panel
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.numbers import sure

EXAMPLES_PER_MISS = 3  # MNIST digits shown for each kind, for a missed round


class ChallengeSummary:
    """The rows of a finished game, made once (their pictures too) and drawn every frame."""

    def __init__(self, results: list[RoundResult], data) -> None:
        self.rows = [self._row(result, data) for result in results]

    @staticmethod
    def _row(result: RoundResult, data) -> dict:
        row = {"result": result, "drawing": None, "asked": [], "read": []}
        if result.drawing is not None:
            row["drawing"] = grey_to_surface(enlarge(result.drawing, 2))
        if data is not None and not result.won and result.read is not None:
            kinds = [("asked", result.asked)]
            if result.read != result.asked:  # read right but unsure: one row of MNIST's, not two
                kinds.append(("read", result.read))
            for key, digit in kinds:
                chosen = np.flatnonzero(data.y_test == digit)[:EXAMPLES_PER_MISS]
                row[key] = [grey_to_surface(data.x_test[i]) for i in chosen]
        return row

    def draw(self, surface: pygame.Surface, text, score: int, new_best: bool, fool_why) -> None:
        """The final score and a row per round: the drawing, what was asked, what was read, the
        points, and for a miss MNIST's digits of both kinds; over the fooling drawing, why."""
        verdict = phrase("challenge_screen.new_best" if new_best else "challenge_screen.game_over")
        final = phrase("challenge_screen.final", verdict=verdict, score=score)
        text.draw(surface, final, (40, 80), 32, ACCENT)
        text.draw(surface, phrase("challenge_screen.play_again"), (1240, 90), 22, MUTED, "topright")
        for index, row in enumerate(self.rows):
            top = 116 + index * 88
            result: RoundResult = row["result"]
            panel(surface, pygame.Rect(40, top, 1200, 82))
            if row["drawing"] is not None:
                surface.blit(row["drawing"], (52, top + 14))
                if result.kind is RoundKind.FOOL and fool_why is not None:
                    fool_why.draw(surface, pygame.Rect(52, top + 14, 56, 56))
                    fool_why.draw_legend(surface, text, (560, top + 30))
            asked = with_article(result.asked)
            fool = result.kind is RoundKind.FOOL
            task = phrase(
                "challenge_screen.task_fool" if fool else "challenge_screen.task_draw", digit=asked
            )
            read = (
                phrase("challenge_screen.read_nothing")
                if result.read is None
                else phrase(
                    "challenge_screen.read_as", digit=result.read, sure=sure(result.confidence)
                )
            )
            color = GOOD if result.won else WARN
            text.draw(
                surface,
                phrase("challenge_screen.row", task=task, read=read),
                (124, top + 14),
                26,
                color,
            )
            text.draw(
                surface,
                phrase("challenge_screen.points", points=result.points, seconds=result.seconds),
                (124, top + 46),
                22,
                MUTED,
            )
            if row["asked"]:
                asked_title = phrase("challenge_screen.mnist_digits", digit=result.asked)
                _draw_examples(surface, text, 560, top, asked_title, row["asked"])
            if row["read"]:
                read_title = phrase("challenge_screen.mnist_digits", digit=result.read)
                _draw_examples(surface, text, 900, top, read_title, row["read"])


def _draw_examples(surface, text, left: int, top: int, title: str, tiles) -> None:
    text.draw(surface, title, (left, top + 30), 20, MUTED)
    for index, tile in enumerate(tiles):
        surface.blit(tile, (left + 120 + index * 34, top + 26))
