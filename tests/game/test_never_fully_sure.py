"""The game never tells a child the network is 100% sure, on the board or in the lesson: it
can be wrong, so 99% is the most.

Only the words are capped: the reading itself keeps the network's raw probabilities.
"""

import numpy as np

from mnist_arcade.game.words.numbers import MOST_SURE, sure
from testing_support.fake_engine import FakeEngine
from testing_support.game_input import post_stroke, read_board
from testing_support.text_recorder import drawn_in_frames

from .test_board_scene import SCRIBBLE

ALMOST_CERTAIN = 0.9996  # rounds to "100%" as a plain whole percent


def test_a_share_that_rounds_to_a_whole_shows_as_99_percent():
    assert f"{ALMOST_CERTAIN:.0%}" == "100%"  # what the board used to say
    assert sure(ALMOST_CERTAIN) == "99%" and sure(1.0) == "99%"
    assert sure(0.87) == "87%" and sure(MOST_SURE) == "99%"


def test_the_board_says_99_percent_sure_when_the_network_is_almost_certain(make_app):
    engine = FakeEngine()
    reads = np.full(10, (1 - ALMOST_CERTAIN) / 9, np.float32)
    reads[7] = ALMOST_CERTAIN
    engine.reads = reads
    app = make_app(engine=engine)
    post_stroke(SCRIBBLE)
    app.frame(1 / 60)
    read_board(app)
    app.frame(3.0)  # the reveal is over: the bars show their figures
    assert app.context.readings.prediction.probabilities[7] == reads[7]  # the raw number stays
    shown = drawn_in_frames(app).strings
    assert "99% sure" in shown and "100% sure" not in shown
    assert "99" in shown and "100" not in shown  # the chance bar above the 7


def test_the_lessons_chance_bars_say_99_percent_when_the_network_is_almost_certain(make_app):
    from mnist_arcade.game.state.lesson_steps import LessonStep

    from .test_lesson import at_step_with_a_seven_read

    engine = FakeEngine()
    reads = np.full(10, (1 - ALMOST_CERTAIN) / 9, np.float32)
    reads[7] = ALMOST_CERTAIN
    engine.reads = reads
    app = make_app(engine=engine)
    at_step_with_a_seven_read(app, LessonStep.DENSE)  # step 5: the ten chances as bars
    shown = drawn_in_frames(app).strings
    assert "reads 7, 99% sure" in shown  # beside the board, under it
    assert "99%" in shown and "100%" not in shown  # above the 7's bar: the same promise
