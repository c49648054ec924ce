#!/usr/bin/env bash
# Render the sample minutes (written by `cargo test --test documents` to
# target/tmp, the tests' scratch folder) in headless Chromium: a screenshot
# of the customer's page, and the customer's and the internal page printed
# to PDF, each turned into PNG pages to look at.
# Headless Chromium prints background graphics, which a browser's print
# dialog leaves out by default; so the customer's page is also printed with
# every CSS background removed (the worst case: a browser that also ignores
# print-color-adjust), as "minutes-bare".
#   apt-get install -y chromium poppler-utils && bash scripts/minutes-screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out="$PWD/target/tmp"
rm -f "$out"/minutes-sample.html "$out"/minutes-internal.html
# The test writes the pages before it checks their snapshots, so a changed
# page can be looked at before its snapshot is accepted.
cargo test -q --test documents html_minutes_are_one_self_contained_page >/dev/null || true
for page in minutes-sample minutes-internal; do
  [[ -f "$out/$page.html" ]] || { echo "the test did not write $page.html" >&2; exit 1; }
done
sed 's|</head>|<style>*{background:none !important}</style></head>|' \
  "$out/minutes-sample.html" >"$out/minutes-bare.html"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chrome() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@" 2>/dev/null
}
chrome --window-size=1000,2400 --screenshot="$out/minutes-sample.png" "file://$out/minutes-sample.html"
echo "screenshot: target/tmp/minutes-sample.png"
for page in minutes-sample minutes-internal minutes-bare; do
  chrome --no-pdf-header-footer --print-to-pdf="$out/$page.pdf" "file://$out/$page.html"
  echo "printed: target/tmp/$page.pdf"
  if command -v pdftoppm >/dev/null; then
    rm -f "$out/$page"-print-*.png
    pdftoppm -png -r 80 "$out/$page.pdf" "$out/$page-print"
    echo "  pages:" "$out/$page"-print-*.png
  fi
done
