"""The training scene: charts from posted messages, live weights, stopping and closing."""

import queue
import threading

import numpy as np
import pygame

from mnist_arcade.game.surfaces import surface_to_rgb
from mnist_arcade.game.theme import SERIES
from mnist_arcade.game.train_scene import ACCURACY_RECT, EXAMPLES_TOPLEFT
from mnist_arcade.game.training_session import TrainingSession
from mnist_arcade.messages import EpochResult, TrainingFinished, TrainingStarted
from tests.game.conftest import post_key, post_stroke, run_until


def scripted_trainer(messages_to_post):
    """A trainer thread that posts the given messages (for testing the drawing side)."""

    def start(preset, messages: queue.Queue, stop: threading.Event, **options):
        def run():
            for message in messages_to_post:
                messages.put(message)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        return thread

    return start


def count_pixels(app, rect, color):
    area = surface_to_rgb(app.screen)[rect.top : rect.bottom, rect.left : rect.right]
    return int(np.all(area == np.array(color), axis=-1).sum())


def test_the_chart_draws_each_posted_epoch(make_app):
    app = make_app(load=False)
    logs = [
        {
            "accuracy": 0.5 + i / 10,
            "val_accuracy": 0.4 + i / 10,
            "loss": 1 - i / 5,
            "val_loss": 1.1 - i / 5,
        }
        for i in range(4)
    ]
    app.training = TrainingSession(
        scripted_trainer(
            [TrainingStarted("seed", 10, 2, 500)]
            + [EpochResult(i + 1, 10, log, 0.5) for i, log in enumerate(logs)]
        )
    )
    app.switch_to("train")
    app.training.start()
    app.training._thread.join()
    app.frame(1 / 30)
    assert app.training.series("val_accuracy") == [log["val_accuracy"] for log in logs]
    blue = count_pixels(app, ACCURACY_RECT, SERIES["accuracy"])
    yellow = count_pixels(app, ACCURACY_RECT, SERIES["val_accuracy"])
    assert blue > 100 and yellow > 100  # both lines (and legend swatches) are drawn

    app.training = TrainingSession(scripted_trainer([TrainingStarted("seed", 10, 2, 500)]))
    app.training.start()
    app.training._thread.join()
    app.frame(1 / 30)
    assert count_pixels(app, ACCURACY_RECT, SERIES["accuracy"]) < blue  # only the legend now


def test_t_trains_for_real_and_the_board_uses_the_new_weights(make_app, tmp_path, mnist):
    app = make_app(epochs=2)
    post_stroke([(190, 120), (190, 340)])
    app.frame(1 / 60)
    post_key(pygame.K_p)
    app.frame(1 / 60)
    shipped_maps = app.prediction.layers[0].values.copy()
    post_key(pygame.K_t)
    app.frame(1 / 60)
    assert type(app.scene).__name__ == "TrainScene"
    assert run_until(app, lambda: not app.training.running)
    app.frame()
    training = app.training
    assert training.status == "finished", training.error
    assert len(training.series("val_accuracy")) == 2
    assert training.data.source.endswith("small_mnist.npz")
    live = app.model._predictor.get_weights()
    for mine, trained in zip(live, training.finished.weights, strict=True):
        np.testing.assert_array_equal(mine, trained)
    assert not np.allclose(app.prediction.layers[0].values, shipped_maps)  # maps refreshed
    assert (tmp_path / "trained.keras").is_file()
    shown = [label for _, label in app.scene._example_tiles]
    assert shown == mnist.y_test[:20].tolist()  # the tutorial's 20 labelled test digits
    left, top = EXAMPLES_TOPLEFT
    first = surface_to_rgb(app.screen)[top : top + 28, left + 140 : left + 168, 0]
    np.testing.assert_array_equal(first, mnist.x_test[0])
    post_key(pygame.K_ESCAPE)
    app.frame(1 / 60)
    assert type(app.scene).__name__ == "DrawScene"


def test_esc_stops_training_and_keeps_the_weights(make_app):
    app = make_app(epochs=50)
    post_key(pygame.K_t)
    app.frame(1 / 60)
    assert run_until(app, lambda: app.training.progress is not None or not app.training.running)
    post_key(pygame.K_ESCAPE)
    app.frame(1 / 60)
    app.training._thread.join(30)
    app.frame(1 / 60)
    assert app.training.status == "stopped"
    assert app.training.finished.stopped_early
    live = app.model._predictor.get_weights()
    for mine, kept in zip(live, app.training.finished.weights, strict=True):
        np.testing.assert_array_equal(mine, kept)


def test_closing_the_window_mid_training_leaves_no_thread(make_app):
    app = make_app(epochs=50)
    post_key(pygame.K_t)
    app.frame(1 / 60)
    assert run_until(app, lambda: app.training.progress is not None or not app.training.running)
    assert app.training.running
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    app.frame(1 / 60)
    assert not app.running
    assert app.shutdown()  # the trainer ended within the one-second grace
    assert not [t for t in threading.enumerate() if t.name.startswith("trainer")]


def test_keys_choose_a_preset(make_app):
    app = make_app(load=False)
    started = []

    def record(preset, messages, stop, **options):
        started.append(preset)
        thread = threading.Thread(target=lambda: None)
        thread.start()
        return thread

    app.training = TrainingSession(record)
    app.switch_to("train")
    post_key(pygame.K_2)
    app.frame(1 / 60)
    post_key(pygame.K_1)
    app.frame(1 / 60)
    assert started == ["full", "seed"]
    assert app.training.preset == "seed"


def test_finished_message_summary_is_shown(make_app):
    app = make_app()
    weights = app.model._predictor.get_weights()
    app.training = TrainingSession(
        scripted_trainer(
            [
                TrainingStarted("seed", 1, 1, 500),
                EpochResult(
                    1, 1, {"accuracy": 0.9, "val_accuracy": 0.8, "loss": 0.3, "val_loss": 0.4}, 1.0
                ),
                TrainingFinished(False, 1, 0.8, 12.0, weights),
            ]
        )
    )
    app.switch_to("train")
    app.training.start()
    app.training._thread.join()
    app.frame(1 / 60)
    summary, _ = app.scene._summary()
    assert "best val_accuracy 80.0%" in summary and "0:12" in summary


def test_a_bad_data_file_is_named_and_the_next_source_used(make_app, tmp_path):
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not an npz")
    app = make_app(data_path=str(broken), epochs=1)
    post_key(pygame.K_t)
    app.frame()
    assert run_until(app, lambda: not app.training.running)
    app.frame()
    data = app.training.data
    assert data.source.startswith("shipped subset") and data.train_samples == 1000
    assert str(broken) in data.notes[0]
    assert app.training.status == "finished"
    assert "shipped subset" in app.scene._data_line()


def test_r_restores_the_shipped_model_and_forgets_the_trained_one(make_app, shipped_model):
    from mnist_arcade import paths

    app = make_app(epochs=1, save_path=None)
    shipped_bytes = paths.shipped_model_path().read_bytes()
    post_key(pygame.K_t)
    app.frame()
    assert run_until(app, lambda: not app.training.running)
    app.frame()
    assert paths.user_model_path().is_file()  # saved where the next launch looks
    assert paths.shipped_model_path().read_bytes() == shipped_bytes  # never overwritten
    post_key(pygame.K_ESCAPE)
    app.frame(1 / 60)
    post_key(pygame.K_r)
    app.frame(1 / 60)
    assert not paths.user_model_path().exists()
    for mine, shipped in zip(
        app.model._predictor.get_weights(), shipped_model.get_weights(), strict=True
    ):
        np.testing.assert_array_equal(mine, shipped)
