"""Finding MNIST: npz and IDX files, and the chain given path -> Keras -> shipped subset."""

import gzip
import os
import socket
import subprocess
import sys
import threading

import numpy as np
import pytest

from mnist_arcade import paths
from mnist_arcade.dataset import (
    DATA_ENV,
    IDX_FILES,
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


def test_a_given_path_that_cannot_be_read_is_an_error_not_a_fall_through(tmp_path):
    broken = tmp_path / "mnist.npz"
    broken.write_bytes(b"this is not a zip file")
    with pytest.raises(DataSourceError, match="cannot read") as raised:
        find_mnist(broken, keras_loader=pytest.fail)
    assert str(broken) in str(raised.value)
    with pytest.raises(DataSourceError, match="no such file"):
        find_mnist(tmp_path / "typo.npz", keras_loader=pytest.fail)


def test_an_unreadable_environment_path_is_an_error_naming_the_variable(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "typo.npz"))
    with pytest.raises(DataSourceError, match=f"typo.npz: no such file.*{DATA_ENV}"):
        find_mnist(keras_loader=pytest.fail)


def test_an_npz_without_mnist_keys_is_rejected(tmp_path):
    wrong = tmp_path / "other.npz"
    np.savez(wrong, images=np.zeros((3, 28, 28)))
    with pytest.raises(DataSourceError, match="missing"):
        load_npz(wrong)


def save_mnist_like(path, mnist, **replacements):
    """A real-MNIST npz (60 training, 20 test digits) with some arrays replaced."""
    arrays = {
        "x_train": mnist.x_train[:60],
        "y_train": mnist.y_train[:60],
        "x_test": mnist.x_test[:20],
        "y_test": mnist.y_test[:20],
    }
    np.savez(path, **(arrays | replacements))
    return path


@pytest.mark.parametrize(
    "key, make_bad, message",
    [
        ("x_train", lambda x: x.astype(np.float32) / 255, "x_train holds floating-point"),
        ("x_test", lambda x: np.full(x.shape, np.nan), "x_test holds floating-point"),
        ("x_train", lambda x: x > 127, "x_train holds true/false"),
        ("x_test", lambda x: x.astype(np.int16) * 4, "x_test has pixel values outside 0-255"),
        ("y_train", lambda y: y.astype(str), "y_train holds text"),
        ("y_test", lambda y: y.astype(np.float64), "y_test holds floating-point"),
        ("y_train", lambda y: y.astype(np.int64) + 5, "y_train has labels outside 0-9"),
        ("x_test", lambda x: x[:0], "x_test is empty"),
        ("x_train", lambda x: x[:0], "x_train is empty"),
    ],
)
def test_arrays_that_are_not_mnist_are_rejected_naming_file_and_key(
    tmp_path, mnist, key, make_bad, message
):
    source = {"x_train": mnist.x_train[:60], "y_train": mnist.y_train[:60]}
    source |= {"x_test": mnist.x_test[:20], "y_test": mnist.y_test[:20]}
    bad = make_bad(source[key])
    replacements = {key: bad}
    if key.startswith("x") and len(bad) == 0:  # keep the labels in step with the empty images
        replacements["y" + key[1:]] = source["y" + key[1:]][:0]
    path = save_mnist_like(tmp_path / "bad.npz", mnist, **replacements)
    with pytest.raises(DataSourceError, match=message) as raised:
        load_npz(path)
    assert str(path) in str(raised.value) and len(str(raised.value).splitlines()) == 1


def test_integer_pixels_in_range_are_accepted_as_uint8(tmp_path, mnist):
    path = save_mnist_like(tmp_path / "wide.npz", mnist, x_train=mnist.x_train[:60].astype(int))
    data = load_npz(path)
    assert data.x_train.dtype == np.uint8
    np.testing.assert_array_equal(data.x_train, mnist.x_train[:60])


def test_a_single_npy_array_is_rejected_not_crashed(tmp_path, mnist):
    path = tmp_path / "digits.npz"
    with open(path, "wb") as handle:
        np.save(handle, mnist.x_train[:5])
    with pytest.raises(DataSourceError, match="single array"):
        load_npz(path)


def test_a_corrupt_gzipped_idx_file_is_reported(tmp_path, mnist):
    for key, stem in IDX_FILES.items():
        write_idx(tmp_path / f"{stem}.gz", getattr(mnist, key)[:5], True)
    damaged = tmp_path / "t10k-images-idx3-ubyte.gz"
    data = bytearray(damaged.read_bytes())
    data[12:40] = bytes(255 - value for value in data[12:40])
    damaged.write_bytes(bytes(data))
    with pytest.raises(DataSourceError, match="cannot read"):
        load_idx_folder(tmp_path)


def test_keras_is_tried_before_the_subset_when_no_path_is_given(small_mnist_file, monkeypatch):
    monkeypatch.delenv(OFFLINE_ENV)
    tried = []

    def keras_step(timeout):  # stands in for Keras' cache, returning real digits from a file
        tried.append(timeout)
        return load_npz(small_mnist_file, source="Keras")

    data = find_mnist(keras_loader=keras_step, keras_timeout=3)
    assert tried == [3] and data.source == "Keras" and data.notes == ()


def test_without_a_keras_loader_the_keras_source_is_skipped(monkeypatch):
    monkeypatch.delenv(OFFLINE_ENV)
    data = find_mnist()
    assert data.source.startswith("shipped subset") and data.notes == ()


def test_offline_skips_the_keras_loader(monkeypatch):
    monkeypatch.setenv(OFFLINE_ENV, "1")
    assert find_mnist(keras_loader=pytest.fail).source.startswith("shipped subset")


def test_a_failing_keras_step_falls_through_to_the_subset(monkeypatch):
    monkeypatch.delenv(OFFLINE_ENV)

    def offline(timeout):
        raise DataSourceError("Keras: download failed")

    data = find_mnist(keras_loader=offline)
    assert data.source.startswith("shipped subset") and data.notes == ("Keras: download failed",)


def test_finding_data_never_imports_the_ml_package_or_tensorflow():
    code = (
        "import sys; from mnist_arcade.dataset import find_mnist; find_mnist(); "
        "print(sorted(m for m in sys.modules if m.startswith(('mnist_arcade.ml', 'tensorflow'))))"
    )
    online = {key: value for key, value in os.environ.items() if key != OFFLINE_ENV}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env=online,  # nothing but the caller's loader could reach Keras
    )
    assert result.stdout.strip() == "[]"


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
    try:  # the server never answers, so any time limit is reached: a short one, not a second
        with pytest.raises(DataSourceError, match="no answer"):
            load_keras_mnist(
                timeout=0.05, origin=f"http://127.0.0.1:{port}/mnist.npz", cache_dir=str(tmp_path)
            )
    finally:
        for connection, _ in held:  # the download thread's socket ends with it
            connection.close()
        server.close()


def test_a_file_that_is_not_an_npz_is_named_plainly_without_unsafe_advice(tmp_path):
    junk = tmp_path / "junk.png"
    junk.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(DataSourceError) as raised:
        load_npz(junk)
    assert "not a NumPy .npz archive" in str(raised.value)
    assert "allow_pickle" not in str(raised.value)
