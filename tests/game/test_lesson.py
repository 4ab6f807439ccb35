"""The lesson (L on the board): its keys, its remembered step, its text on a projector, and the
code it shows against the real model."""

import json

import numpy as np
import pygame
import pytest

from mnist_arcade.canvas.board import Board
from mnist_arcade.canvas.preprocess import fit_and_center, plain_resize, to_network_input
from mnist_arcade.explaining.model_source import model_layers
from mnist_arcade.explaining.preprocess_stages import Stage, stages
from mnist_arcade.game.app import App
from mnist_arcade.game.context import GameContext
from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes.lesson_scene import LessonScene
from mnist_arcade.game.state.lesson_progress import progress_path
from mnist_arcade.game.state.lesson_steps import STEPS, LessonStep
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.languages import Language, use_language
from testing_support.game_input import post_key, post_stroke, run_until, settle

STEP_COUNT = len(STEPS)


def drawn(app):
    """Every string the next frame draws, with the rectangle it landed in."""
    text, seen = app.context.text, []
    original = text.draw

    def record(target, string, *args, **kwargs):
        rect = original(target, string, *args, **kwargs)
        seen.append((string, rect))
        return rect

    text.draw = record
    try:
        app.frame(1 / 60)
    finally:
        del text.draw
    return seen


def shown(app) -> str:
    return " | ".join(string for string, _ in drawn(app))


def press(app, key):
    post_key(key)
    app.frame(1 / 60)


def draw_a_seven(app, topleft):
    left, top = topleft
    post_stroke([(left + 60, top + 50), (left + 240, top + 50), (left + 130, top + 260)])
    app.frame(1 / 60)


def at_step_with_a_seven_read(app, step):
    """Open the lesson at ``step``, draw a 7 and wait for its reading; the lesson scene."""
    press(app, pygame.K_l)
    scene = app.scene
    while scene.step is not step:
        press(app, pygame.K_RIGHT)
    draw_a_seven(app, scene.canvas.rect.topleft)
    assert run_until(app, lambda: scene.view.prediction is not None, 30)
    return scene


def test_l_opens_the_lesson_and_esc_goes_back_to_the_board(make_app):
    app = make_app(load=False)
    press(app, pygame.K_l)
    assert isinstance(app.scene, LessonScene)
    assert f"step 1 of {STEP_COUNT}" in shown(app)
    press(app, pygame.K_ESCAPE)
    assert app.scene is app.scenes[SceneId.BOARD]


def test_v_now_switches_live_reading_and_the_help_says_so(make_app):
    app = make_app(load=False)
    keys = {binding.label: binding.what for binding in app.scene.bindings()}
    assert "lesson" in keys["L"] and "live reading" in keys["V"]
    press(app, pygame.K_v)
    assert not app.context.readings.live and app.scene is app.scenes[SceneId.BOARD]


def test_right_space_and_left_move_through_the_steps(make_app):
    app = make_app(load=False)
    press(app, pygame.K_l)
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_SPACE)
    assert app.scene.step is LessonStep.CONVOLUTION
    assert f"step 3 of {STEP_COUNT}" in shown(app)
    press(app, pygame.K_LEFT)
    assert f"step 2 of {STEP_COUNT}" in shown(app)
    for _ in range(STEP_COUNT + 2):  # past the end it stays on the last step
        press(app, pygame.K_RIGHT)
    assert app.scene.step is LessonStep.PREDICT
    assert f"step {STEP_COUNT} of {STEP_COUNT}" in shown(app)


def test_a_new_player_is_offered_the_lesson_until_it_is_opened(make_app):
    app = make_app(load=False)
    assert "Press L for a 9-step lesson" in shown(app)
    press(app, pygame.K_l)
    press(app, pygame.K_ESCAPE)
    assert "Press L for a 9-step lesson" not in shown(app)


def test_the_step_is_remembered_by_the_next_launch(make_app, window):
    app = make_app(load=False)
    press(app, pygame.K_l)
    for _ in range(3):
        press(app, pygame.K_RIGHT)
    press(app, pygame.K_ESCAPE)
    assert json.loads(progress_path().read_text()) == {"step": 4}
    again = App(window, GameContext(app.context.model, app.context.training))
    again.frame(1 / 60)
    assert "Press L" not in shown(again)  # not new any more
    post_key(pygame.K_l)
    assert f"step 4 of {STEP_COUNT}" in shown(again)


