"""Models load in safe mode with clear errors, and saves never destroy the last good model."""

import os

import numpy as np
import pytest

from mnist_arcade import paths
from mnist_arcade.errors import ModelLoadError
from mnist_arcade.ml.model import build_model
from mnist_arcade.ml.store import load_live_model, load_model, save_model_atomic


def test_missing_model_file_is_a_clear_error(tmp_path):
    with pytest.raises(ModelLoadError, match="not found"):
        load_model(tmp_path / "nothing.keras")


def test_corrupt_model_file_is_a_clear_error(tmp_path):
    broken = tmp_path / "broken.keras"
    broken.write_bytes(b"PK\x03\x04 definitely not a keras archive")
    with pytest.raises(ModelLoadError, match="cannot load model"):
        load_model(broken)


def test_saved_model_loads_back_with_the_same_weights(tmp_path):
    model = build_model(seed=1)
    target = save_model_atomic(model, tmp_path / "deep" / "model.keras")
    loaded = load_model(target)
    for saved, original in zip(loaded.get_weights(), model.get_weights(), strict=True):
        np.testing.assert_array_equal(saved, original)
    assert [p.name for p in target.parent.iterdir()] == ["model.keras"]  # no temporary left


def test_a_failed_save_keeps_the_last_good_model(tmp_path, monkeypatch):
    target = tmp_path / "model.keras"
    save_model_atomic(build_model(seed=1), target)
    good_bytes = target.read_bytes()

    model = build_model(seed=2)

    def disk_full(path, *args, **kwargs):
        with open(path, "wb") as handle:
            handle.write(b"half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(model, "save", disk_full)
    with pytest.raises(OSError, match="No space"):
        save_model_atomic(model, target)
    assert target.read_bytes() == good_bytes
    assert [p.name for p in tmp_path.iterdir()] == ["model.keras"]


def test_live_model_prefers_the_players_saved_model():
    save_model_atomic(build_model(seed=4), paths.user_model_path())
    loaded = load_live_model()
    assert loaded.source == "trained" and loaded.warning is None


def test_a_corrupt_saved_model_falls_back_to_the_shipped_one():
    paths.user_model_path().parent.mkdir(parents=True)
    paths.user_model_path().write_bytes(b"garbage")
    loaded = load_live_model()
    assert loaded.source == "shipped"
    assert "cannot load model" in loaded.warning and "shipped" in loaded.warning


def test_without_a_saved_model_the_shipped_one_is_used():
    loaded = load_live_model()
    assert loaded.source == "shipped" and loaded.warning is None
    assert os.path.samefile(loaded.path, paths.shipped_model_path())
