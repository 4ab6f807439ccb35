"""After K, the training screen asks once whether to use the taught model, and one Enter does.

The run itself is scripted (its messages posted as the trainer would), but the taught model is
real: judged and saved by the game's own judge-and-save into the test's user folder, and put in
use by the real engine, so the files on disk are the ones a player would have.
"""

import numpy as np
import pygame
import pytest

from mnist_arcade import paths
from mnist_arcade.canvas.board import Board
from mnist_arcade.canvas.preprocess import to_network_input
from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.services.training_session import TrainingSession
from mnist_arcade.messages import FinetuneReport, TrainingFinished, TrainingStarted
from mnist_arcade.player_files.digit_book import load_book, save_book
from mnist_arcade.player_files.model_library import library_models
from testing_support.fake_trainers import ScriptedTrainer
from testing_support.game_input import post_key, run_until, settle
from testing_support.text_recorder import drawn_in_frames

BOOK_DIGITS = 7


def fill_the_book() -> None:
    """Seven drawn 1s in the player's digit book, as digit keys after readings would keep."""
    book, _ = load_book()
    for x in range(BOOK_DIGITS):
        board = Board()
        board.begin_stroke(100 + 10 * x, 40)
        board.continue_stroke(90 + 10 * x, 240)
        book.add(to_network_input(board.pixels), board.pixels, 1)
    save_book(book)


def weights_of(path):
    from mnist_arcade.ml.model_files import load_model

    return load_model(path).get_weights()


def taught_run(mnist):
    """A taught model judged and saved by the trainer's own judge-and-save against the
    player's saved model: the shipped network with its last layer halved, which reads every
    digit the same (the same largest chance) and so is no better: kept aside, as most taught
    runs are."""
    from mnist_arcade.ml.model_files import load_model
    from mnist_arcade.ml.trainer import judged_message

    model = load_model(paths.shipped_model_path())
    weights = model.get_weights()
    weights[-2:] = [weight * 0.5 for weight in weights[-2:]]
    model.set_weights(weights)
    judged = judged_message(model, mnist, completed=True, preset="finetune")
    assert not judged.adopted and judged.library_path is not None
    return judged


@pytest.fixture
def taught_app(make_app, mnist):
    """The player's own saved model in use, seven digits in the book, K pressed, and the
    taught run over: (app, the run's verdict, the player's model file's bytes before)."""
    paths.user_model_path().parent.mkdir(parents=True, exist_ok=True)
    paths.user_model_path().write_bytes(paths.shipped_model_path().read_bytes())
    before = paths.user_model_path().read_bytes()
    fill_the_book()
    judged = taught_run(mnist)
    weights = judged.weights
    script = [
        TrainingStarted("finetune", 5, 4, 128),
        TrainingFinished(False, 5, None, 2.0, weights),
        FinetuneReport(BOOK_DIGITS, 0, BOOK_DIGITS, 200, 0.99, 0.985),
        judged,
    ]
    trainer = ScriptedTrainer(script)
    app = make_app(real=True, training=TrainingSession(trainer))
    assert app.context.model.label.startswith("your trained model")
    post_key(pygame.K_k)
    app.frame(1 / 60)
    assert app.scene is app.scenes[SceneId.TRAINING] and trainer.finished()
    assert run_until(app, lambda: not app.context.training.active, 30)
    return app, judged, before


def test_the_training_screen_asks_once_with_both_figures_and_one_enter_uses_it(
    taught_app, make_app
):
    app, judged, before = taught_app
    shown = drawn_in_frames(app).strings
    assert "Use the taught model?" in shown
    digits = (
        f"Your digits read right: 0 of {BOOK_DIGITS} before, {BOOK_DIGITS} of {BOOK_DIGITS} after"
    )
    assert digits in shown
    exam = [line for line in shown if line.startswith("MNIST practice exam: ")]
    assert exam and f"{judged.incumbent_accuracy:.1%}" in exam[0]
    assert "Enter: yes, use it        Esc: keep the old one" in shown
    post_key(pygame.K_RETURN)  # one Enter: the player asked for this run with K
    app.frame(1 / 60)
    model = app.context.model
    assert run_until(app, lambda: model.label.startswith("the model taught your 7 digits"), 30)
    for mine, taught in zip(model.weights, judged.weights, strict=True):
        np.testing.assert_array_equal(mine, taught)
    for saved, taught in zip(weights_of(paths.user_model_path()), judged.weights, strict=True):
        np.testing.assert_array_equal(saved, taught)  # the next launch starts with it
    kept_before = [path for path in library_models() if path.read_bytes() == before]
    assert kept_before, "the model used before must stay in the library"
    assert "Use the taught model?" not in drawn_in_frames(app).strings  # answered: gone
    post_key(pygame.K_b)
    app.frame(1 / 60)
    post_key(pygame.K_n)  # N brings the old model back
    app.frame(1 / 60)
    assert "Use your saved model of" in app.context.notices.current
    relaunched = make_app(real=True)  # a new game on the same user folder keeps the name
    assert relaunched.context.model.label.startswith("the model taught your 7 digits")


def test_esc_keeps_the_old_model_in_use_and_the_taught_one_kept_aside(taught_app):
    app, judged, before = taught_app
    post_key(pygame.K_ESCAPE)
    app.frame(1 / 60)
    assert app.scene is app.scenes[SceneId.BOARD]
    assert "Kept the old model in use" in app.context.notices.current
    assert settle(app) and app.context.model.label.startswith("your trained model")
    assert paths.user_model_path().read_bytes() == before
    assert paths.kept_aside_model_path().is_file() and judged.library_path in map(
        str, library_models()
    )
    post_key(pygame.K_t)  # back on the training screen, the question is not asked again,
    app.frame(1 / 60)  # and Enter is the careful kept-aside path: the first press only asks
    assert "Use the taught model?" not in drawn_in_frames(app).strings
    post_key(pygame.K_RETURN)
    app.frame(1 / 60)
    assert "Enter again" in app.context.notices.current
    assert settle(app) and paths.user_model_path().read_bytes() == before
