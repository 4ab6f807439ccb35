"""The log: the raw reasons behind the plain words on screen, kept for a teacher (and
``--verbose``), and never a cost to the player when the folder cannot hold it."""

import logging

import pytest
from PIL import Image

from mnist_arcade import paths
from mnist_arcade.cli import main
from mnist_arcade.dataset import find_mnist
from mnist_arcade.errors import DataSourceError
from mnist_arcade.log_file import BACKUPS, MAX_BYTES, log_path, set_up_logging
from mnist_arcade.practice.redrawn_mnist import scale_onto_board

RAW_REASON = (
    "Keras: mnist.npz is not cached and the download failed ([Errno -2] Name or service not "
    "known)"
)


@pytest.fixture(autouse=True)
def logging_as_the_command_line_leaves_it():
    yield
    set_up_logging()  # the next test's folder, not this one's


def failing_keras(timeout):
    raise DataSourceError(RAW_REASON)


def test_the_data_source_fallback_keeps_its_raw_reason_in_the_log(monkeypatch):
    monkeypatch.delenv("MNIST_ARCADE_OFFLINE")
    assert set_up_logging() == log_path()
    data = find_mnist(keras_loader=failing_keras)
    assert data.source.startswith("shipped subset")  # the screen says this, in plain words
    assert RAW_REASON in log_path().read_text(encoding="utf-8")  # the log keeps the reason


def test_verbose_prints_a_damaged_models_raw_reason_on_stderr_and_in_the_log(
    tmp_path, mnist, capsys
):
    paths.user_dir().mkdir(parents=True)
    paths.user_model_path().write_bytes(b"not a model at all")
    image = tmp_path / "seven.png"
    Image.fromarray(scale_onto_board(mnist.x_test[0], 300)).save(image)
    assert main(["predict", "--verbose", str(image)]) == 0
    stderr = capsys.readouterr().err
    assert "WARNING mnist_arcade.ml.model_files: the player's model did not load" in stderr
    assert "trained_model.keras as trained_model.unreadable-" in stderr
    logged = log_path().read_text(encoding="utf-8")
    assert "the player's model did not load" in logged and "set aside" in logged


def test_without_verbose_the_log_is_written_and_stderr_stays_quiet(capsys):
    set_up_logging(verbose=False)
    logging.getLogger("mnist_arcade.anything").warning("a raw reason")
    assert capsys.readouterr().err == ""
    assert "a raw reason" in log_path().read_text(encoding="utf-8")


def test_a_folder_that_cannot_hold_the_log_costs_nothing(capsys):
    paths.user_dir().parent.mkdir(parents=True, exist_ok=True)
    paths.user_dir().write_text("a file where the user folder should be")
    set_up_logging(verbose=False)
    logging.getLogger("mnist_arcade.anything").warning("nowhere to go")  # no exception
    assert capsys.readouterr().err == ""  # and no traceback from logging either


def test_the_log_rotates_and_stays_small():
    set_up_logging()
    logger = logging.getLogger("mnist_arcade.anything")
    for number in range(4 * MAX_BYTES // 100):
        logger.warning("line %d %s", number, "x" * 80)
    files = sorted(log_path().parent.glob(log_path().name + "*"))
    assert len(files) == 1 + BACKUPS
    assert all(file.stat().st_size <= MAX_BYTES for file in files)
