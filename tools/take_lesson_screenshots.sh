#!/usr/bin/env bash
# Open the lesson (L) in the installed game on a virtual X screen, draw a 7 on the board, and
# save a screenshot of every step in docs/lesson-step-N.png (linked from docs/lesson-plan.md).
# Needs: apt-get install -y xvfb xdotool imagemagick
#   bash tools/take_lesson_screenshots.sh [python]      (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-.venv/bin/python}
export DISPLAY=:98 SDL_AUDIODRIVER=dummy MNIST_ARCADE_HOME=$(mktemp -d) MNIST_ARCADE_OFFLINE=1
Xvfb :98 -screen 0 1280x720x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $game $xvfb 2>/dev/null || true' EXIT
sleep 1
"$python" -m mnist_arcade &
game=$!
window=""
for _ in $(seq 50); do
  window=$(xdotool search --pid "$game" 2>/dev/null | head -n 1) && [ -n "$window" ] && break
  sleep 0.2
done
xdotool windowfocus --sync "$window" 2>/dev/null || true
shot() { import -window root "docs/$1.png"; echo "docs/$1.png"; }
key() { xdotool key --window "$window" "$@"; }
stroke() {  # stroke x0 y0 x1 y1 ... in window coordinates
  xdotool mousemove --window "$window" "$1" "$2" mousedown 1
  shift 2
  while [ $# -gt 0 ]; do
    xdotool mousemove --window "$window" "$1" "$2"; sleep 0.02; shift 2
  done
  xdotool mouseup 1
}

sleep 10  # TensorFlow loads in the background
key l
sleep 1
stroke 90 270  250 270  150 490  # a 7 on the lesson's board (its top left is at 40, 226)
sleep 3
for step in 1 2 3 4 5 6 7 8 9; do
  [ "$step" = 3 ] && { key 2; sleep 1; }  # the outline kernel, as the step asks
  sleep 2
  shot "lesson-step-$step"
  key Right
done
key Escape
echo "lesson screenshots in docs/"
