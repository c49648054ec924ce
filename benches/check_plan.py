#!/usr/bin/env python3
"""`check` and `run`'s first frame on a large plan, with and without warnings.

Generates the plan of benches/plan.rs (10,000 risks and 10,000 issues) twice:
once clean, once with 10 % of the items carrying a warning (half of them a
glossary term in a customer-visible title, half no owner). Runs the release
binary on both, whole process, and prints each figure next to its baseline
(the same figure on the clean plan) as a ratio. Target: every ratio within
1.3. Medians of 5 taken in turn, as the machine is shared.

    cargo build --release && python3 benches/check_plan.py

`figures()` returns the rows, so a script covering more of the product can
print them with its own.
"""
import fcntl
import os
import pty
import resource
import statistics
import struct
import subprocess
import tempfile
import termios
import time

from pty_meeting import BINARY, FRAME_DONE, check_binary, quit_and_wait, read_until

RUNS = 5
ITEMS = 10_000


def large_plan(items, warned):
    """The plan text; with `warned`, every tenth item carries a warning."""
    out = [
        '[project]\nname = "Large"\ncustomer = "Acme"\nsponsor = "p0"\n'
        'glossary = { UAT = "acceptance testing" }\n\n'
    ]
    for p in range(50):
        side = "us" if p % 2 == 0 else "customer"
        out.append(f'[[people]]\nid = "p{p}"\nname = "Person {p}"\nside = "{side}"\n\n')
    for m in range(50):
        out.append(
            f'[[milestones]]\nname = "Milestone {m}"\nbaseline = 2026-12-01\n'
            f"forecast = 2026-12-{1 + m % 28:02}\npromised = 2027-01-05\n\n"
        )
    out.append(
        "[financials]\nbudget = 480000\nplanned_value = 240000\n"
        "earned_value = 204000\nactual_cost = 231000\n\n"
    )
    for i in range(items):
        warn = warned and i % 10 == 0
        jargon = " before UAT" if warn else ""
        visible = "true" if warn or i % 3 != 0 else "false"
        out.append(
            f'[[risks]]\nid = "R-{i}"\ntitle = "Risk number {i} about the legacy API{jargon}"\n'
            f"probability = {1 + i % 5}\nimpact = {1 + (i // 5) % 5}\nowner = \"p{i % 50}\"\n"
            f'response = "mitigate"\nplan = "Batch requests overnight"\nvisible = {visible}\n\n'
        )
        owner = "" if warn else f'owner = "p{i % 50}"\n'
        severity = ["low", "medium", "high", "critical"][i % 4]
        out.append(
            f'[[issues]]\nid = "I-{i}"\ntitle = "Issue number {i} in the defect backlog"\n'
            f'{owner}severity = "{severity}"\nstatus = "open"\ndue = 2026-11-28\n\n'
        )
    return "".join(out)


def spawn_plan(plan, records, rows=40, cols=120):
    """Start a fresh meeting of `plan` in a pty; return (pid, pty fd)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(BINARY, [BINARY, "run", plan, "--records", records, "--fresh"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd


def check_ms(plan):
    """Wall time of `resetpoint check PLAN`, whole process."""
    started = time.perf_counter()
    done = subprocess.run([BINARY, "check", plan], capture_output=True)
    took = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise SystemExit(f"check failed on {plan}:\n{done.stdout.decode()[-2000:]}")
    return took


def check_cpu_ms(plan):
    """CPU time of `resetpoint check PLAN`: less shaken by other work on
    the machine than the wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([BINARY, "check", plan], capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return used * 1000


def first_frame_ms(plan):
    """Time from spawn to the first full frame of `resetpoint run PLAN`."""
    records = tempfile.mkdtemp(prefix="resetpoint-bench-")
    started = time.perf_counter()
    pid, fd = spawn_plan(plan, records)
    shown = read_until(fd, FRAME_DONE, started, timeout=30.0)
    quit_and_wait(pid, fd)
    return (shown - started) * 1000


def medians(measure, clean, warned):
    """Medians on both plans, runs taken in turn so that a busy moment of
    the shared machine falls on both alike."""
    times = {clean: [], warned: []}
    for _ in range(RUNS):
        for plan in (clean, warned):
            times[plan].append(measure(plan))
    return statistics.median(times[clean]), statistics.median(times[warned])


def figures():
    """(figure, value in ms, baseline in ms) for the check part."""
    folder = tempfile.mkdtemp(prefix="resetpoint-plans-")
    plans = {}
    for warned in (False, True):
        path = os.path.join(folder, "warned.toml" if warned else "clean.toml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(large_plan(ITEMS, warned))
        plans[warned] = path
    rows = []
    measures = (
        ("check", check_ms),
        ("check, CPU", check_cpu_ms),
        ("run, first frame", first_frame_ms),
    )
    for what, measure in measures:
        clean, warned = medians(measure, plans[False], plans[True])
        rows.append((f"{what}, 20,000 items, 10 % warned", warned, clean))
    return rows


def main():
    check_binary()
    print(f"{'figure':<42} {'ms':>8} {'baseline':>9} {'ratio':>6}")
    for name, value, baseline in figures():
        print(f"{name:<42} {value:8.1f} {baseline:9.1f} {value / baseline:6.2f}")
    print(f"(median of {RUNS}; baseline: the same plan with no warnings; target: ratio within 1.3)")


if __name__ == "__main__":
    main()
