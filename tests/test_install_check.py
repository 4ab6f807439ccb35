"""The pygame / pygame-ce clash is found from real dist-info folders, as pip leaves them."""

from __future__ import annotations

from pathlib import Path

from mnist_arcade.install_check import installed_version, pygame_conflict


def install_fake_distribution(site: Path, folder: str, name: str, version: str) -> None:
    """Write the dist-info folder that pip leaves for an installed wheel (its METADATA only)."""
    info = site / folder
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )


def test_both_pygame_and_pygame_ce_installed_gives_one_line_with_the_fix(tmp_path):
    install_fake_distribution(tmp_path, "pygame-2.6.1.dist-info", "pygame", "2.6.1")
    install_fake_distribution(tmp_path, "pygame_ce-2.5.8.dist-info", "pygame-ce", "2.5.8")

    line = pygame_conflict([str(tmp_path)], python="/env/bin/python")

    assert line is not None and "\n" not in line
    assert "pygame 2.6.1 and pygame-ce 2.5.8 are both installed" in line
    assert line.endswith(
        "/env/bin/python -m pip uninstall -y pygame pygame-ce && "
        "/env/bin/python -m pip install pygame-ce"
    )


def test_pygame_ce_alone_is_fine(tmp_path):
    install_fake_distribution(tmp_path, "pygame_ce-2.5.8.dist-info", "pygame-ce", "2.5.8")

    assert pygame_conflict([str(tmp_path)]) is None


def test_plain_pygame_is_not_mistaken_for_pygame_ce(tmp_path):
    install_fake_distribution(tmp_path, "pygame-2.6.1.dist-info", "pygame", "2.6.1")

    assert installed_version("pygame", [str(tmp_path)]) == "2.6.1"
    assert installed_version("pygame-ce", [str(tmp_path)]) is None
    assert pygame_conflict([str(tmp_path)]) is None


def test_an_interpreter_path_with_spaces_is_quoted_in_the_fix(tmp_path):
    install_fake_distribution(tmp_path, "pygame-2.6.1.dist-info", "pygame", "2.6.1")
    install_fake_distribution(tmp_path, "pygame_ce-2.5.8.dist-info", "pygame-ce", "2.5.8")

    line = pygame_conflict([str(tmp_path)], python=r"C:\Program Files\Python311\python.exe")

    assert r'"C:\Program Files\Python311\python.exe" -m pip install pygame-ce' in line


def test_the_running_environment_has_pygame_ce_installed():
    # The project depends on pygame-ce, so the environment running these tests must have it.
    assert installed_version("pygame-ce") is not None
