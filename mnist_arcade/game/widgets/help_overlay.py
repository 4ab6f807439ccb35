"""The help overlay (H, F1 or ?): every key of the current screen, its panels, and a glossary.

The keys come from the scene's own bindings, so the help always lists exactly what the scene
answers. The glossary explains the words the screens use, in plain language, each word with its
twin in the other language beside it (卷积 convolution), so a reader of the tutorial and a
reader of English meet the same words.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from mnist_arcade.game.widgets.text import Text, wrap_words
from mnist_arcade.game.widgets.theme import ACCENT, MUTED, PANEL, PANEL_EDGE, TEXT
from mnist_arcade.game.words import PhraseTable, phrase, phrase_in
from mnist_arcade.game.words.languages import current_language

GLOSSARY = PhraseTable(  # each word and its meaning, looked up when the help is drawn
    {
        "glossary.name_convolution": "glossary.convolution",
        "glossary.name_feature_map": "glossary.feature_map",
        "glossary.name_pooling": "glossary.pooling",
        "glossary.name_softmax": "glossary.softmax",
        "glossary.name_epoch": "glossary.epoch",
        "glossary.name_validation": "glossary.validation",
        "glossary.name_accuracy": "glossary.accuracy",
        "glossary.name_loss": "glossary.loss",
        "glossary.name_batch": "glossary.batch",
        "glossary.name_samples": "glossary.samples",
        "glossary.name_augmentation": "glossary.augmentation",
        "glossary.name_exact": "glossary.exact",
    }
)


KEY_COLUMN = 110  # where a key's meaning starts, right of the key
ENTRY_SIZE, ENTRY_LINE = 20, 18  # a panel's or word's explanation: font size, line spacing
KEY_SIZE, KEY_LINE = 22, 24
HEADER_SIZE, HEADER_LINE = 26, 30
GUTTER = 28  # between columns, and inside the card's edge


@dataclass(frozen=True)
class _Block:
    """One piece of the help card: a section header, a key and its meaning, or a named entry
    whose sentence wraps to the column's width."""

    kind: str  # "header", "key" or "entry" (never shown)
    name: str
    sentence: str = ""
    aside: str = ""  # an entry's name in the other language, drawn after it

    def height(self, text: Text, width: int) -> int:
        if self.kind == "header":
            return HEADER_LINE
        if self.kind == "key":
            return KEY_LINE
        lines = wrap_words(self.sentence, text.font(ENTRY_SIZE), width - 16)
        return 20 + ENTRY_LINE * len(lines) + 6

    def draw(self, target: pygame.Surface, text: Text, left: int, y: int, width: int) -> None:
        if self.kind == "header":
            text.draw(target, self.name, (left, y), HEADER_SIZE, ACCENT)
        elif self.kind == "key":
            text.draw(target, self.name, (left, y), KEY_SIZE, TEXT)
            text.draw(target, self.sentence, (left + KEY_COLUMN, y), KEY_SIZE, MUTED)
        else:
            name = text.draw(target, self.name, (left, y), ENTRY_SIZE, TEXT)
            if self.aside:
                text.draw(target, self.aside, (name.right + 12, y), ENTRY_SIZE, MUTED)
            lines = wrap_words(self.sentence, text.font(ENTRY_SIZE), width - 16)
            for row, line in enumerate(lines):
                text.draw(target, line, (left + 16, y + 20 + row * ENTRY_LINE), ENTRY_SIZE, MUTED)


def _blocks(keys: list[tuple[str, str]], panels: dict[str, str]) -> list[_Block]:
    every_key = [
        *keys,
        (phrase("keys.help"), phrase("keys.this_help")),
        ("F11", phrase("keys.fullscreen")),
        ("F2", phrase("keys.larger_text")),
    ]
    return [
        _Block("header", phrase("help.keys")),
        *(_Block("key", label, what) for label, what in every_key),
        _Block("header", phrase("help.panels")),
        *(_Block("entry", name, sentence) for name, sentence in panels.items()),
        _Block("header", phrase("help.words")),
        *_glossary_blocks(),
    ]


def _glossary_blocks() -> list[_Block]:
    """The glossary's words, each with its name in the other language beside it."""
    other = current_language().other
    return [
        _Block("entry", phrase(name), phrase(meaning), aside=phrase_in(other, name))
        for name, meaning in GLOSSARY.catalogue_keys.items()
    ]


def _flow(blocks, text: Text, widths: list[int], height: int) -> list[list[_Block]] | None:
    """Fill columns of ``widths`` top to bottom, never leaving a header at a column's foot;
    None if the blocks do not fit in ``height``."""
    columns: list[list[_Block]] = [[] for _ in widths]
    column, used = 0, 0
    for index, block in enumerate(blocks):
        needed = block.height(text, widths[column])
        if block.kind == "header" and index + 1 < len(blocks):
            needed += blocks[index + 1].height(text, widths[column])
        if used + needed > height and columns[column]:
            column, used = column + 1, 0
            if column == len(widths):
                return None
        columns[column].append(block)
        used += block.height(text, widths[column])
    return columns


def draw_help(
    target: pygame.Surface,
    text: Text,
    title: str,
    keys: list[tuple[str, str]],
    panels: dict[str, str],
) -> None:
    """Dim the screen and draw the help card on top of it: the keys, what each panel shows and
    the glossary, in two columns, or three when the screen has many keys."""
    shade = pygame.Surface(target.get_size(), pygame.SRCALPHA)
    shade.fill((0, 0, 0, 190))
    target.blit(shade, (0, 0))
    card = pygame.Rect(40, 30, target.get_width() - 80, target.get_height() - 60)
    pygame.draw.rect(target, PANEL, card, border_radius=10)
    pygame.draw.rect(target, PANEL_EDGE, card, width=2, border_radius=10)
    left, top = card.left + GUTTER, card.top + 20
    text.draw(target, phrase("help.title", title=title), (left, top), 36, TEXT)
    text.draw(
        target,
        phrase("help.closes", keys=phrase("keys.help")),
        (card.right - GUTTER, top + 8),
        22,
        MUTED,
        "topright",
    )
    blocks = _blocks(keys, panels)
    inner = card.width - 2 * GUTTER
    key_width = KEY_COLUMN + max(
        text.font(KEY_SIZE).size(block.sentence)[0] for block in blocks if block.kind == "key"
    )
    rest = (inner - key_width - 2 * GUTTER) // 2
    layouts = ([(inner - GUTTER) // 2] * 2, [key_width, rest, rest])
    height = card.bottom - 16 - (top + 50)
    for widths in layouts:
        columns = _flow(blocks, text, widths, height)
        if columns is not None:
            break
    else:  # more than even three columns hold: show what fits rather than spill off the card
        widths, columns = layouts[-1], _flow_clipped(blocks, text, layouts[-1], height)
    x = left
    for width, column in zip(widths, columns, strict=True):
        y = top + 50
        for block in column:
            block.draw(target, text, x, y, width)
            y += block.height(text, width)
        x += width + GUTTER


def _flow_clipped(blocks, text: Text, widths: list[int], height: int) -> list[list[_Block]]:
    """As :func:`_flow`, dropping the blocks that do not fit (the glossary's last words)."""
    for count in range(len(blocks), 0, -1):
        columns = _flow(blocks[:count], text, widths, height)
        if columns is not None:
            return columns
    return [[] for _ in widths]
