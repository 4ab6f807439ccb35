"""The shipped model on real people's pen strokes it never trained on: the held-out writers (25
to 30) of the shipped half, replayed through the game's brush large and small, with issue 20's
targets as the thresholds. The shipped model does not reach them yet: the test is marked as an
expected failure, strict, so it turns red the day a model does (and the mark must go)."""

import pytest

from mnist_arcade import paths
from mnist_arcade.practice.pen_strokes import (
    LARGE_INK_HEIGHTS,
    SMALL_INK_HEIGHTS,
    load_compact,
    pen_boards,
    split_by_writer,
)
from mnist_arcade.scoring.evaluation import board_accuracy

pytestmark = pytest.mark.slow

LARGE_OVERALL, LARGE_EVERY_DIGIT = 0.98, 0.95  # issue 20: drawn about 190 px tall
SMALL_OVERALL, SMALL_EVERY_DIGIT = 0.96, 0.90  # issue 20: drawn small, 60-100 px tall


@pytest.fixture(scope="module")
def held_out_writers():
    """Every held-out writer's digit in the shipped half (a fixed sample of the collection)."""
    _, held_out = split_by_writer(load_compact(paths.shipped_pen_strokes_path()))
    return held_out


@pytest.mark.parametrize(
    ("heights", "seed", "overall", "every_digit"),
    [
        (LARGE_INK_HEIGHTS, 41, LARGE_OVERALL, LARGE_EVERY_DIGIT),
        (SMALL_INK_HEIGHTS, 42, SMALL_OVERALL, SMALL_EVERY_DIGIT),
    ],
    ids=["large", "small"],
)
@pytest.mark.xfail(
    strict=True,  # when a model reaches the targets this fails: take the mark off then
    reason="issue 20's targets are not reached yet: the shipped model reads this sample's 1s "
    "and 9s under 90% large and its small digits under 96% (docs/model-development.md)",
)
def test_shipped_model_reads_held_out_writers_pen_strokes(
    predictor, held_out_writers, heights, seed, overall, every_digit
):
    boards, labels = pen_boards(held_out_writers, seed, heights)
    result = board_accuracy(predictor, f"held-out writers {heights}", boards, labels)
    print(result.as_text())
    assert len(set(labels)) == 10 and len(labels) >= 500
    assert result.accuracy >= overall
    assert min(result.per_class) >= every_digit
