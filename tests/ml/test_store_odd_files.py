"""Odd model files in the player's folder: damaged library files never stop a save, zip bombs
and '../' names are refused before Keras opens them, damaged slots are never copied into the
library, and every refusal is one plain, whole line."""

import shutil
import warnings
import zipfile

import pytest

from mnist_arcade import paths
from mnist_arcade.errors import ModelLoadError
from mnist_arcade.ml.library_saves import save_over_player_slot
from mnist_arcade.ml.model import build_model
from mnist_arcade.ml.model_files import load_model
from mnist_arcade.player_files.model_archives import MAX_UNPACKED_BYTES, whole_sentences
from mnist_arcade.player_files.model_library import library_dir, library_models


def deflated_copy_of_the_shipped_model(target):
    """The shipped model, its entries deflate-compressed (as zip tools re-pack it)."""
    with zipfile.ZipFile(paths.shipped_model_path()) as source, zipfile.ZipFile(
        target, "w", zipfile.ZIP_DEFLATED
    ) as copy:
        for entry in source.infolist():
            copy.writestr(entry.filename, source.read(entry.filename))
    return target


def damage_the_weights(path):
    """Flip bytes inside the weights entry's data: the zip opens, the entry does not unpack."""
    with zipfile.ZipFile(path) as archive:
        entry = archive.getinfo("model.weights.h5")
    data = bytearray(path.read_bytes())
    start = entry.header_offset + 30 + len(entry.filename)
    for offset in range(start + 100, start + 400, 7):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_deflated_model_in_the_library_never_stops_a_save():
    library_dir().mkdir(parents=True)
    damaged = damage_the_weights(
        deflated_copy_of_the_shipped_model(library_dir() / "2026-01-01_000000_seed.keras")
    )
    save_over_player_slot(build_model(seed=1), paths.user_model_path())
    save_over_player_slot(build_model(seed=2), paths.user_model_path())  # scans the library: the
    assert not damaged.exists()  # old code raised zlib.error here, and every save failed
    assert len(library_models()) == 1  # the first model, kept; the damaged file set aside
    assert any(".unreadable-" in p.name for p in library_dir().iterdir())


@pytest.mark.parametrize("slot", ["user", "aside"])
def test_a_damaged_player_slot_is_set_aside_not_copied_into_the_library(slot):
    target = paths.user_model_path() if slot == "user" else paths.kept_aside_model_path()
    target.parent.mkdir(parents=True)
    shutil.copyfile(paths.shipped_model_path(), target)
    damage_the_weights(target)  # stored entries: a CRC failure only
    save_over_player_slot(build_model(seed=1), target)
    assert library_models() == []  # the old code copied the damaged file into the library
    aside = [p for p in paths.user_dir().iterdir() if ".unreadable-" in p.name]
    assert len(aside) == 1 and aside[0].name.startswith(target.stem)
    assert load_model(target) is not None  # the new run is in place


def test_junk_in_the_kept_aside_slot_is_not_copied_into_the_library():
    paths.kept_aside_model_path().parent.mkdir(parents=True)
    paths.kept_aside_model_path().write_bytes(b"junk, not a model")
    save_over_player_slot(build_model(seed=1), paths.kept_aside_model_path())
    assert library_models() == []


def test_a_zip_bomb_is_refused_before_keras_opens_it(tmp_path):
    bomb = tmp_path / "bomb.keras"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("metadata.json", "{}")
        archive.writestr("config.json", "{}")
        archive.writestr("model.weights.h5", bytes(MAX_UNPACKED_BYTES + 2**20))
    assert bomb.stat().st_size < 100_000  # a small file that unpacks to 9 MB
    with pytest.raises(ModelLoadError, match=r"would unpack to 9 MB.*refused before loading"):
        load_model(bomb)


def test_a_model_with_names_outside_it_is_one_plain_line_and_no_warning(tmp_path):
    odd = tmp_path / "odd.keras"
    with zipfile.ZipFile(paths.shipped_model_path()) as source, zipfile.ZipFile(odd, "w") as copy:
        for entry in source.infolist():
            copy.writestr(entry.filename, source.read(entry.filename))
        copy.writestr("../../escape.txt", "outside")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ModelLoadError) as raised:
            load_model(odd)
    message = str(raised.value)
    assert "'../../escape.txt', outside the model: refused" in message
    assert "\n" not in message
    assert not (tmp_path.parent / "escape.txt").exists()


def test_a_long_reason_is_cut_at_a_whole_sentence():
    refusal = (
        "Requested the deserialization of a `Lambda` layer whose `function` is a Python lambda. "
        "That is unsafe: lambdas can run arbitrary code. If you trust the source of this model, "
        "pass safe_mode=False to the loading function to allow it. Another sentence follows here."
    )
    cut = whole_sentences(refusal)
    assert cut.endswith("lambdas can run arbitrary code. If you trust the source of this model, "
                        "pass safe_mode=False to the loading function to allow it.")
    assert len(cut) <= 240 and refusal.startswith(cut)
    assert whole_sentences("x" * 300).endswith("...")


def test_keras_safe_mode_refusal_is_said_in_whole_sentences(tmp_path):
    from mnist_arcade.ml.backend import keras

    unsafe = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Lambda(lambda x: x * 2)])
    unsafe.save(tmp_path / "lambda.keras")
    with pytest.raises(ModelLoadError) as raised:
        load_model(tmp_path / "lambda.keras")
    assert str(raised.value).endswith("it is disallowed by default.")  # cut at 200 before