@pytest.mark.parametrize("content", [b"{not json", b'{"step": 40}', b'{"step": true}', b"[]"])
def test_an_odd_progress_file_is_set_aside_and_the_lesson_starts_at_step_1(make_app, content):
    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    app = make_app()  # loaded first: a "ready" notice arriving after L would replace its own
    press(app, pygame.K_l)
    assert app.scene.step is LessonStep.DATA
    notice = app.context.notices.current
    assert "starts again at step 1" in notice and "lesson.json" in notice
    aside = [p for p in path.parent.iterdir() if p.name.startswith("lesson.unreadable-")]
    assert len(aside) == 1 and aside[0].read_bytes() == content  # kept, not deleted
    press(app, pygame.K_RIGHT)
    assert json.loads(path.read_text()) == {"step": 2}


def _text_boxes_problems(seen):
    canvas = pygame.Rect(0, 0, 1280, 720)
    problems = [f"{s!r} is {r.height} px high" for s, r in seen if r.height < 16]
    problems += [f"{s!r} leaves the canvas: {r}" for s, r in seen if not canvas.contains(r)]
    for index, (first, rect) in enumerate(seen):
        for second, other in seen[index + 1 :]:
            if rect.colliderect(other):
                problems.append(f"{first!r} overlaps {second!r}")
    return problems


def test_every_step_draws_its_text_16_px_or_more_inside_the_canvas_and_unoverlapped(make_app):
    app = make_app(real=True)
    press(app, pygame.K_l)
    scene = app.scene
    draw_a_seven(app, scene.canvas.rect.topleft)
    assert settle(app)
    problems = {}
    for step in STEPS:
        assert scene.step is step
        if step is LessonStep.BOARD_TO_INPUT:
            app.frame(1 / 60)
            assert run_until(app, lambda: scene.view.stage_readings is not None, 30)
        if step is LessonStep.DATA:
            assert run_until(app, lambda: scene.view.examples is not None, 30)
        seen = drawn(app)
        assert seen, step
        problems[step] = _text_boxes_problems(seen)
        press(app, pygame.K_RIGHT)
    assert all(not found for found in problems.values()), problems


def test_the_code_on_screen_matches_the_live_model(make_app, shipped_model):
    layers = {layer.name: layer for layer in model_layers()}
    keras_layers = [layer for layer in shipped_model.layers]
    assert [layer.name for layer in keras_layers] == [n for n in layers if n != "digit"]
    for keras_layer in keras_layers:
        layer = layers[keras_layer.name]
        assert layer.weights == keras_layer.count_params()
        assert layer.output_shape == tuple(keras_layer.output.shape[1:])
        if hasattr(keras_layer, "filters"):
            assert layer.filters == keras_layer.filters
            assert (layer.kernel_size,) * 2 == tuple(keras_layer.kernel_size)
        if hasattr(keras_layer, "units"):
            assert layer.filters == keras_layer.units
    total = sum(layer.weights for layer in layers.values())
    assert total == shipped_model.count_params() == 5994
    app = make_app(load=False, real=True)
    press(app, pygame.K_l)
    while app.scene.step is not LessonStep.CODE:
        press(app, pygame.K_RIGHT)
    on_screen = shown(app)
    for layer in layers.values():
        assert layer.code in on_screen and f"{layer.weights:,}" in on_screen
    assert "5,994 weights in all" in on_screen
    press(app, pygame.K_DOWN)
    assert "pool1: output 12x12x8, 0 weights" in shown(app)


def test_up_and_down_are_named_where_they_light_a_line_and_nowhere_else(make_app):
    """Step 6's Up / Down lit its lines of code, but the footer never named them, and on every
    other step they moved a highlight no one could see: a key that silently did nothing. The
    code's two number columns had no names either."""
    app = make_app(load=False)
    press(app, pygame.K_l)
    assert app.scene.step is not LessonStep.CODE
    press(app, pygame.K_DOWN)
    assert phrase("notice.key_does_nothing") in app.context.notices.current
    assert phrase("keys.up_or_down") not in shown(app)
    while app.scene.step is not LessonStep.CODE:
        press(app, pygame.K_RIGHT)
    on_screen = shown(app)
    assert phrase("lesson.footer_code") in on_screen
    assert phrase("lesson.code_output") in on_screen and phrase("lesson.code_weights") in on_screen
    lit = app.scene.view.lit
    press(app, pygame.K_DOWN)
    assert app.scene.view.lit == lit + 1


def test_the_stages_end_in_exactly_the_input_the_game_reads():
    board = Board()
    board.begin_stroke(60, 40)
    for point in ((200, 60), (120, 250)):
        board.continue_stroke(*point)
    board.end_stroke()
    pictures = {picture.stage: picture for picture in stages(board.pixels)}
    assert list(pictures) == list(Stage)
    assert np.array_equal(pictures[Stage.UPRIGHT].image, fit_and_center(board.pixels))
    assert np.array_equal(pictures[Stage.DIVIDE].image, fit_and_center(board.pixels))
    assert np.array_equal(pictures[Stage.PLAIN].image, plain_resize(board.pixels))
    assert pictures[Stage.CENTRE].image.shape == (28, 28)
    assert pictures[Stage.DIVIDE].brightest <= 1.0 < pictures[Stage.CENTRE].brightest


