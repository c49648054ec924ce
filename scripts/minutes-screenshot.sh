#!/usr/bin/env bash
# Render the sample customer minutes (written by `cargo test --test minutes`
# to target/tmp, the tests' scratch folder)
# in headless Chromium and save a screenshot to look at.
#   apt-get install -y chromium && bash scripts/minutes-screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test -q --test minutes html_minutes_are_one_self_contained_page >/dev/null
profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --window-size=1000,2400 \
  --screenshot="$PWD/target/tmp/minutes-sample.png" "file://$PWD/target/tmp/minutes-sample.html" 2>/dev/null
rm -rf "$profile"
echo "screenshot: target/tmp/minutes-sample.png"
