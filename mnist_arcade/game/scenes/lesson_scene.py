"""The lesson (L on the board): the tutorial's steps in order, one screen each.

Each step has a title, a few plain sentences, one thing to do and one live panel made from the
player's own drawing where it can be; the board stays on the left so the player can draw at
every step. Right or Space goes on, Left goes back, Esc leaves; the step is kept in the player's
folder (:mod:`mnist_arcade.game.state.lesson_progress`) so a class can resume.

Step 3's kernel lab and filter switches are widgets of their own, imported when the step is
first shown; a copy of the game without them shows a plain "kernel lab loading" panel instead.
"""

from __future__ import annotations

import contextlib
import dataclasses

import numpy as np
import pygame

from mnist_arcade.canvas.preprocess import to_network_input
from mnist_arcade.errors import EmptyBoardError
from mnist_arcade.explaining import model_source
from mnist_arcade.explaining.kernels import Preset
from mnist_arcade.explaining.preprocess_stages import Stage, stages
from mnist_arcade.game.context import GameContext
from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes.scene import Binding, Scene
from mnist_arcade.game.services.exam_digits import TestDigits
from mnist_arcade.game.state.lesson_steps import STEP_WORDS, STEPS, LessonStep
from mnist_arcade.game.widgets import lesson_panels
from mnist_arcade.game.widgets.board_canvas import BoardCanvas
from mnist_arcade.game.widgets.filter_switches import FilterSwitches
from mnist_arcade.game.widgets.kernel_lab import PRESET_KEYS, KernelLab, LabView
from mnist_arcade.game.widgets.lesson_panels import LESSON_SIZE, PanelView
from mnist_arcade.game.widgets.theme import ACCENT, BACKGROUND, MUTED, TEXT, WARN, panel
from mnist_arcade.game.words import Phrase, Phrases, phrase
from mnist_arcade.game.words.numbers import sure

BOARD_TOPLEFT = (40, 226)
PANEL_RECT = pygame.Rect(372, 216, 868, 440)
SWITCHES_HEIGHT = 128  # steps 3-5: the filter switches, in a strip under the step's panel
KNOCK_OUT_STEPS = frozenset({LessonStep.CONVOLUTION, LessonStep.POOLING, LessonStep.DENSE})
# Step 3: the lab above the switches, each inset in the step's panel (the lab needs its width).
LAB_RECT = pygame.Rect(
    PANEL_RECT.left, PANEL_RECT.top, PANEL_RECT.width, PANEL_RECT.height - SWITCHES_HEIGHT
).inflate(-16, -8)
SWITCHES_RECT = pygame.Rect(
    PANEL_RECT.left, PANEL_RECT.bottom - SWITCHES_HEIGHT, PANEL_RECT.width, SWITCHES_HEIGHT
).inflate(-16, -8)
TEXT_TOPLEFT, TEXT_WIDTH, TEXT_LINES = (40, 70), 1200, 5
PANELS = {
    LessonStep.DATA: lesson_panels.draw_data,
    LessonStep.WHY_CNN: lesson_panels.draw_numbers,
    LessonStep.POOLING: lesson_panels.draw_pooling,
    LessonStep.DENSE: lesson_panels.draw_dense,
    LessonStep.CODE: lesson_panels.draw_code,
    LessonStep.TRAINING: lesson_panels.draw_training,
    LessonStep.BOARD_TO_INPUT: lesson_panels.draw_stages,
    LessonStep.PREDICT: lesson_panels.draw_reading,
}
STAGE_CODE = {  # the line of fit_and_center_placed that does each stage, found by these words
    Stage.CROP: "_ink_box_or_empty(pixels)",
    Stage.FIT: "_resize(crop",
    Stage.CENTRE: "center_of_mass(digit)",
    Stage.UPRIGHT: "shear_rows(field",
    Stage.DIVIDE: "digit / 255.0",
}


def _step_text(step: LessonStep, view: PanelView) -> str:
    """The step's sentences, with the numbers they quote worked out, never typed in."""
    key = STEP_WORDS[step].text
    if step is LessonStep.WHY_CNN:
        side = view.layers[0].output_shape if view.layers else (28, 28, 1)
        return phrase(key, photo=200 * 200 * 3, digit=int(np.prod(side)))
    if step is LessonStep.DENSE:
        dense = next(layer for layer in view.layers if layer.kind == "Dense")
        flatten = next(layer for layer in view.layers if layer.kind == "Flatten")
        return phrase(key, inputs=flatten.output_shape[0], weights=dense.weights)
    return phrase(key)


