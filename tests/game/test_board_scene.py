"""The board scene driven by real pygame events on the dummy video driver.

Most tests read with the fake engine (real shapes, made-up weights); the ones whose outcome
depends on what the network reads use the real engine and the shipped model (``real=True``).
"""

import numpy as np
import pygame

from mnist_arcade.game.scenes.board_scene import BOARD_TOPLEFT, NETWORK_RECT
from mnist_arcade.game.widgets.reading_panel import RESULT_RECT
from mnist_arcade.game.widgets.surfaces import surface_to_rgb
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.numbers import readable
from testing_support.fake_engine import FakeEngine
from testing_support.fake_trainers import ScriptedTrainer
from testing_support.game_input import post_key, post_stroke, read_board, run_until, settle
from testing_support.text_recorder import TextRecorder, drawn_in_frames

LEFT, TOP = BOARD_TOPLEFT


def on_screen(app, x, y):
    """The colour the player sees at board coordinate (x, y)."""
    return tuple(app.screen.get_at((LEFT + x, TOP + y)))[:3]


def draw_a_one(app):
    post_stroke([(LEFT + 150, TOP + 40), (LEFT + 150, TOP + 260)])  # one fast vertical stroke
    app.frame(1 / 60)


def test_the_window_has_the_caption(make_app):
    make_app(load=False)
    assert pygame.display.get_caption()[0] == "MNIST Arcade"


def test_a_mouse_stroke_paints_the_board_and_the_screen(make_app):
    app = make_app()
    draw_a_one(app)
    assert app.context.board.pixels[40:261, 150].all()
    assert on_screen(app, 150, 150) == (255, 255, 255)
    assert on_screen(app, 30, 150) == (0, 0, 0)


def test_p_predicts_with_the_live_model_and_shows_the_maps(make_app):
    app = make_app(real=True)
    draw_a_one(app)
    before = surface_to_rgb(app.screen)[
        NETWORK_RECT.top : NETWORK_RECT.bottom, NETWORK_RECT.left : NETWORK_RECT.right
    ].copy()
    read_board(app)
    for _ in range(150):  # 2.5 s of frames: the animation runs to the end
        app.frame(1 / 60)
    prediction = app.context.readings.prediction
    assert prediction is not None and prediction.digit == 1
    assert prediction.confidence > 0.5
    after = surface_to_rgb(app.screen)[
        NETWORK_RECT.top : NETWORK_RECT.bottom, NETWORK_RECT.left : NETWORK_RECT.right
    ]
    assert np.abs(after.astype(int) - before).sum() > 0
    scene = app.scene
    assert scene.network.done
    conv1 = next(column for column in scene.network.columns if column.name == "conv1")
    x, y = conv1.positions[0]
    tile = surface_to_rgb(app.screen)[y : y + 72, x : x + 72]
    assert len({tuple(p) for p in tile.reshape(-1, 3)}) > 3  # a coloured map, not a blank


def test_the_maps_scan_in_one_layer_after_another(make_app):
    app = make_app()
    draw_a_one(app)
    read_board(app)
    view = app.scene.network
    progress = [view.stage_progress(stage) for stage in range(view.stage_count)]
    assert progress[0] < 1 and progress[-1] == 0
    app.frame(view.animation_seconds / 2)
    halfway = [view.stage_progress(stage) for stage in range(view.stage_count)]
    assert halfway[0] == 1 and halfway[-1] == 0
    assert halfway == sorted(halfway, reverse=True)  # data flows left to right


def test_c_clears_board_and_prediction(make_app):
    app = make_app()
    draw_a_one(app)
    read_board(app)
    post_key(pygame.K_c)
    app.frame(1 / 60)
    assert app.context.board.is_empty and app.context.readings.prediction is None
    assert on_screen(app, 150, 150) == (0, 0, 0)


def test_p_on_an_empty_board_says_so(make_app):
    app = make_app()
    post_key(pygame.K_p)
    app.frame(1 / 60)
    assert app.context.readings.prediction is None
    assert "empty" in app.context.notices.current


def test_m_switches_to_the_plain_resize_and_predicts_again(make_app):
    app = make_app()
    post_stroke([(LEFT + 40, TOP + 40), (LEFT + 40, TOP + 120)])  # small, in a corner
    app.frame(1 / 60)
    read_board(app)
    centred = app.context.readings.prediction.net_input
    post_key(pygame.K_m)
    app.frame(1 / 60)
    assert app.context.readings.prediction is None  # the old reading was made the other way
    assert settle(app)
    assert app.context.readings.method.value == "plain"
    plain = app.context.readings.prediction.net_input
    assert not np.allclose(plain, centred)
    assert plain[:, 14:].max() == 0  # the plain resize keeps it in the corner
    app.frame(10.0)  # the layers have scanned in
    shown = " ".join(drawn_strings(app))
    assert "the whole board, shrunk" in shown and "small and upright" not in shown


