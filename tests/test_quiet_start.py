"""Launching the game asks SDL for no sound: no ALSA errors on a machine without a sound card.

Each case starts a fresh interpreter on the real entry path (``mnist_arcade.cli.main``) and stops
it the moment pygame is first imported, reporting the audio driver SDL would see then.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# Stops the interpreter at pygame's first import and prints SDL_AUDIODRIVER as it is then.
STOP_AT_PYGAME = """
import os, sys

class StopAtPygame:
    def find_spec(self, name, path=None, target=None):
        if name == "pygame":
            print("driver:", os.environ.get("SDL_AUDIODRIVER", "<unset>"), flush=True)
            os._exit(0)
        return None

sys.meta_path.insert(0, StopAtPygame())
from mnist_arcade.cli import main
main(["play"])
print("pygame never imported", flush=True)
"""


def _driver_seen_by_pygame(audio_driver: str | None) -> str:
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    environment.pop("SDL_AUDIODRIVER", None)
    if audio_driver is not None:
        environment["SDL_AUDIODRIVER"] = audio_driver
    done = subprocess.run(
        [sys.executable, "-c", STOP_AT_PYGAME],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done.stdout.strip()


def test_the_game_asks_for_the_silent_driver_before_pygame_starts():
    assert _driver_seen_by_pygame(None) == "driver: dummy"


@pytest.mark.parametrize("chosen", ["pulseaudio", "alsa"])
def test_a_driver_the_player_chose_is_kept(chosen):
    assert _driver_seen_by_pygame(chosen) == f"driver: {chosen}"
