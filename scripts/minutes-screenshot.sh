#!/usr/bin/env bash
# Render the sample customer minutes (written by `cargo test --test minutes`
# to target/tmp, the tests' scratch folder) in headless Chromium: a
# screenshot of the page, and the page printed to PDF the way a browser
# prints by default (no background graphics), turned into PNG pages to
# look at.
#   apt-get install -y chromium poppler-utils && bash scripts/minutes-screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# The test writes the page before it checks its snapshots: a changed page
# can be looked at before its snapshot is accepted.
cargo test -q --test minutes html_minutes_are_one_self_contained_page >/dev/null || true
out="$PWD/target/tmp"
page="file://$out/minutes-sample.html"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chrome() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@" 2>/dev/null
}
chrome --window-size=1000,2400 --screenshot="$out/minutes-sample.png" "$page"
echo "screenshot: target/tmp/minutes-sample.png"
chrome --no-pdf-header-footer --print-to-pdf="$out/minutes-sample.pdf" "$page"
echo "printed: target/tmp/minutes-sample.pdf"
if command -v pdftoppm >/dev/null; then
  rm -f "$out"/minutes-sample-print-*.png
  pdftoppm -png -r 80 "$out/minutes-sample.pdf" "$out/minutes-sample-print"
  echo "printed pages:" "$out"/minutes-sample-print-*.png
fi
