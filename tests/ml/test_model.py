"""The tutorial's CNN, and one call of the feature extractor returning every layer."""

import numpy as np
import pytest

from mnist_arcade.ml.model import SHOWN_LAYERS, build_model, check_architecture
from tests.ml.impostor_models import same_names_other_sizes

EXPECTED_SHAPES = {
    "conv1": (24, 24, 8),
    "pool1": (12, 12, 8),
    "conv2": (8, 8, 16),
    "pool2": (4, 4, 16),
    "dense": (10,),
}


def test_model_has_the_tutorial_layers_and_shapes():
    model = build_model(seed=0)
    for name, shape in EXPECTED_SHAPES.items():
        assert tuple(model.get_layer(name).output.shape[1:]) == shape
    assert model.get_layer("conv1").kernel_size == (5, 5)
    assert model.get_layer("conv1").activation.__name__ == "relu"
    assert model.get_layer("dense").activation.__name__ == "softmax"
    assert model.count_params() == 208 + 3216 + 2570


def test_variance_scaling_init_is_seeded_and_repeatable():
    first = build_model(seed=3).get_layer("conv1").get_weights()[0]
    second = build_model(seed=3).get_layer("conv1").get_weights()[0]
    np.testing.assert_array_equal(first, second)
    assert 0.1 < first.std() < 0.5  # sqrt(1 / fan_in) with fan_in = 25 is about 0.2


def test_shipped_model_has_the_seed_architecture(shipped_model):
    check_architecture(shipped_model)
    assert [layer.name for layer in shipped_model.layers if layer.name in SHOWN_LAYERS] == list(
        SHOWN_LAYERS
    )


def test_a_model_without_the_named_layers_is_rejected():
    from mnist_arcade.ml.backend import keras

    other = keras.Sequential(
        [keras.Input((28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(10)]
    )
    with pytest.raises(ValueError, match="conv1"):
        check_architecture(other)


def test_a_model_with_the_names_but_other_layer_sizes_is_rejected():
    with pytest.raises(ValueError, match=r"layer conv1 outputs \(24, 24, 4\)"):
        check_architecture(same_names_other_sizes(conv1_filters=4))


def test_a_model_with_the_names_and_sizes_but_other_weights_is_rejected():
    model = same_names_other_sizes(use_bias=False)  # every output shape matches; no bias
    with pytest.raises(ValueError, match="layer conv1 has weights shaped"):
        check_architecture(model)


def test_a_fresh_model_passes_the_check():
    check_architecture(build_model(seed=5))
