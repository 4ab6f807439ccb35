"""The command line on real files: predict, evaluate, train, and the one-line errors."""

import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from mnist_arcade import paths
from mnist_arcade.cli import main
from mnist_arcade.practice.redrawn_mnist import scale_onto_board
from mnist_arcade.scoring.evaluation import PEN_LARGE, PEN_SMALL


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
        assert result["is_digit"] is True and result["model"].startswith("the shipped model (")


def test_predict_says_when_an_image_does_not_look_like_a_digit(tmp_path, capsys):
    from PIL import Image

    noise = tmp_path / "noise.png"
    pixels = np.random.default_rng(0).integers(0, 2, (280, 280), dtype=np.uint8) * 255
    Image.fromarray(pixels).save(noise)
    assert main(["predict", "--json", str(noise)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["is_digit"] is False and max(result["probabilities"]) < 0.6
    assert main(["predict", str(noise)]) == 0
    assert capsys.readouterr().out.strip().endswith("That does not look like a digit to me.")


def test_predict_plain_text_names_the_digit(digit_images, capsys):
    path, label = digit_images[0]
    assert main(["predict", path]) == 0
    assert capsys.readouterr().out.startswith(f"{path}: {label}  (0:")


def test_predict_reads_colour_images_too(tmp_path, mnist, capsys):
    rgb = np.repeat(scale_onto_board(mnist.x_test[3])[..., None], 3, axis=2)
    Image.fromarray(rgb).save(tmp_path / "rgb.jpg", quality=95)
    assert main(["predict", "--json", str(tmp_path / "rgb.jpg")]) == 0
    assert json.loads(capsys.readouterr().out)["digit"] == mnist.y_test[3]


def _few_held_out_pen_digits(path: Path) -> Path:
    """A compact pen file of 30 held-out writers' digits from the shipped half."""
    from mnist_arcade.practice.pen_strokes import load_compact, save_compact, split_by_writer

    _, held_out = split_by_writer(load_compact(paths.shipped_pen_strokes_path()))
    save_compact(held_out[::25], path)
    return path


def test_evaluate_reports_mnist_and_drawn_accuracy(small_mnist_file, tmp_path, capsys):
    pens = _few_held_out_pen_digits(tmp_path / "pens.npz")
    assert main(["evaluate", "--data", str(small_mnist_file), "--drawn", "40", "--json",
                 "--pen-strokes", str(pens)]) == 0  # fmt: skip
    results = {r["name"]: r for r in json.loads(capsys.readouterr().out)["results"]}
    for name, target in ((PEN_LARGE, [0.98, 0.95]), (PEN_SMALL, [0.96, 0.90])):
        pen = results[f"{name}, mnist preprocessing"]
        assert pen["count"] == 30 and pen["target"] == target
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
def test_user_errors_are_one_line_with_status_2(tmp_path, make_args, message, mnist, capsys):
    (tmp_path / "notes.png").write_text("not an image")
    (tmp_path / "bad.keras").write_bytes(b"corrupt")
    Image.fromarray(scale_onto_board(mnist.x_test[0], 100)).save(tmp_path / "ok.png")
    assert main(make_args(tmp_path)) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert err.startswith("mnist-arcade: ")


def test_a_blank_image_is_reported_not_crashed(tmp_path, capsys):
    Image.fromarray(np.zeros((80, 80), np.uint8)).save(tmp_path / "blank.png")
    assert main(["predict", str(tmp_path / "blank.png")]) == 2
    assert "empty" in capsys.readouterr().err


def run_module(*arguments: str) -> subprocess.CompletedProcess:
    """``python -m mnist_arcade ARGUMENTS`` as a user runs it, its output captured."""
    command = [sys.executable, "-m", "mnist_arcade", *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_the_module_entry_point_gives_no_traceback(tmp_path):
    result = run_module("predict", str(tmp_path / "nope.png"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "no such file" in result.stderr


def test_the_game_refuses_a_missing_data_file_in_one_line_before_pygame_loads(tmp_path):
    result = run_module("--data", str(tmp_path / "typo.npz"))
    assert result.returncode == 2
    assert result.stdout == ""  # pygame prints its version line when imported: not yet
    assert result.stderr.strip() == f"mnist-arcade: {tmp_path / 'typo.npz'}: no such file or folder"


# Damaged and unusual image files: every one is a single line naming it, never a traceback.


def png_with_header(png: bytes, width: int, height: int) -> bytes:
    """The PNG with other declared dimensions (a decompression bomb), its CRC made right."""
    body = b"IHDR" + struct.pack(">II", width, height) + png[24:29]
    return png[:8] + struct.pack(">I", 13) + body + struct.pack(">I", zlib.crc32(body)) + png[33:]


def damaged_files(folder: Path, png: bytes) -> dict[str, Path]:
    first_chunk_length = struct.unpack(">I", png[33:37])[0]
    assert png[37:41] == b"IDAT" and first_chunk_length > 20
    contents = {
        "bomb.png": png_with_header(png, 60_000, 60_000),  # Pillow: DecompressionBombError
        "near_bomb.png": png_with_header(png, 10_000, 10_000),  # Pillow only warns
        "broken_chunk.png": png[:33] + struct.pack(">I", 10) + png[37:],  # SyntaxError in load
        "truncated.png": png[: len(png) // 2],
        "empty_file.png": b"",
        "text.png": b"a shopping list\n",
    }
    files = {}
    for name, data in contents.items():
        files[name] = folder / name
        files[name].write_bytes(data)
    (folder / "a_folder.png").mkdir()
    files["a_folder.png"] = folder / "a_folder.png"
    return files


@pytest.fixture
def seven_png(tmp_path, mnist) -> tuple[Path, bytes]:
    """A real MNIST 7 (the first one in the test digits, whichever set they come from)."""
    first_seven = int(np.flatnonzero(mnist.y_test == 7)[0])
    path = tmp_path / "seven.png"
    Image.fromarray(scale_onto_board(mnist.x_test[first_seven], 300)).save(path)
    return path, path.read_bytes()


def test_every_damaged_image_is_one_line_naming_it(tmp_path, seven_png, capsys):
    reasons = {}
    for name, bad in damaged_files(tmp_path, seven_png[1]).items():
        assert main(["predict", str(bad)]) == 2, name
        err = capsys.readouterr().err
        assert err.startswith(f"mnist-arcade: {bad}: ") and len(err.splitlines()) == 1, err
        reasons[name] = err
    assert "too large to decode safely" in reasons["bomb.png"]
    assert "too large to decode safely" in reasons["near_bomb.png"]
    assert "not a readable image (SyntaxError: broken PNG file" in reasons["broken_chunk.png"]
    assert "is a folder" in reasons["a_folder.png"]


def test_predict_reads_the_good_files_and_reports_each_bad_one(tmp_path, seven_png, capsys):
    path, png = seven_png
    bad = damaged_files(tmp_path, png)  # every one is reported, in order, between two good ones
    names = [str(path), *map(str, bad.values()), str(path)]
    assert main(["predict", "--json", *names]) == 2
    captured = capsys.readouterr()
    answers = [json.loads(line) for line in captured.out.splitlines()]
    assert [(a["file"], a["digit"]) for a in answers] == [(str(path), 7), (str(path), 7)]
    lines = captured.err.splitlines()
    assert [line.split(": ")[1] for line in lines] == [str(p) for p in bad.values()]


def test_a_decompression_bomb_is_refused_without_decoding(tmp_path, seven_png, capsys):
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_with_header(seven_png[1], 10_000, 10_000))
    assert main(["predict", str(bomb)]) == 2
    assert "too large to decode safely" in capsys.readouterr().err


def test_dark_ink_on_white_is_inverted_and_read_right(tmp_path, mnist, capsys):
    files = []
    for index in range(5):  # real digits, drawn black on white paper, read in one run
        path = tmp_path / f"paper{index}.png"
        Image.fromarray(255 - scale_onto_board(mnist.x_test[index], 300)).save(path)
        files.append(str(path))
    assert main(["predict", "--json", *files]) == 0
    captured = capsys.readouterr()
    read = [json.loads(line)["digit"] for line in captured.out.splitlines()]
    assert read == [int(label) for label in mnist.y_test[:5]]
    assert captured.err == "".join(
        f"mnist-arcade: {path}: dark ink on a light background, inverted to white on black\n"
        for path in files
    )


IMAGE_MODES = ("16-bit", "dark ink on transparent", "white ink on transparent")


def test_other_image_modes_are_read_as_their_digit(tmp_path, mnist, capsys):
    board = scale_onto_board(mnist.x_test[1], 280)
    images = {
        "16-bit": Image.fromarray(board.astype(np.uint16) * 257),  # Pillow's own "L" clips these
        "dark ink on transparent": Image.fromarray(
            np.dstack([np.zeros_like(board)] * 3 + [board]), "RGBA"
        ),
        "white ink on transparent": Image.fromarray(
            np.dstack([np.full_like(board, 255)] * 3 + [board]), "RGBA"
        ),
    }
    files = []
    for number, kind in enumerate(IMAGE_MODES):  # read in one run: one model load, not three
        images[kind].save(tmp_path / f"digit{number}.png")
        files.append(str(tmp_path / f"digit{number}.png"))
    assert main(["predict", "--json", *files]) == 0
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {result["file"]: result["digit"] for result in results} == dict.fromkeys(
        files, mnist.y_test[1]
    )


def save_nan_model(path: Path) -> Path:
    from mnist_arcade.ml.model import build_model

    model = build_model(seed=3)
    weights = model.get_weights()
    weights[-1][:] = np.nan  # the dense layer's biases, as a diverged run leaves them
    model.set_weights(weights)
    model.save(path)
    return path


def test_a_model_with_nan_weights_is_refused_and_no_nan_reaches_the_json(seven_png, capsys):
    model = save_nan_model(seven_png[0].parent / "diverged.keras")
    assert main(["predict", "--json", "--model", str(model), str(seven_png[0])]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "NaN" not in captured.out
    assert captured.err.startswith(f"mnist-arcade: cannot use model {model}: the weights of dense")
    assert len(captured.err.splitlines()) == 1


def test_evaluate_json_has_no_nan_when_a_class_is_missing(tmp_path, mnist, capsys):
    no_nines = mnist.y_test[:300] != 9
    data = tmp_path / "no_nines.npz"
    np.savez(
        data,
        x_train=mnist.x_train[:50],
        y_train=mnist.y_train[:50],
        x_test=mnist.x_test[:300][no_nines],
        y_test=mnist.y_test[:300][no_nines],
    )
    assert main(["evaluate", "--data", str(data), "--drawn", "0", "--json"]) == 0

    def refuse(constant):
        raise AssertionError(f"{constant} in the JSON")

    report = json.loads(capsys.readouterr().out, parse_constant=refuse)
    assert report["results"][0]["per_class"][9] is None
    assert report["model"].startswith("the shipped model (")


# Training: arguments and targets are checked before any epoch, and no run is lost.


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--seed", "-1"], "--seed must be between 0 and 4294967295, not -1"),
        (["--seed", str(2**32)], "--seed must be between 0 and 4294967295"),
        (["--epochs", "0"], "--epochs must be at least 1"),
        (["--out", "{tmp}"], "it is a folder"),
        (["--out", "{tmp}/model.h5"], "the name must end in .keras"),
        (["--out", "{tmp}/a_file/model.keras"], "a_file is a file, not a folder"),
        (["--data", "{tmp}/typo.npz"], "typo.npz: no such file"),
    ],
)
def test_train_refuses_bad_arguments_before_training(tmp_path, arguments, message, capsys):
    (tmp_path / "a_file").write_text("a file where a folder should be")
    arguments = [argument.replace("{tmp}", str(tmp_path)) for argument in arguments]
    assert main(["train", *arguments]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # not one epoch ran
    assert captured.err == f"mnist-arcade: {captured.err.split(': ', 1)[1]}"
    assert message in captured.err and len(captured.err.splitlines()) == 1
    assert not paths.user_model_path().exists()


@pytest.mark.slow  # trains a real network end to end: the full suite (and CI) runs it
def test_a_run_worse_than_the_model_in_use_is_kept_aside(small_mnist_file, predictor, capsys):
    from mnist_arcade.canvas.preprocess import mnist_digits_as_input
    from mnist_arcade.dataset import load_npz
    from mnist_arcade.ml.training import validation_pool

    images, labels = validation_pool(load_npz(small_mnist_file))
    read = predictor.probabilities(mnist_digits_as_input(images)).argmax(axis=1)
    in_use = np.mean(read == labels)
    arguments = ["train", "--data", str(small_mnist_file), "--epochs", "1", "--seed", "0"]
    assert main(arguments) == 0
    out = capsys.readouterr().out
    assert "NOT put in use" in out and f"not better than the shipped model ({in_use:.1%})" in out
    assert f"Kept aside at {paths.kept_aside_model_path()}" in out
    assert "Test accuracy on 200" in out and out.count("Test accuracy") == 1
    assert not paths.user_model_path().exists()  # the shipped model stays in use
    from mnist_arcade.ml.model_files import load_model
    from mnist_arcade.player_files.model_library import library_models, recorded_accuracy

    load_model(paths.kept_aside_model_path())
    (kept,) = library_models()  # a copy for N, with the accuracy it was judged on
    reported = out.split("reads ")[1].split("%")[0]  # "it reads 41.2% of all ..."
    assert abs(100 * recorded_accuracy(kept) - float(reported)) <= 0.05  # as printed, rounded


@pytest.mark.slow  # trains a real network end to end: the full suite (and CI) runs it
def test_a_better_finished_run_replaces_the_model_in_use(small_mnist_file, capsys):
    from mnist_arcade.ml.model import build_model
    from mnist_arcade.ml.model_files import save_model_atomic

    blank = build_model(seed=0)
    blank.set_weights([np.zeros_like(w) for w in blank.get_weights()])  # always answers 0
    save_model_atomic(blank, paths.user_model_path())
    before = paths.user_model_path().read_bytes()
    arguments = ["train", "--data", str(small_mnist_file), "--epochs", "4", "--seed", "0"]
    assert main(arguments) == 0
    out = capsys.readouterr().out
    assert f"Saved to {paths.user_model_path()}: the game uses it from now on" in out
    assert paths.user_model_path().read_bytes() != before
    assert not paths.kept_aside_model_path().exists()


def test_an_explicit_out_path_is_written_whatever_the_run_scores(small_mnist_file, tmp_path):
    out = tmp_path / "runs" / "mine.keras"
    arguments = ["train", "--data", str(small_mnist_file), "--epochs", "1", "--out", str(out)]
    assert main(arguments) == 0
    assert out.is_file() and not paths.user_model_path().exists()
    assert not paths.kept_aside_model_path().exists()


# Real subprocesses: what a user sees in a terminal.


def command_line() -> list[str]:
    script = Path(sys.executable).with_name("mnist-arcade")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "mnist_arcade"]


def user_environment(**extra) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k != "TF_CPP_MIN_LOG_LEVEL"}
    return environment | {"PYTHONUNBUFFERED": "1"} | extra


@pytest.mark.slow
def test_errors_in_a_terminal_are_exactly_one_line(tmp_path, seven_png):
    (tmp_path / "corrupt.keras").write_bytes(b"PK\x03\x04 not really a model")
    for arguments in (
        ["predict", str(tmp_path / "missing.png")],
        ["predict", "--model", str(tmp_path / "corrupt.keras"), str(seven_png[0])],
    ):
        result = subprocess.run(
            command_line() + arguments,
            capture_output=True,
            text=True,
            env=user_environment(),
            timeout=120,
        )
        assert result.returncode == 2
        assert len(result.stderr.splitlines()) == 1, result.stderr  # no TensorFlow chatter
        assert result.stderr.startswith("mnist-arcade: ")


@pytest.mark.slow
def test_a_closed_pipe_ends_predict_quietly(seven_png):
    image = seven_png[0].with_name("a_digit_with_a_long_name_" + "7" * 120 + ".png")
    seven_png[0].rename(image)  # 300 answers of 300 bytes: more than a pipe holds
    process = subprocess.Popen(
        [*command_line(), "predict", "--json", "--method", "plain", *[str(image)] * 300],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=user_environment(),
    )
    first = process.stdout.readline()  # like `| head -1`: read one line, then go away
    process.stdout.close()
    status = process.wait(timeout=120)
    assert json.loads(first)["digit"] == 7
    assert process.stderr.read() == b"" and status == 1


def start_training(arguments: list[str], **environment) -> subprocess.Popen:
    """`mnist-arcade train` in a subprocess, returned once its first epoch has ended."""
    process = subprocess.Popen(
        [*command_line(), "train", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=user_environment(**environment),
    )
    for line in process.stdout:
        if line.startswith("Epoch 2/"):
            return process
    process.kill()
    raise AssertionError(f"training never reached epoch 2: {process.stderr.read()}")


@pytest.mark.slow
def test_ctrl_c_keeps_the_run_aside_and_the_model_in_use(small_mnist_file):
    from mnist_arcade.ml.model import build_model
    from mnist_arcade.ml.model_files import load_model, save_model_atomic

    blank = build_model(seed=0)
    blank.set_weights([np.zeros_like(w) for w in blank.get_weights()])  # any run beats it
    save_model_atomic(blank, paths.user_model_path())
    before = paths.user_model_path().read_bytes()
    process = start_training(["--data", str(small_mnist_file), "--epochs", "200"])
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "Traceback" not in err and "stopped before the end" in out
    assert paths.user_model_path().read_bytes() == before
    load_model(paths.kept_aside_model_path())


@pytest.mark.slow
def test_a_save_that_fails_after_training_keeps_the_run_in_the_temp_folder(
    small_mnist_file, tmp_path
):
    from mnist_arcade.ml.model_files import load_model

    (tmp_path / "tmp").mkdir()
    out = tmp_path / "runs" / "model.keras"
    process = start_training(
        ["--data", str(small_mnist_file), "--epochs", "10", "--out", str(out)],
        TMPDIR=str(tmp_path / "tmp"),
    )
    shutil.rmtree(out.parent)  # the folder checked before training is gone ...
    out.parent.write_text("... and a file took its name")
    _, err = process.communicate(timeout=120)
    assert process.returncode == 2 and "Traceback" not in err
    assert err.startswith(f"mnist-arcade: could not save to {out} (")
    rescued = Path(err.rstrip().rsplit(" the run was saved to ", 1)[1].removesuffix(" instead"))
    assert rescued.parent == tmp_path / "tmp"
    load_model(rescued)
