"""The key line at the bottom of a screen breaks between keys, never between a key and what it
does: with larger text (F2) the training screen's line had ended one row with "H" and begun the
next with "help"."""

import pygame
import pytest

from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes.train_scene import MAPS_RECT
from mnist_arcade.game.widgets.text import fit_items
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.languages import Language, use_language
from testing_support.game_input import post_key
from testing_support.text_recorder import drawn_in_frames


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("larger", [False, True])
def test_every_footer_row_of_the_training_screen_holds_whole_keys(make_app, language, larger):
    use_language(language)
    app = make_app()
    if larger:
        post_key(pygame.K_F2)
        app.frame(1 / 60)
    app.switch_to(SceneId.TRAINING)
    items = app.scene.key_items()
    rows = [d.string for d in drawn_in_frames(app).drawn if d.rect.top >= MAPS_RECT.bottom]
    shown = [part for row in rows for part in row.split(phrase("keys.footer_gap"))]
    assert shown and all(part in items for part in shown), [p for p in shown if p not in items]
    assert len(rows) == 2 or not larger  # the case that wraps is the one tested


def test_an_item_wider_than_a_line_is_wrapped_and_the_last_line_cut_with_an_ellipsis():
    pygame.font.init()
    font = pygame.font.Font(None, 24)
    width = font.size("wide word")[0] + 4
    assert fit_items(["a", "b"], " | ", font, width, 2) == ["a | b"]
    assert fit_items(["wide word here", "c"], " | ", font, width, 3) == ["wide word", "here | c"]
    cut = fit_items(["one", "two", "three", "four"], " | ", font, font.size("one | two")[0], 1)
    assert cut[0].endswith("...") and len(cut) == 1
