#!/usr/bin/env python3
"""Print the sample status reports in headless Chromium on Letter and A4 and
check what the report promises on paper: one page, and no word smaller than
7 pt (chart labels and the legend included).

The pages are the ones `cargo test --test documents` writes to target/tmp
(the customer's and the internal report of the demo plan, a meeting held).
Needs Chromium and poppler's pdfinfo and pdftotext:

    apt-get install -y chromium poppler-utils
    python3 scripts/report-print-check.py

Prints pages and the smallest text size for each page and paper; exits 1
when a report prints on more than one page or with text under 7 pt, and 2
when no browser is installed (nothing was checked).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "target", "tmp")
PAGES = ["report-sample", "report-internal"]
PAPERS = ["Letter", "A4"]
SMALLEST_PT = 7.0
# pdftotext's word box is the font's ascent to descent: for the sans-serif
# fonts browsers print with, 1.16 times the font size (8 pt body text
# measures 9.3 pt).
BOX_PER_PT = 1.16
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def smallest_text(pdf):
    """The smallest font size on the pages, in points, and the word set in it."""
    boxes = subprocess.run(
        ["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    smallest = (float("inf"), "")
    for x0, y0, x1, y1, word in WORD.findall(boxes):
        width, height = float(x1) - float(x0), float(y1) - float(y0)
        # A word set upright is as tall as its box; one turned a quarter
        # (the heat map's "impact →" axis) is as thick as its box is wide.
        # One character's box is its font's height whichever way it turns.
        if len(word) == 1:
            size = max(width, height)
        elif height > 2 * width:
            size = width
        else:
            size = height
        smallest = min(smallest, (size / BOX_PER_PT, word))
    return smallest


def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def main():
    browser = chromium()
    if browser is None or not shutil.which("pdftotext"):
        print("not checked: needs chromium and poppler-utils (apt-get install -y chromium poppler-utils)")
        return 2
    # The test writes the pages before it checks their snapshots, so a
    # changed page is printed before its snapshot is accepted.
    for page in PAGES:
        if os.path.exists(os.path.join(OUT, page + ".html")):
            os.remove(os.path.join(OUT, page + ".html"))
    subprocess.run(
        ["cargo", "test", "-q", "--test", "documents", "the_html_report_is_one_self_contained_page"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for page in PAGES:
        if not os.path.exists(os.path.join(OUT, page + ".html")):
            print(f"the test did not write target/tmp/{page}.html")
            return 1
    failed = False
    with tempfile.TemporaryDirectory() as work:
        print(f"{'report':<18}{'paper':<8}{'pages':>6}{'smallest text':>15}  word")
        for page in PAGES:
            html = open(os.path.join(OUT, page + ".html"), encoding="utf-8").read()
            for paper in PAPERS:
                sized = os.path.join(work, f"{page}-{paper}.html")
                with open(sized, "w", encoding="utf-8") as f:
                    f.write(html.replace("</head>", f"<style>@page{{size:{paper}}}</style></head>", 1))
                pdf = os.path.join(OUT, f"{page}-{paper}.pdf")
                subprocess.run(
                    [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                     "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync",
                     f"--user-data-dir={work}/profile", "--no-pdf-header-footer",
                     f"--print-to-pdf={pdf}", "file://" + sized],
                    check=True,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                count = pages(pdf)
                size, word = smallest_text(pdf)
                ok = count == 1 and size >= SMALLEST_PT
                failed |= not ok
                mark = "" if ok else "   <- one page, text of 7 pt or more"
                print(f"{page:<18}{paper:<8}{count:>6}{size:>12.1f} pt  {word!r}{mark}")
    print("PDFs: target/tmp/report-*-Letter.pdf, target/tmp/report-*-A4.pdf")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
