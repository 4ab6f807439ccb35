#!/usr/bin/env bash
# Launch the installed game on a virtual X screen, play it with the mouse and keys the way a
# player would, and save screenshots in docs/. Needs: apt-get install -y xvfb xdotool imagemagick
#   bash tools/take_screenshots.sh [python]      (default: .venv/bin/python)
# Takes about four minutes (a challenge game runs its six rounds, the network learns six digits).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-.venv/bin/python}
export DISPLAY=:99 SDL_AUDIODRIVER=dummy MNIST_ARCADE_HOME=$(mktemp -d) MNIST_ARCADE_OFFLINE=1
data=${MNIST_DATA:-../shared/data/mnist/mnist.npz}
Xvfb :99 -screen 0 1280x720x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $game $xvfb 2>/dev/null || true' EXIT
sleep 1
"$python" -m mnist_arcade --data "$data" &
game=$!
window=""
for _ in $(seq 50); do
  window=$(xdotool search --pid "$game" 2>/dev/null | head -n 1) && [ -n "$window" ] && break
  sleep 0.2
done
xdotool windowfocus --sync "$window" 2>/dev/null || true
shot() { import -window root "docs/$1.png"; echo "docs/$1.png"; }
key() { xdotool key --window "$window" "$@"; }
click() { xdotool mousemove --window "$window" "$1" "$2" click 1; }
stroke() {  # stroke x0 y0 x1 y1 ... in window coordinates
  xdotool mousemove --window "$window" "$1" "$2" mousedown 1
  shift 2
  while [ $# -gt 0 ]; do
    xdotool mousemove --window "$window" "$1" "$2"; sleep 0.02; shift 2
  done
  xdotool mouseup 1
}
three() {  # a 3, drawn the way a player would: two bumps (board at 40,84)
  stroke 130 130  170 110  220 115  250 150  240 190  200 220  170 225
  stroke 200 222  245 245  260 290  240 330  190 345  140 330
}

sleep 1.5
shot 01-board-loading
sleep 8  # TensorFlow loads in the background
three
key p
sleep 0.7
shot 02-prediction-animating
sleep 2.5
shot 03-prediction
xdotool mousemove --window "$window" 520 280  # hover a conv1 map
sleep 0.5
click 520 280  # ... and open its card
sleep 2.5
shot 07-detail-card
key Escape
key w  # why a 3?
sleep 1.5
shot 08-why
key m
sleep 1
shot 06-plain-resize
key m
key h
sleep 0.5
shot 13-help
key h

key e  # the evaluation screen; click the 9s read as 4
sleep 6
click 314 604
sleep 0.5
shot 09-evaluation
key Escape

key t  # the training screen opens; 1 starts the seed preset, the tutorial's run
sleep 1
key 1
sleep 16
shot 04-training
sleep 12
key b

key g  # a challenge game: draw a 7 every round (right once in a while), let the clock run
sleep 1
for round in 1 2 3 4 5 6; do
  sleep 3.5  # the 3-2-1 before the round
  stroke 100 160  280 160  160 380
  [ "$round" = 1 ] && { sleep 1; shot 10-challenge; }
  sleep 22.5  # to the end of the round (20 s), past the result shown between rounds
done
sleep 1
shot 11-challenge-summary
key Escape

for x in 120 150 180 210 240 270; do  # teach it six 4s drawn like an "h" (it reads 6s), then K
  key c
  stroke $((x - 50)) 110  $((x - 50)) 370
  stroke $((x - 50)) 260  $((x - 20)) 225  $((x + 20)) 230  $((x + 40)) 270  $((x + 40)) 370
  sleep 0.5
  key p
  sleep 0.5
  key 4
done
key k
sleep 20
shot 12-teaching
key Escape
echo "screenshots in docs/"
