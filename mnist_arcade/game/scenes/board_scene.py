"""The board scene: draw, press P, and watch the network read the digit layer by layer."""

from __future__ import annotations

from typing import ClassVar

import pygame

from mnist_arcade.game.context import GameContext
from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes.scene import Binding, Scene
from mnist_arcade.game.services.model_client import ModelState
from mnist_arcade.game.state.readings import method_name
from mnist_arcade.game.widgets.board_canvas import BoardCanvas
from mnist_arcade.game.widgets.detail_view import DetailView
from mnist_arcade.game.widgets.network_view import FULL_LAYOUT, NetworkView
from mnist_arcade.game.widgets.occlusion_overlay import OcclusionOverlay
from mnist_arcade.game.widgets.probability_bars import draw_probability_bars
from mnist_arcade.game.widgets.theme import (
    ACCENT,
    BACKGROUND,
    GOOD,
    MUTED,
    TEXT,
    WARN,
    panel,
)
from mnist_arcade.scoring.confidence import NOT_A_DIGIT, reads_as_digit

BOARD_TOPLEFT = (40, 84)
DIGIT_KEYS = {getattr(pygame, f"K_{n}"): n for n in range(10)} | {
    getattr(pygame, f"K_KP{n}"): n for n in range(10)
}
RESULT_RECT = pygame.Rect(40, 440, 300, 260)
NOTICE_TOPLEFT, NOTICE_LINES = (40, 391), 3  # under the board, above the reading
NETWORK_RECT = pygame.Rect(372, 84, 868, 500)
HELP_RECT = pygame.Rect(372, 600, 868, 100)