def test_p_while_the_model_loads_predicts_once_it_is_ready(make_app):
    app = make_app(real=True, load=False)
    draw_a_one(app)
    post_key(pygame.K_p)
    app.frame(1 / 60)
    assert app.context.model.wait(120)
    assert settle(app, 60)
    assert (
        app.context.readings.prediction is not None and app.context.readings.prediction.digit == 1
    )


def test_more_strokes_after_a_reading_make_it_stale_not_current(make_app):
    app = make_app(real=True)
    app.context.readings.live = False
    draw_a_one(app)
    read_board(app)
    assert app.context.readings.prediction.digit == 1
    post_stroke([(LEFT + 60, TOP + 60), (LEFT + 240, TOP + 60)])  # a bar across the top
    app.frame(1 / 60)
    assert app.context.readings.is_stale and app.context.readings.prediction is None
    result = surface_to_rgb(app.screen)[
        RESULT_RECT.top : RESULT_RECT.bottom, RESULT_RECT.left : RESULT_RECT.right
    ]
    assert (result.max(axis=2) > 200).sum() < 3000  # no big digit on show, only a short line
    read_board(app)
    assert app.context.readings.prediction is not None and not app.context.readings.is_stale


def test_a_late_answer_for_an_older_drawing_is_not_shown_as_current(make_app):
    app = make_app()
    app.context.readings.live = False
    draw_a_one(app)
    post_key(pygame.K_p)
    app.frame(1 / 60)  # the engine is reading the 1 ...
    post_stroke([(LEFT + 60, TOP + 60), (LEFT + 240, TOP + 60)])  # ... while the player draws on
    app.frame(1 / 60)
    assert settle(app)
    assert app.context.readings.prediction is None  # the answer arrived, but for the older drawing


def test_the_brush_is_not_stuck_after_a_scene_switch_with_the_button_held(make_app):
    app = make_app(training=_idle_training())
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(LEFT + 50, TOP + 50), button=1)
    )
    app.frame(1 / 60)
    post_key(pygame.K_t)  # to the training screen with the button still held
    app.frame(1 / 60)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(900, 300), button=1))
    app.frame(1 / 60)
    post_key(pygame.K_b)
    app.frame(1 / 60)
    painted = int(app.context.board.pixels.sum())
    pygame.event.post(
        pygame.event.Event(
            pygame.MOUSEMOTION, pos=(LEFT + 250, TOP + 250), rel=(0, 0), buttons=(0, 0, 0)
        )
    )
    app.frame(1 / 60)
    assert int(app.context.board.pixels.sum()) == painted


def test_motion_with_the_button_up_ends_a_stroke_whose_release_was_missed(make_app):
    app = make_app()
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(LEFT + 50, TOP + 50), button=1)
    )
    pygame.event.post(
        pygame.event.Event(
            pygame.MOUSEMOTION, pos=(LEFT + 250, TOP + 250), rel=(0, 0), buttons=(0, 0, 0)
        )
    )
    app.frame(1 / 60)
    assert app.context.board.pixels[250, 250] == 0


def test_losing_the_focus_mid_stroke_ends_the_stroke(make_app):
    app = make_app()
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(LEFT + 50, TOP + 50), button=1)
    )
    pygame.event.post(pygame.event.Event(pygame.WINDOWFOCUSLOST))  # the release never comes
    app.frame(1 / 60)
    assert app.context.board.pixels[50, 50] == 255
    pygame.event.post(  # back in the window, the held button reported by a motion
        pygame.event.Event(
            pygame.MOUSEMOTION, pos=(LEFT + 250, TOP + 250), rel=(0, 0), buttons=(1, 0, 0)
        )
    )
    app.frame(1 / 60)
    assert app.context.board.pixels[250, 250] == 0  # no line dragged across the board


def test_an_unknown_key_says_which_keys_work(make_app):
    app = make_app()
    post_key(pygame.K_q)
    app.frame(1 / 60)
    assert "does nothing" in app.context.notices.current and "H" in app.context.notices.current


