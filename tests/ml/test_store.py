"""Models load in safe mode with clear errors, and saves never destroy the last good model."""

import os
import tempfile

import numpy as np
import pytest

from mnist_arcade import paths
from mnist_arcade.errors import ModelLoadError, ModelSaveError
from mnist_arcade.ml.library_saves import save_over_player_slot
from mnist_arcade.ml.model import build_model
from mnist_arcade.ml.model_files import (
    check_save_target,
    load_live_model,
    load_model,
    save_model_atomic,
    save_with_fallback,
)
from mnist_arcade.ml.predictor import Predictor
from tests.ml.impostor_models import same_names_other_sizes


def test_missing_model_file_is_a_clear_error(tmp_path):
    with pytest.raises(ModelLoadError, match="not found"):
        load_model(tmp_path / "nothing.keras")


def test_a_folder_given_as_a_model_is_named_as_a_folder(tmp_path):
    with pytest.raises(ModelLoadError, match=r"is a folder, not a \.keras model file"):
        load_model(tmp_path)


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
    assert "set aside as trained_model.unreadable-" in loaded.warning
    assert not paths.user_model_path().exists()  # not reported again at every launch
    aside = list(paths.user_model_path().parent.glob("trained_model.unreadable-*.keras"))
    assert len(aside) == 1 and aside[0].read_bytes() == b"garbage"  # never deleted
    assert load_live_model().warning is None


def test_without_a_saved_model_the_shipped_one_is_used():
    loaded = load_live_model()
    assert loaded.source == "shipped" and loaded.warning is None
    assert os.path.samefile(loaded.path, paths.shipped_model_path())


def test_a_model_with_the_games_names_but_other_sizes_fails_at_load(tmp_path):
    impostor = tmp_path / "impostor.keras"
    same_names_other_sizes(conv1_filters=4).save(impostor)  # a real Keras file
    with pytest.raises(ModelLoadError, match="not an MNIST Arcade model: layer conv1") as raised:
        load_model(impostor)
    assert str(impostor) in str(raised.value)


def test_a_model_loaded_after_the_check_takes_trained_weights(tmp_path):
    target = save_model_atomic(build_model(seed=6), tmp_path / "model.keras")
    predictor = Predictor(load_model(target))
    trained = build_model(seed=7)
    predictor.set_weights(trained.get_weights())  # what the game does after training
    for mine, theirs in zip(predictor.get_weights(), trained.get_weights(), strict=True):
        np.testing.assert_array_equal(mine, theirs)
    digit = np.random.default_rng(0).random((28, 28), dtype=np.float32)
    expected = trained(digit.reshape(1, 28, 28, 1), training=False).numpy()[0]
    np.testing.assert_allclose(predictor.predict(digit).probabilities, expected, atol=1e-6)


def nan_model(path):
    model = build_model(seed=8)
    weights = model.get_weights()
    weights[2][0, 0, 0, 0] = np.nan  # one NaN in conv2's kernel, as a diverged run leaves
    model.set_weights(weights)
    model.save(path)  # Keras itself saves it without complaint
    return model


def test_a_model_with_nan_weights_is_refused_at_load(tmp_path):
    path = tmp_path / "diverged.keras"
    nan_model(path)
    with pytest.raises(ModelLoadError, match="conv2 are not finite") as raised:
        load_model(path)
    assert str(path) in str(raised.value)


def test_a_model_with_nan_weights_is_never_saved_over_a_good_one(tmp_path):
    target = save_model_atomic(build_model(seed=1), tmp_path / "model.keras")
    good_bytes = target.read_bytes()
    model = nan_model(tmp_path / "scratch.keras")
    with pytest.raises(ModelSaveError, match="not finite"):
        save_model_atomic(model, target)
    assert target.read_bytes() == good_bytes


def test_a_model_is_only_saved_under_a_keras_name(tmp_path):
    with pytest.raises(ModelSaveError, match=r"must end in \.keras"):
        save_model_atomic(build_model(seed=1), tmp_path / "model.h5")
    assert list(tmp_path.iterdir()) == []


def test_a_writable_target_is_checked_by_writing_there(tmp_path):
    target = check_save_target(tmp_path / "new" / "folder" / "model.keras")
    assert target.parent.is_dir() and list(target.parent.iterdir()) == []  # probe removed


