"""Shared by the benchmark scripts: run `resetpoint run` on the demo plan in
a pseudo-terminal, and read what it draws."""
import fcntl
import os
import pty
import select
import struct
import sys
import termios

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
