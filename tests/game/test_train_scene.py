"""The training scene: charts from posted messages, the adoption policy, stopping and closing."""

import threading

import numpy as np
import pygame
import pytest

from mnist_arcade import paths
from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.scenes.train_scene import ACCURACY_RECT, EXAMPLES_TOPLEFT
from mnist_arcade.game.services.training_session import (
    FINISHED,
    STOPPED,
    TrainingSession,
)
from mnist_arcade.game.widgets.surfaces import surface_to_rgb
from mnist_arcade.game.widgets.theme import GOOD, SERIES
from mnist_arcade.messages import (
    BatchProgress,
    EpochResult,
    RestoreShipped,
    RunJudged,
    TrainingFinished,
    TrainingStarted,
    UseModelFile,
)
from testing_support.fake_engine import FakeEngine
from testing_support.fake_trainers import ScriptedTrainer, judged_seed_run
from testing_support.game_input import post_key, post_stroke, read_board, run_until, settle
from testing_support.text_recorder import drawn_in_frames


def last_point_drawn(app, chart, color) -> tuple[int, int]:
    """The screen position of the rightmost point a chart drew in ``color``: the centre of the
    last dot of that series (found in the pixels, inside the plot area, below the legend)."""
    area = chart.plot_area.move(chart.rect.topleft)
    pixels = surface_to_rgb(app.screen)[area.top : area.bottom, area.left : area.right + 4]
    rows, columns = np.nonzero(np.all(pixels == np.array(color), axis=-1))
    last = columns >= columns.max() - 6  # the last dot is 7 pixels wide
    return area.left + round(columns[last].mean()), area.top + round(rows[last].mean())


def count_pixels(app, rect, color):
    area = surface_to_rgb(app.screen)[rect.top : rect.bottom, rect.left : rect.right]
    return int(np.all(area == np.array(color), axis=-1).sum())


def model_with(weights):
    from mnist_arcade.ml.model import build_model

    model = build_model()
    model.set_weights(weights)
    return model


def mnist_test_accuracy(weights, mnist, count=2000):
    """What the model with ``weights`` reads right of ``count`` real MNIST test digits."""
    from mnist_arcade.ml.predictor import Predictor

    images = mnist_digits_as_input(mnist.x_test[:count])
    read = Predictor(model_with(weights)).probabilities(images).argmax(axis=1)
    return float(np.mean(read == mnist.y_test[:count]))


def training_screen_after(make_app, logs, epochs):
    """The training screen once a scripted run of ``epochs`` has posted one result per log,
    drawn once; returns (app, session)."""
    trainer = ScriptedTrainer(
        [TrainingStarted("seed", epochs, 2, 500)]
        + [EpochResult(i + 1, epochs, log, 0.5) for i, log in enumerate(logs)]
    )
    session = TrainingSession(trainer)
    app = make_app(load=False, training=session)
    app.switch_to(SceneId.TRAINING)
    session.start()
    assert trainer.finished()
    app.frame(1 / 30)
    return app, session


def test_the_chart_draws_each_posted_epoch(make_app):
    logs = [
        {
            "accuracy": 0.5 + i / 10,
            "val_accuracy": 0.4 + i / 10,
            "loss": 1 - i / 5,
            "val_loss": 1.1 - i / 5,
        }
        for i in range(4)
    ]
    app, session = training_screen_after(make_app, logs, epochs=10)
    assert session.series("val_accuracy") == [log["val_accuracy"] for log in logs]
    blue = count_pixels(app, ACCURACY_RECT, SERIES["accuracy"])
    yellow = count_pixels(app, ACCURACY_RECT, SERIES["val_accuracy"])
    assert blue > 100 and yellow > 100  # both lines (and legend swatches) are drawn

    trainer = session.starter = ScriptedTrainer([TrainingStarted("seed", 10, 2, 500)])
    session.start()
    assert trainer.finished()
    app.frame(1 / 30)
    assert count_pixels(app, ACCURACY_RECT, SERIES["accuracy"]) < blue  # only the legend now