def test_the_model_in_use_is_named_with_its_measured_accuracy(make_app):
    app = make_app(real=True)
    label = app.context.model.label
    assert label.startswith("shipped model")
    accuracy = app.context.model.in_use.accuracy
    assert accuracy is not None and accuracy > 0.97
    assert any(f"{accuracy:.1%}" in line for line in drawn_strings(app))  # on screen


def test_long_notices_wrap_beside_the_board_not_under_the_network(make_app):
    app = make_app()
    app.context.say("No model to predict with (a long reason that cannot fit on one line). T.")
    app.frame(1 / 60)
    strip = surface_to_rgb(app.screen)[390:428, 40:372]
    text_rows = np.flatnonzero((strip.max(axis=2) > 120).any(axis=1))
    assert text_rows.max() - text_rows.min() > 20  # two lines of text, not one cut-off line
    gap = surface_to_rgb(app.screen)[390:428, 345:371]
    assert gap.max() < 120  # nothing spills into the gap before the network panel


def _idle_training():
    """A session whose runs never start a trainer (for tests about the board alone)."""
    from mnist_arcade.game.services.training_session import TrainingSession

    return TrainingSession(ScriptedTrainer())


def test_a_corrupt_model_file_is_named_and_the_shipped_model_used(make_app, tmp_path):
    corrupt = tmp_path / "broken.keras"
    corrupt.write_bytes(b"PK\x03\x04 not really a zip")
    app = make_app(model_path=str(corrupt))
    assert app.context.model.label.startswith("shipped model")
    assert "broken.keras" in app.context.notices.current
    draw_a_one(app)
    read_board(app)
    assert app.context.readings.prediction.digit == 1


def test_a_model_with_the_games_names_but_other_sizes_is_refused(make_app, tmp_path):
    from mnist_arcade.ml.backend import keras

    odd = keras.Sequential(
        [
            keras.Input((28, 28, 1)),
            keras.layers.Conv2D(4, 3, activation="relu", name="conv1"),
            keras.layers.MaxPooling2D(2, name="pool1"),
            keras.layers.Conv2D(6, 3, activation="relu", name="conv2"),
            keras.layers.MaxPooling2D(2, name="pool2"),
            keras.layers.Flatten(name="flatten"),
            keras.layers.Dense(10, activation="softmax", name="dense"),
        ]
    )
    odd.save(tmp_path / "odd.keras")
    app = make_app(model_path=str(tmp_path / "odd.keras"))
    assert app.context.model.label.startswith("shipped model")
    assert "odd.keras" in app.context.notices.current
    post_key(pygame.K_r)  # R, twice, and T: none of them may crash the window
    app.frame(1 / 60)
    post_key(pygame.K_r)
    app.frame(1 / 60)
    assert settle(app)
    assert app.context.model.label.startswith("shipped model")


def drawn_strings(app, frames=1):
    """Every string the scene draws in the next frames (recorded at the one text renderer)."""
    return drawn_in_frames(app, frames).strings


def test_every_layer_says_in_plain_words_what_it_shows(make_app):
    app = make_app()
    draw_a_one(app)
    read_board(app)
    app.frame(3.0)  # past the animation
    shown = " ".join(drawn_strings(app))
    for words in (
        "8 maps of 24x24",
        "8 maps of 12x12",
        "16 maps of 8x8",
        "16 maps of 4x4",
        "28x28 pixels",
        "10 chances",
        "stroke detectors",
        "strongest of each",
        "add up to 100%",
    ):
        assert words in shown, words


def test_no_text_on_either_screen_is_smaller_than_12_pixels(make_app):
    from mnist_arcade.game.scene_id import SceneId

    app = make_app()
    with TextRecorder(app.context.text) as seen:
        draw_a_one(app)
        read_board(app)
        app.frame(3.0)
        app.switch_to(SceneId.TRAINING)
        app.frame(1 / 60)
        post_key(pygame.K_q)  # an unknown key: the longest notice
        app.frame(1 / 60)
    assert seen.smallest_size >= 18  # pygame's default font: 12 px high at 18
    assert app.context.text.font(18).get_height() >= 12


