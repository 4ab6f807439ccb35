"""Find MNIST: a path the player gives, else Keras' cache or download, else the shipped subset.

Reading files is pure numpy: a Keras-layout ``mnist.npz`` (``x_train``, ``y_train``, ``x_test``,
``y_test``) or a folder with the four original IDX files, gzipped or not. Every array is checked
before it is used (uint8 pixels, 28x28 digits, integer labels 0-9, no empty split), because a
float or NaN image array silently becomes blank digits and a model trained on them reads nothing.

A path the player names (``--data`` or ``$MNIST_ARCADE_DATA``) is the only source tried: if it
cannot be read that is an error naming it, never a quiet switch to other data. Only when no path
is given does the chain run: Keras' MNIST (its loader is passed in by the caller, so this module
never imports TensorFlow), then the shipped subset, with a one-line note for each source skipped.
"""

from __future__ import annotations

import dataclasses
import gzip
import logging
import os
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mnist_arcade import paths
from mnist_arcade.errors import DataSourceError, why_unreadable

LOG = logging.getLogger(__name__)

DATA_ENV = "MNIST_ARCADE_DATA"  # a path to mnist.npz or to a folder of IDX files
OFFLINE_ENV = "MNIST_ARCADE_OFFLINE"  # set to 1 to skip Keras' download attempt
KEYS = ("x_train", "y_train", "x_test", "y_test")
IDX_FILES = {
    "x_train": "train-images-idx3-ubyte",
    "y_train": "train-labels-idx1-ubyte",
    "x_test": "t10k-images-idx3-ubyte",
    "y_test": "t10k-labels-idx1-ubyte",
}
READ_ERRORS = (OSError, ValueError, EOFError, KeyError, MemoryError, zlib.error)  # damaged files
KIND_NAMES = {  # numpy dtype kinds, as a user would say them
    "b": "true/false",
    "f": "floating-point",
    "c": "complex",
    "U": "text",
    "S": "byte-string",
    "O": "Python object",
    "V": "structured",
    "M": "date",
    "m": "time",
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


KerasLoader = Callable[[float], MnistData]  # timeout in seconds -> data, or DataSourceError


def _is_integer(array: np.ndarray) -> bool:
    return array.dtype.kind in "ui"  # bool ("b") is not a pixel or a label


def _describe(array: np.ndarray) -> str:
    return f"{KIND_NAMES.get(array.dtype.kind, 'unknown')} values ({array.dtype})"


def _check_images(images: np.ndarray, source: str, key: str) -> None:
    if not _is_integer(images):
        hint = " (scaled to [0, 1]? multiply by 255 and cast)" if images.dtype.kind == "f" else ""
        raise DataSourceError(f"{source}: {key} holds {_describe(images)}, not uint8 pixels{hint}")
    if images.ndim != 3 or images.shape[1:] != (28, 28):
        raise DataSourceError(f"{source}: {key} has shape {images.shape}, not (N, 28, 28)")
    if len(images) == 0:
        raise DataSourceError(f"{source}: {key} is empty: it holds no digits")
    if images.dtype != np.uint8 and (images.min() < 0 or images.max() > 255):
        raise DataSourceError(f"{source}: {key} has pixel values outside 0-255")


def _check_labels(labels: np.ndarray, count: int, source: str, key: str) -> None:
    if not _is_integer(labels):
        raise DataSourceError(f"{source}: {key} holds {_describe(labels)}, not integer labels 0-9")
    if labels.shape != (count,):
        raise DataSourceError(
            f"{source}: {key} has shape {labels.shape}, not one label per digit ({count},)"
        )
    if labels.min() < 0 or labels.max() > 9:
        raise DataSourceError(f"{source}: {key} has labels outside 0-9")


def _checked(arrays: dict[str, np.ndarray], source: str) -> MnistData:
    """Check every array (naming the file and the key) and return them as uint8."""
    for split in ("train", "test"):
        images, labels = arrays[f"x_{split}"], arrays[f"y_{split}"]
        _check_images(images, source, f"x_{split}")
        _check_labels(labels, len(images), source, f"y_{split}")
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
        loaded = np.load(path, allow_pickle=False)
        if not isinstance(loaded, np.lib.npyio.NpzFile):  # a bare .npy array
            raise DataSourceError(f"{path}: a single array, not a Keras mnist.npz")
        with loaded as archive:
            missing = [key for key in KEYS if key not in archive.files]
            if missing:
                raise DataSourceError(f"{path}: not a Keras mnist.npz (missing {missing})")
            arrays = {key: archive[key] for key in KEYS}
    except DataSourceError:
        raise
    except (*READ_ERRORS, zipfile.BadZipFile) as error:
        raise DataSourceError(
            f"{path}: cannot read it as .npz ({why_unreadable(error)})"
        ) from error
    return _checked(arrays, source)


def _read_idx(path: Path) -> np.ndarray:
    """Read one IDX file (the original MNIST format): magic, dimensions, then uint8 data."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as handle:
            data = handle.read()
    except READ_ERRORS as error:
        raise DataSourceError(f"{path}: cannot read ({error})") from error
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] != 0x08:
        raise DataSourceError(f"{path}: not an unsigned-byte IDX file")
    dimensions = data[3]
    header = 4 + 4 * dimensions
    if len(data) < header:
        raise DataSourceError(f"{path}: truncated in its header")
    shape = tuple(int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(dimensions))
    expected = int(np.prod(shape, dtype=object))
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


def find_mnist(
    path: str | os.PathLike | None = None,
    *,
    keras_loader: KerasLoader | None = None,
    keras_timeout: float = 8.0,
) -> MnistData:
    """The player's data if they named some, else the first default source that works.

    1. ``path``, else ``$MNIST_ARCADE_DATA``: read it or raise DataSourceError naming it;
    2. ``keras_loader(keras_timeout)`` (skipped when it is None or ``$MNIST_ARCADE_OFFLINE`` is
       set); the caller passes ``mnist_arcade.ml.keras_data.load_keras_mnist``;
    3. the shipped subset. The result's ``notes`` say why earlier sources were skipped.
    """
    if path is not None:
        return load_path(path)
    from_environment = os.environ.get(DATA_ENV)
    if from_environment:
        try:
            return load_path(from_environment)
        except DataSourceError as error:
            raise DataSourceError(f"{error} (from ${DATA_ENV})") from error

    notes: list[str] = []
    attempts: list[Callable[[], MnistData]] = []
    if keras_loader is not None and not os.environ.get(OFFLINE_ENV):
        attempts.append(lambda: keras_loader(keras_timeout))
    attempts.append(load_shipped_subset)
    for attempt in attempts:
        try:
            data = attempt()
        except DataSourceError as error:
            LOG.warning("MNIST source skipped: %s", error)  # the screen names the one used
            notes.append(str(error))
            continue
        return dataclasses.replace(data, notes=tuple(notes))
    raise DataSourceError("no MNIST source worked: " + "; ".join(notes))