@pytest.mark.slow  # trains a real network end to end: the full suite (and CI) runs it
def test_t_trains_for_real_and_a_better_run_is_put_in_use(make_app, tmp_path, mnist):
    from mnist_arcade.ml.predictor import Predictor

    app = make_app(real=True, epochs=3)
    # Start from a saved model that reads every digit as 0 (all weights zero), so that a real
    # three-epoch run reads better: a run is judged against the saved model.
    from mnist_arcade.ml.model import build_model
    from mnist_arcade.ml.model_files import save_model_atomic

    zeros = [np.zeros_like(w) for w in app.context.model.weights]
    untrained = build_model()
    untrained.set_weights(zeros)
    save_model_atomic(untrained, tmp_path / "trained.keras")
    app.context.model.use_weights(zeros, "untrained", save=False)
    assert run_until(app, lambda: app.context.model.label.startswith("untrained"), 30)
    post_stroke([(190, 120), (190, 340)])
    app.frame(1 / 60)
    read_board(app)
    before = app.context.readings.prediction.layers[0].values.copy()
    post_key(pygame.K_t)
    post_key(pygame.K_SPACE)  # T opens the screen; Space starts a run
    app.frame(1 / 60)
    assert app.scene is app.scenes[SceneId.TRAINING]
    training = app.context.training
    assert run_until(app, lambda: not training.running)
    app.frame()
    assert training.status is FINISHED, training.error
    assert len(training.series("val_accuracy")) == 3
    assert training.data.source.endswith("small_mnist.npz")
    judged = training.judged
    assert judged.adopted and judged.candidate_accuracy > judged.incumbent_accuracy
    assert (tmp_path / "trained.keras").is_file()
    assert run_until(app, lambda: app.context.model.label.startswith("your tutorial run"), 30)
    assert settle(app)
    for mine, trained in zip(app.context.model.weights, judged.weights, strict=True):
        np.testing.assert_array_equal(mine, trained)
    assert not np.allclose(app.context.readings.prediction.layers[0].values, before)  # read again
    left, top = EXAMPLES_TOPLEFT  # each example's label is drawn beside it, at its height
    shown = [
        int(item.string)
        for item in drawn_in_frames(app).drawn
        if item.rect.left >= left + 140 and item.rect.centery == top + 8
    ]
    assert shown == mnist.y_test[:20].tolist()  # the tutorial's 20 labelled test digits
    # Under each example: what the run read it as after its last epoch, computed here anew.
    assert run_until(app, lambda: app.context.news.example_readings is not None, 30)
    expected = Predictor(model_with(training.last_snapshot.weights)).probabilities(
        mnist_digits_as_input(mnist.x_test[:20])
    )
    np.testing.assert_array_equal(app.context.news.example_readings, expected.argmax(axis=1))
    left, top = EXAMPLES_TOPLEFT
    first = surface_to_rgb(app.screen)[top : top + 28, left + 140 : left + 168, 0]
    np.testing.assert_array_equal(first, mnist.x_test[0])
    post_key(pygame.K_ESCAPE)
    app.frame(1 / 60)
    assert app.scene is app.scenes[SceneId.BOARD]


@pytest.mark.slow  # trains a real network end to end: the full suite (and CI) runs it
def test_t_then_esc_keeps_the_model_in_use_and_its_file(make_app, mnist):
    app = make_app(real=True, epochs=50, save_path=None, aside_path=None)
    shipped = [w.copy() for w in app.context.model.weights]
    post_key(pygame.K_t)
    post_key(pygame.K_SPACE)  # T opens the screen; Space starts a run
    app.frame(1 / 60)
    training = app.context.training
    assert run_until(app, lambda: training.progress is not None or not training.running)
    assert run_until(app, lambda: training.progress.batch >= 2)  # well inside the run
    post_key(pygame.K_ESCAPE)
    app.frame(1 / 60)
    assert run_until(app, lambda: not training.running, 30)
    app.frame(1 / 60)
    assert training.status is STOPPED
    assert settle(app)
    for mine, kept in zip(app.context.model.weights, shipped, strict=True):
        np.testing.assert_array_equal(mine, kept)
    assert mnist_test_accuracy(app.context.model.weights, mnist) >= 0.98
    assert not paths.user_model_path().exists()  # nothing saved over the player's model


