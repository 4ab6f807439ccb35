"""The game's own code, as text, for the lesson to show: read, never imported.

The lesson shows the Keras code that builds the network (``ml/model.py``'s ``build_model``),
the code that compiles and fits it, and the preprocessing. Importing ``ml`` would import
TensorFlow on the game's thread, so the source files are read as text and parsed with
:mod:`ast`: a function is sliced out by name, and each layer's sizes (filters, kernel, weights,
output shape) are worked out from the numbers written in the code, so the screen can never
drift from what runs. Pure Python.
"""

from __future__ import annotations

import ast
import functools
import math
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # mnist_arcade/, found without importing ml
MODEL_SOURCE = PACKAGE / "ml" / "model.py"
TRAINING_SOURCE = PACKAGE / "ml" / "training.py"
PRESETS_SOURCE = PACKAGE / "ml" / "presets.py"
PREPROCESS_SOURCE = PACKAGE / "canvas" / "preprocess.py"
LEFT_OUT = ("kernel_initializer",)  # keyword arguments the trimmed view leaves out


@dataclass(frozen=True)
class LayerLine:
    """One layer of ``build_model``, as written (``code``) and as sized from that code."""

    name: str
    kind: str  # "Input", "Conv2D", "MaxPooling2D", "Flatten", "Dense"
    code: str  # the layer's call, one line, without LEFT_OUT arguments
    output_shape: tuple[int, ...]
    weights: int  # weights and biases the layer learns
    filters: int | None = None  # Conv2D: filters; Dense: units
    kernel_size: int | None = None  # Conv2D: side of its square kernel; pooling: its window


def shown_path(path: Path) -> str:
    """How the lesson names a source file: ``mnist_arcade/ml/model.py``."""
    return path.relative_to(PACKAGE.parent).as_posix()


@functools.cache
def _module(path: Path) -> ast.Module:
    """``path`` parsed, once a process: the installed game's source does not change while it
    runs, and each new lesson screen would otherwise parse the same files again (30 ms)."""
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def find_function(module: ast.Module, name: str) -> ast.FunctionDef:
    """The top-level function ``name``; ValueError if the module has none by that name."""
    for node in module.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return node
    raise ValueError(f"the game's code has no function named {name}")


def function_source(path: Path, name: str) -> list[str]:
    """The lines of function ``name`` in ``path``, exactly as written."""
    lines = path.read_text(encoding="utf-8").splitlines()
    node = find_function(_module(path), name)
    return lines[node.lineno - 1 : node.end_lineno]


def _constants(module: ast.Module) -> dict[str, object]:
    """The module's top-level ``NAME = literal`` assignments (INPUT_SHAPE, NUM_CLASSES)."""
    found = {}
    for node in module.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                try:
                    found[target.id] = ast.literal_eval(node.value)
                except ValueError:
                    continue
    return found


def _value(node: ast.expr, constants: dict[str, object]) -> object:
    if isinstance(node, ast.Name) and node.id in constants:
        return constants[node.id]
    return ast.literal_eval(node)


def _trimmed(call: ast.Call) -> str:
    kept = [k for k in call.keywords if k.arg not in LEFT_OUT]
    return ast.unparse(ast.Call(call.func, call.args, kept))


def _argument(call: ast.Call, position: int, keyword: str, constants: dict[str, object]):
    for item in call.keywords:
        if item.arg == keyword:
            return _value(item.value, constants)
    return _value(call.args[position], constants)


def _sized(call: ast.Call, shape: tuple[int, ...], constants) -> LayerLine:
    """The layer ``call`` builds, sized for an input of ``shape`` (valid padding, stride 1 for
    convolutions and the window for pooling, as Keras' defaults)."""
    kind = call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id
    name = _argument(call, 99, "name", constants)
    code = _trimmed(call)
    if kind == "Input":
        shape = tuple(_argument(call, 0, "shape", constants))
        return LayerLine(name, kind, code, shape, 0)
    if kind == "Conv2D":
        filters = _argument(call, 0, "filters", constants)
        side = _argument(call, 1, "kernel_size", constants)
        height, width, channels = shape
        weights = side * side * channels * filters + filters
        out = (height - side + 1, width - side + 1, filters)
        return LayerLine(name, kind, code, out, weights, filters, side)
    if kind == "MaxPooling2D":
        side = _argument(call, 0, "pool_size", constants)
        height, width, channels = shape
        return LayerLine(name, kind, code, (height // side, width // side, channels), 0, None, side)
    if kind == "Flatten":
        return LayerLine(name, kind, code, (math.prod(shape),), 0)
    if kind == "Dense":
        units = _argument(call, 0, "units", constants)
        return LayerLine(name, kind, code, (units,), shape[-1] * units + units, units)
    raise ValueError(f"the lesson cannot size a {kind} layer yet")


def model_layers(path: Path = MODEL_SOURCE, function: str = "build_model") -> list[LayerLine]:
    """Every layer of the ``keras.Sequential([...])`` that ``function`` returns, in order,
    each sized from the numbers in the code."""
    module = _module(path)
    constants = _constants(module)
    node = find_function(module, function)
    sequential = next(
        n
        for n in ast.walk(node)
        if isinstance(n, ast.Call) and ast.unparse(n.func).endswith("Sequential")
    )
    layers: list[LayerLine] = []
    shape: tuple[int, ...] = ()
    for call in sequential.args[0].elts:
        layer = _sized(call, shape, constants)
        layers.append(layer)
        shape = layer.output_shape
    return layers


def call_lines(path: Path, function: str, method: str) -> list[str]:
    """The first ``.method(...)`` call inside ``function``, one argument a line (the trimmed
    view of ``model.compile(...)`` and ``model.fit(...)``)."""
    node = find_function(_module(path), function)
    for call in ast.walk(node):
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == method
        ):
            parts = [ast.unparse(a) for a in call.args]
            parts += [
                f"**{ast.unparse(k.value)}" if k.arg is None else f"{k.arg}={ast.unparse(k.value)}"
                for k in call.keywords
            ]
            return [f"{ast.unparse(call.func)}(", *(f"    {p}," for p in parts), ")"]
    raise ValueError(f"{function} makes no .{method}() call")


def preset_arguments(path: Path = PRESETS_SOURCE, preset: str = "SEED") -> dict[str, object]:
    """The keyword numbers of ``PresetName.<preset>``'s recipe in ``ml/presets.py``."""
    for node in ast.walk(_module(path)):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if key is not None and ast.unparse(key) == f"PresetName.{preset}":
                    return {
                        k.arg: ast.literal_eval(k.value)
                        for k in value.keywords
                        if isinstance(k.value, ast.Constant)
                    }
    raise ValueError(f"ml/presets.py has no {preset} recipe")


def lines_calling(path: Path, function: str, names: list[str]) -> list[str]:
    """For each of ``names``, the first line of ``function`` that mentions it, stripped (the
    line of the preprocessing that does each stage); ValueError if one is missing."""
    lines = function_source(path, function)
    found = []
    for name in names:
        line = next((line.strip() for line in lines if name in line), None)
        if line is None:
            raise ValueError(f"{function} no longer mentions {name}")
        found.append(line)
    return found
