#!/usr/bin/env python3
"""A kill in the milliseconds after Enter or Esc never loses the note.

Each run starts `resetpoint notes` in a pseudo-terminal on a folder of its
own, opens a note, types three words with a marker of its own, waits half a
second, presses Enter (half the runs) or Esc (the other half), and sends
SIGKILL after a random 0-3 ms (Enter) or 0-15 ms (Esc). Then `notes
--resume` is started on the same folder, as a PM would, and ended with
SIGTERM, which saves the meeting as it came back. The note is kept when it
is on that screen or anywhere in that record: captured, left unsent, or
still in its field. A run's folder is removed when its note was kept and
left for a look when it was lost.

    cargo build --release && python3 benches/kill_after_close.py [BINARY] [--runs N]

Exits 1 when any note was lost.
"""
import argparse
import os
import random
import select
import shutil
import signal
import sys
import tempfile
import time
import tomllib

from pty_meeting import FRAME_DONE, ROOT, drain, read_until, spawn_program

# The key that closes the note, and the longest wait before the kill.
CLOSES = {"Enter": (b"\r", 0.003), "Esc": (b"\x1b", 0.015)}
# Colours named up front, so the program sends the terminal no query.
TERMINAL = {"COLORFGBG": "0;15"}


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", nargs="?", default=os.path.join(ROOT, "target/release/resetpoint"))
    parser.add_argument("--runs", type=int, default=120, help="half close with Enter, half with Esc")
    return parser.parse_args()


def start(binary, records, how):
    """`notes` on `records`, `how` being --fresh or --resume."""
    argv = [binary, "notes", "Call", "--customer", "Acme", "--records", records, how]
    return spawn_program(argv, rows=24, cols=80, environment=TERMINAL)


def wait_for_journal(fd, records, timeout=10.0):
    deadline = time.monotonic() + timeout
    while not any(name.endswith(".journal") for name in os.listdir(records)):
        if time.monotonic() > deadline:
            raise SystemExit(f"no journal in {records} within {timeout:.0f} s")
        drain(fd, 0.02)


def shown_after_resume(fd, marker):
    """Whether the resumed meeting draws `marker`: read its first frame, then
    up to a second more for what it brought back."""
    seen = b""
    deadline = time.monotonic() + 10.0
    while time.monotonic() < deadline:
        if marker in seen:
            return True
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            if FRAME_DONE not in seen and FRAME_DONE in seen + chunk:
                deadline = time.monotonic() + 1.0
            seen = (seen + chunk)[-200_000:]
    return marker in seen


def end(pid, fd, timeout=10.0):
    """SIGTERM, which saves the record, then wait for the program to leave."""
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while not os.waitpid(pid, os.WNOHANG)[0]:
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            print(f"  the resumed meeting did not end within {timeout:.0f} s of SIGTERM")
            break
        drain(fd, 0.05)
    os.close(fd)


def texts(value):
    """Every string in a parsed record: notes, drafts, unsent, items."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from texts(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from texts(inner)


def in_record(records, marker):
    """Whether the record (the .toml beside the journal and the lock) holds the marker."""
    for name in os.listdir(records):
        if name.endswith(".toml"):
            with open(os.path.join(records, name), "rb") as f:
                try:
                    record = tomllib.load(f)
                except (UnicodeDecodeError, tomllib.TOMLDecodeError):
                    return False
            return any(marker in text for text in texts(record))
    return False


def one_run(binary, n, key, most):
    """Close a note with `key` and kill within `most` seconds; return (kept, delay, folder)."""
    records = tempfile.mkdtemp(prefix="resetpoint-kill-")
    pid, fd = start(binary, records, "--fresh")
    read_until(fd, FRAME_DONE, time.perf_counter())
    wait_for_journal(fd, records)
    marker = f"run{n}x"
    os.write(fd, b"n")
    drain(fd, 0.1)
    os.write(fd, f"Grüße {marker} 日本".encode())
    drain(fd, 0.5)
    wait = random.uniform(0, most)
    os.write(fd, key)
    pressed = time.perf_counter()
    while time.perf_counter() - pressed < wait:
        pass  # a sleep this short overshoots by milliseconds on a busy machine
    os.kill(pid, signal.SIGKILL)
    delay = time.perf_counter() - pressed
    os.waitpid(pid, 0)
    os.close(fd)

    pid, fd = start(binary, records, "--resume")
    on_screen = shown_after_resume(fd, marker.encode())
    end(pid, fd)
    kept = on_screen or in_record(records, marker)
    if kept:
        shutil.rmtree(records)
    return kept, delay, records


def main():
    options = arguments()
    if not os.path.exists(options.binary):
        raise SystemExit(f"{options.binary} is missing: run `cargo build --release` first")
    runs = {name: 0 for name in CLOSES}
    lost = {name: 0 for name in CLOSES}
    delays = {name: [] for name in CLOSES}
    for n in range(options.runs):
        name = "Enter" if n % 2 == 0 else "Esc"
        key, most = CLOSES[name]
        kept, delay, records = one_run(options.binary, n, key, most)
        runs[name] += 1
        delays[name].append(delay * 1000)
        if not kept:
            lost[name] += 1
            print(f"run {n}: {name}, killed {delay * 1000:.1f} ms after: the note was LOST ({records})")
    for name, (_, most) in CLOSES.items():
        if runs[name]:
            # A busy machine can hold the kill back past its window; say how often.
            late = sum(delay > most * 1000 for delay in delays[name])
            print(f"{name:<5} runs {runs[name]:>4}  lost {lost[name]:>3}  "
                  f"killed {min(delays[name]):.1f}-{max(delays[name]):.1f} ms after the key"
                  f" ({late} later than {most * 1000:.0f} ms)")
    sys.exit(1 if sum(lost.values()) else 0)


if __name__ == "__main__":
    main()
