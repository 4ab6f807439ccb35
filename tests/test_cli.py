"""The command line on real files: predict, evaluate, and the one-line errors."""

import json
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from mnist_arcade.cli import main
from mnist_arcade.drawn import scale_onto_board


@pytest.fixture
def digit_images(tmp_path, mnist):
    """Three real MNIST test digits saved as board-like PNGs of different sizes."""
    files = []
    for index, size in ((0, 300), (1, 140), (2, 500)):
        board = scale_onto_board(mnist.x_test[index], size)
        path = tmp_path / f"digit{index}.png"
        Image.fromarray(board).save(path)
        files.append((str(path), int(mnist.y_test[index])))
    return files


def test_predict_prints_one_json_object_per_image(digit_images, capsys):
    assert main(["predict", "--json", *[path for path, _ in digit_images]]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3
    for line, (path, label) in zip(lines, digit_images, strict=True):
        result = json.loads(line)
        assert result["file"] == path and result["digit"] == label
        assert len(result["probabilities"]) == 10
        assert abs(sum(result["probabilities"]) - 1) < 1e-3


def test_predict_plain_text_names_the_digit(digit_images, capsys):
    path, label = digit_images[0]
    assert main(["predict", path]) == 0
    assert capsys.readouterr().out.startswith(f"{path}: {label}  (0:")


def test_predict_reads_colour_images_too(tmp_path, mnist, capsys):
    rgb = np.repeat(scale_onto_board(mnist.x_test[3])[..., None], 3, axis=2)
    Image.fromarray(rgb).save(tmp_path / "rgb.jpg", quality=95)
    assert main(["predict", "--json", str(tmp_path / "rgb.jpg")]) == 0
    assert json.loads(capsys.readouterr().out)["digit"] == mnist.y_test[3]


def test_evaluate_reports_mnist_and_drawn_accuracy(small_mnist_file, capsys):
    assert main(["evaluate", "--data", str(small_mnist_file), "--drawn", "40", "--json"]) == 0
    results = {r["name"]: r for r in json.loads(capsys.readouterr().out)["results"]}
    mnist = results["MNIST test digits"]
    assert mnist["count"] == 200 and mnist["accuracy"] > 0.9 and len(mnist["per_class"]) == 10
    drawn = results["MNIST test digits redrawn with the 25 px brush, mnist preprocessing"]
    plain = results["MNIST test digits redrawn with the 25 px brush, plain preprocessing"]
    assert drawn["count"] == plain["count"] == 40
    hand = results["hand-planned mouse strokes through the brush, mnist preprocessing"]
    assert hand["count"] == 300 and hand["accuracy"] > 0.9


@pytest.mark.parametrize(
    "make_args, message",
    [
        (lambda tmp: ["predict", str(tmp / "missing.png")], "no such file"),
        (lambda tmp: ["predict", str(tmp / "notes.png")], "not a readable image"),
        (
            lambda tmp: ["predict", "--model", str(tmp / "bad.keras"), str(tmp / "ok.png")],
            "cannot load model",
        ),
        (lambda tmp: ["evaluate", "--data", str(tmp / "missing.npz")], "no such file"),
    ],
)
def test_user_errors_are_one_line_with_status_2(tmp_path, make_args, message, capsys):
    (tmp_path / "notes.png").write_text("not an image")
    (tmp_path / "bad.keras").write_bytes(b"corrupt")
    Image.fromarray(np.zeros((50, 50), np.uint8) + 255).save(tmp_path / "ok.png")
    assert main(make_args(tmp_path)) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert err.startswith("mnist-arcade: ")


def test_a_blank_image_is_reported_not_crashed(tmp_path, capsys):
    Image.fromarray(np.zeros((80, 80), np.uint8)).save(tmp_path / "blank.png")
    assert main(["predict", str(tmp_path / "blank.png")]) == 2
    assert "empty" in capsys.readouterr().err


def test_the_module_entry_point_gives_no_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mnist_arcade", "predict", str(tmp_path / "nope.png")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "no such file" in result.stderr
