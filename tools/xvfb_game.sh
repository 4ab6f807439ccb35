# Sourced by the screenshot scripts: start a virtual X screen and the game on it, and define
# shot, key, click and stroke. Set display (e.g. :99) and python first; extra arguments for
# the game go in game_args. Needs: apt-get install -y xvfb xdotool imagemagick
export DISPLAY=$display SDL_AUDIODRIVER=dummy MNIST_ARCADE_HOME=$(mktemp -d) MNIST_ARCADE_OFFLINE=1
Xvfb "$display" -screen 0 1280x720x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $game $xvfb 2>/dev/null || true' EXIT
sleep 1
"$python" -m mnist_arcade "${game_args[@]}" &
game=$!
window=""
for _ in $(seq 50); do  # SDL's UTF-8 window names escape `search --name`: find it by its pid
  window=$(xdotool search --pid "$game" 2>/dev/null | head -n 1) && [ -n "$window" ] && break
  sleep 0.2
done
xdotool windowfocus --sync "$window" 2>/dev/null || true
shot() { import -window root "docs/$1.png"; echo "docs/$1.png"; }
key() {  # focus first: a key sent to a window without focus can be lost
  xdotool windowfocus --sync "$window" 2>/dev/null || true
  xdotool key --window "$window" "$@"
}
click() { xdotool mousemove --window "$window" "$1" "$2" click 1; }
stroke() {  # stroke x0 y0 x1 y1 ... in window coordinates
  xdotool mousemove --window "$window" "$1" "$2" mousedown 1
  shift 2
  while [ $# -gt 0 ]; do
    xdotool mousemove --window "$window" "$1" "$2"; sleep 0.02; shift 2
  done
  xdotool mouseup 1
}
wait_for_colour() {  # wait_for_colour WxH+X+Y R,G,B [seconds]: until about that colour shows
  for _ in $(seq $((${3:-120} * 2))); do  # (a busy machine loads TensorFlow in 8 s or in 80)
    import -window root -crop "$1" -depth 8 txt:- 2>/dev/null | awk -F'[()]' -v want="$2" '
      BEGIN { split(want, w, ",") }
      NR > 1 && !found { split($2, c, ","); d = 0  # (read to the end: an early exit would
               for (i = 1; i <= 3; i++) d += (c[i] > w[i] ? c[i] - w[i] : w[i] - c[i])
               if (d < 24) found = 1 }  # fail the pipe under pipefail)
      END { exit !found }' && return 0
    sleep 0.5
  done
  echo "waited ${3:-120} s for $2 at $1" >&2
}
