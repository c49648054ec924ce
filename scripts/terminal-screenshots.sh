#!/usr/bin/env bash
# Screenshots of every section of the demo meeting in a real xterm, on a
# white and on a black background (and on a white one that does not say), at 120×40 and 80×24, presenting and in the
# private view, plus a grey-scale copy of each (a washed-out projector).
# resetpoint finds the background itself (COLORFGBG is cleared, so it asks
# xterm with OSC 11). The PNGs go to target/tmp/screens/ to look at.
#   apt-get install -y xterm xvfb x11-apps xdotool imagemagick fonts-dejavu-core
#   bash scripts/terminal-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
out="$PWD/target/tmp/screens"
rm -rf "$out"
mkdir -p "$out"
records=$(mktemp -d)

display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1920x1200x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
cleanup() {
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$records"
}
trap cleanup EXIT
export DISPLAY="$display"
unset COLORFGBG NO_COLOR
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

# The window's picture, once it has stopped changing (the frame is drawn).
shoot() {
  local window=$1 name=$2 last="" now
  for _ in $(seq 30); do
    sleep 0.15
    now=$(xwd -silent -id "$window" | md5sum)
    [ "$now" = "$last" ] && break
    last=$now
  done
  xwd -silent -id "$window" | convert xwd:- "$out/$name.png"
  convert "$out/$name.png" -colorspace Gray "$out/$name-grey.png"
}

# Keys go through XTEST to the focused window: xterm drops synthetic key
# events, and allowing them (allowSendEvents) would also stop it answering
# the background query.
key() {
  xdotool windowfocus --sync "$1" 2>/dev/null || true
  xdotool key "$2" 2>/dev/null
}

# "silent": a white xterm that does not answer colour queries, so resetpoint
# falls back to the colours that read on any background.
for background in light dark silent; do
  case $background in
    light) colours=(-bg white -fg black) ;;
    dark) colours=(-bg black -fg white) ;;
    silent) colours=(-bg white -fg black -xrm "XTerm*allowColorOps: false") ;;
  esac
  for size in 120x40 80x24; do
    title="resetpoint-$background-$size"
    xterm "${colours[@]}" -fa "DejaVu Sans Mono" -fs 10 -geometry "$size" -title "$title" \
      -e env TERM=xterm-256color target/release/resetpoint demo --records "$records/$background-$size" &
    terminal=$!
    window=$(xdotool search --sync --name "$title" | head -1)
    # The footer's "quit" shows when the first frame is complete.
    shoot "$window" "$background-$size-00-presenting"
    for n in $(seq -w 1 10); do
      key "$window" Right
      shoot "$window" "$background-$size-$n-presenting"
    done
    key "$window" p
    shoot "$window" "$background-$size-10-private"
    for n in 09 08 07 06 05 04 03 02 01 00; do
      key "$window" Left
      shoot "$window" "$background-$size-$n-private"
    done
    key "$window" question
    shoot "$window" "$background-$size-help"
    key "$window" Escape
    key "$window" g
    shoot "$window" "$background-$size-agenda"
    key "$window" Escape
    key "$window" q
    key "$window" y
    wait "$terminal" || true
  done
done
ls "$out" | wc -l | xargs echo "screenshots in target/tmp/screens:"
