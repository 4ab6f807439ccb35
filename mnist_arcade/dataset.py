"""Find MNIST: a path the player gives, else Keras' cache or download, else the shipped subset.

Reading files is pure numpy: a Keras-layout ``mnist.npz`` (``x_train``, ``y_train``, ``x_test``,
``y_test``) or a folder with the four original IDX files, gzipped or not. Each source that fails
adds a one-line note saying why, and the chain moves on; only when every source fails is an
error raised.
"""

from __future__ import annotations

import gzip
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mnist_arcade import paths
from mnist_arcade.errors import DataSourceError

DATA_ENV = "MNIST_ARCADE_DATA"  # a path to mnist.npz or to a folder of IDX files
OFFLINE_ENV = "MNIST_ARCADE_OFFLINE"  # set to 1 to skip Keras' download attempt
KEYS = ("x_train", "y_train", "x_test", "y_test")
IDX_FILES = {
    "x_train": "train-images-idx3-ubyte",
    "y_train": "train-labels-idx1-ubyte",
    "x_test": "t10k-images-idx3-ubyte",
    "y_test": "t10k-labels-idx1-ubyte",
}


@dataclass(frozen=True)
class MnistData:
    """MNIST arrays as Keras returns them: uint8 images (N, 28, 28), uint8 labels (N,)."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    source: str = "unknown"
    notes: tuple[str, ...] = field(default_factory=tuple)

    def __repr__(self) -> str:
        return f"MnistData({self.source!r}, train={len(self.x_train)}, test={len(self.x_test)})"


def _checked(arrays: dict[str, np.ndarray], source: str) -> MnistData:
    for split in ("train", "test"):
        images, labels = arrays[f"x_{split}"], arrays[f"y_{split}"]
        if images.ndim != 3 or images.shape[1:] != (28, 28):
            raise DataSourceError(f"{source}: x_{split} has shape {images.shape}, not (N, 28, 28)")
        if labels.shape != (len(images),):
            raise DataSourceError(f"{source}: y_{split} does not match x_{split} in length")
        if labels.size and (labels.min() < 0 or labels.max() > 9):
            raise DataSourceError(f"{source}: y_{split} has labels outside 0-9")
    return MnistData(
        **{key: np.asarray(arrays[key], dtype=np.uint8) for key in KEYS}, source=source
    )


def load_npz(path: str | os.PathLike, source: str | None = None) -> MnistData:
    """Read a Keras-layout ``mnist.npz``; a missing, corrupt or wrong file raises a clear error."""
    path = Path(path)
    source = source or str(path)
    if not path.is_file():
        raise DataSourceError(f"{path}: no such file")
    try:
        with np.load(path, allow_pickle=False) as archive:
            missing = [key for key in KEYS if key not in archive.files]
            if missing:
                raise DataSourceError(f"{path}: not a Keras mnist.npz (missing {missing})")
            arrays = {key: archive[key] for key in KEYS}
    except DataSourceError:
        raise
    except (OSError, ValueError, zipfile.BadZipFile, EOFError) as error:
        raise DataSourceError(f"{path}: cannot read it as .npz ({error})") from error
    return _checked(arrays, source)


def _read_idx(path: Path) -> np.ndarray:
    """Read one IDX file (the original MNIST format): magic, dimensions, then uint8 data."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as handle:
            data = handle.read()
    except (OSError, EOFError) as error:
        raise DataSourceError(f"{path}: cannot read ({error})") from error
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] != 0x08:
        raise DataSourceError(f"{path}: not an unsigned-byte IDX file")
    dimensions = data[3]
    header = 4 + 4 * dimensions
    shape = tuple(int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(dimensions))
    expected = int(np.prod(shape))
    if len(data) - header != expected:
        raise DataSourceError(f"{path}: truncated (expected {expected} values for {shape})")
    return np.frombuffer(data, dtype=np.uint8, offset=header).reshape(shape)


def load_idx_folder(folder: str | os.PathLike) -> MnistData:
    """Read the four MNIST IDX files from a folder (``.gz`` or plain, either naming style)."""
    folder = Path(folder)
    arrays = {}
    for key, stem in IDX_FILES.items():
        candidates = [folder / f"{stem}{suffix}" for suffix in (".gz", "")]
        candidates += [folder / f"{stem.replace('-idx', '.idx')}{suffix}" for suffix in (".gz", "")]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            raise DataSourceError(f"{folder}: no {stem}[.gz] file")
        arrays[key] = _read_idx(found)
    return _checked(arrays, str(folder))


def load_path(path: str | os.PathLike) -> MnistData:
    """A user-given path: a folder of IDX files or a Keras-layout ``.npz``."""
    path = Path(path).expanduser()
    if path.is_dir():
        return load_idx_folder(path)
    return load_npz(path)


def load_shipped_subset() -> MnistData:
    """The stratified subset shipped in ``data/`` so training works offline."""
    return load_npz(paths.shipped_subset_path(), source="shipped subset (data/mnist_subset.npz)")


def _keras_source(timeout: float) -> MnistData:
    from mnist_arcade.ml.keras_data import load_keras_mnist  # imports TensorFlow: only here

    return load_keras_mnist(timeout=timeout)


def find_mnist(
    path: str | os.PathLike | None = None,
    *,
    use_keras: bool = True,
    keras_timeout: float = 8.0,
    keras_loader: Callable[[float], MnistData] = _keras_source,
) -> MnistData:
    """Try each source in order and return the first that works, with notes on those skipped.

    1. ``path`` or ``$MNIST_ARCADE_DATA``; 2. Keras' cache, else its download (skipped when
    ``use_keras`` is false or ``$MNIST_ARCADE_OFFLINE`` is set); 3. the shipped subset.
    """
    notes: list[str] = []
    attempts: list[tuple[str, Callable[[], MnistData]]] = []
    given = path if path is not None else os.environ.get(DATA_ENV) or None
    if given is not None:
        attempts.append(("given path", lambda: load_path(given)))
    if use_keras and not os.environ.get(OFFLINE_ENV):
        attempts.append(("Keras", lambda: keras_loader(keras_timeout)))
    attempts.append(("shipped subset", load_shipped_subset))

    for _name, attempt in attempts:
        try:
            data = attempt()
        except DataSourceError as error:
            notes.append(str(error))
            continue
        return MnistData(
            data.x_train, data.y_train, data.x_test, data.y_test, data.source, tuple(notes)
        )
    raise DataSourceError("no MNIST source worked: " + "; ".join(notes))
