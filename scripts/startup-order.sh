#!/usr/bin/env bash
# Regenerate link/startup.order: the functions balcony runs to draw its start
# screen, which release builds place side by side at the front of the code
# (build.rs), so that start-up touches fewer pages of it (BENCHMARKS.md).
#
#   bash scripts/startup-order.sh BINARY...
#
# Give it the binary `cargo build --release` makes and the one `cargo bench`
# makes (target/release/balcony after each): their symbol names differ by a
# hash, and the list holds both. A list gone stale (another compiler, another
# set of dependencies, which changes every hash, renamed code) costs only the
# ordering, never the build. Needs valgrind and tmux.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 1 ]] || { echo "usage: $0 BINARY..." >&2; exit 2; }
for tool in valgrind tmux nm; do
  command -v "$tool" >/dev/null || { echo "startup-order: $tool is needed" >&2; exit 1; }
done
work=$(mktemp -d)
sock=order-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
: > "$work/names"
n=0
for bin in "$@"; do
  n=$((n + 1))
  cp "$bin" "$work/balcony-$n"
  mkdir -p "$work/home-$n" "$work/sessions-$n"
  tmux -L "$sock" new-session -d -x 100 -y 30 -s "run$n" \
    "env HOME=$work/home-$n BALCONY_SESSIONS=$work/sessions-$n valgrind --tool=callgrind \
     --demangle=no --callgrind-out-file=$work/cg-$n $work/balcony-$n"
  # Under valgrind the first frame takes a few seconds: wait for its key bar.
  for _ in $(seq 600); do
    tmux -L "$sock" capture-pane -p -t "run$n" | grep -q 'Ctrl-C quit' && break
    sleep 0.1
  done
  tmux -L "$sock" send-keys -t "run$n" C-c
  for _ in $(seq 600); do
    [[ -s $work/cg-$n ]] && ! tmux -L "$sock" has-session -t "run$n" 2>/dev/null && break
    sleep 0.1
  done
  [[ -s $work/cg-$n ]] || { echo "startup-order: no profile from $bin" >&2; exit 1; }
  # Every function callgrind saw, kept if it is one of the binary's own.
  nm "$bin" | awk '$2 ~ /^[tT]$/ {print $3}' | sort -u > "$work/text-$n"
  grep -E '^c?fn=\([0-9]+\) ' "$work/cg-$n" | sed -E 's/^c?fn=\([0-9]+\) //' | sort -u \
    | comm -12 - "$work/text-$n" >> "$work/names"
done
sort -u "$work/names" > link/startup.order
echo "startup-order: $(wc -l < link/startup.order) functions in link/startup.order"