def test_step_8_reads_each_stage_with_the_live_model(make_app, predictor):
    app = make_app(real=True)
    press(app, pygame.K_l)
    scene = app.scene
    while scene.step is not LessonStep.BOARD_TO_INPUT:
        press(app, pygame.K_RIGHT)
    draw_a_seven(app, scene.canvas.rect.topleft)
    assert run_until(app, lambda: scene.view.stage_readings is not None, 30)
    images = np.stack([picture.image for picture in scene.view.stages])
    expected = predictor.probabilities(images)
    assert np.allclose(scene.view.stage_readings, expected, atol=1e-5)
    assert int(np.argmax(scene.view.stage_readings[-2])) == 7  # the game's input reads a 7


def test_t_in_the_lesson_opens_the_training_screen_without_starting_a_run(make_app):
    app = make_app(load=False)
    press(app, pygame.K_l)
    press(app, pygame.K_t)
    assert app.scene is app.scenes[SceneId.TRAINING]
    assert not app.context.training.active  # the player picks the run there: 1 for the seed


def test_random_keys_clicks_and_strokes_on_every_step_raise_nothing(make_app):
    import random

    app = make_app()
    press(app, pygame.K_l)
    chooser = random.Random(21)
    keys = [key for binding in app.scene.bindings() for key in binding.keys if key != 27]
    keys += [pygame.K_1, pygame.K_2, pygame.K_9, pygame.K_a, pygame.K_RETURN]
    for _ in range(400):
        if app.scene is not app.scenes[SceneId.LESSON]:
            app.switch_to(SceneId.LESSON)
        roll = chooser.random()
        point = (chooser.randrange(-50, 1330), chooser.randrange(-50, 770))
        if roll < 0.5:
            post_key(chooser.choice(keys))
        elif roll < 0.8:
            post_stroke([point, (point[0] + chooser.randrange(-90, 90), point[1] + 60)])
        else:
            button = chooser.choice((1, 3, 4, 5))
            pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=point, button=button))
        app.frame(1 / 60)
    assert settle(app)
    app.frame(1 / 60)
    assert app.context.board.version > 0 and app.context.lesson.started


def test_a_filter_switched_off_in_step_3_stays_off_in_steps_4_and_5_and_is_drawn_there(make_app):
    app = make_app()
    scene = at_step_with_a_seven_read(app, LessonStep.CONVOLUTION)
    press(app, pygame.K_TAB)  # the lab's learned view: number keys reach the switches
    press(app, pygame.K_3)
    switches = scene.filter_switches
    assert switches.off == {2}
    press(app, pygame.K_RIGHT)  # step 4, pooling: the same switches, below the maps
    assert scene.step is LessonStep.POOLING
    press(app, pygame.K_5)
    assert switches.off == {2, 4}
    assert run_until(app, lambda: switches.answer is not None and switches.answer.off == (2, 4))
    seen = []
    text = app.context.text
    original = text.draw

    def record(surface, words, *args, **kwargs):
        seen.append(words)
        return original(surface, words, *args, **kwargs)

    text.draw = record
    try:
        press(app, pygame.K_RIGHT)  # step 5, dense: still off, and said so on screen
        app.frame(1 / 60)
    finally:
        text.draw = original
    assert scene.step is LessonStep.DENSE and switches.off == {2, 4}
    assert any("3, 5" in words for words in seen)


def test_right_on_the_last_step_and_left_on_the_first_say_so_instead_of_nothing(make_app):
    app = make_app()
    press(app, pygame.K_l)
    press(app, pygame.K_LEFT)
    assert app.scene.step is LessonStep.DATA
    assert "first step" in shown(app)
    for _ in range(STEP_COUNT):
        press(app, pygame.K_RIGHT)
    assert app.scene.step is LessonStep.PREDICT
    assert "last step" in shown(app) and "Esc" in app.context.notices.current


def test_step_3_names_the_key_that_really_chooses_the_outline_kernel(make_app):
    app = make_app()
    press(app, pygame.K_l)
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_RIGHT)
    strings = [string for string, _ in drawn(app)]
    assert "blur kernel" in strings and "outline kernel" not in strings  # the lab's caption
    do = next(string for string in strings if string.startswith("Do this:"))
    said = do.split("press ", 1)[1].split(" ", 1)[0]  # "Do this: press 3 for the outline..."
    press(app, pygame.key.key_code(said))
    assert "outline kernel" in [string for string, _ in drawn(app)]


