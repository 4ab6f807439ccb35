#!/usr/bin/env bash
# The game in Chinese on a virtual X screen (LANG=zh_CN.UTF-8, no --lang: the locale decides),
# played with the mouse and keys, screenshots saved in docs/zh/: the board, a card, help, the
# switch key flipping to English and back, training, the challenge and a lesson step.
# Needs: apt-get install -y xvfb xdotool imagemagick
#   bash tools/take_zh_screenshots.sh [python] [display]     (about two minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-.venv/bin/python}
display=${2:-:98}
data=${MNIST_DATA:-../shared/data/mnist/mnist.npz}
game_args=(--data "$data")
export LANG=zh_CN.UTF-8 LC_ALL= LC_MESSAGES=
mkdir -p docs/zh
# shellcheck source=tools/xvfb_game.sh
source tools/xvfb_game.sh
three() {  # a 3, drawn the way a player would: two bumps (board at 40,84)
  stroke 130 130  170 110  220 115  250 150  240 190  200 220  170 225
  stroke 200 222  245 245  260 290  240 330  190 345  140 330
}

sleep 100  # TensorFlow loads in the background (slowly on a busy machine)
three
key p
sleep 3
shot zh/01-board
click 520 280  # a conv1 map: its card
sleep 2.5
shot zh/02-card
key Escape
key h
sleep 0.5
shot zh/03-help
key h
key y  # the switch key: English at once ...
sleep 0.7
shot zh/04-switched-to-english
key y  # ... and back
sleep 0.7
shot zh/05-switched-back

key t  # the training screen; 1: the tutorial's run
sleep 1
key 1
sleep 18
shot zh/06-training
key Escape
sleep 1

key g  # the challenge: a round under way
sleep 4
stroke 100 160  280 160  160 380
sleep 1.5
shot zh/07-challenge
key Escape
sleep 0.5

key l  # the lesson, step 3 (convolution) and step 4 (pooling)
sleep 1
key Right
key Right
sleep 2
shot zh/08-lesson-convolution
key Right
sleep 2
shot zh/09-lesson-pooling
key Escape