@pytest.mark.slow  # trains a real network end to end: the full suite (and CI) runs it
def test_a_stopped_run_is_kept_aside_and_a_second_enter_puts_it_in_use(make_app, tmp_path):
    app = make_app(real=True, epochs=50)
    post_key(pygame.K_t)
    post_key(pygame.K_SPACE)  # T opens the screen; Space starts a run
    app.frame(1 / 60)
    training = app.context.training
    assert run_until(app, lambda: len(training.epochs) >= 5)  # a tenth: worth keeping
    post_key(pygame.K_ESCAPE)
    app.frame(1 / 60)
    assert run_until(app, lambda: not training.active, 60)
    judged = training.judged
    assert not judged.adopted and "stopped" in judged.reason
    assert (tmp_path / "aside.keras").is_file() and not (tmp_path / "trained.keras").exists()
    assert app.context.model.label.startswith("shipped model")
    offer = training.offer
    assert offer is not None
    post_key(pygame.K_t)  # with a run on offer, T opens the screen without starting another
    app.frame(1 / 60)
    assert not training.active
    post_key(pygame.K_RETURN)  # one press, perhaps out of curiosity, only asks
    app.frame(1 / 60)
    assert "Enter again" in app.context.notices.current
    assert settle(app) and app.context.model.label.startswith("shipped model")
    assert training.offer is offer and not paths.user_model_path().exists()
    post_key(pygame.K_RETURN)
    app.frame(1 / 60)
    assert run_until(app, lambda: app.context.model.label.startswith("your"), 30)
    for mine, kept in zip(app.context.model.weights, offer.weights, strict=True):
        np.testing.assert_array_equal(mine, kept)
    assert (tmp_path / "trained.keras").exists() is False  # the engine saves to the user folder
    assert paths.user_model_path().is_file()  # chosen explicitly: the next launch uses it
    post_key(pygame.K_b)
    app.frame(1 / 60)
    post_key(pygame.K_n)  # N offers another model, never the run now in use
    app.frame(1 / 60)
    assert "Use the shipped model (the one the game came with)?" in app.context.notices.current


@pytest.mark.slow  # trains a real network end to end: the full suite (and CI) runs it
def test_choosing_a_preset_mid_run_never_replaces_the_model_in_use(make_app):
    app = make_app(real=True, epochs=50)
    shipped = [w.copy() for w in app.context.model.weights]
    post_key(pygame.K_t)
    post_key(pygame.K_SPACE)  # T opens the screen; Space starts a run
    app.frame(1 / 60)
    training = app.context.training
    assert run_until(app, lambda: len(training.epochs) >= 1)
    first_run = training.started
    post_key(pygame.K_1)  # stops this run and starts the seed preset afresh
    app.frame(1 / 60)
    assert run_until(
        app,
        lambda: (
            training.started is not None and training.started is not first_run and training.active
        ),
    )
    post_key(pygame.K_ESCAPE)
    app.frame(1 / 60)
    assert run_until(app, lambda: not training.active, 60)
    assert settle(app)
    for mine, kept in zip(app.context.model.weights, shipped, strict=True):
        np.testing.assert_array_equal(mine, kept)


def test_closing_the_window_mid_training_leaves_no_thread_quickly(make_app):
    # A run that trains until told to stop, and the fake engine: closing must tell both and
    # find both ended. (A real run inside a TensorFlow batch that cannot be interrupted is
    # tests/game/test_closing.py's case, and the slow random-player test's.)
    script = [TrainingStarted("seed", 50, 2, 500), BatchProgress(1, 1, 2, 1e3)]
    trainer = ScriptedTrainer(script, hold=True)
    app = make_app(training=TrainingSession(trainer))
    post_key(pygame.K_t)
    post_key(pygame.K_SPACE)  # T opens the screen; Space starts a run
    app.frame(1 / 60)
    training = app.context.training
    assert trainer.posted() and run_until(app, lambda: training.progress is not None)
    assert training.running
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    app.frame(1 / 60)
    assert not app.running
    assert app.shutdown()  # both threads ended
    threads = ("trainer", "model-", "scripted-trainer", "fake-engine")
    alive = [t.name for t in threading.enumerate() if t.name.startswith(threads)]
    assert not alive


def test_t_opens_the_training_screen_without_starting_a_run_and_space_starts_one(make_app):
    started = []

    def record(preset, messages, stop, **options):
        started.append(preset)
        thread = threading.Thread(target=lambda: None)
        thread.start()
        return thread

    app = make_app(load=False, training=TrainingSession(record))
    post_key(pygame.K_t)
    app.frame(1 / 60)
    app.frame(1 / 60)
    assert app.scene is app.scenes[SceneId.TRAINING] and started == []
    from tests.game.test_board_scene import drawn_strings

    shown = drawn_strings(app)
    assert "Press 1, 2 or Space to start a run." in shown
    assert "Data: looking for MNIST..." not in shown  # nothing is looking yet
    post_key(pygame.K_SPACE)
    app.frame(1 / 60)
    assert started == ["seed"]


def test_keys_choose_a_preset(make_app):
    trainer = ScriptedTrainer()
    app = make_app(load=False, training=TrainingSession(trainer))
    app.switch_to(SceneId.TRAINING)
    post_key(pygame.K_2)
    app.frame(1 / 60)
    post_key(pygame.K_1)
    app.frame(1 / 60)
    assert trainer.presets == ["full", "seed"]
    assert app.context.training.preset == "seed"


