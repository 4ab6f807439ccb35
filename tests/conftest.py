"""Shared test set-up: headless SDL, an isolated user folder, and real MNIST data.

SDL's dummy drivers are set before pygame is imported anywhere, so every test runs without a
display or a sound card. Under pytest-xdist, each worker's TensorFlow gets its share of the
cores.

Which MNIST the tests read is explicit: ``MNIST_ARCADE_TEST_DATA=subset`` uses only the shipped
subset (what a fresh clone has), ``full`` insists on ``../shared/data/mnist/mnist.npz``, and
``auto`` (the default) takes the full set when it is there, for the slow tests' sake. Every
test passes with the subset: none assumes which labels come first.
"""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
if workers := int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "0")):
    # pytest-xdist runs the tests in several processes (pyproject.toml: -n auto). Each one's
    # TensorFlow would size its thread pools to the whole machine, and the workers would fight
    # over the cores; so each gets its share, set before TensorFlow is first imported.
    share = str(max(1, (os.cpu_count() or 1) // workers))
    for pool in ("TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS", "OMP_NUM_THREADS"):
        os.environ.setdefault(pool, share)

from pathlib import Path

import numpy as np
import pytest

from mnist_arcade import paths
from mnist_arcade.dataset import MnistData, load_npz

REPO = Path(__file__).resolve().parents[1]
FULL_MNIST = REPO.parent / "shared" / "data" / "mnist" / "mnist.npz"
TEST_DATA_ENV = "MNIST_ARCADE_TEST_DATA"  # subset | full | auto (the default)


@pytest.fixture(autouse=True)
def isolated_user_folder(tmp_path, monkeypatch):
    """Each test gets its own user folder and never tries the network."""
    home = tmp_path / "user"
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    monkeypatch.setenv("MNIST_ARCADE_OFFLINE", "1")
    monkeypatch.delenv("MNIST_ARCADE_DATA", raising=False)
    return home


@pytest.fixture(autouse=True)
def english_words():
    """Each test starts in English and leaves it so (a test may switch the language)."""
    from mnist_arcade.game.words.languages import Language, use_language

    use_language(Language.ENGLISH)
    yield
    use_language(Language.ENGLISH)


@pytest.fixture(scope="session")
def mnist() -> MnistData:
    """Real MNIST digits: the shipped subset, or the full set as ``MNIST_ARCADE_TEST_DATA``
    says (``auto``: the full set from ../shared when it is there)."""
    choice = os.environ.get(TEST_DATA_ENV, "auto").strip().lower() or "auto"
    if choice not in ("subset", "full", "auto"):
        raise pytest.UsageError(f"{TEST_DATA_ENV} must be subset, full or auto, not {choice!r}")
    if choice == "full" and not FULL_MNIST.is_file():
        raise pytest.UsageError(f"{TEST_DATA_ENV}=full, but there is no {FULL_MNIST}")
    if choice != "subset" and FULL_MNIST.is_file():
        return load_npz(FULL_MNIST)
    return load_npz(paths.shipped_subset_path())


@pytest.fixture(scope="session")
def small_mnist_file(tmp_path_factory, mnist) -> Path:
    """A small real-MNIST npz (600 training, 200 test digits) for quick training runs."""
    path = tmp_path_factory.mktemp("data") / "small_mnist.npz"
    np.savez_compressed(
        path,
        x_train=mnist.x_train[:600],
        y_train=mnist.y_train[:600],
        x_test=mnist.x_test[:200],
        y_test=mnist.y_test[:200],
    )
    return path


@pytest.fixture(scope="session")
def shipped_model():
    from mnist_arcade.ml.model_files import load_model

    return load_model(paths.shipped_model_path())


@pytest.fixture(scope="session")
def predictor(shipped_model):
    from mnist_arcade.ml.predictor import Predictor

    return Predictor(shipped_model)
