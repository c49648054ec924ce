"""Shared by the benchmark scripts: run `resetpoint run` on the demo plan in
a pseudo-terminal, and read what it draws."""
import fcntl
import os
import re
import pty
import select
import struct
import sys
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/resetpoint")
PLAN = os.path.join(ROOT, "assets/demo.toml")


def check_binary():
    if not os.path.exists(BINARY):
        raise SystemExit(f"{BINARY} is missing: run `cargo build --release` first")


def spawn(records, rows=40, cols=120):
    """Start a fresh meeting recording into `records`; return (pid, pty fd)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(BINARY, [BINARY, "run", PLAN, "--records", records, "--fresh"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd


def spawn_program(argv, rows=40, cols=120, environment=None):
    """Start `argv` (the program's path first) in a pseudo-terminal of
    `rows` x `cols`, with `environment` added; return (pid, pty fd)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.update(environment or {})
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd


def drain(fd, wait=0.0):
    """Read and drop whatever the program has drawn, waiting `wait` seconds for more."""
    while True:
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            return
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


# The footer is drawn last; seeing it means the first frame is complete.
FRAME_DONE = b"quit"
# What a real terminal answers to the queries a program may send (cursor
# position, device attributes, background colour), so none stalls a figure.
ANSWERS = {
    b"\x1b[6n": b"\x1b[1;1R",
    b"\x1b[c": b"\x1b[?62;22c",
    b"\x1b[0c": b"\x1b[?62;22c",
    b"\x1b]11;?": b"\x1b]11;rgb:0000/0000/0000\x1b\\",
}


# Control sequences: colours, cursor moves, modes.
ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]")


def letters(seen):
    """The letters drawn, escapes and spaces dropped: a terminal program
    sends only the cells that change, and moves the cursor over blank ones
    instead of writing spaces, so a line's words are not together in the
    bytes until a frame rewrites every cell (new colours, say)."""
    return ESCAPES.sub(b"", seen).replace(b" ", b"")


def read_until(fd, marker, started, timeout=10.0):
    """When `marker` was first drawn."""
    return read_marks(fd, [marker], started, timeout)[0]


def read_marks(fd, markers, started, timeout=10.0, shown=lambda seen: seen):
    """When each of `markers` was first drawn, answering the terminal's
    queries meanwhile; reads until the last one is seen. `shown` turns the
    bytes read into what the markers are looked for in."""
    seen, when = b"", {}
    while time.perf_counter() - started < timeout:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        seen += chunk
        for query, answer in ANSWERS.items():
            if query in chunk:
                os.write(fd, answer)
        now, drawn = time.perf_counter(), shown(seen)
        for marker in markers:
            if marker not in when and marker in drawn:
                when[marker] = now
        if len(when) == len(markers):
            return [when[m] for m in markers]
    missing = [m for m in markers if m not in when]
    raise SystemExit(f"not drawn within {timeout}s: {missing}; got {shown(seen)[-300:]!r}")


def quit_and_wait(pid, fd):
    os.write(fd, b"qy")  # q asks; y leaves the meeting unfinished
    while True:
        drain(fd, 0.05)
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            os.close(fd)
            return usage
