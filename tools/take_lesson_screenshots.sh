#!/usr/bin/env bash
# Open the lesson (L) in the installed game on a virtual X screen, draw a 7 on the board, and
# save a screenshot of every step in docs/lesson-step-N.png (linked from docs/lesson-plan.md).
# Needs: apt-get install -y xvfb xdotool imagemagick
#   bash tools/take_lesson_screenshots.sh [python]      (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-.venv/bin/python}
display=${XVFB_DISPLAY:-:98}  # another number where :98 is taken
game_args=()
# shellcheck source=tools/xvfb_game.sh
source tools/xvfb_game.sh

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
