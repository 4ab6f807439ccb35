"""The training screen's verdict on the last run stays true: "in use" (adopted, or chosen with
Enter) only while that run is the model in use; after N or R put another model in use it says
so, and N back to the run says it is in use again."""

import dataclasses

import pygame

from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.services.training_session import TrainingSession
from mnist_arcade.game.words import phrase
from mnist_arcade.messages import RunJudged
from testing_support.fake_trainers import ScriptedTrainer, judged_seed_run
from testing_support.game_input import post_key, run_until, settle
from testing_support.text_recorder import drawn_in_frames
from tests.game.test_train_scene import _keep_copies_of_the_shipped_model

CHOSEN = phrase("verdict.chosen", measured="", incumbent="").split(":")[0]
REPLACED = phrase("verdict.replaced", measured="").split(":")[0]


def summary_after_the_notices(app) -> str:
    """Every word on the training screen once the last notice has given way to the summary."""
    app.switch_to(SceneId.TRAINING)
    app.frame(10.0)
    return " ".join(drawn_in_frames(app).strings)


def press_twice(app, key) -> None:
    """A question, then its yes (Enter, N and R each ask first)."""
    for _ in range(2):
        post_key(key)
        app.frame(1 / 60)


def test_a_chosen_run_is_not_called_in_use_once_another_model_is(make_app):
    (kept,) = _keep_copies_of_the_shipped_model(1)  # the run's copy in the model library
    script = []
    session = TrainingSession(ScriptedTrainer(script))
    app = make_app(training=session)
    *run, judged = judged_seed_run(app.context.model.weights)
    assert isinstance(judged, RunJudged) and not judged.adopted  # kept aside
    script += [*run, dataclasses.replace(judged, library_path=str(kept))]
    app.switch_to(SceneId.TRAINING)
    session.start()
    assert run_until(app, lambda: session.judged is not None and not session.active)
    press_twice(app, pygame.K_RETURN)  # the player chooses the kept-aside run
    assert settle(app)
    shown = summary_after_the_notices(app)
    assert CHOSEN in shown and REPLACED not in shown

    app.switch_to(SceneId.BOARD)
    press_twice(app, pygame.K_n)  # N: the shipped model, the only other one
    assert settle(app) and app.context.model.label.startswith(phrase("model.shipped"))
    shown = summary_after_the_notices(app)
    assert REPLACED in shown and CHOSEN not in shown
    assert "92.7%" in shown  # how the run read is still said

    app.switch_to(SceneId.BOARD)
    press_twice(app, pygame.K_r)  # R: the shipped model again; the run is still not in use
    assert settle(app)
    shown = summary_after_the_notices(app)
    assert REPLACED in shown and CHOSEN not in shown

    app.switch_to(SceneId.BOARD)
    press_twice(app, pygame.K_n)  # N: back to the run itself, in use again
    assert settle(app) and not app.context.model.label.startswith(phrase("model.shipped"))
    shown = summary_after_the_notices(app)
    assert CHOSEN in shown and REPLACED not in shown


def test_an_adopted_run_is_not_called_in_use_once_r_put_the_shipped_model_back(make_app):
    (kept,) = _keep_copies_of_the_shipped_model(1)
    script = []
    session = TrainingSession(ScriptedTrainer(script))
    app = make_app(training=session)
    *run, judged = judged_seed_run(app.context.model.weights)
    script += [*run, dataclasses.replace(judged, adopted=True, library_path=str(kept))]
    app.switch_to(SceneId.TRAINING)
    session.start()
    assert run_until(app, lambda: session.judged is not None and not session.active)
    assert settle(app)
    in_use = phrase("verdict.in_use", measured="", incumbent="").split(":")[0]
    shown = summary_after_the_notices(app)
    assert in_use in shown and REPLACED not in shown

    app.switch_to(SceneId.BOARD)
    press_twice(app, pygame.K_r)
    assert settle(app) and app.context.model.label.startswith(phrase("model.shipped"))
    shown = summary_after_the_notices(app)
    assert REPLACED in shown and in_use not in shown
