#!/usr/bin/env bash
# Open the lesson (L) in the installed game on a virtual X screen, draw a 7 on the board, and
# save a screenshot of every step in docs/lesson-step-N.png (linked from docs/lesson-plan.md),
# with the kernel lab used as a class would: the outline kernel and one pixel's sum, weights
# clicked, right-clicked and dragged, the learned kernels with a filter switched off (it stays
# off in step 4, and is switched back on in step 5). Then back through every step to step 1,
# and Esc to the board.
# Needs: apt-get install -y xvfb xdotool imagemagick
#   bash tools/take_lesson_screenshots.sh [python]      (default: .venv/bin/python)
#   DISPLAY_NUMBER=:92 LOAD_SECONDS=60 bash tools/take_lesson_screenshots.sh   (another screen; a
#   busy machine: wait longer for the network before drawing)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-.venv/bin/python}
display=${DISPLAY_NUMBER:-:98}
game_args=()
# shellcheck source=tools/xvfb_game.sh
source tools/xvfb_game.sh

sleep "${LOAD_SECONDS:-10}"  # TensorFlow loads in the background (longer on a busy machine)
key l
sleep 1
stroke 90 270  250 270  150 490  # a 7 on the lesson's board (its top left is at 40, 226)
sleep 3
for step in 1 2 3 4 5 6 7 8 9; do
  case $step in
    3)  # the outline kernel, as the step asks, and the sum of one pixel on the 7's top bar
      key 3; sleep 1
      xdotool mousemove --window "$window" 790 362; sleep 1
      shot "lesson-step-3"
      click 579 353; click 579 353                  # a corner weight raised twice
      xdotool mousemove --window "$window" 671 445 click 3  # another lowered
      xdotool mousemove --window "$window" 625 399 mousedown 1  # the middle dragged down
      for y in 402 406 412 420 430; do xdotool mousemove --window "$window" 625 $y; sleep 0.05; done
      xdotool mouseup 1
      xdotool mousemove --window "$window" 790 362; sleep 1
      shot "lesson-step-3-edited"
      key Tab; sleep 0.5                # the network's own kernels
      click 448 593; sleep 2            # learned filter 2 switched off
      shot "lesson-step-3-learned"
      key Tab; sleep 0.5
      ;;
    5) key 2; sleep 2 ;;  # filter 2 back on: the chances of the whole network
    6) key Down; key Down; sleep 0.5 ;;  # conv2's line lit
  esac
  [ "$step" = 3 ] || { sleep 2; shot "lesson-step-$step"; }
  key Right; sleep 0.5
done
for _ in 1 2 3 4 5 6 7 8; do key Left; sleep 0.3; done  # back through every step to step 1
key Escape
sleep 1
echo "lesson screenshots in docs/"