def test_the_verdict_is_shown_with_both_accuracies(make_app):
    script = []  # filled once the model's weights are known; posted when the run starts
    trainer = ScriptedTrainer(script)
    session = TrainingSession(trainer)
    app = make_app(training=session)
    weights = app.context.model.weights
    script += [
        TrainingStarted("seed", 1, 1, 500),
        EpochResult(
            1, 1, {"accuracy": 0.9, "val_accuracy": 0.8, "loss": 0.3, "val_loss": 0.4}, 1.0
        ),
        TrainingFinished(False, 1, 0.8, 12.0, weights),
        RunJudged(False, "not better", 0.81, 0.99, 1000, weights, "/tmp/aside.keras"),
    ]
    app.switch_to(SceneId.TRAINING)
    session.start()
    assert trainer.finished()
    app.frame(1 / 60)
    app.frame(10.0)  # ten seconds on: the verdict's notice has given way to the run's summary
    (summary,) = [line for line in drawn_in_frames(app).strings if line.startswith("Finished")]
    assert "0:12" in summary and "81.0%" in summary and "99.0%" in summary
    assert "Enter" in summary


def test_a_missing_data_file_is_an_error_not_a_silent_fallback(make_app, tmp_path):
    app = make_app(data_path=str(tmp_path / "typo.npz"), epochs=1)
    post_key(pygame.K_t)
    post_key(pygame.K_SPACE)  # T opens the screen; Space starts a run
    app.frame()
    training = app.context.training
    assert run_until(app, lambda: not training.running)
    app.frame()
    assert training.error is not None and "typo.npz" in training.error
    assert app.context.model.label.startswith("shipped model")


def test_r_asks_first_then_restores_the_shipped_model_keeping_the_players(make_app):
    paths.user_dir().mkdir(parents=True)
    import shutil

    shutil.copy(paths.shipped_model_path(), paths.user_model_path())
    app = make_app(real=True)
    assert app.context.model.label.startswith("your trained model")
    post_key(pygame.K_r)
    app.frame(1 / 60)
    assert "again" in app.context.notices.current
    assert settle(app) and paths.user_model_path().exists()  # nothing happened yet
    post_key(pygame.K_r)
    app.frame(1 / 60)
    assert run_until(app, lambda: app.context.model.label.startswith("shipped"), 30)
    assert not paths.user_model_path().exists()
    assert paths.kept_aside_model_path().is_file()  # kept, not deleted
    app.frame(1 / 60)
    notice = app.context.notices.current  # news, not a warning, and no long path to be cut short
    assert notice.startswith("Now using the shipped model") and "N switches back" in notice
    assert app.context.notices.color == GOOD and str(paths.user_dir()) not in notice


def test_r_when_the_saved_model_cannot_be_moved_aside_does_not_crash(make_app):
    """The tests run as root, which ignores a read-only folder; a directory where the
    kept-aside file should go makes the move fail the same way (an OSError)."""
    import shutil

    paths.user_dir().mkdir(parents=True)
    shutil.copy(paths.shipped_model_path(), paths.user_model_path())
    blocker = paths.kept_aside_model_path()
    blocker.mkdir()
    (blocker / "something").write_text("not a model")
    app = make_app(real=True)
    post_key(pygame.K_r)
    app.frame(1 / 60)
    post_key(pygame.K_r)
    app.frame(1 / 60)
    assert run_until(app, lambda: app.context.model.label.startswith("shipped"), 30)
    assert "next launch" in app.context.notices.current
    assert paths.user_model_path().is_file()  # the player's file is untouched


