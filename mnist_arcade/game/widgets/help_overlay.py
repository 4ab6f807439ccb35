"""The help overlay (H, F1 or ?): every key of the current screen, its panels, and a glossary.

The keys come from the scene's own bindings, so the help always lists exactly what the scene
answers. The glossary explains the words the screens use, in plain language, each word with its
twin in the other language beside it (卷积 convolution), so a reader of the tutorial and a
reader of English meet the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

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


KEY_COLUMN = 110  # where a key's meaning starts, right of the key (further for a wide key)
ENTRY_SIZE, ENTRY_LINE = 20, 18  # a panel's or word's explanation: font size, line spacing
KEY_SIZE, KEY_LINE = 22, 23
NAME_LINE = 20  # at least this from an entry's name to its sentence
HEADER_SIZE, HEADER_LINE = 26, 30
GUTTER = 28  # between columns, and inside the card's edge
KEY_GAP = 12  # at least this between a key and its meaning
KEY_COLUMN_STEP = 40  # a too-tall card tries the keys' column this much narrower


def _row_height(text: Text, size: int, least: int, *strings: str) -> int:
    """The height of one row holding ``strings`` side by side: at least ``least``, and tall
    enough for the tallest of their fonts (a Chinese word beside English needs the CJK
    font's taller line), so no row reaches into the next."""
    return max(least, *(text.font(size, string).get_linesize() for string in strings))


@dataclass(frozen=True)
class _Line:
    """Where a kind of row (every key's, every entry's name) puts its text: the baseline
    ``baseline`` pixels below the row's top, the next row ``height`` below it."""

    baseline: int
    height: int


def _shared_line(text: Text, size: int, least: int, rows) -> _Line:
    """One line for every row of ``rows`` (each the strings drawn side by side in it): the
    baseline low enough for the tallest font's ascent, the height enough for every font's
    foot below it (at least ``least``). A row in two fonts (Y's "the other
    language: 中文") then stands on the same baseline, at the same spacing, as the rows around
    it: the CJK font's letters sit lower in their box than pygame's, so a row that put its own
    baseline at its own tallest ascent would sit a few pixels low and crowd the next row."""
    fonts = [text.font(size, string) for row in rows for string in row if string]
    baseline = max(font.get_ascent() for font in fonts)
    below = max(font.get_linesize() - font.get_ascent() for font in fonts)
    return _Line(baseline, max(least, baseline + below))


def _draw_row(target, text: Text, pieces, y: int, size: int, line: _Line) -> None:
    """Draw ``pieces`` ((string, x, color), ...) with their baselines on ``line``'s, the row's
    top at ``y``."""
    for string, x, color in pieces:
        ascent = text.font(size, string).get_ascent()
        text.draw(target, string, (x, y + line.baseline - ascent), size, color)


@dataclass(frozen=True)
class _Block:
    """One piece of the help card: a section header, a key and its meaning (wrapped right of
    the key's column), or a named entry whose sentence wraps to the column's width."""

    kind: str  # "header", "key" or "entry" (never shown)
    name: str
    sentence: str = ""
    aside: str = ""  # an entry's name in the other language, drawn after it
    indent: int = KEY_COLUMN  # a key's meaning starts this far right of the key
    line: _Line = _Line(0, KEY_LINE)  # a key's row, or an entry's name row (_shared_line)

    @property
    def names(self) -> tuple[str, ...]:
        """What an entry's first row holds: its name, and its twin if it has one."""
        return (self.name, self.aside) if self.aside else (self.name,)

    def _lines(self, text: Text, width: int) -> list[str]:
        if self.kind == "key":
            return wrap_words(
                self.sentence, text.font(KEY_SIZE, self.sentence), width - self.indent
            )
        return wrap_words(self.sentence, text.font(ENTRY_SIZE, self.sentence), width - 16)

    def height(self, text: Text, width: int) -> int:
        if self.kind == "header":
            return _row_height(text, HEADER_SIZE, HEADER_LINE, self.name)
        if self.kind == "key":
            return self.line.height * max(1, len(self._lines(text, width)))
        line = _row_height(text, ENTRY_SIZE, ENTRY_LINE, self.sentence)
        return self.line.height + line * len(self._lines(text, width)) + 6

    def draw(self, target: pygame.Surface, text: Text, left: int, y: int, width: int) -> None:
        if self.kind == "header":
            text.draw(target, self.name, (left, y), HEADER_SIZE, ACCENT)
        elif self.kind == "key":
            for index, line in enumerate(self._lines(text, width)):
                pieces = [(line, left + self.indent, MUTED)]
                if index == 0:
                    pieces.insert(0, (self.name, left, TEXT))
                _draw_row(target, text, pieces, y + index * self.line.height, KEY_SIZE, self.line)
        else:
            self._draw_entry(target, text, left, y, width)

    def _draw_entry(self, target, text: Text, left: int, y: int, width: int) -> None:
        """The entry's name (and its twin in the other language) on one baseline, then its
        sentence, wrapped, below the name row's full height."""
        name_width = text.font(ENTRY_SIZE, self.name).size(self.name)[0]
        pieces = [(self.name, left, TEXT)]
        if self.aside:
            pieces.append((self.aside, left + name_width + 12, MUTED))
        _draw_row(target, text, pieces, y, ENTRY_SIZE, self.line)
        top = y + self.line.height
        line = _row_height(text, ENTRY_SIZE, ENTRY_LINE, self.sentence)
        for row, words in enumerate(self._lines(text, width)):
            text.draw(target, words, (left + 16, top + row * line), ENTRY_SIZE, MUTED)


def _window_keys(keys: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The scene's keys and the window's own (help, F11, F2). F11 joins the scene's own
    fullscreen key in one row ("F / F11"), not a second row saying the same."""
    fullscreen = phrase("keys.fullscreen")
    joined = [
        (phrase("keys.or_window_fullscreen", key=label) if what == fullscreen else label, what)
        for label, what in keys
    ]
    has_fullscreen = any(what == fullscreen for _, what in keys)
    return [
        *joined,
        (phrase("keys.help"), phrase("keys.this_help")),
        *([] if has_fullscreen else [("F11", fullscreen)]),
        ("F2", phrase("keys.larger_text")),
    ]


def _blocks(text: Text, keys: list[tuple[str, str]], panels: dict[str, str]) -> list[_Block]:
    every_key = _window_keys(keys)
    widest = max(text.font(KEY_SIZE, label).size(label)[0] for label, _ in every_key)
    indent = max(KEY_COLUMN, widest + KEY_GAP)
    key_line = _shared_line(text, KEY_SIZE, KEY_LINE, every_key)
    entries = [
        *(_Block("entry", name, sentence) for name, sentence in panels.items()),
        *_glossary_blocks(),
    ]
    name_line = _shared_line(text, ENTRY_SIZE, NAME_LINE, [entry.names for entry in entries])
    entries = [replace(entry, line=name_line) for entry in entries]
    return [
        _Block("header", phrase("help.keys")),
        *(_Block("key", label, what, indent=indent, line=key_line) for label, what in every_key),
        _Block("header", phrase("help.panels")),
        *entries[: len(panels)],
        _Block("header", phrase("help.words")),
        *entries[len(panels) :],
    ]


def _glossary_blocks() -> list[_Block]:
    """The glossary's words, each with its name in the other language beside it, unless both
    languages call it the same (softmax is softmax in Chinese too: shown once, not twice)."""
    other = current_language().other
    blocks = []
    for name, meaning in GLOSSARY.catalogue_keys.items():
        shown, twin = phrase(name), phrase_in(other, name)
        aside = "" if twin.casefold() == shown.casefold() else twin
        blocks.append(_Block("entry", shown, phrase(meaning), aside=aside))
    return blocks


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
    blocks = _blocks(text, keys, panels)
    inner = card.width - 2 * GUTTER
    key_width = max(
        block.indent + text.font(KEY_SIZE, block.sentence).size(block.sentence)[0]
        for block in blocks
        if block.kind == "key"
    )
    layouts = [[(inner - GUTTER) // 2] * 2, *_three_columns(key_width, inner)]
    widths, columns, dropped = _layout(blocks, text, layouts, card.bottom - 16 - (top + 50))
    if dropped:  # said, never silently left out
        note = _left_out_note(text, dropped)
        foot = (card.right - GUTTER, card.bottom - 10)
        text.draw(target, note, foot, ENTRY_SIZE, ACCENT, "bottomright")
    x = left
    for width, column in zip(widths, columns, strict=True):
        y = top + 50
        for block in column:
            block.draw(target, text, x, y, width)
            y += block.height(text, width)
        x += width + GUTTER


def _left_out_note(text: Text, count: int) -> str:
    """What shows the ``count`` words left out: larger text off (F2); in a window too small
    for the normal sizes F2 alone does not turn it off (``Text.fit_window``), a bigger window
    does, and then F2 too if the player chose larger text."""
    if text.window_small:
        key = (
            "help.more_words_bigger_window_chosen"
            if text.chosen_large
            else "help.more_words_bigger_window"
        )
    else:
        key = "help.more_words_large" if text.large else "help.more_words"
    return phrase(key, count=count)


def _layout(blocks, text: Text, layouts, height: int):
    """The first of ``layouts`` (column widths) that holds every block in ``height``:
    (widths, columns, 0). If even the last does not, the blocks that fit in it, a line left
    free at the foot for the note that says how many were left out: (widths, columns, count)."""
    for widths in layouts:
        columns = _flow(blocks, text, widths, height)
        if columns is not None:
            return widths, columns, 0
    widths = layouts[-1]
    note = text.font(ENTRY_SIZE, phrase("help.more_words", count=0)).get_linesize()
    columns = _flow_clipped(blocks, text, widths, height - note - 6)
    return widths, columns, len(blocks) - sum(len(column) for column in columns)


def _three_columns(key_width: int, inner: int) -> list[list[int]]:
    """Three-column layouts, the keys' column first as wide as its longest line, then
    narrower (its longest lines wrapping) so the other two have room for theirs. Keys
    narrower than a third of the card get three equal columns, the two gutters between them
    taken out first (left in, the third column ran past the card's edge)."""
    layouts = []
    for keys in range(key_width, inner // 3 - 1, -KEY_COLUMN_STEP):
        rest = (inner - keys - 2 * GUTTER) // 2
        layouts.append([keys, rest, rest])
    return layouts or [[(inner - 2 * GUTTER) // 3] * 3]


def _flow_clipped(blocks, text: Text, widths: list[int], height: int) -> list[list[_Block]]:
    """As :func:`_flow`, dropping the blocks that do not fit (the glossary's last words)."""
    for count in range(len(blocks), 0, -1):
        columns = _flow(blocks[:count], text, widths, height)
        if columns is not None:
            return columns
    return [[] for _ in widths]