@pytest.mark.parametrize(
    "make_target, message",
    [
        (lambda tmp: tmp, "is a folder"),
        (lambda tmp: tmp / "model.h5", "must end in .keras"),
        (lambda tmp: tmp / "a_file" / "model.keras", "a_file is a file, not a folder"),
    ],
)
def test_unusable_targets_are_refused_before_any_work(tmp_path, make_target, message):
    (tmp_path / "a_file").write_text("not a folder")
    with pytest.raises(ModelSaveError, match=message):
        check_save_target(make_target(tmp_path))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder_is_refused(tmp_path):
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ModelSaveError, match="cannot save a model in"):
            check_save_target(tmp_path / "model.keras")
    finally:
        tmp_path.chmod(0o700)


def test_a_save_that_fails_goes_to_the_temporary_folder_instead(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    (tmp_path / "a_file").write_text("the folder the model was meant for is now a file")
    model = build_model(seed=9)
    saved, failure = save_with_fallback(model, tmp_path / "a_file" / "model.keras")
    assert failure and saved.parent == tmp_path / "tmp" and saved.suffix == ".keras"
    for kept, original in zip(load_model(saved).get_weights(), model.get_weights(), strict=True):
        np.testing.assert_array_equal(kept, original)


def test_no_kept_run_or_saved_model_is_lost_when_a_newer_one_replaces_it():
    from mnist_arcade.ml.library_saves import keep_aside_user_model, save_over_player_slot
    from mnist_arcade.player_files.model_library import library_models, read_library_name

    first, second, third = (build_model(seed=seed) for seed in (1, 2, 3))
    aside = save_over_player_slot(first, paths.kept_aside_model_path())  # a CLI run kept aside
    first_bytes = aside.read_bytes()
    save_over_player_slot(second, paths.kept_aside_model_path())  # a newer run kept aside
    save_over_player_slot(third, paths.user_model_path())  # the player's model
    keep_aside_user_model()  # R: the player's model moves into the kept-aside slot
    kept = library_models()
    assert [p.read_bytes() for p in kept].count(first_bytes) == 1  # kept once, not lost
    second_in_library = [p for p in kept if _same_weights(p, second)]
    assert len(second_in_library) == 1 and read_library_name(second_in_library[0]).kind == "aside"
    assert _same_weights(paths.kept_aside_model_path(), third)
    assert not paths.user_model_path().exists()


def test_the_same_model_saved_at_another_time_is_kept_in_the_library_once(monkeypatch):
    import time

    from mnist_arcade.player_files.model_library import library_models

    model, other = build_model(seed=1), build_model(seed=2)
    save_over_player_slot(model, paths.user_model_path())
    first_bytes = paths.user_model_path().read_bytes()
    save_over_player_slot(other, paths.user_model_path())  # the first goes to the library
    assert len(library_models()) == 1
    real_time = time.time  # a .keras archive records when it was saved: a clock ten seconds on
    monkeypatch.setattr(time, "time", lambda: real_time() + 10)  # (no waiting for it)
    save_over_player_slot(model, paths.user_model_path())  # as N switching back to it does
    assert paths.user_model_path().read_bytes() != first_bytes  # the same model, other bytes
    save_over_player_slot(other, paths.user_model_path())
    assert len(library_models()) == 2  # the first model, and the second: each once


def test_an_unreadable_file_in_the_library_never_stops_a_save():
    from mnist_arcade.player_files.model_library import library_dir

    library_dir().mkdir(parents=True)
    (library_dir() / "2026-01-01_000000_seed.keras").symlink_to(library_dir() / "gone.keras")
    save_over_player_slot(build_model(seed=1), paths.user_model_path())
    save_over_player_slot(build_model(seed=2), paths.user_model_path())  # scans the library
    assert _same_weights(paths.user_model_path(), build_model(seed=2))


def test_a_saved_model_that_is_an_archive_but_will_not_load_is_left_where_it_is():
    import zipfile

    paths.user_model_path().parent.mkdir(parents=True)
    with zipfile.ZipFile(paths.user_model_path(), "w") as archive:
        archive.writestr("config.json", "{}")  # say, a model from another Keras version
    loaded = load_live_model()
    assert loaded.source == "shipped" and "set aside" not in loaded.warning
    assert paths.user_model_path().is_file()


def _same_weights(path, model):
    loaded = load_model(path)
    return all(
        np.array_equal(a, b) for a, b in zip(loaded.get_weights(), model.get_weights(), strict=True)
    )