@pytest.mark.slow  # trains a real network end to end: the full suite (and CI) runs it
def test_every_judged_run_is_kept_and_n_switches_between_the_kept_models(make_app, mnist):
    from mnist_arcade.player_files.model_library import library_models

    app = make_app(real=True, epochs=2, save_path=None, aside_path=None)
    shipped = [w.copy() for w in app.context.model.weights]
    post_key(pygame.K_n)  # nothing kept yet: said so
    app.frame(1 / 60)
    assert "No runs kept yet" in app.context.notices.current
    post_key(pygame.K_t)
    post_key(pygame.K_SPACE)  # T opens the screen; Space starts a run
    app.frame(1 / 60)
    training = app.context.training
    assert run_until(app, lambda: not training.active)
    assert not training.judged.adopted  # two epochs on 540 digits: worse than the shipped model
    kept = library_models()
    assert len(kept) == 1
    post_key(pygame.K_b)
    app.frame(1 / 60)
    post_stroke([(190, 120), (190, 340)])  # a 1, read by the shipped model
    app.frame(1 / 60)
    read_board(app)
    shipped_reading = app.context.readings.prediction.probabilities.copy()
    post_key(pygame.K_n)  # a curious press only asks: the worse run is not put in use
    app.frame(1 / 60)
    assert (
        "Use your tutorial run of" in app.context.notices.current
        and "N again" in app.context.notices.current
    )
    judged = f"practice exam {training.judged.candidate_accuracy:.1%}; run 1 of 1 kept"
    assert (
        judged in app.context.notices.current
    )  # how well it read when it was kept: before switching
    assert settle(app) and app.context.model.label.startswith("shipped model")
    assert not paths.user_model_path().exists()
    post_key(pygame.K_n)  # the second N confirms
    app.frame(1 / 60)
    assert run_until(app, lambda: app.context.model.label.startswith("your tutorial run of"), 30)
    assert settle(app)  # the drawing is read again with the model switched to
    assert not np.allclose(app.context.readings.prediction.probabilities, shipped_reading)
    for mine, run in zip(app.context.model.weights, training.judged.weights, strict=True):
        np.testing.assert_array_equal(mine, run)
    assert paths.user_model_path().is_file()  # chosen: the next launch starts with it
    post_key(pygame.K_n)
    app.frame(1 / 60)
    assert "Use the shipped model" in app.context.notices.current
    post_key(pygame.K_n)
    app.frame(1 / 60)
    assert run_until(app, lambda: app.context.model.label.startswith("shipped model"), 30)
    for mine, theirs in zip(app.context.model.weights, shipped, strict=True):
        np.testing.assert_array_equal(mine, theirs)
    assert not paths.user_model_path().exists() and library_models() == kept


def test_the_training_screen_explains_its_words_and_hovering_a_point_shows_its_value(make_app):
    logs = [
        {"accuracy": 0.5, "val_accuracy": 0.4, "loss": 1.0, "val_loss": 1.1},
        {"accuracy": 0.7, "val_accuracy": 0.625, "loss": 0.8, "val_loss": 0.9},
    ]
    app, _ = training_screen_after(make_app, logs, epochs=4)
    chart = app.scene.accuracy_chart
    x, y = last_point_drawn(app, chart, SERIES["val_accuracy"])  # epoch 2, as drawn
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=(x + 3, y - 2), rel=(0, 0), buttons=(0, 0, 0))
    )
    shown = drawn_in_frames(app).rendered
    assert "val_accuracy, epoch 2: 62.5%" in shown
    words = " ".join(shown)
    assert "An epoch is one pass" in words and "samples/s" in words


def test_data_that_cannot_be_read_is_said_once_and_the_screen_does_not_keep_looking(
    make_app, tmp_path
):
    junk = tmp_path / "junk.npz"
    junk.write_bytes(bytes(range(256)) * 8)
    app = make_app(data_path=str(junk))
    post_key(pygame.K_t)
    post_key(pygame.K_SPACE)  # T opens the screen; Space starts a run
    app.frame(1 / 60)
    training = app.context.training
    assert run_until(app, lambda: not training.active, 60)
    app.frame(10.0)  # the key's notice has faded: the screen shows the run's own lines
    shown = drawn_in_frames(app).strings
    assert any("not a NumPy .npz archive" in line for line in shown), shown
    assert not any("allow_pickle" in line for line in shown)
    assert "Data: none could be used (the reason is below). 1 or 2 tries again." in shown


def test_while_practice_digits_are_drawn_the_screen_says_the_data_was_found(make_app):
    app = make_app(load=False)
    app.switch_to(SceneId.TRAINING)
    post_key(pygame.K_2)  # the full preset: it draws practice digits before its first epoch
    app.frame(1 / 60)
    training = app.context.training
    assert run_until(app, lambda: training.drawing is not None, 120)
    shown = drawn_in_frames(app).strings
    post_key(pygame.K_ESCAPE)
    app.frame(1 / 60)
    assert run_until(app, lambda: not training.running, 60)
    assert "Data: looking for MNIST..." not in shown
    assert any(line.startswith("Data: MNIST found") for line in shown), shown


