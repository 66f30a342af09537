#!/usr/bin/env bash
# Regenerate the README's screenshots from the real binary:
# tmux drives `balcony`, `capture-pane -e` keeps the colours, aha turns the
# capture into HTML, headless Chromium turns that into a PNG.
#
#   bash scripts/screenshots.sh            # writes docs/screenshots/*.png
#
# Needs tmux, aha and chromium (Debian: apt-get install tmux aha chromium
# fonts-dejavu-core). Works on copies of sessions/examples: nothing in the
# repo's sessions is touched.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in tmux aha chromium; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is needed" >&2; exit 1; }
done
cargo build --release --quiet
bin=$PWD/target/release/balcony
out=$PWD/docs/screenshots
work=$(mktemp -d)
sock=shots-$$-0
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
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
