#!/usr/bin/env python3
"""Every speed figure of issue 16 in one run, each beside its baseline as a
ratio, with its target, so the next change can be judged at a glance.

    cargo build --release && python3 benches/figures.py

What it runs (a few minutes, most of it the saving bench):

- `cargo bench --bench history`: writes 800 weekly records of 50 actions
  each under target/tmp/figures, and times `actions`, `history` and the
  meeting's set-up on them against reading and parsing those files once;
- `run`'s first frame in a pseudo-terminal on that folder against an empty
  one (the release binary, whole process, medians of 5 taken in turn);
- `check` and the first frame on a plan of 20,000 risks and issues with
  10 % warned, against the same plan with none (benches/check_plan.py);
- `cargo bench --bench saving`: the store's CPU per commit at 5,000 items
  against 100, the bytes written over a 3,000-item meeting, the resume of
  a 5,000-item meeting against an empty one (before its first frame, and
  whole);
- `run --resume`'s first frame in a pseudo-terminal on that 5,000-item
  meeting against the empty one (whole process, medians of 5).

Everything generated is removed at the end. A figure is marked `over`
when its ratio passes its target; `-` means there is no target, only a
figure to watch.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import check_plan
from pty_meeting import BINARY, FRAME_DONE, PLAN, ROOT, check_binary, quit_and_wait, read_until

RUNS = 5
SCRATCH = os.path.join(ROOT, "target", "tmp", "figures")


def bench(name, env=None):
    """The `figure` lines of `cargo bench --bench NAME`, its other lines shown."""
    done = subprocess.run(
        ["cargo", "bench", "--quiet", "--bench", name],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"cargo bench --bench {name} failed:\n{done.stderr[-3000:]}")
    rows = []
    for line in done.stdout.splitlines():
        if line.startswith("figure\t"):
            _, what, value, baseline, target = line.split("\t")
            rows.append((what, float(value), float(baseline), target))
        elif line.strip():
            print(f"  {line}")
    return rows


def spawn_in(records, unfinished="--fresh"):
    """`resetpoint run` on the demo plan, recording into `records`."""
    import fcntl
    import pty
    import struct
    import termios

    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(BINARY, [BINARY, "run", PLAN, "--records", records, unfinished])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    return pid, fd


def first_frame_ms(records, unfinished="--fresh"):
    """Spawn to the first full frame; the new meeting's files removed after,
    so every run finds the folder as it was generated."""
    before = set(os.listdir(records))
    started = time.perf_counter()
    pid, fd = spawn_in(records, unfinished)
    shown = read_until(fd, FRAME_DONE, started, timeout=60.0)
    quit_and_wait(pid, fd)
    for name in set(os.listdir(records)) - before:
        os.remove(os.path.join(records, name))
    return (shown - started) * 1000


def first_frames(full, empty, unfinished="--fresh"):
    times = {full: [], empty: []}
    for _ in range(RUNS):
        for records in (full, empty):
            times[records].append(first_frame_ms(records, unfinished))
    return statistics.median(times[full]), statistics.median(times[empty])


def show(rows):
    print()
    print(f"{'figure':<66} {'value':>9} {'baseline':>9} {'ratio':>7} {'target':>7}")
    for what, value, baseline, target in rows:
        ratio = value / baseline if baseline else float("inf")
        mark = "" if target == "-" or ratio <= float(target) else "  over"
        # Small figures (a few microseconds) keep their digits.
        smallest = min(value, baseline)
        places = 1 if smallest >= 1 else 3 if smallest >= 0.01 else 4
        print(f"{what:<66} {value:9.{places}f} {baseline:9.{places}f} {ratio:7.2f} {target:>7}{mark}")
    print("(values in ms, except MB where the figure says so)")


def main():
    check_binary()
    shutil.rmtree(SCRATCH, ignore_errors=True)
    records = os.path.join(SCRATCH, "records")
    empty = os.path.join(SCRATCH, "empty")
    os.makedirs(empty)
    # The check figures' plans and folders go under the scratch folder too.
    tempfile.tempdir = SCRATCH
    rows = []
    try:
        print("history (cargo bench --bench history):")
        rows += bench("history", {"RESETPOINT_KEEP_RECORDS": records})
        print("first frame of run, 800 records against none:")
        full_ms, empty_ms = first_frames(records, empty)
        rows.append(("run, first frame, 800 records x 50 actions, against none", full_ms, empty_ms, "1.5"))
        print("check on 20,000 risks and issues (benches/check_plan.py):")
        for what, value, baseline in check_plan.figures():
            rows.append((f"{what}, against none warned", value, baseline, "1.3"))
        print("saving (cargo bench --bench saving):")
        resume = os.path.join(SCRATCH, "resume")
        rows += bench("saving", {"RESETPOINT_KEEP_RESUME": resume})
        print("first frame of run --resume, 5,000 notes against none:")
        full_ms, empty_ms = first_frames(
            os.path.join(resume, "5000"), os.path.join(resume, "0"), "--resume"
        )
        rows.append(("run --resume, first frame, 5,000 notes, against an empty meeting", full_ms, empty_ms, "2"))
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)
    show(rows)


if __name__ == "__main__":
    sys.exit(main())
