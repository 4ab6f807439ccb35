"""The board scene: draw, press P, and watch the network read the digit layer by layer."""

from __future__ import annotations

import pygame

from mnist_arcade.game.context import GameContext
from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes.scene import Binding, Scene
from mnist_arcade.game.widgets.board_canvas import BoardCanvas
from mnist_arcade.game.widgets.board_status import draw_board_help, model_status, training_status
from mnist_arcade.game.widgets.detail_view import DetailView
from mnist_arcade.game.widgets.network_view import FULL_LAYOUT, NetworkView
from mnist_arcade.game.widgets.occlusion_overlay import OcclusionOverlay
from mnist_arcade.game.widgets.reading_panel import (
    RESULT_RECT,
    draw_reading_panel,
    shows_a_reading,
)
from mnist_arcade.game.widgets.theme import (
    ACCENT,
    BACKGROUND,
    MUTED,
    TEXT,
    panel,
)
from mnist_arcade.game.words import Phrase, Phrases, phrase
from mnist_arcade.game.words.languages import current_language

BOARD_TOPLEFT = (40, 84)
DIGIT_KEYS = {getattr(pygame, f"K_{n}"): n for n in range(10)} | {
    getattr(pygame, f"K_KP{n}"): n for n in range(10)
}
NOTICE_TOPLEFT, NOTICE_LINES = (40, 391), 3  # under the board, above the reading (room allowing)
NOTICE_SIZE = 20
NOTICE_OVER_EMPTY_PANEL = 110  # px of the reading panel's top a notice may take while the panel
# shows no reading (a warning at launch names a file whole: "kept aside as <its name>")
PANEL_GAP = 4  # at least this between the notice's last line and the reading panel
NETWORK_RECT = pygame.Rect(372, 84, 868, 500)
DETECTOR_LAYERS = ("conv1", "conv2")  # hovering one of their maps shows what it looks for


