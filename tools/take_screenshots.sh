#!/usr/bin/env bash
# Launch the installed game on a virtual X screen, draw a digit with the mouse, press P and T,
# and save screenshots in docs/. Needs: apt-get install -y xvfb xdotool imagemagick
#   bash tools/take_screenshots.sh [python]      (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-.venv/bin/python}
export DISPLAY=:99 SDL_AUDIODRIVER=dummy MNIST_ARCADE_HOME=$(mktemp -d)
Xvfb :99 -screen 0 1280x720x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $game $xvfb 2>/dev/null || true' EXIT
sleep 1
"$python" -m mnist_arcade --data "${MNIST_DATA:-../shared/data/mnist/mnist.npz}" &
game=$!
window=""
for _ in $(seq 50); do
  window=$(xdotool search --pid "$game" 2>/dev/null | head -n 1) && [ -n "$window" ] && break
  sleep 0.2
done
xdotool windowfocus --sync "$window" 2>/dev/null || true
sleep 9  # TensorFlow loads in the background
import -window root docs/01-board-loading.png 2>/dev/null || true

stroke() {  # stroke x0 y0 x1 y1 ... in window coordinates
  xdotool mousemove --window "$window" "$1" "$2" mousedown 1
  shift 2
  while [ $# -gt 0 ]; do
    xdotool mousemove --window "$window" "$1" "$2"; sleep 0.02; shift 2
  done
  xdotool mouseup 1
}
# A 3, drawn the way a player would: two bumps.
stroke 130 130  170 110  220 115  250 150  240 190  200 220  170 225
stroke 200 222  245 245  260 290  240 330  190 345  140 330
xdotool key --window "$window" p
sleep 0.6
import -window root docs/02-prediction-animating.png
sleep 2
import -window root docs/03-prediction.png
xdotool key --window "$window" t
sleep 14
import -window root docs/04-training.png
xdotool key --window "$window" Escape
sleep 1
xdotool key --window "$window" p
sleep 2.5
import -window root docs/05-after-training.png
echo "screenshots in docs/"
