"""The game window: owns the loop (events -> update -> draw), the board, the model and training.

``main()`` starts pygame and opens the window at once; TensorFlow loads on a background thread.
Nothing here runs at import time.

Run it with ``mnist-arcade`` or ``python -m mnist_arcade``.
"""

from __future__ import annotations

import os

import pygame

from mnist_arcade.board import Board
from mnist_arcade.errors import EmptyBoardError, MnistArcadeError
from mnist_arcade.game.draw_scene import DrawScene
from mnist_arcade.game.model_service import FAILED, LOADING, ModelService
from mnist_arcade.game.scene import Scene
from mnist_arcade.game.theme import CAPTION, FPS, GOOD, MUTED, TEXT, WARN, WINDOW_SIZE, Text
from mnist_arcade.game.train_scene import TrainScene
from mnist_arcade.game.training_session import FAILED as TRAINING_FAILED
from mnist_arcade.game.training_session import FINISHED, STOPPED, TrainingSession
from mnist_arcade.messages import Prediction
from mnist_arcade.preprocess import to_network_input

SHUTDOWN_SECONDS = 1.0  # how long closing the window waits for the trainer to stop


class App:
    """Everything one game session shares; the current scene does the talking to the player."""

    def __init__(
        self,
        screen: pygame.Surface,
        model: ModelService | None = None,
        training: TrainingSession | None = None,
    ) -> None:
        self.screen = screen
        self.text = Text()
        self.clock = pygame.time.Clock()
        self.board = Board()
        self.model = model or ModelService()
        self.training = training or TrainingSession()
        self.method = "mnist"  # or "plain": the tutorial's whole-board resize
        self.prediction: Prediction | None = None
        self.prediction_serial = 0  # bumped on each new prediction, so views know to refresh
        self.notice = "Loading the network... you can draw already."
        self.notice_color = MUTED
        self.predict_when_ready = False
        self.running = True
        self._last_training_status = self.training.status
        self._last_model_state = self.model.state
        self.scenes: dict[str, Scene] = {"draw": DrawScene(self), "train": TrainScene(self)}
        self.scene: Scene | None = None
        self.switch_to("draw")

    def __repr__(self) -> str:
        return f"App(scene={type(self.scene).__name__}, {self.model!r}, {self.training!r})"

    # --- scenes and messages ---------------------------------------------------------------

    def switch_to(self, name: str) -> None:
        if self.scene is not None:
            self.scene.on_exit()
        self.scene = self.scenes[name]
        self.scene.on_enter()

    def say(self, notice: str, color=TEXT) -> None:
        self.notice, self.notice_color = notice, color

    # --- predicting ------------------------------------------------------------------------

    def predict(self, quiet: bool = False) -> Prediction | None:
        """Read the board with the live model; explain on screen whatever gets in the way."""
        if self.board.is_empty:
            self.say("The board is empty: draw a digit with the mouse, then press P.", WARN)
            return None
        if self.model.state == LOADING:
            self.predict_when_ready = True
            self.say("The network is still loading; it will read your digit in a moment.", MUTED)
            return None
        if self.model.state == FAILED:
            self.say(f"No model to predict with ({self.model.error}). Press T to train one.", WARN)
            return None
        try:
            net_input = to_network_input(self.board.pixels, self.method)
            prediction = self.model.predict(net_input)
        except EmptyBoardError as error:
            self.say(str(error), WARN)
            return None
        except MnistArcadeError as error:
            self.say(str(error), WARN)
            return None
        self.prediction = prediction
        self.prediction_serial += 1
        if not quiet:
            self.say("Watch your digit flow through the network, left to right.", GOOD)
        return prediction

    def clear_board(self) -> None:
        self.board.clear()
        self.prediction = None
        self.prediction_serial += 1
        self.say("Board cleared. Draw a digit, then press P.", MUTED)

    def toggle_method(self) -> None:
        self.method = "plain" if self.method == "mnist" else "mnist"
        names = {"mnist": "MNIST-style (crop, fit 20x20, centre of mass)", "plain": "plain resize"}
        self.say(f"Preprocessing: {names[self.method]}.", TEXT)
        if self.prediction is not None:
            self.predict(quiet=True)

    def restore_shipped_model(self) -> None:
        if self.training.active:
            self.say("Stop training first (T), then restore the shipped model.", WARN)
            return
        try:
            self.model.restore_shipped()
        except MnistArcadeError as error:
            self.say(f"Could not restore the shipped model: {error}", WARN)
            return
        self.say("Restored the shipped model; your trained model was forgotten.", GOOD)
        if self.prediction is not None:
            self.predict(quiet=True)

    # --- the loop --------------------------------------------------------------------------

    def _poll_background(self) -> None:
        self.model.poll()
        if self.model.state != self._last_model_state:
            self._last_model_state = self.model.state
            self._on_model_state()
        new_weights = self.training.poll()
        if new_weights:
            self.model.apply_weights(new_weights[-1], source="training")
            if self.prediction is not None:
                self.predict(quiet=True)  # refresh the maps of the player's last digit
        status = self.training.status
        if status != self._last_training_status:
            self._last_training_status = status
            if status == FINISHED:
                self.say("Training finished: the board now uses the new weights.", GOOD)
            elif status == STOPPED:
                self.say("Training stopped: the weights learned so far are in use.", GOOD)
            elif status == TRAINING_FAILED:
                self.say(f"Training failed: {self.training.error}", WARN)

    def _on_model_state(self) -> None:
        """The background load finished: say so, and answer a P pressed while it loaded."""
        if self.model.ready:
            source = {"trained": "your trained model", "given": "the model you gave"}.get(
                self.model.source, "the shipped model"
            )
            self.say(
                self.model.warning or f"Network ready ({source}). Press P to predict.",
                WARN if self.model.warning else GOOD,
            )
            if self.predict_when_ready:
                self.predict_when_ready = False
                self.predict()
        elif self.model.state == FAILED:
            self.predict_when_ready = False
            self.say(f"No model could be loaded: {self.model.error}. Press T to train one.", WARN)

    def frame(self, dt: float | None = None) -> None:
        """One turn of the loop: events, background results, update, draw, flip."""
        if dt is None:
            dt = self.clock.tick(self.fps) / 1000.0
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                self.running = False
            else:
                self.scene.handle_event(event)
        self._poll_background()
        self.scene.update(dt)
        self.scene.draw(self.screen)
        pygame.display.flip()

    @property
    def fps(self) -> int:
        return FPS

    def run(self) -> None:
        while self.running:
            self.frame()
        self.shutdown()

    def shutdown(self) -> bool:
        """Stop training and wait briefly, so closing the window leaves no trainer behind."""
        return self.training.shutdown(SHUTDOWN_SECONDS)


def open_window() -> pygame.Surface:
    """Open the game window with a plain software framebuffer.

    By default SDL may load the system's OpenGL driver to present the window; on Mesa that
    brings in libraries that clash with TensorFlow's native library, and importing TensorFlow
    afterwards crashes with a segmentation fault. The game blits software surfaces anyway, so
    it asks SDL not to accelerate the framebuffer (set before the window exists).
    """
    os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
    pygame.display.set_caption(CAPTION)
    return pygame.display.set_mode(WINDOW_SIZE)


def main(
    model_path: str | None = None,
    data_path: str | None = None,
    startup_check: bool = False,
) -> int:
    """Start pygame, open the window, load TensorFlow in the background, run until closed.

    With ``startup_check``, print "first frame" as soon as the window has drawn once and exit
    at once (``benchmarks/bench_startup.py`` times the launch that way).
    """
    pygame.init()
    try:
        screen = open_window()
        model = ModelService(model_path)
        model.start()
        app = App(screen, model, TrainingSession(data_path=data_path))
        app.frame(0.0)
        if startup_check:
            print("first frame", flush=True)
            os._exit(0)  # do not wait for TensorFlow's import, still running on its thread
        app.run()
    finally:
        pygame.quit()
    return 0
