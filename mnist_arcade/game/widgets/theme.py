"""Colours and sizes shared by every scene (the text renderer is :mod:`.text`)."""

from __future__ import annotations

import pygame

WINDOW_SIZE = (1280, 720)  # fits a 1366x768 laptop with room for the title bar
FPS = 60  # frame cap while drawing
MIN_TEXT_SIZE = 18  # pygame's default font at 18 is 12 px high: nothing on screen is smaller

BACKGROUND = (17, 19, 28)
PANEL = (28, 32, 46)
PANEL_EDGE = (58, 64, 86)
TEXT = (232, 234, 242)
MUTED = (150, 156, 176)
ACCENT = (255, 196, 61)  # the winning class, the live stage of the network
GOOD = (110, 214, 140)
WARN = (255, 130, 110)
SERIES = {  # chart colours, by Keras metric name
    "accuracy": (96, 165, 250),
    "val_accuracy": (255, 196, 61),
    "loss": (96, 165, 250),
    "val_loss": (255, 196, 61),
}


def panel(target: pygame.Surface, rect: pygame.Rect) -> None:
    """A rounded panel with a thin edge, behind a group of widgets."""
    pygame.draw.rect(target, PANEL, rect, border_radius=8)
    pygame.draw.rect(target, PANEL_EDGE, rect, width=1, border_radius=8)
