#!/usr/bin/env python3
"""Time from spawn to the first full frame of `resetpoint run` in a pty.

Answers the terminal queries a program might send (cursor position, device
attributes), so a query cannot stall the figure. Prints the median of 20
runs, the peak resident memory, and the CPU used while idle for 5 seconds.

    cargo build --release && python3 benches/first_frame.py
"""
import os
import statistics
import tempfile
import time

from pty_meeting import FRAME_DONE, check_binary, drain, quit_and_wait, read_until, spawn

def start():
    return spawn(tempfile.mkdtemp(prefix="resetpoint-bench-"))


def main():
    check_binary()
    times, peak = [], 0
    for _ in range(20):
        started = time.perf_counter()
        pid, fd = start()
        shown = read_until(fd, FRAME_DONE, started)
        times.append((shown - started) * 1000)
        usage = quit_and_wait(pid, fd)
        peak = max(peak, usage.ru_maxrss)
    print(f"first frame, median of 20: {statistics.median(times):.1f} ms "
          f"(min {min(times):.1f}, max {max(times):.1f})")
    print(f"peak RSS: {peak / 1024:.1f} MiB")

    started = time.perf_counter()
    pid, fd = start()
    read_until(fd, FRAME_DONE, started)
    idle_from = time.perf_counter()
    while time.perf_counter() - idle_from < 5:
        drain(fd, 0.05)
    usage = quit_and_wait(pid, fd)
    cpu = usage.ru_utime + usage.ru_stime
    print(f"CPU over the whole run (start, 5 s idle, quit): {cpu * 1000:.0f} ms")


if __name__ == "__main__":
    main()