def test_a_switched_off_filter_blanks_its_map_in_the_pooling_step_and_back_on_restores_it(
    make_app,
):
    app = make_app()
    scene = at_step_with_a_seven_read(app, LessonStep.POOLING)
    live = {layer.name: layer.values for layer in scene.panel_prediction.layers}
    assert live["conv1"][:, :, 0].any()
    press(app, pygame.K_1)  # filter 1 off: the map the panel shows first
    switches = scene.filter_switches
    assert run_until(app, lambda: switches.knocked_out_prediction is not None, 30)
    shown_maps = {layer.name: layer.values for layer in scene.panel_prediction.layers}
    assert not shown_maps["conv1"][:, :, 0].any() and not shown_maps["pool1"][:, :, 0].any()
    np.testing.assert_array_equal(shown_maps["conv1"][:, :, 1:], live["conv1"][:, :, 1:])
    press(app, pygame.K_1)  # back on: the model in use's own maps again
    app.frame(1 / 60)
    back = {layer.name: layer.values for layer in scene.panel_prediction.layers}
    np.testing.assert_array_equal(back["conv1"], live["conv1"])


def test_the_boards_notice_is_not_shown_as_if_the_lesson_had_said_it(make_app):
    app = make_app()
    app.context.say("Watch your digit flow through the network, left to right.")
    press(app, pygame.K_l)
    assert "Watch your digit flow" not in shown(app)
    press(app, pygame.K_LEFT)  # something the lesson says itself is shown
    assert "first step" in shown(app)


def test_while_the_network_loads_the_panel_says_so_instead_of_asking_for_a_drawing(make_app):
    from testing_support.fake_engine import FakeEngine

    engine = FakeEngine()
    engine.hold()  # the model is not there yet, as on a slow laptop's first seconds
    app = make_app(load=False, engine=engine)
    press(app, pygame.K_l)
    scene = app.scene
    while scene.step is not LessonStep.POOLING:
        press(app, pygame.K_RIGHT)
    assert "Draw a digit on the board" in shown(app)  # nothing drawn: ask for one
    draw_a_seven(app, scene.canvas.rect.topleft)
    words = shown(app)
    assert "still loading" in words and "Draw a digit on the board" not in words
    engine.release()


def test_the_kernel_lab_shows_the_drawing_before_the_network_has_loaded(make_app):
    from testing_support.fake_engine import FakeEngine

    engine = FakeEngine()
    engine.hold()
    app = make_app(load=False, engine=engine)
    press(app, pygame.K_l)
    scene = app.scene
    while scene.step is not LessonStep.CONVOLUTION:
        press(app, pygame.K_RIGHT)
    draw_a_seven(app, scene.canvas.rect.topleft)
    app.frame(1 / 60)
    expected = to_network_input(app.context.board.pixels, app.context.readings.method)
    assert not app.context.model.ready
    np.testing.assert_allclose(scene.kernel_lab.image, np.clip(expected, 0, 1))
    engine.release()


@pytest.mark.parametrize("language", list(Language))
def test_f2_in_the_lesson_says_its_text_is_large_already_and_is_kept_for_the_board(
    make_app, language
):
    """F2 in the lesson changed nothing (its text is already large) yet said "larger text on":
    it now says so, and the setting still holds on the board."""
    use_language(language)
    app = make_app(load=False)
    press(app, pygame.K_l)
    press(app, pygame.K_F2)
    assert app.context.text.large
    assert app.context.notices.current == phrase("notice.larger_text_elsewhere_on")
    on_screen = "".join(string for string, _ in drawn(app)).replace(" ", "")
    assert phrase("notice.larger_text_elsewhere_on").replace(" ", "") in on_screen  # whole
    press(app, pygame.K_ESCAPE)
    assert app.scene is app.scenes[SceneId.BOARD] and app.context.text.large
    press(app, pygame.K_l)
    press(app, pygame.K_F2)
    assert not app.context.text.large
    assert app.context.notices.current == phrase("notice.larger_text_elsewhere_off")


def test_larger_text_changes_no_pixel_of_any_lesson_step(make_app):
    """What lets F2 say the lesson's text is large already: every step looks the same with
    larger text on as off (were a small line added, this fails and the notice would lie)."""
    app = make_app()
    press(app, pygame.K_l)
    scene, canvas = app.scene, app.window.canvas
    assert scene.TEXT_ALREADY_LARGE
    for _ in STEPS:
        assert settle(app)
        pictures = []
        for _ in range(2):
            scene.draw(canvas)
            pictures.append(pygame.surfarray.array3d(canvas))
            app.context.text.toggle_large()
        assert np.array_equal(*pictures), scene.step
        press(app, pygame.K_RIGHT)