class BoardScene(Scene):
    """The board on the left, the network at work on the right."""

    TITLE: ClassVar[str] = "The drawing board"
    PANELS: ClassVar[dict[str, str]] = {
        "the board": "draw here with the mouse: a white square brush on black, like MNIST",
        "the network reads": "the digit the network picked, and its chance for every digit",
        "the network panel": "your digit flowing through each layer, left to right",
    }

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
        context = self.context
        return [
            Binding((pygame.K_p,), "P", "read the digit (predict)", context.readings.predict),
            Binding((pygame.K_c,), "C", "clear the board", context.readings.clear_board),
            Binding(
                (pygame.K_m,),
                "M",
                "switch how the drawing is shrunk",
                context.readings.toggle_method,
            ),
            Binding((pygame.K_t,), "T", "train the network", self._open_training),
            Binding(
                (pygame.K_e,),
                "E",
                "how well it reads: every test digit",
                lambda: context.switch_to(SceneId.EVALUATION),
            ),
            Binding(
                (pygame.K_g,),
                "G",
                "the challenge game: draw the digit asked, fast",
                lambda: context.switch_to(SceneId.CHALLENGE),
            ),
            Binding(
                (pygame.K_r,),
                "R",
                "go back to the shipped model",
                context.switching.restore_shipped_model,
            ),
            Binding(
                (pygame.K_l,),
                "L",
                "live reading while you draw, on or off",
                context.readings.toggle_live,
            ),
            Binding(
                tuple(DIGIT_KEYS),
                "0-9",
                "after a reading: 'this was a 7', kept in your digit book",
                lambda key: context.teaching.add_to_book(DIGIT_KEYS[key]),
                takes_key=True,
            ),
            Binding((pygame.K_k,), "K", "teach the network your digits", context.start_finetune),
            Binding(
                (pygame.K_n,),
                "N",
                "next model: the shipped one, then each run kept",
                context.switching.next_model,
            ),
            Binding((pygame.K_d,), "D", "your digit book", lambda: context.switch_to(SceneId.BOOK)),
            Binding(
                (pygame.K_w,),
                "W",
                "why this digit? (which parts of the drawing mattered)",
                context.why.explain_reading,
            ),
            Binding((pygame.K_f,), "F", "fullscreen on or off", context.toggle_fullscreen),
            Binding((pygame.K_ESCAPE,), "Esc", "close the card of a clicked map", self._close),
            Binding((pygame.K_SPACE,), "Space", "pause or go on with the card", self._pause),
            Binding((pygame.K_TAB,), "Tab", "conv2 card: the next input map", self._next_input),
        ]

    def _close(self) -> None:
        if self.detail.is_open:
            self.detail.close()
        else:
            self.context.say("Click a feature map to open its card; Esc closes it.", MUTED)

    def _pause(self) -> None:
        if self.detail.is_open:
            self.detail.toggle_pause()
        else:
            self.context.say("Space pauses a map's card: click a map first.", MUTED)

    def _next_input(self) -> None:
        if self.detail.is_open and self.detail.layer == "conv2":
            self.detail.next_input_channel()
        else:
            self.context.say("Tab shows another input map on a conv2 card: click one.", MUTED)

    def _click(self, point) -> None:
        """A click on a map opens its card; on "what the net sees", asks why."""
        context = self.context
        reading = context.readings.reading
        if reading is None or context.readings.is_stale or not self.network.done:
            return
        if reading.model_version != context.model.version or context.model.weights is None:
            context.say("Another model is in use now: press P to read again first.", MUTED)
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
        context = self.context
        if not context.training.active and context.training.offer is None:
            context.news.start_training()
        context.switch_to(SceneId.TRAINING)

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
        text.draw(surface, "MNIST Arcade", (40, 18), 44, TEXT)
        text.draw(surface, self._model_status(), (1240, 22), 22, MUTED, "topright")
        text.draw(surface, self._training_status(), (1240, 46), 20, ACCENT, "topright")

        self.canvas.draw(surface)
        self._draw_notice(surface)
        self._draw_result(surface)

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
        else:
            self.network.draw(surface)
        self._draw_help(surface)
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
        if self.context.readings.is_stale:
            return (
                "You changed the drawing since the last reading.",
                "Press P to read it again.",
            )
        return (
            "Draw a digit on the black board, then press P",
            "to watch the network read it, one layer after another.",
        )

    def _model_status(self) -> str:
        model = self.context.model
        if model.state is ModelState.LOADING:
            return "network: loading TensorFlow..."
        if model.state is ModelState.FAILED:
            return "network: no model loaded"
        return f"in use: {model.label}"

    def _training_status(self) -> str:
        training = self.context.training
        if training.offer is not None and not training.active:
            return "your last run is kept aside: T to see it"
        if not training.active:
            return ""
        if training.progress is None:
            return f"training ({training.preset}): {training.status.value}..."
        return (
            f"training ({training.preset}): epoch {training.progress.epoch} of "
            f"{training.total_epochs}, T to watch"
        )

    def _draw_notice(self, surface: pygame.Surface) -> None:
        context = self.context
        context.text.draw_wrapped(
            surface,
            context.notices.current,
            NOTICE_TOPLEFT,
            self.canvas.rect.width,
            20,
            context.notices.color,
            NOTICE_LINES,
        )

    def _draw_result(self, surface: pygame.Surface) -> None:
        context = self.context
        text = context.text
        panel(surface, RESULT_RECT)
        prediction = context.readings.prediction
        as_you_draw = prediction is None and context.readings.live_prediction is not None
        if as_you_draw:  # a reading a stroke behind: said so, in grey
            prediction = context.readings.live_prediction
        shown = self.network.prediction is not None and self.network.done
        if prediction is None or not shown:
            if context.readings.is_stale:
                message = "drawing changed: press P"
            else:
                message = "press P to predict" if prediction is None else "reading..."
            text.draw(surface, message, RESULT_RECT.center, 24, MUTED, "center")
            return
        title = "as you draw, it reads..." if as_you_draw else "the network reads"
        text.draw(surface, title, (RESULT_RECT.left + 16, RESULT_RECT.top + 12), 22, MUTED)
        is_digit = reads_as_digit(prediction.probabilities)
        text.draw(
            surface,
            str(prediction.digit) if is_digit else "?",
            (RESULT_RECT.left + 24, RESULT_RECT.top + 30),
            120,
            MUTED if as_you_draw or not is_digit else ACCENT,
        )
        color = GOOD if prediction.confidence >= 0.8 else WARN
        color = MUTED if as_you_draw else color
        if is_digit:
            sure = f"{prediction.confidence:.0%} sure"
            text.draw(surface, sure, (RESULT_RECT.left + 110, RESULT_RECT.top + 72), 30, color)
        else:  # calibrated, and trained to be unsure on scribbles: say so, not a digit
            text.draw_wrapped(
                surface, NOT_A_DIGIT, (RESULT_RECT.left + 110, RESULT_RECT.top + 44), 180, 22, WARN
            )
            best = f"best guess {prediction.digit}, {prediction.confidence:.0%}"
            text.draw(surface, best, (RESULT_RECT.left + 110, RESULT_RECT.top + 84), 18, MUTED)
        text.draw(
            surface,
            method_name(context.readings.method),
            (RESULT_RECT.left + 110, RESULT_RECT.top + 102),
            18,
            MUTED,
        )
        text.draw(
            surface,
            "chance of each digit, in %",
            (RESULT_RECT.left + 16, RESULT_RECT.top + 124),
            18,
            MUTED,
        )
        bars = pygame.Rect(
            RESULT_RECT.left + 12, RESULT_RECT.top + 142, RESULT_RECT.width - 24, 112
        )
        draw_probability_bars(surface, text, bars, prediction.probabilities)

    def _draw_help(self, surface: pygame.Surface) -> None:
        text = self.context.text
        panel(surface, HELP_RECT)
        left, top = HELP_RECT.left + 16, HELP_RECT.top + 12
        text.draw(
            surface,
            "Draw with the left mouse button    P  read it    C  clear    G  game    H  help",
            (left, top),
            24,
            TEXT,
        )
        restore = (
            "R again  confirm" if self.context.switching.confirming_restore else "R  shipped model"
        )
        text.draw(
            surface,
            f"M  {method_name(self.context.readings.method)}    T  train    "
            f"E  how well it reads    {restore}",
            (left, top + 30),
            22,
            WARN if self.context.switching.confirming_restore else TEXT,
        )
        text.draw(
            surface,
            "Colours: dark = the filter is quiet, yellow = it fires strongly.",
            (left, top + 58),
            20,
            MUTED,
        )
