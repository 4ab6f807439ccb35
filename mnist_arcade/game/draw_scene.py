"""The board scene: draw, press P, and watch the network read the digit layer by layer."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from mnist_arcade.game.model_service import FAILED, LOADING
from mnist_arcade.game.network_view import FULL_LAYOUT, NetworkView
from mnist_arcade.game.probability_bars import draw_probability_bars
from mnist_arcade.game.scene import Scene
from mnist_arcade.game.surfaces import grey_to_surface
from mnist_arcade.game.theme import ACCENT, BACKGROUND, GOOD, MUTED, PANEL_EDGE, TEXT, WARN, panel

if TYPE_CHECKING:
    from mnist_arcade.game.app import App

BOARD_TOPLEFT = (40, 84)
RESULT_RECT = pygame.Rect(40, 430, 300, 270)
NETWORK_RECT = pygame.Rect(372, 84, 868, 500)
HELP_RECT = pygame.Rect(372, 600, 868, 100)
METHOD_NAMES = {"mnist": "MNIST-style centring", "plain": "plain resize (tutorial)"}


class DrawScene(Scene):
    """The board on the left, the network at work on the right."""

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.board_rect = pygame.Rect(BOARD_TOPLEFT, (app.board.size, app.board.size))
        self.network = NetworkView(app.text, NETWORK_RECT.inflate(-24, -24), FULL_LAYOUT)
        self.drawing = False
        self._board_surface: pygame.Surface | None = None
        self._board_version = -1
        self._shown_serial = -1

    def _board_point(self, position) -> tuple[int, int]:
        return position[0] - self.board_rect.left, position[1] - self.board_rect.top

    def handle_event(self, event: pygame.event.Event) -> None:
        app = self.app
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.board_rect.collidepoint(event.pos):
                self.drawing = True
                app.board.begin_stroke(*self._board_point(event.pos))
        elif event.type == pygame.MOUSEMOTION and self.drawing:
            app.board.continue_stroke(*self._board_point(event.pos))
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.drawing:
            self.drawing = False
            app.board.end_stroke()
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_p:
                app.predict()
            elif event.key == pygame.K_c:
                app.clear_board()
            elif event.key == pygame.K_m:
                app.toggle_method()
            elif event.key == pygame.K_r:
                app.restore_shipped_model()
            elif event.key == pygame.K_t:
                if not app.training.active:
                    app.training.start()
                app.switch_to("train")

    def update(self, dt: float) -> None:
        if self.app.prediction_serial != self._shown_serial:
            self._shown_serial = self.app.prediction_serial
            if self.app.prediction is None:
                self.network.prediction = None
            else:
                self.network.show(self.app.prediction)
        self.network.update(dt)
        if self.app.board.version != self._board_version:
            self._board_version = self.app.board.version
            self._board_surface = grey_to_surface(self.app.board.pixels)

    # --- drawing ---------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        text = self.app.text
        surface.fill(BACKGROUND)
        text.draw(surface, "MNIST Arcade", (40, 18), 44, TEXT)
        text.draw(surface, self._model_status(), (1240, 22), 22, MUTED, "topright")
        text.draw(surface, self._training_status(), (1240, 46), 20, ACCENT, "topright")

        pygame.draw.rect(surface, PANEL_EDGE, self.board_rect.inflate(4, 4), width=2)
        if self._board_surface is not None:
            surface.blit(self._board_surface, self.board_rect)
        self._draw_notice(surface)
        self._draw_result(surface)

        panel(surface, NETWORK_RECT)
        if self.network.prediction is None:
            text.draw(
                surface,
                "Draw a digit on the black board, then press P",
                NETWORK_RECT.center,
                30,
                TEXT,
                "center",
            )
            text.draw(
                surface,
                "to watch the network read it, one layer after another.",
                (NETWORK_RECT.centerx, NETWORK_RECT.centery + 30),
                24,
                MUTED,
                "midtop",
            )
        else:
            self.network.draw(surface)
        self._draw_help(surface)

    def _model_status(self) -> str:
        model = self.app.model
        if model.state == LOADING:
            return "network: loading TensorFlow..."
        if model.state == FAILED:
            return "network: no model loaded"
        names = {
            "trained": "your trained model",
            "given": "model from --model",
            "training": "weights from training",
            "shipped": "shipped model",
        }
        return f"network: {names.get(model.source, model.source)}, ready"

    def _training_status(self) -> str:
        training = self.app.training
        if not training.active:
            return ""
        if training.progress is None:
            return f"training ({training.preset}): {training.status}..."
        return (
            f"training ({training.preset}): epoch {training.progress.epoch} of "
            f"{training.total_epochs}, T to watch"
        )

    def _draw_notice(self, surface: pygame.Surface) -> None:
        self.app.text.draw_wrapped(
            surface, self.app.notice, (40, 393), self.board_rect.width, 20, self.app.notice_color
        )

    def _draw_result(self, surface: pygame.Surface) -> None:
        text = self.app.text
        panel(surface, RESULT_RECT)
        prediction = self.app.prediction
        shown = self.network.prediction is not None and self.network.done
        if prediction is None or not shown:
            message = "press P to predict" if prediction is None else "reading..."
            text.draw(surface, message, RESULT_RECT.center, 24, MUTED, "center")
            return
        text.draw(
            surface, "the network reads", (RESULT_RECT.left + 16, RESULT_RECT.top + 12), 22, MUTED
        )
        text.draw(
            surface,
            str(prediction.digit),
            (RESULT_RECT.left + 24, RESULT_RECT.top + 30),
            120,
            ACCENT,
        )
        color = GOOD if prediction.confidence >= 0.8 else WARN
        text.draw(
            surface,
            f"{prediction.confidence:.0%} sure",
            (RESULT_RECT.left + 110, RESULT_RECT.top + 72),
            30,
            color,
        )
        text.draw(
            surface,
            METHOD_NAMES[self.app.method],
            (RESULT_RECT.left + 110, RESULT_RECT.top + 104),
            18,
            MUTED,
        )
        bars = pygame.Rect(
            RESULT_RECT.left + 12, RESULT_RECT.top + 140, RESULT_RECT.width - 24, 120
        )
        draw_probability_bars(surface, text, bars, prediction.probabilities)

    def _draw_help(self, surface: pygame.Surface) -> None:
        text = self.app.text
        panel(surface, HELP_RECT)
        left, top = HELP_RECT.left + 16, HELP_RECT.top + 12
        text.draw(
            surface,
            "Hold the left mouse button to draw    P  predict    C  clear",
            (left, top),
            24,
            TEXT,
        )
        text.draw(
            surface,
            f"M  preprocessing: {METHOD_NAMES[self.app.method]}    T  train the network    "
            "R  restore the shipped model",
            (left, top + 30),
            22,
            TEXT,
        )
        text.draw(
            surface,
            "Colours: dark = the filter is quiet, yellow = it fires strongly.",
            (left, top + 58),
            20,
            MUTED,
        )
