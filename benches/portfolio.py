#!/usr/bin/env python3
"""`resetpoint portfolio` over a generated checkout of many accounts.

Writes PLANS plans (the demo plan, each with its own id) and RECORDS live
meeting records beside each (about 6 KB each: sections, answers, notes,
actions, decisions, risks, sign-offs, buy-in, pulse, follow-ups) under
target/tmp/portfolio-bench, then runs the release binary RUNS times with
`--format json`, printing the median whole-process wall time and the peak
resident memory (from /usr/bin/time -v). The generated folder is removed
at the end unless --keep is given.

    cargo build --release && python3 benches/portfolio.py [PLANS RECORDS] [--keep]
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, "target", "release", "resetpoint")
OUT = os.path.join(ROOT, "target", "tmp", "portfolio-bench")
RUNS = 5

SECTIONS = ["welcome", "followups", "listen", "playback", "status", "financials",
            "raid", "rules", "proposals", "customer_tasks", "review", "pulse"]


def record(project_id, day, agenda, n):
    at = f"{day}T14:{n % 60:02d}:00Z"
    out = [
        "[meeting]",
        'project = "Shipment Tracking Rebuild"',
        f'project_id = "{project_id}"',
        'customer = "Northwind Logistics"',
        'plan = "plan.toml"',
        'plan_sha256 = "' + "0" * 64 + '"',
        f'agenda = "{agenda}"',
        'mode = "live"',
        f'started = "{at}"',
        f'ended = "{day}T15:25:00Z"',
        'attendees = ["sam", "priya", "ola", "marcus"]',
        "current_section = 11",
        f"last_seq = {200 + n}",
        "",
    ]
    for s in SECTIONS:
        out += ["[[sections]]", f'kind = "{s}"', f'title = "The {s} section"',
                "planned_minutes = 5", "seconds = 290", ""]
    order = 0

    def item(table, prefix, kind, section, fields):
        nonlocal order
        order += 1
        out.extend([f"[[{table}]]", f'id = "{prefix}-{n * 100 + order}"', f"order = {order}",
                    f"section = {section}", f'at = "{at}"', f'type = "{kind}"'])
        out.extend(fields)
        out.append("")

    for q in range(6):
        item("answers", "Q", "answer", 2, [f'question = "Question {q}: what is your view?"',
                                           'text = "Reports came late and we heard about the slip from the depot, not from you."'])
    for k in range(8):
        item("notes", "N", "note", 4, ['text = "Marcus wants the risk log weekly, with owners."',
                                       f"private = {'true' if k % 3 == 0 else 'false'}"])
    for k in range(6):
        item("actions", "A", "action", 4, ['title = "Send the revised plan with the new dates"',
                                           'owner = "sam"', f'due = "{day}"', 'side = "us"', 'status = "open"'])
    for k in range(3):
        item("decisions", "D", "decision", 5, ['text = "Weekly written report, Thursdays"'])
    for k in range(2):
        item("risks", "R", "risk", 6, ['title = "Scanner vendor late"', 'owner = "priya"',
                                       f"visible = {'true' if k else 'false'}"])
    item("issues", "I", "issue", 6, ['title = "Test data missing"', 'owner = "marcus"', "visible = true"])
    for k in range(2):
        item("signoffs", "S", "signoff", 7, ['what = "the communication plan"', 'by = "ola"',
                                             'decision = "approved"'])
    for k in range(3):
        item("buy_in", "B", "buy_in", 8, [f'proposal = "Proposal {k}"', 'verdict = "agreed"'])
    for person, score in (("ola", 2 + n % 3), ("marcus", 3), ("lin", 4)):
        item("pulse", "C", "pulse", 11, [f'person = "{person}"', f"confidence = {score}",
                                         'comment = "better, not there yet"'])
    for k in range(4):
        item("followups", "F", "followup", 1, [f'item = "A-{k}"', 'meeting = "2026-01-01-1400-status"',
                                               'status = "done"'])
    return "\n".join(out) + "\n"


def generate(plans, records):
    shutil.rmtree(OUT, ignore_errors=True)
    with open(os.path.join(ROOT, "assets", "demo.toml"), encoding="utf-8") as f:
        demo = f.read()
    for p in range(plans):
        project_id = f"account-{p:04d}"
        folder = os.path.join(OUT, f"region-{p % 10}", project_id)
        os.makedirs(os.path.join(folder, "meetings"))
        plan = re.sub(r'(?m)^id = "shipment-tracking"$', f'id = "{project_id}"', demo)
        with open(os.path.join(folder, "plan.toml"), "w", encoding="utf-8") as f:
            f.write(plan)
        for r in range(records):
            month, day = 1 + r // 2 % 12, 1 + (r * 13) % 28
            date = f"2026-{month:02d}-{day:02d}"
            agenda = "reset-point" if r % 7 == 3 else "status"
            name = f"{date}-14{r % 60:02d}-{agenda}.toml"
            with open(os.path.join(folder, "meetings", name), "w", encoding="utf-8") as f:
                f.write(record(project_id, date, agenda, r))


def run_once():
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", BINARY, "portfolio", OUT, "--format", "json"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    wall = time.perf_counter() - start
    rss = int(re.search(rb"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    cpu = sum(float(re.search(rb"%s time \(seconds\): ([\d.]+)" % k, done.stderr).group(1))
              for k in (b"User", b"System"))
    return wall, rss, cpu, done.stdout


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    plans, records = (int(args[0]), int(args[1])) if len(args) == 2 else (500, 20)
    if not os.path.exists(BINARY):
        sys.exit("build it first: cargo build --release")
    generate(plans, records)
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(OUT) for f in fs)
    print(f"{plans} plans x {records} records, {size / 1e6:.1f} MB, {os.cpu_count()} cores")
    run_once()  # warm the page cache, as a second run of the day would be
    walls, rsss, cpus = [], [], []
    for _ in range(RUNS):
        wall, rss, cpu, out = run_once()
        walls.append(wall)
        rsss.append(rss)
        cpus.append(cpu)
    accounts = out.count(b'"project_id"') or out.count(b'"plan":')
    print(f"rows: {accounts}")
    print(f"wall time, median of {RUNS}: {statistics.median(walls):.3f} s "
          f"(min {min(walls):.3f}, max {max(walls):.3f})")
    print(f"CPU time (user + system), median of {RUNS}: {statistics.median(cpus):.3f} s "
          f"(load average {os.getloadavg()[0]:.1f}: other work on the machine stretches the wall time)")
    print(f"peak RSS: {max(rsss) / 1024:.1f} MiB")
    if "--keep" not in sys.argv:
        shutil.rmtree(OUT, ignore_errors=True)


if __name__ == "__main__":
    main()
