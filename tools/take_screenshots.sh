#!/usr/bin/env bash
# Launch the installed game on a virtual X screen, play it with the mouse and keys the way a
# player would, and save screenshots in docs/. Needs: apt-get install -y xvfb xdotool imagemagick
#   bash tools/take_screenshots.sh [python]      (default: .venv/bin/python)
# Takes about four minutes (a challenge game runs its six rounds, the network learns six digits).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-.venv/bin/python}
data=${MNIST_DATA:-../shared/data/mnist/mnist.npz}
display=${DISPLAY_NUMBER:-:99}  # another number where :99 is taken
game_args=(--data "$data")
# shellcheck source=tools/xvfb_game.sh
source tools/xvfb_game.sh
three() {  # a 3, drawn the way a player would: two bumps (board at 40,84)
  stroke 130 130  170 110  220 115  250 150  240 190  200 220  170 225
  stroke 200 222  245 245  260 290  240 330  190 345  140 330
}

sleep 1.5
shot 01-board-loading
wait_for_colour 300x30+40+390 110,214,140 180  # TensorFlow loads in the background: "Network ready"
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
wait_for_colour 480x140+110+240 255,196,61 300  # the first epoch's dot on the accuracy chart
sleep 8
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
sleep 90  # five epochs, then the question: use the taught model?
shot 12-teaching
key Escape  # keep the old one: the screenshots' model stays the shipped one
echo "screenshots in docs/"