def _step_do(step: LessonStep) -> str:
    """The step's one thing to do; step 3 names the key the kernel lab gives the outline."""
    key = STEP_WORDS[step].do
    if step is LessonStep.CONVOLUTION:
        outline = next(k for k, preset in PRESET_KEYS.items() if preset is Preset.OUTLINE)
        return phrase(key, key=pygame.key.name(outline))
    return phrase(key)


class LessonScene(Scene):
    """Nine steps, one at a time, with the board beside every one."""

    LEAST_TEXT_SIZE = LESSON_SIZE  # its help card too
    TITLE = Phrase("lesson.title")
    TEXT_ALREADY_LARGE = True  # every line at LESSON_SIZE or more, for a projector
    PANELS = Phrases(
        {
            "lesson.name_text": "lesson.panel_text",
            "lesson.name_live": "lesson.panel_live",
        }
    )

    def __init__(self, context: GameContext) -> None:
        super().__init__(context)
        self.canvas = BoardCanvas(context.board, BOARD_TOPLEFT)
        self.progress = context.lesson
        self.view = PanelView(layers=model_source.model_layers())
        self.view.code_file = model_source.shown_path(model_source.MODEL_SOURCE)
        self.view.train_code = [
            (
                phrase("lesson.code_from", file=self.view.code_file, function="compile_model"),
                model_source.call_lines(model_source.MODEL_SOURCE, "compile_model", "compile"),
            ),
            (
                phrase(
                    "lesson.code_from",
                    file=model_source.shown_path(model_source.TRAINING_SOURCE),
                    function="train",
                ),
                model_source.call_lines(model_source.TRAINING_SOURCE, "train", "fit"),
            ),
        ]
        recipe = model_source.preset_arguments()
        self.view.recipe = phrase(
            "lesson.recipe", recipe=", ".join(f"{k}={v}" for k, v in recipe.items())
        )
        found = model_source.lines_calling(
            model_source.PREPROCESS_SOURCE, "fit_and_center_placed", list(STAGE_CODE.values())
        )
        self.view.stage_code = dict(zip(STAGE_CODE, found, strict=True))
        plain = model_source.lines_calling(
            model_source.PREPROCESS_SOURCE, "plain_resize", ["_resize(pixels, MNIST_SIDE"]
        )
        self.view.stage_code[Stage.PLAIN] = plain[0]
        self._digits: TestDigits | None = None
        self._kernel_widgets: tuple[KernelLab, FilterSwitches] | None = None  # made on first use
        self._lab_prediction = None  # the reading the kernel lab was last given
        self._lab_board_version = -1  # the board version the kernel lab's picture is of
        self._staged_version = -1  # the board version step 8's stages were made for

    @property
    def step(self) -> LessonStep:
        return STEPS[self.progress.step]

    def bindings(self) -> list[Binding]:
        context = self.context
        lines = []  # Up / Down only where there are lines to light: step 6's code
        if self.step is LessonStep.CODE:
            lines.append(
                Binding(
                    (pygame.K_UP, pygame.K_DOWN),
                    phrase("keys.up_or_down"),
                    phrase("lesson.key_line"),
                    self._light_line,
                    takes_key=True,
                )
            )
        return [
            Binding(
                (pygame.K_RIGHT, pygame.K_SPACE),
                phrase("keys.right_or_space"),
                phrase("lesson.key_next"),
                lambda: self.go(self.progress.step + 1),
            ),
            Binding(
                (pygame.K_LEFT,),
                phrase("keys.left"),
                phrase("lesson.key_back"),
                lambda: self.go(self.progress.step - 1),
            ),
            *lines,
            Binding((pygame.K_c,), "C", phrase("lesson.key_clear"), context.readings.clear_board),
            Binding((pygame.K_t,), "T", phrase("lesson.key_train"), self._open_training),
            Binding((pygame.K_f,), "F", phrase("keys.fullscreen"), context.toggle_fullscreen),
            Binding(
                (pygame.K_ESCAPE,),
                phrase("keys.esc"),
                phrase("lesson.key_leave"),
                lambda: context.switch_to(SceneId.BOARD),
            ),
        ]

    def go(self, step: int) -> None:
        if not 0 <= step < len(STEPS):  # past either end: say where the lesson ends, and how out
            self.context.say(phrase("lesson.last_step" if step > 0 else "lesson.first_step"))
            return
        self.progress.go(step)
        self._say_problem()

    def _say_problem(self) -> None:
        problem = self.progress.take_problem()
        if problem:
            self.context.say(problem, WARN)

    def _light_line(self, key: int) -> None:
        step = 1 if key == pygame.K_DOWN else -1
        self.view.lit = (self.view.lit + step) % len(self.view.layers)

    def _open_training(self) -> None:
        self.context.switch_to(SceneId.TRAINING)

    def on_enter(self) -> None:
        self.progress.started = True
        self._say_problem()
        if self._digits is None:
            self._digits = TestDigits(self.context.training.trainer_options.get("data_path"))
            self._digits.start()

    def on_exit(self) -> None:
        self.canvas.end_stroke()
        self.progress.save()

    # --- step 3: the kernel lab and the filter switches -----------------------------------------

    def _kernel_lab(self) -> tuple[KernelLab, FilterSwitches]:
        """Step 3's two widgets, made the first time the step is shown: the lab above, the
        switches that knock the network's own conv1 filters out below it."""
        if self._kernel_widgets is None:
            text, model = self.context.text, self.context.model
            self._kernel_widgets = (
                KernelLab(LAB_RECT, text, model_client=model),
                FilterSwitches(SWITCHES_RECT, model, "conv1", text),
            )
        return self._kernel_widgets

    @property
    def panel_prediction(self):
        """The reading the step's panel shows: on steps 4 and 5, with filters switched off, the
        knocked-out network's (so a blank map or a changed bar shows what the filter did)."""
        prediction = self.view.prediction
        if self.step in KNOCK_OUT_STEPS and self._kernel_widgets is not None:
            return self.filter_switches.knocked_out_prediction or prediction
        return prediction

    @property
    def kernel_lab(self) -> KernelLab:
        """Step 3's kernel lab (made on first use)."""
        return self._kernel_lab()[0]

    @property
    def filter_switches(self) -> FilterSwitches:
        """The conv1 switches of steps 3 to 5: one set, so a filter stays off from step to step."""
        return self._kernel_lab()[1]

    # --- events and updates --------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.canvas.handle_event(event):
            return
        navigation = (pygame.K_RIGHT, pygame.K_LEFT, pygame.K_SPACE, pygame.K_ESCAPE)
        if event.type == pygame.KEYDOWN and event.key in navigation:
            self.handle_key(event.key)
            return
        if self.step is LessonStep.CONVOLUTION:
            widgets = self._kernel_lab()
        else:  # steps 4 and 5: the same switches, so a filter stays off from step to step
            widgets = self._kernel_lab()[1:] if self.step in KNOCK_OUT_STEPS else ()
        if any(widget.handle_event(event) for widget in widgets):
            return
        if event.type == pygame.KEYDOWN:
            self.handle_key(event.key)

    def update(self, dt: float) -> None:
        self.canvas.update()
        readings = self.context.readings
        prediction = readings.prediction or readings.live_prediction
        self.view.prediction = prediction
        loading = not self.context.model.ready and not self.context.board.is_empty
        self.view.empty_words = phrase("lesson.network_loading" if loading else "lesson.draw_first")
        unread = readings.reading is None or readings.is_stale
        can_read = self.context.model.ready and not readings.awaiting
        drawn = not self.context.board.is_empty and not self.canvas.drawing
        if not readings.live and unread and can_read and drawn:  # read each drawing once
            readings.predict(quiet=True, animate=False)
        digits = self._digits
        if self.view.examples is None and digits is not None:
            if digits.data is not None:
                self.view.examples = (digits.data.x_test[:20], digits.data.y_test[:20])
            elif digits.error is not None:
                self.view.examples_status = phrase("lesson.no_digits", error=digits.error)
            else:
                self.view.examples_status = phrase("lesson.loading_digits")
        if self.step in KNOCK_OUT_STEPS:
            self._update_kernel_lab(dt, prediction)
        if self.step is LessonStep.BOARD_TO_INPUT:
            self._update_stages()

    def _update_kernel_lab(self, dt: float, prediction) -> None:
        lab, switches = self._kernel_lab()
        if prediction is not None and prediction is not self._lab_prediction:
            self._lab_prediction = prediction  # a new reading: the lab shows the new drawing
            lab.set_image(prediction.net_input)
            switches.set_input(prediction.net_input)
            self._lab_board_version = self.context.board.version
        board = self.context.board
        unseen = board.version != self._lab_board_version and not self.canvas.drawing
        if prediction is None and unseen and not board.is_empty:
            # The lab is plain arithmetic: it shows the drawing before the network has read it
            # (the network may still be loading on a slow machine).
            self._lab_board_version = board.version
            with contextlib.suppress(EmptyBoardError):  # ink too faint: keep the last picture
                lab.set_image(to_network_input(board.pixels, self.context.readings.method))
        lab.update(dt)
        switches.update(dt)
        in_lab = self.step is LessonStep.CONVOLUTION and lab.view is LabView.LAB
        switches.numbers_work = not in_lab  # there, 1 to 8 choose the lab's kernels
        lab.show_switched_off(switches.off)  # the learned view crosses out what is switched off

    def _update_stages(self) -> None:
        """Step 8: the drawing's stages, read in one batched call when the drawing changed."""
        board = self.context.board
        if board.version == self._staged_version or self.canvas.drawing:
            return
        self._staged_version = board.version
        if board.is_empty:
            self.view.stages, self.view.stage_readings = [], None
            return
        try:
            self.view.stages = stages(board.pixels)
        except EmptyBoardError:  # ink too faint to count: nothing to show yet
            self.view.stages = []
        self.view.stage_readings = None
        if not self.view.stages:
            return
        if self.context.model.ready:
            version = board.version
            images = np.stack([picture.image for picture in self.view.stages])

            def on_done(probabilities: np.ndarray) -> None:
                if version == self._staged_version:
                    self.view.stage_readings = probabilities

            self.context.readings.classify(images, on_done)

    # --- drawing -------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        text, step = self.context.text, self.step
        words = STEP_WORDS[step]
        surface.fill(BACKGROUND)
        text.draw(surface, phrase(words.title), (40, 18), 44, TEXT)
        counter = phrase("lesson.step_of", step=self.progress.step + 1, steps=len(STEPS))
        text.draw(surface, counter, (1240, 26), 30, MUTED, "topright")
        body = _step_text(step, self.view)
        text.draw_wrapped(surface, body, TEXT_TOPLEFT, TEXT_WIDTH, LESSON_SIZE, TEXT, TEXT_LINES)
        do = phrase("lesson.do", what=_step_do(step))
        text.draw_wrapped(surface, do, (40, 176), TEXT_WIDTH, LESSON_SIZE + 4, ACCENT, 1)
        self.canvas.draw(surface)
        self._draw_reading(surface)
        panel(surface, PANEL_RECT)
        if step is LessonStep.CONVOLUTION:
            self._draw_kernel_lab(surface)
        elif step in KNOCK_OUT_STEPS:  # the step's own panel above the filter switches
            above = PANEL_RECT.copy()
            above.height -= SWITCHES_HEIGHT
            shown = dataclasses.replace(self.view, prediction=self.panel_prediction)
            PANELS[step](surface, above, text, shown)
            self._kernel_lab()[1].draw(surface)
        else:
            PANELS[step](surface, PANEL_RECT, text, self.view)
        footer = phrase("lesson.footer_code" if step is LessonStep.CODE else "lesson.footer")
        text.draw(surface, footer, (40, 684), LESSON_SIZE, MUTED)

    def _draw_reading(self, surface: pygame.Surface) -> None:
        text, prediction = self.context.text, self.view.prediction
        left, top = BOARD_TOPLEFT[0], self.canvas.rect.bottom + 12
        if prediction is not None:
            words = phrase("lesson.reads", digit=prediction.digit, sure=sure(prediction.confidence))
            text.draw(surface, words, (left, top), LESSON_SIZE + 4, ACCENT)
        notices = self.context.notices
        notice = notices.fresh(8.0)  # the lesson's own: the board's went as the lesson opened
        if notice:
            color = self.context.notices.color
            text.draw_wrapped(surface, notice, (left, top + 34), 300, LESSON_SIZE, color, 4)

    def _draw_kernel_lab(self, surface: pygame.Surface) -> None:
        for widget in self._kernel_lab():
            widget.draw(surface)
