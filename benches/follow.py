#!/usr/bin/env python3
"""`follow` figures, with the real binary in pseudo-terminals.

1. Section change to follower frame: `→` or `←` typed to the facilitator,
   until the follower's terminal shows the new section's title (median and
   p99 of 300 changes), and until the projection reaches a plain socket
   reader (the same, without the follower's drawing).
2. Facilitator keystroke latency, typing into a note: a key to its echo on
   the facilitator's own screen, with no follower, then with 3 followers
   attached of which one is stopped with SIGSTOP (median and p99 of 300 keys).

    cargo build --release && python3 benches/follow.py
"""
import os
import re
import select
import shutil
import signal
import socket
import statistics
import tempfile
import threading
import time

from pty_meeting import (
    BINARY,
    ESCAPES,
    PLAN,
    check_binary,
    drain,
    letters,
    read_marks,
    spawn,
    spawn_program,
)

# Two sections of the demo's reset-point agenda, and a word only each title has.
TITLES = {"Right": b"VIEW", "Left": b"WELCOME"}
KEYS = {"Right": b"\x1b[C", "Left": b"\x1b[D"}


def p99(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def figures(values):
    ms = [v * 1000 for v in values]
    worst = ", ".join(f"{v:.0f}" for v in sorted(ms)[-3:])
    return f"median {statistics.median(ms):.2f} ms, p99 {p99(ms):.2f} ms (n={len(ms)}; worst 3: {worst} ms)"


def spawn_follower(rows=30, cols=100):
    return spawn_program([BINARY, "follow", PLAN], rows, cols)


def wait_for(fd, marker, timeout=5.0):
    """When `marker` shows in the text drawn (escapes and spaces dropped:
    ratatui sends only the cells that changed; the title is redrawn whole
    because it moves, centred, so its letters stay together)."""
    return read_marks(fd, [marker], time.perf_counter(), timeout, letters)[0]


def keep_draining(fd, stop):
    while not stop.is_set():
        drain(fd, 0.05)


def socket_reader(folder, stop, arrivals):
    """A follower with no screen: note when each section number arrives."""
    path = None
    while path is None:
        for name in os.listdir(folder):
            if name.endswith(".sock"):
                path = os.path.join(folder, name)
        time.sleep(0.01)
    s = socket.socket(socket.AF_UNIX)
    s.connect(path)
    buf = b""
    s.settimeout(0.2)
    while not stop.is_set():
        try:
            chunk = s.recv(1 << 20)
        except socket.timeout:
            continue
        if not chunk:
            return
        buf += chunk
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            m = re.search(rb'"current":(\d+)', line)
            if m:
                arrivals.append((time.perf_counter(), int(m.group(1))))


def keystrokes(fd, n):
    """Open a note and type `n` keys; each key until its echo is drawn."""
    os.write(fd, b"n")
    wait_for(fd, b"Note")
    times = []
    for i in range(n):
        letter = b"abcdefghij"[i % 10:i % 10 + 1]
        started = time.perf_counter()
        os.write(fd, letter)
        seen = b""
        while True:
            ready, _, _ = select.select([fd], [], [], 2.0)
            if not ready:
                raise SystemExit("a key was never echoed")
            seen += os.read(fd, 65536)
            if letter in ESCAPES.sub(b"", seen):
                times.append(time.perf_counter() - started)
                break
    os.write(fd, b"\x1b")  # Esc: the note is kept unsent
    drain(fd, 0.2)
    return times


def quit(pid, fd):
    os.write(fd, b"qy")  # q asks; y leaves the meeting unfinished
    for _ in range(100):
        drain(fd, 0.05)
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    os.close(fd)


def main():
    check_binary()
    runtime = tempfile.mkdtemp(prefix="resetpoint-follow-bench-")
    records = tempfile.mkdtemp(prefix="resetpoint-follow-records-")
    os.environ["XDG_RUNTIME_DIR"] = runtime
    folder = os.path.join(runtime, "resetpoint")
    try:
        # 2a: keystrokes with nobody following.
        pid, fd = spawn(records)
        wait_for(fd, b"quit")
        alone = keystrokes(fd, 300)

        # 1: section change to follower frame.
        fpid, ffd = spawn_follower()
        wait_for(ffd, b"WELCOME")
        stop = threading.Event()
        drain_me = threading.Thread(target=keep_draining, args=(fd, stop), daemon=True)
        drain_me.start()
        arrivals = []
        reader = threading.Thread(target=socket_reader, args=(folder, stop, arrivals), daemon=True)
        reader.start()
        time.sleep(0.5)
        drawn, sent = [], []
        for i in range(300):
            key = "Right" if i % 2 == 0 else "Left"
            want = 1 if key == "Right" else 0
            started = time.perf_counter()
            os.write(fd, KEYS[key])
            drawn.append(wait_for(ffd, TITLES[key]) - started)
            deadline = time.perf_counter() + 5
            while not any(n == want and t >= started for t, n in arrivals):
                if time.perf_counter() > deadline:
                    raise SystemExit("the socket reader never got the section")
                time.sleep(0.0005)
            sent.append(min(t for t, n in arrivals if n == want and t >= started) - started)
            time.sleep(0.02)
        stop.set()
        drain_me.join()
        reader.join()
        print(f"section change to follower frame drawn: {figures(drawn)}")
        print(f"section change to projection at a socket reader: {figures(sent)}")

        # 2b: keystrokes with 3 followers, one stopped.
        others = [spawn_follower(), spawn_follower()]
        stop = threading.Event()
        drainers = [threading.Thread(target=keep_draining, args=(f, stop), daemon=True)
                    for f in (ffd, others[0][1])]
        for t in drainers:
            t.start()
        stopped_pid, stopped_fd = others[1]
        time.sleep(0.5)
        os.kill(stopped_pid, signal.SIGSTOP)
        followed = keystrokes(fd, 300)
        print(f"facilitator keystroke to echo, no follower: {figures(alone)}")
        print(f"facilitator keystroke to echo, 3 followers, 1 stopped: {figures(followed)}")
        os.kill(stopped_pid, signal.SIGCONT)
        stop.set()
        for t in drainers:
            t.join()
        quit(pid, fd)
        for p, f in [(fpid, ffd), *others]:
            quit(p, f)
    finally:
        shutil.rmtree(runtime, ignore_errors=True)
        shutil.rmtree(records, ignore_errors=True)


if __name__ == "__main__":
    main()
