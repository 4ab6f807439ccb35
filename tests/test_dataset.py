"""Finding MNIST: npz and IDX files, and the chain given path -> Keras -> shipped subset."""

import gzip
import socket
import threading

import numpy as np
import pytest

from mnist_arcade import paths
from mnist_arcade.dataset import (
    DATA_ENV,
    OFFLINE_ENV,
    find_mnist,
    load_idx_folder,
    load_npz,
    load_path,
    load_shipped_subset,
)
from mnist_arcade.errors import DataSourceError


def write_idx(path, array, compress):
    header = bytes([0, 0, 8, array.ndim]) + b"".join(n.to_bytes(4, "big") for n in array.shape)
    opener = gzip.open if compress else open
    with opener(path, "wb") as handle:
        handle.write(header + array.astype(np.uint8).tobytes())


@pytest.mark.parametrize("compress", [True, False])
def test_idx_folder_reads_the_same_digits_as_the_npz(tmp_path, mnist, compress):
    suffix = ".gz" if compress else ""
    write_idx(tmp_path / f"train-images-idx3-ubyte{suffix}", mnist.x_train[:50], compress)
    write_idx(tmp_path / f"train-labels-idx1-ubyte{suffix}", mnist.y_train[:50], compress)
    write_idx(tmp_path / f"t10k-images-idx3-ubyte{suffix}", mnist.x_test[:20], compress)
    write_idx(tmp_path / f"t10k-labels-idx1-ubyte{suffix}", mnist.y_test[:20], compress)
    data = load_path(tmp_path)
    np.testing.assert_array_equal(data.x_train, mnist.x_train[:50])
    np.testing.assert_array_equal(data.y_test, mnist.y_test[:20])


def test_truncated_idx_file_is_reported(tmp_path, mnist):
    write_idx(tmp_path / "train-images-idx3-ubyte", mnist.x_train[:5], False)
    data = (tmp_path / "train-images-idx3-ubyte").read_bytes()
    (tmp_path / "train-images-idx3-ubyte").write_bytes(data[:-100])
    for name in ("train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"):
        write_idx(
            tmp_path / name, mnist.x_train[:5] if "images" in name else mnist.y_train[:5], False
        )
    with pytest.raises(DataSourceError, match="truncated"):
        load_idx_folder(tmp_path)


def test_shipped_subset_is_real_stratified_mnist():
    data = load_shipped_subset()
    assert data.x_train.shape == (10000, 28, 28) and data.x_test.shape == (2000, 28, 28)
    assert np.bincount(data.y_train).tolist() == [1000] * 10
    assert np.bincount(data.y_test).tolist() == [200] * 10
    assert paths.shipped_subset_path().stat().st_size < 3_000_000


def test_shipped_subset_digits_are_taken_from_the_full_set(mnist):
    if len(mnist.x_train) < 60000:
        pytest.skip("needs the full MNIST set in ../shared")
    subset = load_shipped_subset()
    full_rows = {image.tobytes() for image in mnist.x_test}
    assert all(image.tobytes() in full_rows for image in subset.x_test[:50])


def test_a_given_path_comes_first(small_mnist_file):
    data = find_mnist(small_mnist_file, keras_loader=pytest.fail)
    assert data.source == str(small_mnist_file) and len(data.x_train) == 600
    assert data.notes == ()


def test_the_environment_variable_is_a_given_path(small_mnist_file, monkeypatch):
    monkeypatch.setenv(DATA_ENV, str(small_mnist_file))
    assert find_mnist().source == str(small_mnist_file)


def test_a_corrupt_file_gives_a_note_and_the_next_source(tmp_path):
    broken = tmp_path / "mnist.npz"
    broken.write_bytes(b"this is not a zip file")
    data = find_mnist(broken)
    assert data.source.startswith("shipped subset")
    assert "cannot read" in data.notes[0] and str(broken) in data.notes[0]


def test_an_npz_without_mnist_keys_is_rejected(tmp_path):
    wrong = tmp_path / "other.npz"
    np.savez(wrong, images=np.zeros((3, 28, 28)))
    with pytest.raises(DataSourceError, match="missing"):
        load_npz(wrong)


def test_keras_is_tried_after_a_bad_path_and_before_the_subset(
    tmp_path, small_mnist_file, monkeypatch
):
    monkeypatch.delenv(OFFLINE_ENV)
    tried = []

    def keras_step(timeout):  # stands in for Keras' cache, returning real digits from a file
        tried.append(timeout)
        return load_npz(small_mnist_file, source="Keras")

    data = find_mnist(tmp_path / "missing.npz", keras_loader=keras_step, keras_timeout=3)
    assert tried == [3] and data.source == "Keras"
    assert "no such file" in data.notes[0]


def test_a_failing_keras_step_falls_through_to_the_subset(monkeypatch):
    monkeypatch.delenv(OFFLINE_ENV)

    def offline(timeout):
        raise DataSourceError("Keras: download failed")

    data = find_mnist(keras_loader=offline)
    assert data.source.startswith("shipped subset") and data.notes == ("Keras: download failed",)


def test_keras_download_from_an_unreachable_origin_fails_with_a_message(tmp_path):
    from mnist_arcade.ml.keras_data import load_keras_mnist

    with socket.socket() as probe:  # a local port that nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(DataSourceError, match="download failed"):
        load_keras_mnist(
            timeout=20, origin=f"http://127.0.0.1:{port}/mnist.npz", cache_dir=str(tmp_path)
        )


def test_keras_download_that_never_answers_gives_up_after_the_timeout(tmp_path):
    from mnist_arcade.ml.keras_data import load_keras_mnist

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()  # accepts connections but never sends a byte
    port = server.getsockname()[1]
    held = []
    threading.Thread(target=lambda: held.append(server.accept()), daemon=True).start()
    try:
        with pytest.raises(DataSourceError, match="no answer"):
            load_keras_mnist(
                timeout=1, origin=f"http://127.0.0.1:{port}/mnist.npz", cache_dir=str(tmp_path)
            )
    finally:
        server.close()