def test_a_damaged_kept_model_is_set_aside_and_n_offers_the_older_runs_behind_it(make_app):
    """One unreadable file in models/ no longer blocks N: it is set aside (renamed, named in
    the notice, never deleted) and N offers the older run behind it."""
    import shutil
    import zipfile

    from mnist_arcade.player_files.model_library import library_dir, library_models

    library_dir().mkdir(parents=True)
    older = library_dir() / "2026-01-01_120000_seed.keras"
    shutil.copyfile(paths.shipped_model_path(), older)
    junk = library_dir() / "2026-01-03_120000_seed.keras"
    junk.write_bytes(b"not a model at all")
    crc = library_dir() / "2026-01-02_120000_full.keras"  # whole zip, one flipped weight byte
    data = bytearray(paths.shipped_model_path().read_bytes())
    with zipfile.ZipFile(paths.shipped_model_path()) as archive:
        weights = archive.getinfo("model.weights.h5")
    data[weights.header_offset + 30 + len(weights.filename) + 5000] ^= 0xFF
    crc.write_bytes(bytes(data))
    app = make_app(real=True)
    post_key(pygame.K_n)
    app.frame(1 / 60)
    notice = app.context.notices.current
    assert junk.name in notice and "set aside" in notice
    assert "your tutorial run of 1 Jan" in notice and "(run 1 of 1 kept, best first)" in notice
    assert library_models() == [older]
    aside = " ".join(p.name for p in library_dir().iterdir() if ".unreadable-" in p.name)
    assert f"{junk.stem}.unreadable-" in aside and f"{crc.stem}.unreadable-" in aside
    post_key(pygame.K_n)
    app.frame(1 / 60)
    assert run_until(app, lambda: "Now using" in app.context.notices.current, 30)
    assert "tutorial run of 1 Jan" in app.context.notices.current


def test_a_kept_model_keras_refuses_is_set_aside_when_the_switch_fails(make_app):
    import zipfile

    from mnist_arcade.player_files.model_library import library_dir, library_models

    library_dir().mkdir(parents=True)
    odd = library_dir() / "2026-01-01_120000_seed.keras"
    with zipfile.ZipFile(odd, "w") as archive:  # a whole zip, but no Keras model inside
        archive.writestr("config.json", "{}")
        archive.writestr("metadata.json", "{}")
    app = make_app(real=True)
    for _ in range(2):  # ask, then confirm
        post_key(pygame.K_n)
        app.frame(1 / 60)
    assert run_until(app, lambda: "could not" in app.context.notices.current, 30)
    assert app.context.model.label.startswith("shipped model")
    notice = app.context.notices.current
    assert notice.startswith("Still using the shipped model: could not switch")
    assert "set aside" in notice and "N offers the next" in notice
    assert library_models() == [] and not odd.exists()
    post_key(pygame.K_n)  # nothing left to offer: said so, not the same file again
    app.frame(1 / 60)
    assert "No runs kept yet" in app.context.notices.current


def _keep_copies_of_the_shipped_model(count: int) -> list:
    import shutil

    from mnist_arcade.player_files.model_library import library_dir

    library_dir().mkdir(parents=True, exist_ok=True)
    copies = [library_dir() / f"2026-01-0{day}_120000_seed.keras" for day in range(1, count + 1)]
    for copy in copies:
        shutil.copyfile(paths.shipped_model_path(), copy)
    return copies


def test_n_then_r_before_the_engine_answers_leaves_the_right_model_on_record(make_app):
    _keep_copies_of_the_shipped_model(1)
    app = make_app()
    context = app.context
    for press in (
        context.switching.next_model,
        context.switching.next_model,
        context.switching.restore_shipped_model,
        context.switching.restore_shipped_model,
    ):  # N asks, N confirms, R asks, R confirms, with
        press()  # no frame between them: the engine has not answered N before R is sent
    assert run_until(app, lambda: context.model.version >= 3, 30)  # both switches answered
    assert settle(app) and context.model.label.startswith("shipped model")
    post_key(pygame.K_n)  # the shipped model is in use (R came last): N offers the kept one
    app.frame(1 / 60)
    assert "(run 1 of 1 kept, best first)" in context.notices.current, context.notices.current


def test_two_quick_switches_go_to_the_next_model_each_time(make_app):
    _keep_copies_of_the_shipped_model(2)
    engine = FakeEngine()
    app = make_app(engine=engine)
    engine.hold()  # N asks, N confirms; then again, before the engine has answered
    offers = []
    for _ in range(2):
        post_key(pygame.K_n)
        app.frame(1 / 60)
        offers.append(app.context.notices.current)
        post_key(pygame.K_n)
        app.frame(1 / 60)
    engine.release()
    assert "(run 1 of 2 kept" in offers[0] and "(run 2 of 2 kept" in offers[1], offers
    assert settle(app)
    asked = [r.path for r in engine.seen if isinstance(r, UseModelFile)]
    assert len(asked) == 2 and asked[0] != asked[1]  # two switches, each to another model


