"""The installed game carries its model and data: it never reads the source tree or ../shared."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import json, mnist_arcade
from mnist_arcade import paths
from mnist_arcade.ml.model_files import load_live_model
print(json.dumps({"package": mnist_arcade.__file__, "model": str(paths.shipped_model_path()),
                  "subset": str(paths.shipped_subset_path()),
                  "loaded": load_live_model().source}))
"""


WHERE = "import importlib.util; print(importlib.util.find_spec('mnist_arcade').origin)"


def test_installed_package_has_the_model_and_subset_inside_it(tmp_path):
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    environment["MNIST_ARCADE_HOME"] = str(tmp_path / "home")
    # First only where the package is, without importing it: an editable install (this
    # checkout, or a worktree) has nothing to prove, and loading the model costs seconds.
    where = subprocess.run(
        [sys.executable, "-c", WHERE], cwd=tmp_path, env=environment, capture_output=True, text=True
    )
    checkout = Path(where.stdout.strip()).parents[1] if where.returncode == 0 else None
    if checkout is not None and (checkout / "pyproject.toml").is_file():
        pytest.skip(f"mnist_arcade is installed in editable mode from {checkout}")
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if "No module named 'mnist_arcade'" in result.stderr:
        pytest.skip("mnist_arcade is not installed (running from the source tree)")
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    package = Path(found["package"]).parent
    if (package.parent / "pyproject.toml").is_file():  # this checkout or another worktree
        pytest.skip(f"mnist_arcade is installed in editable mode from {package.parent}")
    assert Path(found["model"]).is_relative_to(package) and Path(found["model"]).is_file()
    assert Path(found["subset"]).is_relative_to(package) and Path(found["subset"]).is_file()
    assert found["loaded"] == "shipped"