def test_the_help_lists_every_key_the_scene_answers_and_any_key_closes_it(make_app):
    from mnist_arcade.game.scene_id import SceneId

    app = make_app(training=_idle_training())  # keys that start a run start nothing here
    for scene_id in (SceneId.BOARD, SceneId.TRAINING):
        app.switch_to(scene_id)
        post_key(pygame.K_h)
        app.frame(1 / 60)
        assert app.help_open
        shown = drawn_strings(app)
        bindings = app.scene.bindings()
        fullscreen = phrase("keys.fullscreen")  # its row names the window's F11 too
        for binding in bindings:
            label = binding.label
            if binding.what == fullscreen:
                label = phrase("keys.or_window_fullscreen", key=label)
            assert label in shown and binding.what in shown, binding.label
        post_key(pygame.K_ESCAPE)  # closes the help, and does not stop or leave the scene
        app.frame(1 / 60)
        assert not app.help_open and app.scene is app.scenes[scene_id]
        assert "validation digits" in shown and "feature map" in shown
        for key in [key for binding in bindings for key in binding.keys]:
            app.switch_to(scene_id)  # each listed key really is answered by the scene
            app.context.say("")
            post_key(key)
            app.frame(1 / 60)
            nothing = phrase("notice.key_does_nothing")  # Y switches the language: ask again
            assert nothing not in app.context.notices.current, (
                scene_id,
                pygame.key.name(key),
            )
        app.switch_to(scene_id)
        post_key(pygame.K_q)  # and a key the help does not list is not answered
        app.frame(1 / 60)
        assert phrase("notice.key_does_nothing") in app.context.notices.current, scene_id
    post_key(pygame.K_F1)
    app.frame(1 / 60)
    assert app.help_open


def drawn_strings_and_rects(app):
    """Every string the next frame draws, and the rectangle each landed in."""
    seen = drawn_in_frames(app)
    return seen.strings, [item.rect for item in seen.drawn]


def test_the_help_card_holds_all_its_text_in_every_scene(make_app):
    from mnist_arcade.game.scene_id import SceneId
    from mnist_arcade.game.widgets.help_overlay import GLOSSARY

    app = make_app()
    width, height = app.window.canvas.get_size()
    card = pygame.Rect(40, 30, width - 80, height - 60)
    for scene_id in SceneId:
        app.switch_to(scene_id)
        post_key(pygame.K_h)
        app.frame(1 / 60)
        strings, rects = drawn_strings_and_rects(app)
        help_rects = rects[strings.index(f"Help: {app.scene.TITLE}") :]
        outside = [s for s, r in zip(strings[-len(help_rects) :], help_rects, strict=True)
                   if not card.contains(r)]  # fmt: skip
        assert not outside, (scene_id, outside)
        assert all(word in strings for word in GLOSSARY)  # nothing dropped to make it fit
        for name in app.scene.PANELS:
            assert name in strings, (scene_id, name)
        post_key(pygame.K_ESCAPE)
        app.frame(1 / 60)


def test_every_bound_key_does_what_the_help_says_without_the_unknown_key_hint(make_app):
    app = make_app()
    draw_a_one(app)
    from mnist_arcade.game.scene_id import SceneId

    board = app.scene
    for binding in board.bindings():
        if binding.keys[0] in (pygame.K_t,):
            continue  # T starts training; covered by the training tests
        app.switch_to(SceneId.BOARD)
        app.context.say("")
        post_key(binding.keys[0])
        app.frame(1 / 60)
        assert "does nothing" not in app.context.notices.current, binding.label


def test_live_reading_reads_while_drawing_without_p(make_app):
    app = make_app(real=True)
    assert app.context.readings.live
    draw_a_one(app)
    assert settle(app)
    app.frame(1 / 60)
    assert (
        app.context.readings.prediction is not None and app.context.readings.prediction.digit == 1
    )
    assert app.scene.network.done  # a live reading appears at once; P is the animated reveal


def test_live_reading_is_throttled_while_the_mouse_moves(make_app):
    engine = FakeEngine()
    app = make_app(engine=engine)
    assert app.context.model.wait(120)  # live readings are asked of a loaded model only
    app.frame(1 / 60)
    asked = engine.readings_asked()
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(LEFT + 40, TOP + 40), button=1)
    )
    for step in range(60):  # one second of drawing, a new point every frame
        pygame.event.post(
            pygame.event.Event(
                pygame.MOUSEMOTION,
                pos=(LEFT + 40 + 3 * step, TOP + 40 + 3 * step),
                rel=(3, 3),
                buttons=(1, 0, 0),
            )
        )
        app.frame(1 / 60)
        assert engine.answered_all()  # answered within the frame, as on an idle machine: the
        app.context.poll()  # count below depends on the game's clock only, not on this machine
    requests = engine.readings_asked() - asked
    assert 1 / 0.12 - 2 <= requests <= 1 / 0.12 + 2  # a reading every LIVE_INTERVAL


