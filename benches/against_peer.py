#!/usr/bin/env python3
"""resetpoint against a peer, side by side in pseudo-terminals.

Each round starts `resetpoint run assets/demo.toml` (a fresh meeting) and
the peer, in turn (the order alternates), each in a 120x40 pseudo-terminal
that answers the queries a real terminal answers (cursor position, device
attributes, the background colour), and takes of each:

- first frame: from spawn until the frame is complete on the terminal;
- settled frame: until the welcome screen says what the earlier meetings
  hold (here, that there are none), so nothing more changes on its own;
- peak RSS at the first frame (VmHWM, read from /proc as it is seen);
- quit: from the quit keys until the process has exited;
- CPU for the whole run (user + system, from wait4).

The peer is, in this order: `--vs BINARY` (another resetpoint build, for a
before/after), presenterm when it is on PATH (the strongest terminal
presenter, on a one-slide deck), or a bare `printf` floor (a shell that
draws one line and waits for a key): the least any program can do. Only
the ratios count on a shared machine: each is taken within one round, and
the median of the per-round ratios is printed.

    cargo build --release && python3 benches/against_peer.py [--rounds N] [--vs BINARY]

How a binary's file came into the page cache counts: the same build
copied just now with `cp` peaks at 8.8 MiB, read from disk (or as the
linker wrote it) at 8.3 MiB, and its first frame differs by up to x1.07. With `--vs`, both
builds are copied into one folder first, so they start alike; against
presenterm, empty the page cache first (as root: `sync; echo 3 >
/proc/sys/vm/drop_caches`) so both are read from the disk.
RESETPOINT_BINARY names another build to measure instead of
target/release/resetpoint.
"""
import argparse
import os
import shutil
import statistics
import tempfile
import time

from pty_meeting import PLAN, ROOT, drain, letters, read_marks, spawn_program

BINARY = os.environ.get("RESETPOINT_BINARY") or os.path.join(ROOT, "target", "release", "resetpoint")

DECK = "# Harbour Cranes Upgrade\n\nWhere the project stands.\n"


class Program:
    """How to start one program, see its first frame, and make it quit."""

    def __init__(self, name, argv, frame_done, quit_keys, settled=None):
        self.name, self.argv = name, argv
        self.frame_done, self.quit_keys = frame_done, quit_keys
        # What is drawn once nothing more is read in (the earlier
        # meetings); a program that reads nothing later is settled at once.
        self.settled = settled or frame_done


def resetpoint(binary, name):
    def argv():
        records = tempfile.mkdtemp(prefix="resetpoint-peer-")
        return [binary, "run", PLAN, "--records", records, "--fresh"]
    # The footer is drawn last; "q" asks, "y" leaves the meeting unfinished.
    # With no earlier meeting, the welcome screen says so once they are read.
    return Program(name, argv, b"quit", b"qy", settled=b"No earlier pulse")


def peer(vs):
    if vs:
        return resetpoint(os.path.abspath(vs), f"resetpoint ({vs})")
    presenterm = shutil.which("presenterm")
    if presenterm:
        deck = os.path.join(tempfile.mkdtemp(prefix="resetpoint-peer-"), "deck.md")
        with open(deck, "w") as f:
            f.write(DECK)
        return Program("presenterm", lambda: [presenterm, deck], b"Where the project", b"\x03")
    floor = "printf '\\033[?1049h\\033[2J\\033[Hfloor ready'; read x; printf '\\033[?1049l'"
    return Program("printf floor", lambda: ["/bin/sh", "-c", floor], b"floor ready", b"\n")


def vm_hwm(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def code_mapped(pid, binary):
    """KiB of the program's own code in memory: it grows when the code a
    meeting runs is no longer laid side by side (scripts/meeting-start.py)."""
    resident, in_code = 0, False
    try:
        with open(f"/proc/{pid}/smaps") as f:
            for line in f:
                fields = line.split()
                if "-" in fields[0] and len(fields) >= 5:
                    in_code = fields[1] == "r-xp" and fields[-1] == binary
                elif in_code and fields[0] == "Rss:":
                    resident += int(fields[1])
    except OSError:
        pass
    return resident


def one_run(program):
    started = time.perf_counter()
    argv = program.argv()
    pid, fd = spawn_program(argv)
    marks = [program.frame_done] if program.settled == program.frame_done else [program.frame_done, program.settled]
    # Looked for in the letters drawn: the words of a line are sent apart,
    # with cursor moves over the blanks between them.
    marks = [m.replace(b" ", b"") for m in marks]
    times = read_marks(fd, marks, started, timeout=20.0, shown=letters)
    shown, settled = times[0], times[-1]
    peak = vm_hwm(pid)
    code = code_mapped(pid, os.path.realpath(argv[0]))
    drain(fd, 0.2)
    asked = time.perf_counter()
    os.write(fd, program.quit_keys)
    while True:
        drain(fd, 0.005)
        done, _, usage = os.wait4(pid, os.WNOHANG)
        if done:
            gone = time.perf_counter()
            break
    os.close(fd)
    return {
        "first frame (ms)": (shown - started) * 1000,
        "settled frame (ms)": (settled - started) * 1000,
        "peak RSS at first frame (KiB)": peak,
        "  of it its own code (KiB)": code,
        "quit (ms)": (gone - asked) * 1000,
        "CPU for the whole run (ms)": (usage.ru_utime + usage.ru_stime) * 1000,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--vs", help="another resetpoint binary to compare with")
    args = parser.parse_args()
    if not os.path.exists(BINARY):
        raise SystemExit(f"{BINARY} is missing: run `cargo build --release` first")
    binary, vs = BINARY, args.vs
    if vs:
        # Both written the same way, just now (see above).
        alike = tempfile.mkdtemp(prefix="resetpoint-builds-")
        binary = shutil.copy(BINARY, os.path.join(alike, "resetpoint"))
        vs = shutil.copy(vs, os.path.join(alike, "resetpoint-vs"))
    ours, theirs = resetpoint(binary, "resetpoint"), peer(vs)
    ratios, figures = {}, {ours.name: {}, theirs.name: {}}
    for n in range(args.rounds):
        order = [ours, theirs] if n % 2 == 0 else [theirs, ours]
        got = {p.name: one_run(p) for p in order}
        for key, value in got[ours.name].items():
            for p in (ours, theirs):
                figures[p.name].setdefault(key, []).append(got[p.name][key])
            if got[theirs.name][key]:
                ratios.setdefault(key, []).append(value / got[theirs.name][key])
    print(f"resetpoint against {theirs.name}, {args.rounds} interleaved rounds "
          f"(load average {os.getloadavg()[0]:.1f})")
    print(f"{'figure':32} {'resetpoint':>12} {theirs.name[:14]:>14} {'ratio':>8}")
    for key, values in ratios.items():
        print(f"{key:32} {statistics.median(figures[ours.name][key]):12.1f} "
              f"{statistics.median(figures[theirs.name][key]):14.1f} "
              f"{'x%.2f' % statistics.median(values):>8}")
    print("ratio: median of the per-round ratios, resetpoint / peer")


if __name__ == "__main__":
    main()