def test_n_offers_the_best_read_kept_run_first_and_says_what_its_place_means(make_app):
    from mnist_arcade.player_files.model_library import record_accuracy

    worse, better = _keep_copies_of_the_shipped_model(2)
    record_accuracy(worse, 0.90, 1000)
    record_accuracy(better, 0.97, 1000)
    app = make_app()
    post_key(pygame.K_n)
    app.frame(1 / 60)
    notice = app.context.notices.current
    assert "of 2 Jan" in notice and "practice exam 97.0%; run 1 of 2 kept, best first" in notice


def test_a_question_hidden_by_news_is_withdrawn_and_the_next_press_asks_again(make_app):
    _keep_copies_of_the_shipped_model(2)
    engine = FakeEngine()
    app = make_app(engine=engine)
    context = app.context
    context.switching.next_model()  # asks
    assert "N again" in context.notices.current
    context.say("Now using something else (news from the engine).")  # covers the question
    context.switching.next_model()  # must ask again, not switch on a question no longer on screen
    assert "N again" in context.notices.current
    assert engine.answered_all()
    assert not [r for r in engine.seen if isinstance(r, UseModelFile | RestoreShipped)]


def test_switching_round_and_round_keeps_no_second_copy_of_any_model(make_app):
    import keras

    from mnist_arcade.player_files.model_library import library_dir, library_models

    library_dir().mkdir(parents=True)
    for day in (1, 2):  # two different runs, saved as training saves them: with the optimizer
        model = keras.models.load_model(paths.shipped_model_path())
        weights = model.get_weights()
        weights[-1] = weights[-1] + 0.01 * day
        model.set_weights(weights)
        model.save(library_dir() / f"2026-01-0{day}_120000_seed.keras")
    kept = library_models()
    app = make_app(real=True)
    for _ in range(2 * (len(kept) + 1)):  # twice round: each run, then the shipped model
        version = app.context.model.version
        for _ in range(2):  # ask, confirm
            post_key(pygame.K_n)
            app.frame(1 / 60)
        assert run_until(app, lambda v=version: app.context.model.version > v, 30)
    assert library_models() == kept  # every replaced file was found in the library already


def test_the_data_line_names_the_digits_in_plain_words_and_keeps_the_reason_for_the_log(
    make_app, caplog
):
    import logging

    from mnist_arcade.messages import DataReady

    failed = "Keras: mnist.npz is not cached and the download failed ([Errno -2] Name unknown)"
    ready = DataReady("shipped subset (data/mnist_subset.npz)", 1000, 200, (failed,))
    session = TrainingSession(ScriptedTrainer([ready, TrainingStarted("seed", 50, 2, 500)]))
    app = make_app(load=False, training=session)
    app.switch_to(SceneId.TRAINING)
    session.start()
    session._thread.join()
    from tests.game.test_board_scene import drawn_strings

    with caplog.at_level(logging.INFO):
        words = " ".join(drawn_strings(app, frames=2))
    assert "1,000 digits to learn from, out of the small set of real MNIST digits" in words
    assert "Errno" not in words and ".npz" not in words and "Keras" not in words
    assert "Errno -2" in caplog.text  # the reason is not lost: it is in the log


def test_the_earlier_runs_label_stays_off_the_plot_where_lines_near_100_percent_run(window):
    from mnist_arcade.game.widgets.line_chart import LineChart
    from mnist_arcade.game.widgets.text import Text

    text = Text()
    chart = LineChart(text, ACCURACY_RECT, "Accuracy per epoch", "accuracy", (0.0, 1.0), True)
    drawn = {}
    original = text.draw

    def record(target, string, *args, **kwargs):
        drawn[string] = original(target, string, *args, **kwargs)
        return drawn[string]

    text.draw = record
    near_full = {"accuracy": [0.97, 0.99, 1.0], "val_accuracy": [0.96, 0.99, 0.995]}
    chart.draw(pygame.Surface((1280, 720)), near_full, 3, [near_full])
    area = chart.plot_area
    label = drawn.pop("faded: earlier runs")
    assert not label.colliderect(area) and label.top > area.bottom  # below the axis
    assert not any(label.colliderect(rect) for rect in drawn.values())


def test_after_r_r_the_notice_about_the_players_own_model_fits_uncut(make_app):
    import shutil

    from mnist_arcade.game.scenes.board_scene import NOTICE_LINES
    from mnist_arcade.game.widgets.text import fit_lines

    paths.user_dir().mkdir(parents=True)
    shutil.copy(paths.shipped_model_path(), paths.user_model_path())
    app = make_app(real=True)  # the engine's own note on the player's model
    post_key(pygame.K_r)
    post_key(pygame.K_r)
    app.frame(1 / 60)
    assert run_until(app, lambda: app.context.model.label.startswith("shipped model"), 30)
    app.frame(1 / 60)
    notice = app.context.notices.current
    assert "N switches back to it" in notice
    board = app.scene.canvas.rect.width
    lines = fit_lines(notice, app.context.text.font(20), board, NOTICE_LINES)
    assert not lines[-1].endswith("..."), lines