def test_v_turns_live_reading_off(make_app):
    engine = FakeEngine()
    app = make_app(engine=engine)
    post_key(pygame.K_v)
    app.frame(1 / 60)
    assert not app.context.readings.live and "off" in app.context.notices.current
    assert engine.answered_all()
    asked = engine.readings_asked()
    draw_a_one(app)
    for _ in range(30):
        app.frame(1 / 60)
    assert engine.answered_all()
    assert engine.readings_asked() == asked and app.context.readings.prediction is None


def test_hovering_a_feature_map_enlarges_it_with_its_range_of_values(make_app):
    app = make_app()
    draw_a_one(app)
    read_board(app)
    app.frame(3.0)
    conv2 = next(column for column in app.scene.network.columns if column.name == "conv2")
    x, y = conv2.positions[5]
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=(x + 4, y + 4), rel=(0, 0), buttons=(0, 0, 0))
    )
    shown = " ".join(drawn_strings(app))
    values = app.context.readings.prediction.layers[2].values[:, :, 5]
    assert "conv2, map 6" in shown
    assert f"values {readable(values.min())} to {readable(values.max())}" in shown
    pygame.event.post(  # off the maps: the card goes
        pygame.event.Event(pygame.MOUSEMOTION, pos=(700, 700), rel=(0, 0), buttons=(0, 0, 0))
    )
    assert "conv2, map 6" not in " ".join(drawn_strings(app))


def test_clicking_a_conv_map_opens_its_card_with_the_layers_own_numbers(make_app):
    from mnist_arcade.explaining.arithmetic import conv_pixel

    app = make_app()
    draw_a_one(app)
    read_board(app)
    app.frame(3.0)
    conv1 = next(column for column in app.scene.network.columns if column.name == "conv1")
    x, y = conv1.positions[2]
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x + 3, y + 3), button=1))
    app.frame(1 / 60)
    detail = app.scene.detail
    assert detail.is_open and detail.layer == "conv1" and detail.channel == 2
    row, col = detail.position
    prediction = app.context.readings.prediction
    weights = app.context.model.weights
    step = conv_pixel(prediction.net_input[..., None], weights[0], weights[1], 2, row, col)
    assert abs(step.output - prediction.layers[0].values[row, col, 2]) < 1e-4
    post_key(pygame.K_ESCAPE)
    app.frame(1 / 60)
    assert not detail.is_open


def test_w_shows_why_with_the_evidence_on_the_strokes(make_app):
    app = make_app(real=True)
    draw_a_one(app)
    read_board(app)
    post_key(pygame.K_w)
    app.frame(1 / 60)
    assert run_until(app, lambda: app.context.why.on_show is not None, 30)
    app.frame(1 / 60)
    evidence = app.context.why.on_show
    assert evidence.digit == 1
    ink = app.context.readings.prediction.net_input > 0.5
    strength = np.abs(evidence.balance)
    assert strength[ink].mean() > strength[~ink].mean()
    assert any(line.startswith("Why a 1?") for line in drawn_strings(app))
    draw_a_one(app)  # drawing again: the explanation was for the old drawing
    assert app.context.why.on_show is None


SCRIBBLE = [(LEFT + 20, TOP + 20), (LEFT + 280, TOP + 60), (LEFT + 20, TOP + 120),
            (LEFT + 280, TOP + 180), (LEFT + 20, TOP + 240), (LEFT + 280, TOP + 280)]  # fmt: skip


def shown_after_reading(make_app, probabilities):
    """Every string on screen once a zig-zag scribble is read as ``probabilities``."""
    engine = FakeEngine()
    engine.reads = np.asarray(probabilities, np.float32)
    app = make_app(engine=engine)
    post_stroke(SCRIBBLE)
    app.frame(1 / 60)
    read_board(app)
    app.frame(3.0)
    np.testing.assert_array_equal(app.context.readings.prediction.probabilities, engine.reads)
    return drawn_strings(app)


def test_a_scribble_the_network_is_unsure_of_is_not_named_as_a_digit(make_app):
    from mnist_arcade.scoring.confidence import DIGIT_THRESHOLD, NOT_A_DIGIT

    unsure = np.full(10, (1 - (DIGIT_THRESHOLD - 0.05)) / 9)
    unsure[4] = DIGIT_THRESHOLD - 0.05  # a 4 comes first, but below the threshold
    shown = shown_after_reading(make_app, unsure)
    assert "?" in shown and any(NOT_A_DIGIT.startswith(line) for line in shown)


