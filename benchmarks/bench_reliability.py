"""Reliability under a random player, smoothness while training, closing, and memory.

    python benchmarks/bench_reliability.py [--events N] [--seed N] [--trials N]
                                           [--runs N] [--predictions N] [--only a|b|c|d]

Prints, from one run (each part in a fresh process, so one part's threads and memory cannot
skew another's figures; every part uses a temporary user folder and MNIST_ARCADE_OFFLINE=1):

  a. A seeded random event stream (``testing_support/random_events.py``, the CI test's stream, here
     longer and with the keys that put a kept model in use on purpose) through the real loop,
     launch after launch: every key the scenes answer and others, strokes anywhere (board,
     canvas, bars, outside the window), resizes, fullscreen, training started and stopped at
     random moments, kept-aside runs used, R R, and ``--model`` pointing at a corrupt file, a
     zip that is no model, a model with the game's layer names but other sizes, one with no
     biases, NaN weights, a missing file, and a corrupt saved model in the user folder.
     Training uses 600/200 real MNIST digits and 2 epochs. Target: 0 exceptions (out of
     ``App.frame``, ``App.shutdown`` or any thread), and 0 threads alive (engine, trainer or
     any other) once each close (``App.shutdown``) has returned; how long each close took,
     and how soon in it the window went.
  b. Frame times through the real paced loop (``App.frame()`` on the 60 FPS clock) while the
     seed preset trains on the full MNIST file: training screen, then the board with strokes
     and P, then training screen again, to the run's verdict. Target: no frame over 50 ms.
     Beside them, the same frames with no training, run first: what the machine gives.
  c. Close-to-exit: ``_quit_driver.py`` runs the real game (``mnist-arcade play``), presses T,
     and closes the window while data loads, mid-epoch, at an epoch's end, at the run's end
     and mid-save; the time from the QUIT event to the window's going (what the player sees)
     and to the process's exit (the threads waited for first), and the temporary files
     (``.*-*.keras``) left in the user folder. Target: the window gone within 0.5 s, none left.
  d. Memory: ten in-game runs (seed preset, 3 epochs, 600 real digits, started with T or
     Space through the real loop) and 1,000 P presses after each (10,000 predictions through
     the engine) in one process; VmRSS before, after each run, the growth in all and over
     the last five runs. Target: under 50 MB in all.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _common  # noqa: F401  (sets the environment first)
from _common import mnist_path

SLOW_FRAME_MS = 50.0
CLOSE_TARGET_S = 0.5
MEMORY_TARGET_MB = 50.0
ODD_LAUNCHES = (  # launch kinds, in turn; None: no --model (the saved or shipped model)
    None,
    "corrupt file",
    "same names, other sizes",
    "NaN weights",
    None,
    "missing file",
    "zip that is no model",
    "same shapes, no bias",
    "corrupt saved model in the user folder",
    None,
)


def rss_mb() -> float:
    """This process's resident set size (VmRSS), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status (Linux only)")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def result(figures: dict) -> None:
    """Hand a part's figures to the parent process, and leave as the game does (fast)."""
    print("RESULT " + json.dumps(figures), flush=True)
    sys.stderr.flush()
    os._exit(0)  # skip TensorFlow's teardown, as the game's own exit does


def key(code: int):
    import pygame

    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0)


# --- a. the random event stream --------------------------------------------------------------


