#!/usr/bin/env bash
# Regenerate the README's screenshots from the real binary:
# tmux drives `balcony`, `capture-pane -e` keeps the colours, aha turns the
# capture into HTML, headless Chromium turns that into a PNG.
#
#   bash scripts/screenshots.sh            # writes docs/screenshots/*.png
#   bash scripts/screenshots.sh xterm      # only the shots in a real xterm
#
# Needs tmux, aha and chromium (Debian: apt-get install tmux aha chromium
# fonts-dejavu-core); the xterm shots need xterm, Xvfb, xdotool and
# ImageMagick (apt-get install xterm xvfb xdotool x11-apps imagemagick).
# Works on copies of sessions/examples: nothing in the repo's sessions is
# touched.
set -euo pipefail
cd "$(dirname "$0")/.."
only=${1:-all}
tools="tmux aha chromium xterm Xvfb xdotool xwd convert"
[[ $only == xterm ]] && tools="xterm Xvfb xdotool xwd convert"
for tool in $tools; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is needed" >&2; exit 1; }
done
cargo build --release --quiet
bin=$PWD/target/release/balcony
out=$PWD/docs/screenshots
work=$(mktemp -d)
sock=shots-$$-0
xvfb=
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; [[ -n $xvfb ]] && kill "$xvfb" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$out" "$work/sessions" "$work/chrome"
cp sessions/examples/*.ron "$work/sessions/"
cols=110 rows=32

# Wait until the pane shows TEXT, for at most ten seconds.
wait_for() {
  local deadline=$((SECONDS + 10))
  until tmux -L "$sock" capture-pane -p -t shot | grep -qF -- "$1"; do
    if ((SECONDS > deadline)); then
      echo "screenshots: timed out waiting for '$1'; the pane was:" >&2
      tmux -L "$sock" capture-pane -p -t shot >&2
      exit 1
    fi
    sleep 0.1
  done
}

# Each shot gets a server of its own: reusing one while it shuts down races.
start() {
  tmux -L "$sock" kill-server 2>/dev/null || true
  # The last shot's balcony lets go of its session's lock as it exits: a
  # new one started before that would find the session open elsewhere.
  local deadline=$((SECONDS + 10))
  while pgrep -f -- "^$bin" >/dev/null && ((SECONDS <= deadline)); do sleep 0.1; done
  sock=shots-$$-$((${sock##*-} + 1))
  tmux -L "$sock" -f /dev/null new-session -d -s shot -x "$cols" -y "$rows" \
    "cd '$work' && BALCONY_SESSIONS='$work/sessions' HOME='$work' TERM=xterm-256color $*"
  tmux -L "$sock" set -g status off
}

keys() { tmux -L "$sock" send-keys -t shot "$@"; }

shot() {
  local name=$1
  tmux -L "$sock" capture-pane -e -p -t shot >"$work/$name.ans"
  # aha draws reverse video on its black page as white on white, and the
  # 256-colour grey as no colour: the sed lines below mend both.
  aha --black --title "balcony: $name" <"$work/$name.ans" |
    sed -e 's#<pre>#<pre style="font: 15px/1.0 \x27DejaVu Sans Mono\x27, monospace; margin: 8px">#' \
      -e 's#style="background-color:white;"#style="background-color:white;color:black;"#g' \
      -e 's#color:\#;background-color:white;#color:black;background-color:white;#g' \
      -e 's#color:\#;#color:\#c0c0c0;#g' \
      >"$work/$name.html"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$work/chrome" \
    --window-size=1030,560 --screenshot="$out/$name.png" "file://$work/$name.html" \
    >/dev/null 2>&1
  echo "wrote docs/screenshots/$name.png"
}

example=$(ls "$work"/sessions/*northline*.ron)

# The same screens in a real xterm under Xvfb, once black on white and once
# white on black: balcony asks xterm for its background and draws the light
# or the dark theme. xterm logs what it is sent, and the log is waited on.
xterm_shots() {
  local display=:$((80 + $$ % 19)) profile fg bg
  Xvfb "$display" -screen 0 1200x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  export DISPLAY=$display
  local deadline=$((SECONDS + 10))
  until xdotool getdisplaygeometry >/dev/null 2>&1; do
    ((SECONDS > deadline)) && { echo "screenshots: Xvfb did not start" >&2; exit 1; }
    sleep 0.1
  done
  for profile in light dark; do
    if [[ $profile == light ]]; then fg=black bg=white; else fg=white bg=black; fi
    # Each profile opens the example as it was (the app saves where it is).
    cp sessions/examples/*.ron "$work/sessions/"
    xterm_open "$fg" "$bg" "$bin"
    xterm_wait "Review past"
    xterm_shot "xterm-$profile-start"
    xterm_close
    xterm_open "$fg" "$bg" "$bin open '$example'"
    xterm_wait "checkpoint"
    xterm_keys p p
    xterm_wait "The questions we avoid"
    xterm_shot "xterm-$profile-checkpoint"
    xterm_keys question
    xterm_wait "Keys"
    xterm_shot "xterm-$profile-help"
    xterm_keys question v
    xterm_wait "tension 5"
    xterm_shot "xterm-$profile-projector"
    xterm_close
  done
}

xterm_open() {
  local fg=$1 bg=$2 cmd=$3
  rm -f "$work/xterm.log"
  mark=0
  xterm -geometry "${cols}x$rows+0+0" -fa "DejaVu Sans Mono" -fs 11 -fg "$fg" -bg "$bg" \
    -tn xterm-256color -T balcony-shot -l -lf "$work/xterm.log" \
    -e sh -c "cd '$work' && BALCONY_SESSIONS='$work/sessions' HOME='$work' LANG=C.UTF-8 $cmd" &
  xterm_pid=$!
  wid=$(xdotool search --sync --pid "$xterm_pid" | head -n 1)
  # No window manager: the keyboard follows the pointer, which must enter
  # this window anew.
  xdotool mousemove 1100 700 mousemove --window "$wid" 20 20
}

# Wait until xterm has been sent TEXT since the last keys, for at most ten
# seconds.
xterm_wait() {
  local deadline=$((SECONDS + 10))
  until tail -c +$((mark + 1)) "$work/xterm.log" 2>/dev/null | grep -qaF -- "$1"; do
    if ((SECONDS > deadline)); then
      echo "screenshots: xterm never showed '$1'" >&2
      exit 1
    fi
    sleep 0.1
  done
  # The frame that carries TEXT is written in one go; give xterm a moment
  # to paint it.
  sleep 0.3
}

xterm_keys() {
  mark=$(stat -c %s "$work/xterm.log")
  xdotool key --delay 150 "$@"
}

xterm_shot() {
  xwd -silent -id "$wid" | convert xwd:- "$out/$1.png"
  echo "wrote docs/screenshots/$1.png"
}

xterm_close() {
  xdotool key ctrl+c
  wait "$xterm_pid" 2>/dev/null || true
}

if [[ $only == xterm ]]; then
  xterm_shots
  exit 0
fi

start "$bin"
wait_for "New session"
shot start

start "$bin new --title 'Q3 customer first' --facilitator Ana"
wait_for "BALCONY"
shot balcony

start "$bin open '$example'"
wait_for "Northline"
wait_for "checkpoint 6/12"
keys p; wait_for "checkpoint 5/12"
keys p; wait_for "DANCE FLOOR · The questions we avoid"
shot dance-floor

keys +; wait_for "tactic"
shot tension

# Esc then v at once reads as Alt-v: wait for the picker to close first.
keys Escape; wait_for "g gadfly"
keys v; wait_for "tension 5"
shot projector

# The wall: the values checkpoint's polarity map, and the work given back.
# The projector shot above left the session at checkpoint 4.
start "$bin open '$example'"
wait_for "checkpoint 4/12"
keys n; wait_for "checkpoint 5/12"
keys n; wait_for "checkpoint 6/12"
keys v; wait_for "COMPETING VALUES"
shot wall-polarity

start "$bin open '$(ls "$work"/sessions/*harbour-hale*.ron)'"
wait_for "checkpoint 12/12"
keys p; wait_for "checkpoint 11/12"
keys p; wait_for "checkpoint 10/12"
keys v; wait_for "COMMITMENTS"
shot wall-commitments

start "$bin review '$work/sessions'"
wait_for "Northline"
keys Down Down; wait_for "▶   2026-11-10"
shot review
keys Enter; wait_for "Tension"
shot review-session

xterm_shots
