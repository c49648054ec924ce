#!/usr/bin/env python3
"""A kill in the milliseconds after Enter or Esc never loses the note.

Each run starts `resetpoint notes` in a pseudo-terminal, opens a note,
types three words with a marker of its own, waits half a second, presses
Enter (half the runs) or Esc (the other half), and sends SIGKILL after a
random 0-3 ms (Enter) or 0-15 ms (Esc). Then `notes --resume` is started
on the same folder, as a PM would, and ended with SIGTERM, which saves the
meeting as it came back; the note must be in that record: captured, left
unsent, or still in its field.

    cargo build --release && python3 benches/kill_after_close.py [BINARY] [--runs N]

Exits 1 when any note was lost.
"""
import os
import random
import signal
import sys
import tempfile
import time
import tomllib

from pty_meeting import drain

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def arguments():
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?", default=os.path.join(ROOT, "target/release/resetpoint"))
    parser.add_argument("--runs", type=int, default=120)
    return parser.parse_args()


OPTIONS = arguments()
BINARY = OPTIONS.binary
RUNS = OPTIONS.runs


def start(records, resume):
    import fcntl
    import pty
    import struct
    import termios
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["COLORFGBG"] = "0;15"
        args = [BINARY, "notes", "Call", "--customer", "Acme", "--records", records]
        args.append("--resume" if resume else "--fresh")
        os.execv(BINARY, args)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


def wait_for(fd, marker, timeout=10.0):
    seen = b""
    deadline = time.time() + timeout
    while time.time() < deadline:
        import select
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            seen = (seen + chunk)[-200000:]
            if marker in seen:
                return True
    return False


def journal_in(records):
    return any(name.endswith(".journal") for name in os.listdir(records))


def record_text(records):
    for name in os.listdir(records):
        if name.endswith(".toml"):
            with open(os.path.join(records, name), "rb") as f:
                return f.read()
    return b""


def holds(records, marker):
    """Whether the record written after a resume holds the marker anywhere."""
    data = record_text(records)
    try:
        tomllib.loads(data.decode())
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return marker.encode() in data


def one_run(n, close, delay):
    records = tempfile.mkdtemp(prefix="resetpoint-kill-")
    pid, fd = start(records, resume=False)
    assert wait_for(fd, b"quit"), "no first frame"
    while not journal_in(records):
        drain(fd, 0.02)
    marker = f"run{n}x"
    os.write(fd, b"n")
    drain(fd, 0.1)
    os.write(fd, f"Grüße {marker} 日本".encode())
    drain(fd, 0.5)
    os.write(fd, close)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    # What the next start brings back, saved as it came back.
    pid, fd = start(records, resume=True)
    wait_for(fd, b"quit")
    drain(fd, 0.5)
    os.kill(pid, signal.SIGTERM)
    while True:
        drain(fd, 0.05)
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    os.close(fd)
    return holds(records, marker)


def main():
    if not os.path.exists(BINARY):
        raise SystemExit(f"{BINARY} is missing: run `cargo build --release` first")
    kinds = {"Enter": (b"\r", 0.003), "Esc": (b"\x1b", 0.015)}
    results = {name: [0, 0, []] for name in kinds}
    for n in range(RUNS):
        name = "Enter" if n % 2 == 0 else "Esc"
        close, most = kinds[name]
        delay = random.uniform(0, most)
        kept = one_run(n, close, delay)
        results[name][0] += 1
        results[name][2].append(delay)
        if not kept:
            results[name][1] += 1
            print(f"run {n}: {name}, kill after {delay * 1000:.1f} ms: the note was LOST")
    lost = 0
    for name, (runs, missing, delays) in results.items():
        lost += missing
        print(f"{name:<5} runs {runs:>4}  lost {missing:>3}  kill {min(delays) * 1000:.1f}-{max(delays) * 1000:.1f} ms after the key")
    sys.exit(1 if lost else 0)


if __name__ == "__main__":
    main()
