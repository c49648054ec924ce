#!/usr/bin/env python3
"""Keystroke-to-durable latency: a key typed into a note in the real
binary (in a pty), until the journal on disk has grown by its line. The
store syncs (fdatasync) each batch it writes, so a line in the journal has
been, or is being, synced; the sync itself is timed separately below. Also
how many journal bytes the typing took: it should grow with what is typed,
not with the square of the field's length.

    cargo build --release && python3 benches/durability.py [BINARY]
"""
import os
import statistics
import tempfile
import time

from pty_meeting import check_binary, drain, spawn

KEYS = 2000


def journal_in(folder):
    for name in os.listdir(folder):
        if name.endswith(".journal"):
            return os.path.join(folder, name)
    return None


def main():
    check_binary()
    records = tempfile.mkdtemp(prefix="resetpoint-bench-")
    pid, fd = spawn(records)
    deadline = time.time() + 10
    while journal_in(records) is None and time.time() < deadline:
        drain(fd, 0.05)
    journal = journal_in(records)
    drain(fd, 0.3)
    os.write(fd, b"n")
    drain(fd, 0.2)
    latencies = []
    before = os.path.getsize(journal)
    for i in range(KEYS):
        ch = "abcdefghij"[i % 10]
        size = os.path.getsize(journal)
        sent = time.perf_counter()
        os.write(fd, ch.encode())
        while os.path.getsize(journal) == size:
            drain(fd)
            time.sleep(0.0002)
        latencies.append((time.perf_counter() - sent) * 1000)
        drain(fd, 0.003)
    typed_bytes = os.path.getsize(journal) - before
    os.write(fd, b"\x1b")
    drain(fd, 0.3)
    os.write(fd, b"qy")  # q asks; y leaves the meeting unfinished
    drain(fd, 0.5)
    os.waitpid(pid, 0)
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    print(f"keystroke to journal, {KEYS} keys: median {statistics.median(latencies):.2f} ms, "
          f"p99 {p99:.2f} ms, max {latencies[-1]:.2f} ms")
    print(f"journal bytes for {KEYS} typed characters: {typed_bytes}")

    # The cost of the sync itself on this disk, for a journal-sized append.
    path = os.path.join(records, "sync-probe")
    times = []
    with open(path, "ab") as f:
        for _ in range(200):
            start = time.perf_counter()
            f.write(b"x" * 200 + b"\n")
            f.flush()
            os.fdatasync(f.fileno())
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f"append + fdatasync of one journal line: median {statistics.median(times):.2f} ms, "
          f"p99 {times[int(len(times) * 0.99) - 1]:.2f} ms")


if __name__ == "__main__":
    main()
