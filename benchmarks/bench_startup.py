"""Time from launch to the game's first frame on screen.

    python benchmarks/bench_startup.py

Launches ``python -m mnist_arcade play --startup-check`` (which exits once the window has drawn
its first frame) several times and takes the median wall time from process start to the
"first frame" line. Side by side, alternating: the time Python needs just to import TensorFlow,
which is what a launch would cost if the window waited for it. Uses $DISPLAY when set (a real
window), else SDL's dummy driver. Target: at most 1.5 s.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

RUNS = 5


def seconds_until(command: list[str], marker: str | None) -> float:
    environment = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2")
    if not environment.get("DISPLAY"):
        environment.setdefault("SDL_VIDEODRIVER", "dummy")
    environment.setdefault("SDL_AUDIODRIVER", "dummy")
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=environment
    )
    for line in process.stdout:
        if marker is not None and marker in line:
            elapsed = time.perf_counter() - start
            process.wait(timeout=30)
            return elapsed
    process.wait(timeout=120)
    if marker is not None:
        raise RuntimeError(f"{' '.join(command)} never printed {marker!r}")
    return time.perf_counter() - start


def main() -> None:
    game = [sys.executable, "-m", "mnist_arcade", "play", "--startup-check"]
    tensorflow = [sys.executable, "-c", "import tensorflow"]
    launches, imports = [], []
    for _ in range(RUNS):
        launches.append(seconds_until(game, "first frame"))
        imports.append(seconds_until(tensorflow, None))
    launch, tf_import = statistics.median(launches), statistics.median(imports)
    where = "a real window on $DISPLAY" if os.environ.get("DISPLAY") else "SDL dummy driver"
    print(f"median of {RUNS} launches ({where}):")
    print(f"  launch to first frame        {launch:6.2f} s   (target <= 1.5 s)")
    print(f"  'import tensorflow' alone    {tf_import:6.2f} s")
    print(f"  first frame / TF import      {launch / tf_import:6.1%}  (the window does not wait)")


if __name__ == "__main__":
    main()
