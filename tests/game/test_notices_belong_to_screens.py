"""A notice belongs to the screen on show when it was said; putting another screen on show
withdraws it (the rule lives in :class:`Notices`, the window tells it of every switch)."""

from mnist_arcade.game.scene_id import SceneId
from mnist_arcade.game.state.clock import GameClock
from mnist_arcade.game.state.notices import Confirmable, Notices


def test_another_screen_withdraws_a_notice_and_its_question():
    notices = Notices(GameClock())
    notices.show_screen(SceneId.BOARD)
    assert not notices.confirmed(Confirmable.RESTORE, "Press R again to confirm.")
    notices.show_screen(SceneId.TRAINING)
    assert notices.current == "" and not notices.asking(Confirmable.RESTORE)
    notices.say("said on the training screen")
    notices.show_screen(SceneId.TRAINING)  # the same screen again keeps its own words
    assert notices.current == "said on the training screen"


def test_a_notice_said_at_launch_is_the_first_screens_and_one_handed_on_is_the_next_ones():
    notices = Notices(GameClock())
    notices.say("the saved language could not be read")  # before any screen is on show
    notices.show_screen(SceneId.BOARD)
    assert notices.current == "the saved language could not be read"
    notices.say("teaching your digits...")
    notices.hand_to(SceneId.TRAINING)  # said on the board, about the screen it opens
    notices.show_screen(SceneId.TRAINING)
    assert notices.current == "teaching your digits..."
    notices.show_screen(SceneId.BOARD)
    assert notices.current == ""
