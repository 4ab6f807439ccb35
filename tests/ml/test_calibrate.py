"""Temperature scaling of a trained model: the answers stay, the confidence changes."""

import numpy as np
import pytest

from mnist_arcade.canvas.preprocess import mnist_digits_as_input
from mnist_arcade.dataset import load_npz
from mnist_arcade.ml.calibrate import calibrate, main
from mnist_arcade.ml.model_files import load_model


def test_calibrating_keeps_every_answer_and_the_architecture(
    shipped_model, small_mnist_file, tmp_path
):
    from mnist_arcade.ml.model import build_model
    from mnist_arcade.practice.pen_strokes import read_pen_digits, save_compact, split_by_writer

    _, held_out = split_by_writer(read_pen_digits())
    pens = tmp_path / "held_out_pens.npz"
    save_compact(held_out[::10], pens)  # every tenth held-out digit: the same writers, fewer

    model = build_model()
    model.set_weights(shipped_model.get_weights())
    kernel, bias = model.get_layer("dense").get_weights()
    model.get_layer("dense").set_weights([kernel * 3, bias * 3])  # overconfident, as trained
    data = load_npz(small_mnist_file)
    digits = mnist_digits_as_input(data.x_test[:100])[..., None]
    before = np.asarray(model(digits, training=False))
    temperature = calibrate(model, data, drawings=60, pen_strokes=pens)
    after = np.asarray(model(digits, training=False))
    assert 0.25 <= temperature <= 8
    assert np.array_equal(before.argmax(axis=1), after.argmax(axis=1))
    assert not np.allclose(before, after)


@pytest.mark.slow  # makes the full preset's validation drawings: many seconds, by design
def test_the_command_writes_a_calibrated_model(shipped_model, small_mnist_file, tmp_path, capsys):
    from mnist_arcade import paths

    out = tmp_path / "calibrated.keras"
    model = str(paths.shipped_model_path())
    assert main(["--model", model, "--data", str(small_mnist_file), "--out", str(out)]) == 0
    assert "Temperature" in capsys.readouterr().out
    assert [w.shape for w in load_model(out).get_weights()] == [
        w.shape for w in shipped_model.get_weights()
    ]
