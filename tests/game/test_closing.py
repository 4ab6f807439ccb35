"""Closing the window leaves no thread behind, even in the middle of a TensorFlow call.

A TensorFlow call (a model load, an XLA compile, a training batch) cannot be cut short, so
closing takes the window away at once, asks every thread to stop, and then waits for them.
Each test holds a thread inside such a call, as a busy machine does, until the window has
gone: the close must then wait for that call to end, and the thread must start nothing after
it (no measuring of a model nobody will see, no save of a run nobody finished).
"""

import threading

import pytest

from mnist_arcade import paths
from mnist_arcade.game.app import App
from mnist_arcade.game.context import GameContext
from mnist_arcade.game.services.model_client import ModelClient
from mnist_arcade.game.services.training_session import TrainingSession
from mnist_arcade.game.window import Window
from testing_support.fake_engine import FakeEngine
from testing_support.fake_trainers import ScriptedTrainer
from testing_support.game_input import run_until

HOLD_S = 120.0  # a held call waits at most this long for the window to go (a failing test ends)
GAME_THREADS = ("model-engine", "trainer", "fake-engine", "scripted-trainer", "test-digits")


class WatchedWindow(Window):
    """The game's window, which says when it has been closed (``gone``)."""

    def __init__(self) -> None:
        super().__init__()
        self.gone = threading.Event()

    def close(self) -> None:
        super().close()
        self.gone.set()


@pytest.fixture
def window():
    import pygame

    pygame.init()
    window = WatchedWindow()
    yield window
    window.gone.set()  # let a held call go on, whatever the test found
    pygame.quit()


def game_threads() -> list[str]:
    return [thread.name for thread in threading.enumerate() if thread.name.startswith(GAME_THREADS)]


def held_until_the_window_goes(entered: threading.Event, window: WatchedWindow, call):
    """``call``, entered at once but left only once the window has gone: a long TensorFlow
    call that the close arrives in the middle of."""

    def held(*args, **kwargs):
        entered.set()
        window.gone.wait(HOLD_S)
        return call(*args, **kwargs)

    return held


@pytest.mark.parametrize("step", ["loading the model", "compiling it"])
def test_a_close_while_the_engine_loads_or_compiles_waits_for_it_and_starts_nothing_after(
    step, window, monkeypatch
):
    from mnist_arcade.ml import model_worker

    entered, measured = threading.Event(), threading.Event()
    if step == "loading the model":
        held = held_until_the_window_goes(entered, window, model_worker.load_live_model)
        monkeypatch.setattr(model_worker, "load_live_model", held)
    else:
        held = held_until_the_window_goes(entered, window, model_worker.take_predictor)
        monkeypatch.setattr(model_worker, "take_predictor", held)
    real_accuracy = model_worker.accuracy

    def accuracy(*args, **kwargs):  # measuring the model on the yardstick digits: the next step
        measured.set()
        return real_accuracy(*args, **kwargs)

    monkeypatch.setattr(model_worker, "accuracy", accuracy)
    model = ModelClient()
    model.start()
    app = App(window, GameContext(model, TrainingSession(ScriptedTrainer())))
    assert entered.wait(HOLD_S), f"the engine never started {step}"

    assert app.shutdown(), "close returned with the engine still running"
    assert game_threads() == []
    assert not measured.is_set(), f"the engine went on to measure after {step}"
    assert model.poll() == [] and model.in_use is None  # nothing was put in use


@pytest.mark.slow
def test_a_close_in_a_training_batch_waits_for_the_batch_and_saves_nothing(
    window, monkeypatch, small_mnist_file
):
    from mnist_arcade.ml.callbacks import ProgressCallback

    saved = paths.user_model_path()
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_bytes(paths.shipped_model_path().read_bytes())  # the player's own model, in use
    before = saved.read_bytes()
    entered = threading.Event()
    batch_end = held_until_the_window_goes(entered, window, ProgressCallback.on_train_batch_end)
    monkeypatch.setattr(ProgressCallback, "on_train_batch_end", batch_end)
    engine = FakeEngine()
    model = ModelClient(starter=engine.start)
    model.start()
    training = TrainingSession(data_path=str(small_mnist_file), epochs=2)
    app = App(window, GameContext(model, training))
    assert run_until(app, lambda: model.ready)
    in_use = [weights.copy() for weights in model.weights]
    assert training.start("seed", incumbent_weights=model.weights)
    assert entered.wait(HOLD_S), "the run never reached its first batch's end"

    assert app.shutdown(), "close returned with the trainer still in its batch"
    assert game_threads() == []
    assert saved.read_bytes() == before  # the player's model is untouched
    assert sorted(path.name for path in paths.user_dir().iterdir()) == [saved.name]
    assert all((a == b).all() for a, b in zip(model.weights, in_use, strict=True))


def test_a_close_with_a_run_holding_its_batch_takes_the_window_away_first(window):
    # The fake run's batch ends only once the window has gone: close must hide the window
    # before it waits, and wait for the batch rather than return with the thread running.
    entered = threading.Event()

    def trainer(preset, messages, stop, **options) -> threading.Thread:
        def batch() -> None:
            entered.set()
            window.gone.wait(HOLD_S)

        thread = threading.Thread(target=batch, name="scripted-trainer", daemon=True)
        thread.start()
        return thread

    model = ModelClient(starter=FakeEngine().start)
    model.start()
    training = TrainingSession(trainer)
    app = App(window, GameContext(model, training))
    assert training.start("seed")
    assert entered.wait(HOLD_S)

    assert app.shutdown()
    assert window.gone.is_set() and game_threads() == []


def test_a_close_while_the_test_digits_load_waits_for_the_loader(window, monkeypatch):
    from mnist_arcade.game.scene_id import SceneId
    from mnist_arcade.game.services import exam_digits

    entered = threading.Event()
    held = held_until_the_window_goes(entered, window, exam_digits.find_mnist)
    monkeypatch.setattr(exam_digits, "find_mnist", held)
    model = ModelClient(starter=FakeEngine().start)
    model.start()
    app = App(window, GameContext(model, TrainingSession(ScriptedTrainer())))
    app.switch_to(SceneId.EVALUATION)  # E on the board: the screen reads its test digits
    app.frame(1 / 60)
    assert entered.wait(HOLD_S), "the evaluation screen never began to read its test digits"

    assert app.shutdown()
    assert [t.name for t in threading.enumerate() if t.name == "test-digits"] == []