def test_a_drawing_the_network_is_sure_of_is_named_as_its_digit(make_app):
    from mnist_arcade.scoring.confidence import DIGIT_THRESHOLD, NOT_A_DIGIT

    sure = np.full(10, (1 - (DIGIT_THRESHOLD + 0.05)) / 9)
    sure[4] = DIGIT_THRESHOLD + 0.05
    shown = shown_after_reading(make_app, sure)
    assert "4" in shown and NOT_A_DIGIT not in " ".join(shown)


def test_p_right_after_drawing_is_not_cut_short_by_a_live_reading(make_app):
    app = make_app()
    assert settle(app)  # the model is loaded
    post_stroke([(LEFT + 150, TOP + 40), (LEFT + 150, TOP + 150)])
    app.frame(1 / 60)  # a live reading of the half-drawn 1 is asked for
    post_stroke([(LEFT + 150, TOP + 150), (LEFT + 150, TOP + 260)])
    app.frame(1 / 60)  # too soon for another live reading
    read_board(app)  # P at once: its reveal starts
    assert app.context.readings.reading.animate and not app.scene.network.done
    for _ in range(20):  # a third of a second: long enough for a live reading to cut in
        app.frame(1 / 60)
    assert settle(app)
    assert app.context.readings.reading.animate and not app.scene.network.done


def test_a_reading_the_engine_could_not_make_is_not_awaited_for_ever(make_app):
    engine = FakeEngine()
    app = make_app(engine=engine)
    assert settle(app)
    engine.fail_next_reading = "a TensorFlow error"  # what the engine says when it fails
    draw_a_one(app)  # the live reading of this drawing is asked, and never answered
    assert engine.answered_all()
    asked = engine.readings_asked()
    assert app.context.readings.awaiting
    app.frame(1 / 60)  # the problem arrives
    assert "could not do that" in app.context.notices.current
    assert run_until(app, lambda: engine.readings_asked() > asked, 5)  # it asks again
    assert settle(app) and app.context.readings.live_prediction is not None


def test_the_right_button_erases_ctrl_z_undoes_and_a_clear_says_how_to_get_it_back(make_app):
    app = make_app(training=_idle_training())
    post_stroke([(LEFT + 150, TOP + 40), (LEFT + 150, TOP + 260)])
    app.frame(1 / 60)
    drawn = app.context.board.pixels.copy()
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(LEFT + 100, TOP + 150), button=3)
    )
    pygame.event.post(
        pygame.event.Event(
            pygame.MOUSEMOTION, pos=(LEFT + 200, TOP + 150), rel=(0, 0), buttons=(0, 0, 1)
        )
    )
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(LEFT + 200, TOP + 150), button=3)
    )
    app.frame(1 / 60)
    assert app.context.board.pixels[150, 150] == 0  # rubbed out across the stroke
    pygame.event.post(
        pygame.event.Event(
            pygame.KEYDOWN, key=pygame.K_z, mod=pygame.KMOD_LCTRL, unicode="", scancode=0
        )
    )
    app.frame(1 / 60)
    np.testing.assert_array_equal(app.context.board.pixels, drawn)
    assert "Took back the last stroke" in app.context.notices.current
    post_key(pygame.K_c)
    app.frame(1 / 60)
    assert app.context.board.is_empty and "Ctrl+Z brings it back" in app.context.notices.current
    pygame.event.post(
        pygame.event.Event(
            pygame.KEYDOWN, key=pygame.K_z, mod=pygame.KMOD_LCTRL, unicode="", scancode=0
        )
    )
    app.frame(1 / 60)
    np.testing.assert_array_equal(app.context.board.pixels, drawn)


def test_the_board_names_every_key_and_m_names_what_it_will_switch_to(make_app):
    app = make_app(load=False, training=_idle_training())
    lines = drawn_strings(app)
    keys = " ".join(line for line in lines if "  " in line)
    card_keys = ("Esc", "Space", "Tab", "X", "F")  # a map's card's (its hint names them), F: help
    every_key = [b.label for b in app.scene.bindings() if b.label not in card_keys]
    for key in every_key:
        assert f"{key}  " in keys, key
    for key in ("W  ", "K  ", "D  ", "N  ", "L  ", "V  ", "0-9  ", "Ctrl+Z  "):
        assert key in keys, key
    assert "right mouse: erase" in keys
    assert "M  switch to the tutorial's plain resize" in keys  # the action, not the mode now
    post_key(pygame.K_m)
    keys = " ".join(drawn_strings(app))
    assert "M  switch to MNIST-style centring" in keys
