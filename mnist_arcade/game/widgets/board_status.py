"""The board screen's words around the network: which model reads, how training goes, and the
three lines of keys under the network."""

from __future__ import annotations

import pygame

from mnist_arcade.canvas.methods import Method
from mnist_arcade.game.services.model_client import ModelState
from mnist_arcade.game.services.training_session import status_in_words
from mnist_arcade.game.state.readings import method_name
from mnist_arcade.game.widgets.theme import ACCENT, MUTED, TEXT, WARN, panel
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.languages import current_language

HELP_RECT = pygame.Rect(372, 600, 868, 100)


def model_status(model) -> str:
    """The top-right line: which model reads, or that it is loading or missing."""
    if model.state is ModelState.LOADING:
        return phrase("board_screen.loading")
    if model.state is ModelState.FAILED:
        return phrase("board_screen.no_model")
    return phrase("board_screen.in_use", label=model.label)


def training_status(training) -> str:
    """The line under it: a run in progress (its epoch), a run kept aside, or nothing."""
    if training.offer is not None and not training.active:
        return phrase("board_screen.run_kept_aside")
    if not training.active:
        return ""
    if training.progress is None:
        return phrase(
            "board_screen.training_status",
            preset=training.preset,
            status=status_in_words(training.status),
        )
    return phrase(
        "board_screen.training_epoch",
        preset=training.preset,
        epoch=training.progress.epoch,
        epochs=training.total_epochs,
    )


def language_key() -> str:
    """The switch key as the footer shows it: "Y  中文" in English, "Y  English" in Chinese,
    the other language named in itself, so a player who cannot read this one finds it."""
    return phrase("keys.footer_key", key="Y", what=current_language().other.own_name)


def draw_board_help(surface: pygame.Surface, text, readings, switching) -> None:
    """Every key of the board in three lines, each named for what it does (M names the
    method it switches to, not the one in use), what the colours mean, and at the first
    line's end the language switch."""
    panel(surface, HELP_RECT)
    left, top = HELP_RECT.left + 16, HELP_RECT.top + 6
    text.draw(surface, phrase("board_screen.help_first"), (left, top), 21, TEXT)
    text.draw(surface, language_key(), (HELP_RECT.right - 16, top), 21, ACCENT, "topright")
    restore = (
        phrase("board_screen.help_confirm")
        if switching.confirming_restore
        else phrase("board_screen.help_restore")
    )
    other = Method.PLAIN if readings.method is Method.MNIST else Method.MNIST
    text.draw(
        surface,
        phrase("board_screen.help_second", other=method_name(other), restore=restore),
        (left, top + 23),
        21,
        WARN if switching.confirming_restore else TEXT,
    )
    text.draw(surface, phrase("board_screen.help_third"), (left, top + 46), 21, TEXT)
    text.draw(surface, phrase("board_screen.help_colours"), (left, top + 70), 19, MUTED)