def test_switching_language_redraws_the_charts_in_the_new_language(make_app):
    """The charts are cached surfaces: after the switch key they must show the new language's
    words, exactly as a training screen opened in that language draws them."""
    from mnist_arcade.game.scenes.train_scene import LOSS_RECT, TrainScene

    logs = [{"accuracy": 0.6, "val_accuracy": 0.5, "loss": 0.9, "val_loss": 1.0}] * 2
    app, _ = training_screen_after(make_app, logs, epochs=4)
    before = surface_to_rgb(app.screen)
    app.context.switch_language()
    app.frame(1 / 30)
    after = surface_to_rgb(app.screen)
    fresh = pygame.Surface(app.screen.get_size())
    TrainScene(app.context).draw(fresh)
    for rect in (ACCURACY_RECT, LOSS_RECT):
        window = (slice(rect.top, rect.bottom), slice(rect.left, rect.right))
        assert not np.array_equal(before[window], after[window])  # the words changed
        assert np.array_equal(after[window], surface_to_rgb(fresh)[window])


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("large", [False, True])
def test_the_whole_data_line_shows_wrapped_and_clear_of_the_lines_below(make_app, language, large):
    """The data sentence is longer than the screen is wide: it wraps, every word on screen,
    and the summary below moves down rather than be drawn over it."""
    from mnist_arcade.game.words import phrase
    from mnist_arcade.game.words.languages import Language, use_language
    from mnist_arcade.game.words.sources import plain_source
    from mnist_arcade.messages import DataReady
    from testing_support.text_recorder import drawn_in_frames

    use_language(Language(language))
    source = "shipped subset (data/mnist_subset.npz)"
    ready = DataReady(source, 1000, 200, ())
    session = TrainingSession(ScriptedTrainer([ready, TrainingStarted("seed", 50, 2, 500)]))
    app = make_app(load=False, training=session)
    if large:
        app.context.text.toggle_large()
    app.switch_to(SceneId.TRAINING)
    session.start()
    session._thread.join()
    app.context.say(phrase("train_screen.run_going"))  # a summary line under the data line
    sentence = phrase("train_screen.data", source=plain_source(source), train=1000, validation=200)
    drawn = drawn_in_frames(app).drawn
    starts = [i for i, item in enumerate(drawn) if sentence.startswith(item.string) and item.string]
    first = starts[0]
    lines, shown = [], ""
    for item in drawn[first:]:
        if shown == sentence.replace(" ", ""):
            break
        lines.append(item)
        shown += item.string.replace(" ", "")
    assert shown == sentence.replace(" ", "")  # every word, no "..."
    width = app.screen.get_width()
    assert all(item.rect.left >= 0 and item.rect.right <= width for item in lines)
    others = [  # drawn on the window (a chart's words are drawn on its own surface)
        item
        for item in drawn
        if item not in lines
        and item.rect.top < ACCURACY_RECT.top
        and item.target is app.window.canvas
    ]
    for line in lines:
        clashes = [other.string for other in others if other.rect.colliderect(line.rect)]
        assert not clashes, (line.string, clashes)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_each_accuracy_after_a_run_says_which_digits_it_was_measured_on(make_app, language):
    """Three figures show after a run: val on the few digits the run checks after each epoch,
    the practice exam the run and the model in use both sat, and the final exam on test
    digits (the model's label). The chart names val's count, the summary says the model in use
    sat the same practice exam."""
    from mnist_arcade.game.words import phrase
    from mnist_arcade.game.words.languages import Language, use_language

    use_language(Language(language))
    script = []
    session = TrainingSession(ScriptedTrainer(script))
    app = make_app(training=session)
    weights = app.context.model.weights
    script += judged_seed_run(weights, train=1234, validation=321, exam_digits=4321, incumbent=0.99)
    app.switch_to(SceneId.TRAINING)
    session.start()
    app.frame(1 / 60)
    app.frame(10.0)  # the verdict's notice has given way to the run's summary
    subtitle = app.scene.accuracy_chart.subtitle
    assert "1,234" in subtitle and "321" in subtitle
    (summary,) = [line for line in drawn_in_frames(app).strings if "92.7%" in line]
    assert "4,321" in summary
    beside = phrase("verdict.beside", accuracy="99.0%")
    assert beside in summary and beside != phrase("verdict.beside", accuracy="").strip()
    same = {"en": "same digits", "zh": "同样这些数字"}[language]
    assert same in beside
