"""The board screen's words around the network: which model reads, how training goes, and the
three lines of keys under the network."""

from __future__ import annotations

import re

import pygame

from mnist_arcade.canvas.methods import Method
from mnist_arcade.game.services.model_client import ModelState
from mnist_arcade.game.services.training_session import status_in_words
from mnist_arcade.game.state.readings import method_name
from mnist_arcade.game.widgets.theme import ACCENT, MUTED, TEXT, WARN, panel
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.languages import current_language
from mnist_arcade.game.words.model_names import shown_run_kind

HELP_RECT = pygame.Rect(372, 600, 868, 100)
KEY_SIZE, KEY_PITCH, KEY_ROWS = 21, 23, 4  # the key rows' size and pitch; four fit the panel
KEY_GAP = 16  # at the least between the first row and the language switch
KEY_MARGIN = 6  # from the panel's top edge to the first row, and from the last row to its foot
COLOURS_SIZE = 19  # the colours line under the keys, when they leave it room
KEY_SEPARATOR = re.compile(r"( {3,})")  # three spaces or more part two keys ("P  read it")


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
            preset=shown_run_kind(training.preset),
            status=status_in_words(training.status),
        )
    return phrase(
        "board_screen.training_epoch",
        preset=shown_run_kind(training.preset),
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
    line's end the language switch.

    A line too wide for the panel (larger text, F2) breaks between two keys onto a row of its
    own; the colours line then gives up its place if the keys need it, so no key runs off the
    window's edge."""
    panel(surface, HELP_RECT)
    left, top = HELP_RECT.left + 16, HELP_RECT.top + KEY_MARGIN
    language = language_key()
    width = HELP_RECT.width - 32
    language_width = text.font(KEY_SIZE, language).size(language)[0]
    text.draw(surface, language, (HELP_RECT.right - 16, top), KEY_SIZE, ACCENT, "topright")
    restore = (
        phrase("board_screen.help_confirm")
        if switching.confirming_restore
        else phrase("board_screen.help_restore")
    )
    other = Method.PLAIN if readings.method is Method.MNIST else Method.MNIST
    lines = [
        (phrase("board_screen.help_first"), TEXT),
        (
            phrase("board_screen.help_second", other=method_name(other), restore=restore),
            WARN if switching.confirming_restore else TEXT,
        ),
        (phrase("board_screen.help_third"), TEXT),
    ]
    rows = [
        (words, color, KEY_SIZE)
        for words, color in key_rows(text, lines, width, width - language_width - KEY_GAP)
    ]
    if len(rows) < KEY_ROWS:
        rows.append((phrase("board_screen.help_colours"), MUTED, COLOURS_SIZE))
    rows = rows[:KEY_ROWS]
    for (words, color, size), y in zip(rows, row_tops(text, rows, top), strict=True):
        text.draw(surface, words, (left, y), size, color)


def row_tops(text, rows, top: int) -> list[int]:
    """Where each of ``rows`` ((words, colour, size), ...) starts: KEY_PITCH apart, closer
    where the last row would reach the panel's foot margin (larger text, F2, and Chinese lines
    are taller), so the last line keeps as much room below it as the first has above."""
    tallest = max(text.font(size, words).get_linesize() for words, _, size in rows)
    room = HELP_RECT.bottom - KEY_MARGIN - tallest - top
    pitch = min(KEY_PITCH, room // max(1, len(rows) - 1))
    return [top + row * pitch for row in range(len(rows))]


def key_rows(text, lines, width: int, first_width: int) -> list[tuple[str, object]]:
    """``lines`` of keys (each with its colour) as rows that fit ``width`` pixels (the first
    row ``first_width``, beside the language switch): a line too wide breaks between two keys,
    at the spaces that part them, never inside one."""
    font = text.font(KEY_SIZE, "".join(line for line, _ in lines))
    rows: list[tuple[str, object]] = []
    for line, color in lines:
        row, pieces = "", KEY_SEPARATOR.split(line.strip())
        for index in range(0, len(pieces), 2):
            entry = pieces[index]
            joined = f"{row}{pieces[index - 1]}{entry}" if row else entry
            room = first_width if not rows else width
            if row and font.size(joined)[0] > room:
                rows.append((row, color))
                joined = entry
            row = joined
        rows.append((row, color))
    return rows