class BoardScene(Scene):
    """The board on the left, the network at work on the right."""

    TITLE = Phrase("board_screen.title")
    PANELS = Phrases(
        {
            "board_screen.name_board": "board_screen.panel_board",
            "board_screen.name_reads": "board_screen.panel_reads",
            "board_screen.name_network": "board_screen.panel_network",
        }
    )

    def __init__(self, context: GameContext) -> None:
        super().__init__(context)
        self.canvas = BoardCanvas(context.board, BOARD_TOPLEFT)
        self.network = NetworkView(
            context.text, NETWORK_RECT.inflate(-24, -24), FULL_LAYOUT, explain=True
        )
        self.mouse = (-1, -1)  # the canvas position of the mouse, for hovering a map
        self.detail = DetailView(context.text, NETWORK_RECT.inflate(-24, -24))
        self._why: OcclusionOverlay | None = None
        self._shown_serial = -1

    def bindings(self) -> list[Binding]:
        # Over 60 lines on purpose: the board's whole key map as one table, which the help
        # card and the "that key does nothing" hint read; split, it would hide keys.
        context = self.context
        return [
            Binding(
                (pygame.K_p,), "P", phrase("board_screen.key_predict"), context.readings.predict
            ),
            Binding(
                (pygame.K_c,), "C", phrase("board_screen.key_clear"), context.readings.clear_board
            ),
            Binding(
                (pygame.K_z,),
                phrase("keys.ctrl_z"),
                phrase("board_screen.key_undo"),
                context.readings.undo,
            ),
            Binding(
                (pygame.K_m,),
                "M",
                phrase("board_screen.key_method"),
                context.readings.toggle_method,
            ),
            Binding((pygame.K_t,), "T", phrase("board_screen.key_train"), self._open_training),
            Binding(
                (pygame.K_e,),
                "E",
                phrase("board_screen.key_evaluate"),
                lambda: context.switch_to(SceneId.EVALUATION),
            ),
            Binding(
                (pygame.K_g,),
                "G",
                phrase("board_screen.key_challenge"),
                lambda: context.switch_to(SceneId.CHALLENGE),
            ),
            Binding(
                (pygame.K_r,),
                "R",
                phrase("board_screen.key_restore"),
                context.switching.restore_shipped_model,
            ),
            Binding(
                (pygame.K_l,),
                "L",
                phrase("board_screen.key_lesson"),
                lambda: context.switch_to(SceneId.LESSON),
            ),
            Binding(
                (pygame.K_v,),
                "V",
                phrase("board_screen.key_live"),
                context.readings.toggle_live,
            ),
            Binding(
                tuple(DIGIT_KEYS),
                phrase("keys.digits"),
                phrase("board_screen.key_digits"),
                lambda key: context.teaching.add_to_book(DIGIT_KEYS[key]),
                takes_key=True,
            ),
            Binding((pygame.K_k,), "K", phrase("board_screen.key_teach"), context.start_finetune),
            Binding(
                (pygame.K_n,),
                "N",
                phrase("board_screen.key_next_model"),
                context.switching.next_model,
            ),
            Binding(
                (pygame.K_d,),
                "D",
                phrase("board_screen.key_book"),
                lambda: context.switch_to(SceneId.BOOK),
            ),
            Binding(
                (pygame.K_w,),
                "W",
                phrase("board_screen.key_why"),
                context.why.toggle,
            ),
            Binding((pygame.K_f,), "F", phrase("keys.fullscreen"), context.toggle_fullscreen),
            Binding(
                (pygame.K_ESCAPE,),
                phrase("keys.esc"),
                phrase("board_screen.key_close"),
                self._close,
            ),
            Binding(
                (pygame.K_SPACE,),
                phrase("keys.space"),
                phrase("board_screen.key_pause"),
                self._pause,
            ),
            Binding(
                (pygame.K_TAB,),
                phrase("keys.tab"),
                phrase("board_screen.key_tab"),
                self._next_input,
            ),
            Binding((pygame.K_x,), "X", phrase("board_screen.key_exact"), self._toggle_exact),
            Binding(
                (pygame.K_y,),
                "Y",
                phrase("board_screen.key_language", language=current_language().other.own_name),
                context.switch_language,
            ),
        ]

    def _close(self) -> None:
        if self.detail.is_open:
            self.detail.close()
        elif self.context.why.hide():
            self._why = None
        else:
            self.context.say(phrase("board_screen.no_card_to_close"), MUTED)

    def _pause(self) -> None:
        if self.detail.is_open:
            self.detail.toggle_pause()
        else:
            self.context.say(phrase("board_screen.no_card_to_pause"), MUTED)

    def _toggle_exact(self) -> None:
        if self.detail.is_open:
            self.detail.toggle_exact()
        else:
            self.context.say(phrase("board_screen.no_card_for_exact"), MUTED)

    def _next_input(self) -> None:
        if self.detail.is_open and self.detail.layer == "conv2":
            self.detail.next_input_channel()
        else:
            self.context.say(phrase("board_screen.no_card_to_tab"), MUTED)

    def _click(self, point) -> None:
        """A click on a map opens its card; on "what the net sees", asks why."""
        context = self.context
        reading = context.readings.reading
        if reading is None or context.readings.is_stale or not self.network.done:
            return
        if reading.model_version != context.model.version or context.model.weights is None:
            context.say(phrase("board_screen.other_model"), MUTED)
            return
        if self.network.dense_bounds.collidepoint(point):
            self.detail.open_dense(reading.prediction, context.model.weights)
            return
        tile = self.network.tile_at(point)
        if tile is None:
            return
        layer, channel = tile
        if layer == "input":
            context.why.explain_reading()
        else:
            self.detail.open_tile(layer, channel, reading.prediction, context.model.weights)
        if self.detail.is_open and self.detail.layer == "conv2":  # where Tab works: found
            context.notices.withdraw(phrase("board_screen.no_card_to_tab"))

    def on_exit(self) -> None:
        self.canvas.end_stroke()  # a button held across a scene switch must not leave the brush on

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.canvas.handle_event(event):
            return
        if event.type == pygame.MOUSEMOTION:
            self.mouse = event.pos
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._click(event.pos)
        elif event.type == pygame.KEYDOWN:
            self.handle_key(event.key)

    def _open_training(self) -> None:
        """T opens the training screen; a run starts there (1, 2 or Space), so a teacher can
        show the screen without training anything."""
        self.context.switch_to(SceneId.TRAINING)

    def update(self, dt: float) -> None:
        context = self.context
        if context.readings.serial != self._shown_serial:
            self._shown_serial = context.readings.serial
            reading = context.readings.reading
            self.detail.close()  # its numbers were for the reading before
            if reading is None:
                self.network.prediction = None
            else:
                self.network.method = reading.method
                self.network.show(reading.prediction, animate=reading.animate)
        if context.readings.is_stale and context.readings.live_prediction is None:
            self.network.prediction = None  # an answer for an older drawing is not shown
        hovered = self.network.tile_at(self.mouse) if self.network.done else None
        if hovered is not None and hovered[0] in DETECTOR_LAYERS:
            context.model.request_detectors()  # once per model, when first wanted (~1.5 s)
        self.network.detectors = context.model.detectors
        self.network.update(dt)
        self.detail.update(dt)
        if context.readings.is_stale:
            self.detail.close()
        why = context.why.on_show
        if why is None:
            self._why = None
        elif self._why is None or self._why.evidence is not why:
            self._why = OcclusionOverlay(why)
        self.canvas.update()

    # --- drawing ---------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        text = self.context.text
        surface.fill(BACKGROUND)
        text.draw(surface, phrase("board_screen.heading"), (40, 18), 44, TEXT)
        context = self.context
        text.draw(surface, model_status(context.model), (1240, 22), 22, MUTED, "topright")
        text.draw(surface, training_status(context.training), (1240, 46), 20, ACCENT, "topright")

        self.canvas.draw(surface)
        shown = self.network.prediction is not None and self.network.done
        empty = not shows_a_reading(context.readings, shown)
        below_notice = self._draw_notice(surface, empty)
        panel_rect = RESULT_RECT.copy()
        if empty:  # a long notice pushes the panel's top down, never under it
            panel_rect.top = max(RESULT_RECT.top, below_notice + PANEL_GAP)
            panel_rect.height = RESULT_RECT.bottom - panel_rect.top
        draw_reading_panel(surface, text, context.readings, shown, panel_rect)

        panel(surface, NETWORK_RECT)
        if self.network.prediction is None:
            first, second = self._empty_network_lines()
            text.draw(surface, first, NETWORK_RECT.center, 30, TEXT, "center")
            text.draw(
                surface,
                second,
                (NETWORK_RECT.centerx, NETWORK_RECT.centery + 30),
                24,
                MUTED,
                "midtop",
            )
            if not self.context.lesson.started:  # the first screen a new player sees
                offer = phrase("lesson.offer", steps=self.context.lesson.steps)
                where = (NETWORK_RECT.centerx, NETWORK_RECT.centery + 90)
                text.draw(surface, offer, where, 30, ACCENT, "midtop")
        elif not self.detail.is_open:  # an open card hides the view (F2's wider captions
            self.network.draw(surface)  # would show past its edge)
        draw_board_help(surface, context.text, context.readings, context.switching)
        if self._why is not None:
            self._draw_why(surface)
        if self.detail.is_open:
            self.detail.draw(surface)
            return
        hovered = self.network.tile_at(self.mouse) if self.network.done else None
        if hovered is not None:
            self.network.draw_enlarged(surface, *hovered, self.mouse)

    def _draw_why(self, surface: pygame.Surface) -> None:
        """The evidence over the board and over "what the net sees", and what it means."""
        self._why.draw_on_board(surface, self.canvas.rect, self.context.why.box)
        if self.network.columns:
            net_sees = self.network.columns[0]
            tile_rect = pygame.Rect(net_sees.positions[0], net_sees.tiles[0].get_size())
            self._why.draw(surface, tile_rect)
        self._why.draw_legend(
            surface, self.context.text, (NETWORK_RECT.left + 16, NETWORK_RECT.bottom - 30)
        )

    def _empty_network_lines(self) -> tuple[str, str]:
        if self.context.readings.drawing_changed:
            return phrase("board_screen.changed_first"), phrase("board_screen.changed_second")
        return phrase("board_screen.empty_first"), phrase("board_screen.empty_second")

    def _draw_notice(self, surface: pygame.Surface, panel_empty: bool) -> int:
        """The notice under the board, in as many lines as fit above the reading panel (its
        panel is drawn later and would hide a line below its top edge): a longer notice ends
        in "...", never silently under the panel. Chinese lines are taller than English ones.
        While the panel shows no reading it gives up to NOTICE_OVER_EMPTY_PANEL of its top
        (a launch warning's file name is whole). Returns the y below the notice's last line."""
        context = self.context
        notice = context.notices.current
        line_height = context.text.font(NOTICE_SIZE, notice).get_linesize()
        room = RESULT_RECT.top - NOTICE_TOPLEFT[1]
        lines = min(NOTICE_LINES, room // line_height)
        if panel_empty:
            lines = max(lines, (room + NOTICE_OVER_EMPTY_PANEL - PANEL_GAP) // line_height)
        return context.text.draw_wrapped(
            surface,
            notice,
            NOTICE_TOPLEFT,
            self.canvas.rect.width,
            NOTICE_SIZE,
            context.notices.color,
            lines,
        )