def part_stream(args) -> None:
    import pygame

    from mnist_arcade import paths
    from testing_support.closing import close
    from testing_support.random_events import (
        RandomPlayer,
        Tally,
        play_launch,
        thread_exceptions_counted,
        write_odd_models,
    )

    odd_models = write_odd_models(Path(tempfile.mkdtemp(prefix="odd-models-")))
    pygame.init()
    player = RandomPlayer(args.seed, choose_models=True)
    tally = Tally()
    per_launch = max(1, args.events // len(ODD_LAUNCHES))
    started = time.perf_counter()
    with thread_exceptions_counted(tally):
        for number, kind in enumerate(ODD_LAUNCHES, 1):
            model_path = None
            if kind == "corrupt saved model in the user folder":
                paths.user_model_path().parent.mkdir(parents=True, exist_ok=True)
                paths.user_model_path().write_bytes(b"PK\x03\x04 half a model")
            elif kind is not None:
                model_path = str(odd_models[kind])
            events = per_launch if number < len(ODD_LAUNCHES) else args.events - tally.events
            before = (tally.events, len(tally.exceptions), tally.runs["started"])
            app, _ = play_launch(
                player, tally, events, model_path, args.data, kind or "saved or shipped model",
                epochs=2,
            )  # fmt: skip
            label = app.context.model.label
            close(app, tally)
            closed = tally.closes[-1]
            gone = "never" if closed.window_gone_s is None else f"{closed.window_gone_s:.3f} s"
            print(
                f"  launch {number:2d} ({kind or 'no --model'}): "
                f"{tally.events - before[0]:,} events, "
                f"{len(tally.exceptions) - before[1]} exceptions, "
                f"{tally.runs['started'] - before[2]} runs started; "
                f"model in use at the end: {label}; closed ({closed.during}) in "
                f"{closed.seconds:.2f} s, window gone after {gone}, "
                f"threads left {len(closed.threads_left)} {list(closed.threads_left) or ''}",
                flush=True,
            )
    seconds = time.perf_counter() - started
    for text in tally.exceptions[:5]:
        print(text, flush=True)
    print(f"  runs: {dict(tally.runs)}")
    print(f"  actions: {dict(sorted(player.kinds.items(), key=lambda item: -item[1]))}")
    for notice, count in tally.problems.most_common(8):
        print(f"  problem shown {count}x: {notice}")
    print(
        f"  frames with events over {SLOW_FRAME_MS:.0f} ms: {tally.slow_frames} of {tally.frames}"
        f" (slowest {tally.slowest_frame * 1000:.0f} ms)"
    )
    result(
        {
            "events": tally.events,
            "frames": tally.frames,
            "launches": len(ODD_LAUNCHES),
            "exceptions": len(tally.exceptions),
            "runs_started": tally.runs["started"],
            "runs_stop_asked": tally.runs["stop asked"],
            "threads_left": [len(closed.threads_left) for closed in tally.closes],
            "close_s": [closed.seconds for closed in tally.closes],
            "window_gone_s": [closed.window_gone_s for closed in tally.closes],
            "seconds": seconds,
        }
    )


# --- b. frame times while training -----------------------------------------------------------


def frame_figures(intervals: list[float], work: list[float]) -> dict:
    return {
        "frames": len(intervals),
        "fps": len(intervals) / (sum(intervals) / 1000),
        "median_ms": statistics.median(intervals),
        "p99_ms": percentile(intervals, 0.99),
        "max_ms": max(intervals),
        "over_50ms": sum(interval > SLOW_FRAME_MS for interval in intervals),
        "work_median_ms": statistics.median(work),
        "work_p99_ms": percentile(work, 0.99),
    }


def part_frames(args) -> None:
    import pygame

    from mnist_arcade.game.app import make_app
    from mnist_arcade.game.scene_id import SceneId
    from mnist_arcade.game.scenes.board_scene import BOARD_TOPLEFT
    from mnist_arcade.game.services.training_session import ACTIVE

    pygame.init()
    app = make_app(None, str(mnist_path()))
    context = app.context
    while not context.model.ready:  # the player waits for the network, then presses T
        app.frame()

    def play(i: int, on_board: bool) -> None:
        """On the board: a stroke every 40 frames, then P. Then one real paced frame."""
        if on_board:
            x, y = BOARD_TOPLEFT[0] + 40 + i * 7 % 220, BOARD_TOPLEFT[1] + 40 + i * 13 % 220
            kind = {0: pygame.MOUSEBUTTONDOWN, 39: pygame.MOUSEBUTTONUP}.get(
                i % 40, pygame.MOUSEMOTION
            )
            pygame.event.post(
                pygame.event.Event(kind, pos=(x, y), button=1, rel=(7, 13), buttons=(1, 0, 0))
            )
            if i % 40 == 39:
                pygame.event.post(key(pygame.K_p))
        app.frame()  # the real loop's frame: events, news, update, draw, 60 FPS clock

    # The same frames with no training at all, first: what this machine gives right now.
    quiet, quiet_work = [], []
    last = time.perf_counter()
    for i in range(args.quiet_frames):
        on_board = (i // 300) % 2 == 1
        wanted = app.scenes[SceneId.BOARD if on_board else SceneId.TRAINING]
        if app.scene is not wanted:
            app.switch_to(SceneId.BOARD if on_board else SceneId.TRAINING)
        play(i, on_board)
        now = time.perf_counter()
        quiet.append((now - last) * 1000)
        quiet_work.append(app.clock.get_rawtime())
        last = now

    intervals, work, where = [], [], []
    deadline = time.monotonic() + 900
    i = 0
    verdict_frames = None  # frames still to run once the run's verdict is in
    last = time.perf_counter()
    while verdict_frames is None or verdict_frames > 0:
        training = context.training
        epochs = len(training.epochs)
        on_board = 8 <= epochs < 30 or epochs >= 40
        if on_board and app.scene is not app.scenes[SceneId.BOARD]:
            pygame.event.post(key(pygame.K_b))
        elif not on_board and app.scene is not app.scenes[SceneId.TRAINING]:
            pygame.event.post(key(pygame.K_t))  # starts the run, or shows the one going on
        play(i, on_board)
        now = time.perf_counter()
        intervals.append((now - last) * 1000)
        work.append(app.clock.get_rawtime())
        where.append(f"{training.status.value}, epoch {epochs}, {type(app.scene).__name__}")
        last = now
        i += 1
        if verdict_frames is not None:
            verdict_frames -= 1
        elif epochs and training.status not in ACTIVE:
            verdict_frames = 120  # two more seconds: the verdict, the model put in use or not
        if time.monotonic() > deadline:
            raise SystemExit(f"the run never ended: {training!r}, {context.notices.current}")
    app.shutdown()
    figures = {
        "training": frame_figures(intervals, work),
        "quiet": frame_figures(quiet, quiet_work),
    }
    print(
        f"  the run: {context.training.status.value} after {len(context.training.epochs)} "
        f"epochs; {context.notices.current}"
    )
    for name, label in (("training", "while training"), ("quiet", "no training   ")):
        f = figures[name]
        print(
            f"  {label}: {f['frames']:5,} frames, {f['fps']:4.1f} FPS; frame time median "
            f"{f['median_ms']:5.1f} ms, 99th percentile {f['p99_ms']:5.1f} ms, max "
            f"{f['max_ms']:5.1f} ms, {f['over_50ms']:3d} over 50 ms; work (clock.get_rawtime) "
            f"median {f['work_median_ms']:.0f} ms, 99th percentile {f['work_p99_ms']:.0f} ms"
        )
    for n in sorted(range(len(intervals)), key=lambda n: -intervals[n])[:5]:
        print(f"  slow frame while training: {intervals[n]:.1f} ms, {where[n]}")
    figures["epochs"] = len(context.training.epochs)
    result(figures)


# --- c. close-to-exit ------------------------------------------------------------------------


def steps(stamps: dict, exited: float) -> str:
    """Where the time between QUIT and the exit went, from the driver's stamps."""
    try:
        quit_at = float(stamps["QUIT"][0])
        shutdown_start, shutdown_end = (float(t) for t in stamps["SHUTDOWN"][:2])
        clean = stamps["SHUTDOWN"][2] == "True"
        exit_at = float(stamps["EXIT"][0])
    except (KeyError, ValueError, IndexError):
        return "no stamps"
    window = "window never closed by shutdown"
    if "WINDOW" in stamps:
        window = f"window gone at {float(stamps['WINDOW'][0]) - quit_at:.2f}"
    return (
        f"{window}; loop {shutdown_start - quit_at:.2f} + shutdown "
        f"{shutdown_end - shutdown_start:.2f}"
        f"{'' if clean else ' (a thread still running)'} + pygame.quit "
        f"{exit_at - shutdown_end:.2f} + process exit {exited - exit_at:.2f}"
    )


def part_close(args) -> None:
    from _quit_driver import PHASES  # no TensorFlow at import

    driver = Path(__file__).with_name("_quit_driver.py")
    rows = []
    for trial in range(args.trials):
        for phase in PHASES:
            home = Path(tempfile.mkdtemp(prefix="mnist-arcade-close-"))
            environment = dict(os.environ, MNIST_ARCADE_HOME=str(home))
            seed = args.seed * 1000 + trial * len(PHASES) + PHASES.index(phase)
            errors_file = home.parent / f"{home.name}-stderr.txt"
            with errors_file.open("w") as errors_out:
                process = subprocess.Popen(
                    [sys.executable, str(driver), phase, str(seed), "--data", str(mnist_path())],
                    stdout=subprocess.PIPE,
                    stderr=errors_out,
                    text=True,
                    env=environment,
                )
            stamps, what = {}, ""
            for line in process.stdout:  # to the end: the pipe closes when the process exits
                word, _, rest = line.rstrip("\n").partition(" ")
                if word in ("QUIT", "SHUTDOWN", "WINDOW", "EXIT"):
                    stamps[word] = rest.split(" ")
                    if word == "QUIT":
                        what = rest.split(" ", 1)[1]
            process.wait(timeout=600)
            exited = time.monotonic()
            errors = errors_file.read_text(errors="replace")
            left = sorted(p.name for p in home.glob(".*-*.keras"))
            kept = sorted(p.name for p in home.glob("*.keras"))
            tracebacks = errors.count("Traceback")
            seconds = None if "QUIT" not in stamps else exited - float(stamps["QUIT"][0])
            window_s = None
            if "QUIT" in stamps and "WINDOW" in stamps:
                window_s = float(stamps["WINDOW"][0]) - float(stamps["QUIT"][0])
            rows.append(
                {
                    "phase": phase,
                    "seconds": seconds,
                    "window_s": window_s,
                    "clean": stamps.get("SHUTDOWN", ["", "", ""])[2] == "True",
                    "status": process.returncode,
                    "left": left,
                    "tracebacks": tracebacks,
                }
            )
            shown = "never quit" if seconds is None else f"{seconds:5.2f} s"
            print(
                f"  {phase:9s} ({what}): QUIT to exit {shown} [{steps(stamps, exited)}], exit "
                f"status {process.returncode}, temporary files left {len(left)} {left or ''}, "
                f"tracebacks {tracebacks}, models in the user folder {kept}",
                flush=True,
            )
            if tracebacks:
                print("    " + errors[errors.index("Traceback") :][:1500].replace("\n", "\n    "))
    times = [row["seconds"] for row in rows if row["seconds"] is not None]
    window_times = [row["window_s"] for row in rows if row["window_s"] is not None]
    result(
        {
            "trials": len(rows),
            "median_s": statistics.median(times) if times else None,
            "max_s": max(times) if times else None,
            "window_median_s": statistics.median(window_times) if window_times else None,
            "window_max_s": max(window_times) if window_times else None,
            "not_clean": sum(not row["clean"] for row in rows),
            "over_target": sum(t > CLOSE_TARGET_S for t in window_times)
            + len(rows)
            - len(window_times),
            "left_files": sum(len(row["left"]) for row in rows),
            "bad_exits": sum(row["status"] != 0 or row["tracebacks"] > 0 for row in rows),
        }
    )


# --- d. memory -------------------------------------------------------------------------------


def part_memory(args) -> None:
    import pygame
    from _common import board_with_digit

    from mnist_arcade.game.app import make_app
    from mnist_arcade.game.scene_id import SceneId
    from mnist_arcade.game.services.training_session import ACTIVE, LOADING_DATA

    pygame.init()
    app = make_app(None, args.data, epochs=3)
    context = app.context
    step = 1 / 60

    def frames_until(condition, seconds: float = 300.0) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError("the game never got there")
            app.frame(step)
            time.sleep(0.001)  # as the paced loop does, leave the other threads the CPU

    def engine_idle() -> bool:
        return context.model.requests_waiting == 0 and not context.readings.awaiting

    frames_until(lambda: context.model.ready)
    board, _ = board_with_digit(0)
    context.board.pixels[:] = board
    context.board.version += 1
    for _ in range(20):  # the first reading, so previews run during training too
        pygame.event.post(key(pygame.K_p))
        frames_until(engine_idle)
    start = rss_mb()
    after, answers = [], 0
    print(f"  start (model loaded, 20 readings): {start:7.1f} MB", flush=True)
    for run in range(1, args.runs + 1):
        pygame.event.post(key(pygame.K_t))  # T: start a run (or show the kept-aside one)
        app.frame(step)
        if context.training.status is not LOADING_DATA:
            pygame.event.post(key(pygame.K_SPACE))  # train again
        frames_until(lambda: context.training.status in ACTIVE)
        frames_until(lambda: context.training.status not in ACTIVE and engine_idle())
        pygame.event.post(key(pygame.K_b))
        app.frame(step)
        if app.scene is not app.scenes[SceneId.BOARD]:
            raise RuntimeError("B did not go back to the board")
        for _ in range(args.predictions):
            serial = context.readings.serial
            pygame.event.post(key(pygame.K_p))
            frames_until(lambda serial=serial: context.readings.serial > serial and engine_idle())
            answers += 1
        after.append(rss_mb())
        judged = context.training.judged
        verdict = "no verdict" if judged is None else "kept aside"
        if judged is not None and judged.adopted:
            verdict = "put in use"
        print(
            f"  after run {run:2d} ({len(context.training.epochs)} epochs, {verdict}) and "
            f"{args.predictions:,} predictions: {after[-1]:7.1f} MB",
            flush=True,
        )
    app.shutdown()
    half = len(after) // 2
    result(
        {
            "runs": len(after),
            "predictions": answers,
            "start_mb": start,
            "after_mb": after,
            "growth_mb": after[-1] - start,
            "growth_last_half_mb": after[-1] - after[half - 1] if half else 0.0,
        }
    )


# --- the parent: one process per part, then the summary ----------------------------------------


PARTS = {"a": part_stream, "b": part_frames, "c": part_close, "d": part_memory}
TITLES = {
    "a": "a. random event stream through the real loop",
    "b": "b. frame times while the seed preset trains (real paced loop)",
    "c": "c. close-to-exit (the real game, QUIT at a random moment of a run)",
    "d": "d. memory: in-game training runs and predictions in one process",
}


def small_mnist_file(folder: Path) -> Path:
    """600 training and 200 test digits of real MNIST, written to a temporary folder."""
    import numpy as np

    from mnist_arcade.dataset import load_npz

    data = load_npz(mnist_path())
    path = folder / "small_mnist.npz"
    np.savez_compressed(
        path,
        x_train=data.x_train[:600],
        y_train=data.y_train[:600],
        x_test=data.x_test[:200],
        y_test=data.y_test[:200],
    )
    return path


def run_part(part: str, args, data: Path) -> dict:
    """Run one part in a fresh process with its own user folder; echo its lines."""
    environment = dict(
        os.environ,
        MNIST_ARCADE_HOME=tempfile.mkdtemp(prefix=f"mnist-arcade-{part}-"),
        MNIST_ARCADE_OFFLINE="1",
    )
    command = [
        sys.executable, __file__, "--part", part, "--data", str(data),
        "--events", str(args.events), "--seed", str(args.seed), "--trials", str(args.trials),
        "--runs", str(args.runs), "--predictions", str(args.predictions),
        "--quiet-frames", str(args.quiet_frames),
    ]  # fmt: skip
    print(TITLES[part], flush=True)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=environment)
    figures = None
    for line in process.stdout:
        if line.startswith("RESULT "):
            figures = json.loads(line[len("RESULT ") :])
        else:
            print(line, end="", flush=True)
    process.wait()
    if figures is None:
        raise SystemExit(f"part {part} failed (exit status {process.returncode})")
    figures["wall_s"] = time.perf_counter() - started
    return figures


def summary(figures: dict, args) -> None:
    print()
    print(f"Reliability, seed {args.seed} (one run of benchmarks/bench_reliability.py):")
    if "a" in figures:
        a = figures["a"]
        print(
            f"  a. random events: {a['events']:,} events in {a['frames']:,} frames over "
            f"{a['launches']} launches ({a['runs_started']} training runs started, "
            f"{a['runs_stop_asked']} stopped by the player): {a['exceptions']} exceptions "
            f"(target 0); threads left at each close {a['threads_left']}: "
            f"{sum(n > 0 for n in a['threads_left'])} of {len(a['threads_left'])} closes left "
            f"one (target 0); {a['wall_s']:.0f} s"
        )
        gone = [s for s in a["window_gone_s"] if s is not None]
        print(
            f"     close (App.shutdown): median {statistics.median(a['close_s']):.2f} s, max "
            f"{max(a['close_s']):.2f} s; window gone after median "
            + (f"{statistics.median(gone):.3f} s, max {max(gone):.3f} s" if gone else "never")
            + f" ({len(gone)} of {len(a['close_s'])} closes took the window away)"
        )
    if "b" in figures:
        b, q = figures["b"]["training"], figures["b"]["quiet"]
        print(
            f"  b. frames while the seed preset trains ({figures['b']['epochs']} epochs, "
            f"{b['frames']:,} frames): median {b['median_ms']:.1f} ms, 99th percentile "
            f"{b['p99_ms']:.1f} ms, max {b['max_ms']:.1f} ms; {b['over_50ms']} over 50 ms "
            f"(target 0). Same run, no training ({q['frames']:,} frames): median "
            f"{q['median_ms']:.1f} ms, 99th percentile {q['p99_ms']:.1f} ms, max "
            f"{q['max_ms']:.1f} ms; {q['over_50ms']} over 50 ms"
        )
    if "c" in figures:
        c = figures["c"]

        def shown(seconds):
            return "n/a" if seconds is None else f"{seconds:.2f} s"

        print(
            f"  c. close-to-exit, {c['trials']} trials: QUIT to window gone median "
            f"{shown(c['window_median_s'])}, max {shown(c['window_max_s'])} (target <= "
            f"{CLOSE_TARGET_S} s; {c['over_target']} over); QUIT to process exit median "
            f"{shown(c['median_s'])}, max {shown(c['max_s'])}; closes that left a thread: "
            f"{c['not_clean']}; temporary files left: {c['left_files']}; bad exits (status or "
            f"traceback): {c['bad_exits']}"
        )
    if "d" in figures:
        d = figures["d"]
        after = " ".join(f"{mb:.0f}" for mb in d["after_mb"])
        print(
            f"  d. memory, {d['runs']} runs + {d['predictions']:,} predictions: start "
            f"{d['start_mb']:.0f} MB, after each run {after} MB; growth {d['growth_mb']:+.1f} MB "
            f"in all (target < {MEMORY_TARGET_MB:.0f}), {d['growth_last_half_mb']:+.1f} MB over "
            f"the last {d['runs'] - d['runs'] // 2} runs"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20000, help="events in the stream (a)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--trials", type=int, default=2, help="close-to-exit trials per phase")
    parser.add_argument("--runs", type=int, default=10, help="training runs for memory (d)")
    parser.add_argument("--predictions", type=int, default=1000, help="P presses per run (d)")
    parser.add_argument(
        "--quiet-frames", type=int, default=1200, help="frames with no training (b), first"
    )
    parser.add_argument("--only", choices=sorted(PARTS), action="append")
    parser.add_argument("--part", choices=sorted(PARTS), help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part:
        PARTS[args.part](args)
        return
    with tempfile.TemporaryDirectory(prefix="mnist-arcade-data-") as folder:
        data = small_mnist_file(Path(folder))
        figures = {part: run_part(part, args, data) for part in args.only or sorted(PARTS)}
    summary(figures, args)


if __name__ == "__main__":
    main()
