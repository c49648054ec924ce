#!/usr/bin/env bash
# Render the sample status report (written by `cargo test --test documents` to
# target/tmp) in headless Chromium: a screenshot of the customer's page, and
# the customer's and the internal page printed to PDF, each turned into PNG
# pages to look at. "report-bare" is the customer's page with every CSS
# background removed, as a browser printing without background graphics.
#   apt-get install -y chromium poppler-utils && bash scripts/report-screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out="$PWD/target/tmp"
rm -f "$out"/report-sample.html "$out"/report-internal.html
# The test writes the pages before it checks their snapshots.
cargo test -q --test documents the_html_report_is_one_self_contained_page >/dev/null || true
for page in report-sample report-internal; do
  [[ -f "$out/$page.html" ]] || { echo "the test did not write $page.html" >&2; exit 1; }
done
sed 's|</head>|<style>*{background:none !important}</style></head>|' \
  "$out/report-sample.html" >"$out/report-bare.html"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chrome() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@" 2>/dev/null
}
chrome --window-size=1000,2600 --screenshot="$out/report-sample.png" "file://$out/report-sample.html"
echo "screenshot: target/tmp/report-sample.png"
for page in report-sample report-internal report-bare; do
  chrome --no-pdf-header-footer --print-to-pdf="$out/$page.pdf" "file://$out/$page.html"
  echo "printed: target/tmp/$page.pdf"
  if command -v pdftoppm >/dev/null; then
    rm -f "$out/$page"-print-*.png
    pdftoppm -png -r 80 "$out/$page.pdf" "$out/$page-print"
    echo "  pages:" "$out/$page"-print-*.png
  fi
done
