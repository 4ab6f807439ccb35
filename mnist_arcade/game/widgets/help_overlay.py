"""The help overlay (H, F1 or ?): every key of the current screen, its panels, and a glossary.

The keys come from the scene's own bindings, so the help always lists exactly what the scene
answers. The glossary explains the words the screens use, in plain language.
"""

from __future__ import annotations

import pygame

from mnist_arcade.game.widgets.theme import ACCENT, MUTED, PANEL, PANEL_EDGE, TEXT, Text, wrap_words

HELP_KEYS_LABEL = "H / F1 / ?"
GLOSSARY = {
    "convolution": "a small 5x5 pattern slid over the image; where the image matches it, "
    "the map lights up",
    "feature map": "one detector's answers, one number for every place in the image",
    "pooling": "keep the strongest number of each 2x2 square, so maps get smaller",
    "softmax": "turns ten scores into chances that add up to 100%",
    "epoch": "one pass over all the training digits",
    "validation digits": "digits the network never learns from: its exam",
    "accuracy": "the share of digits read right",
    "loss": "how wrong the network is on average (cross-entropy); lower is better",
    "batch": "how many digits it looks at before each small correction of its weights",
    "samples/s": "digits the network learns from per second",
    "augmentation": "training digits moved, turned and made thicker or thinner, so the "
    "network learns to read more ways of writing",
}


def draw_help(
    target: pygame.Surface,
    text: Text,
    title: str,
    keys: list[tuple[str, str]],
    panels: dict[str, str],
) -> None:
    """Dim the screen and draw the help card on top of it."""
    shade = pygame.Surface(target.get_size(), pygame.SRCALPHA)
    shade.fill((0, 0, 0, 190))
    target.blit(shade, (0, 0))
    card = pygame.Rect(60, 40, target.get_width() - 120, target.get_height() - 80)
    pygame.draw.rect(target, PANEL, card, border_radius=10)
    pygame.draw.rect(target, PANEL_EDGE, card, width=2, border_radius=10)
    left, top = card.left + 28, card.top + 20
    text.draw(target, f"Help: {title}", (left, top), 36, TEXT)
    text.draw(
        target,
        f"{HELP_KEYS_LABEL} or Esc closes this",
        (card.right - 28, top + 8),
        22,
        MUTED,
        "topright",
    )
    y = top + 50
    text.draw(target, "Keys", (left, y), 26, ACCENT)
    y += 30
    for label, what in [*keys, (HELP_KEYS_LABEL, "this help"), ("F11", "fullscreen")]:
        text.draw(target, label, (left, y), 22, TEXT)
        text.draw(target, what, (left + 110, y), 22, MUTED)
        y += 24
    y += 12
    text.draw(target, "What you see", (left, y), 26, ACCENT)
    y += 30
    for name, sentence in panels.items():
        y = _entry(target, text, name, sentence, left, y, 470)
    column = card.left + card.width // 2 + 10
    y = top + 50
    text.draw(target, "Words", (column, y), 26, ACCENT)
    y += 30
    for word, meaning in GLOSSARY.items():
        y = _entry(target, text, word, meaning, column, y, card.right - 28 - column)


def _entry(target, text: Text, name: str, sentence: str, left: int, y: int, width: int) -> int:
    """``name``: ``sentence``, wrapped to ``width``; returns the next free y."""
    text.draw(target, name, (left, y), 20, TEXT)
    y += 20
    for line in wrap_words(sentence, text.font(20), width - 16):
        text.draw(target, line, (left + 16, y), 20, MUTED)
        y += 18
    return y + 6
