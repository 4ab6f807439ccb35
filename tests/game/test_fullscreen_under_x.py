"""F under a real X server with no window manager (Xvfb, as in a kiosk or CI): the window must
cover the screen from its corner, and F again must bring back its size and place.

SDL's dummy driver (every other test) has no screen to be cut off by, so this test starts its
own Xvfb and asks X itself (``xdotool getwindowgeometry``) where the window is. Skipped where
Xvfb or xdotool are not installed.
"""

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")), reason="needs Xvfb and xdotool"
)
SCREEN = (1600, 1000)

# Runs in a fresh interpreter on the X display: pygame there must use the x11 driver.
WINDOW_SCRIPT = textwrap.dedent(
    """
    import subprocess, sys, time
    import pygame
    from mnist_arcade.game.window import Window, _sdl_window

    def settle():
        for _ in range(25):  # let X and SDL trade their configure events
            pygame.event.pump()
            time.sleep(0.02)

    def where():
        settle()
        window = subprocess.run(["xdotool", "search", "--pid", str(__import__("os").getpid())],
                                capture_output=True, text=True).stdout.split()[0]
        lines = subprocess.run(["xdotool", "getwindowgeometry", window],
                               capture_output=True, text=True).stdout.splitlines()
        position = lines[1].split()[1].split(",")
        size = lines[2].split()[1].split("x")
        print(*position, *size, flush=True)

    pygame.init()
    window = Window((1000, 600))
    _sdl_window().position = (300, 200)
    where()
    window.toggle_fullscreen()
    window.present()
    where()
    window.toggle_fullscreen()
    window.present()
    where()
    """
)


@pytest.fixture
def x_display():
    """A fresh Xvfb on a free display number, stopped afterwards."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as chosen:
        number = chosen.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def test_f_covers_the_screen_from_its_corner_and_f_again_brings_back_size_and_place(x_display):
    environment = dict(os.environ, DISPLAY=x_display, SDL_VIDEODRIVER="x11")
    done = subprocess.run(
        [sys.executable, "-c", WINDOW_SCRIPT],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line[:1].isdigit()]
    windowed, fullscreen, back = [tuple(map(int, line.split())) for line in lines]
    assert windowed == (300, 200, 1000, 600)
    assert fullscreen == (0, 0, *SCREEN)  # from the corner: nothing cut off by the edge
    assert back == windowed  # F again: the size and the place it had
