"""The one spare-model cache: built once, reused for the same key, rebuilt for a new one, and
holding exactly the weights it is given (real Keras models, read back)."""

import numpy as np

from mnist_arcade.ml.model import build_model, fresh_weights
from mnist_arcade.ml.spare_model import SpareModel


def test_a_spare_is_built_once_per_key_and_rebuilt_for_a_new_one():
    built = []

    def build():
        built.append(build_model())
        return built[-1]

    spare = SpareModel(build)
    first, new = spare.get("plan a")
    again, new_again = spare.get("plan a")
    other, new_other = spare.get("plan b")
    assert new and not new_again and new_other
    assert first is again and other is not first and len(built) == 2


def test_holding_puts_the_given_weights_in_the_spare():
    spare = SpareModel()
    weights = fresh_weights(7)
    model = spare.holding(weights)
    for held, given in zip(model.get_weights(), weights, strict=True):
        np.testing.assert_array_equal(held, given)
    assert spare.holding(fresh_weights(8)) is model  # the same network, new weights
    assert not np.array_equal(model.get_weights()[0], weights[0])
