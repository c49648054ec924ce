#!/usr/bin/env python3
"""Write link/meeting-start.ld: the code a meeting runs, laid side by side.

Why: the kernel maps a program's code 64 KiB at a time around each page it
touches. Spread over the whole 6.7 MB of code, the few functions a meeting
runs at start-up made it map 4.9 MiB; side by side they need about 2 MiB
(docs/performance.md). This script finds those functions and writes a
linker script that places them first; build.rs hands it to the linker for
release builds.

How: it builds the release binary (which keeps its symbol names), runs
`resetpoint run` on the demo plan under valgrind's callgrind in a
pseudo-terminal, dumps the functions run up to
the settled first frame, then walks the agenda, takes a note and an action,
and quits. Functions of the first part come first, the rest after them.

Names are written without their crates' hashes (v0 mangling,
.cargo/config.toml; the hashes become `*`), so a new toolchain or
Cargo.lock keeps the layout. Run it again when the start-up path changes much:

    python3 scripts/meeting-start.py        # needs valgrind

Figures before and after: benches/against_peer.py --vs OTHER_BUILD.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "benches"))
sys.argv = sys.argv[:1]  # pty_meeting reads an optional binary from argv
from pty_meeting import PLAN, drain, letters, read_marks, spawn_program  # noqa: E402

BINARY = os.path.join(ROOT, "target", "release", "resetpoint")
SCRIPT = os.path.join(ROOT, "link", "meeting-start.ld")

# After the first frame: through every section, a note and an action typed,
# back to the start, then quit without finishing.
WALK = [b"\x1b[C"] * 12 + [b"nThe crane \xe6\x97\xa5\xe7\xa8\x8b slips a week\r",
                           b"aSend the revised plan @sam due:+3d\r"] + [b"\x1b[D"] * 12 + [b"qy"]


def build():
    # The very build that ships: another profile or target folder gives the
    # crates other hashes, and LTO then inlines a little differently.
    subprocess.run(["cargo", "build", "--release", "--bin", "resetpoint"], cwd=ROOT, check=True)


def trace(out):
    """Run a meeting under callgrind; return the two dump files."""
    if not shutil.which("valgrind"):
        raise SystemExit("valgrind is missing: apt-get install -y valgrind")
    records = tempfile.mkdtemp(prefix="resetpoint-start-")
    argv = [shutil.which("valgrind"), "--tool=callgrind", "--demangle=no", "--dump-instr=no",
            f"--callgrind-out-file={out}", BINARY, "run", PLAN, "--records", records, "--fresh"]
    started = time.perf_counter()
    pid, fd = spawn_program(argv)
    read_marks(fd, [b"quit", b"Noearlierpulse"], started, timeout=120.0, shown=letters)
    drain(fd, 1.0)
    subprocess.run(["callgrind_control", "--dump=first-frame", str(pid)], check=True,
                   stdout=subprocess.DEVNULL)
    for keys in WALK:
        os.write(fd, keys)
        drain(fd, 0.5)
    while not os.waitpid(pid, os.WNOHANG)[0]:
        drain(fd, 0.1)
    folder = os.path.dirname(out)
    dumps = [os.path.join(folder, f) for f in os.listdir(folder) if f.startswith(os.path.basename(out))]
    return sorted(dumps, key=os.path.getmtime)


def functions_run(dump, binary):
    """The symbol names of the functions of `binary` that ran in `dump`."""
    objects, names, run = {}, {}, set()
    current = called = None
    for line in open(dump, errors="replace"):
        found = re.match(r"^(c?ob)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
        if found:
            kind, ref, name = found.groups()
            objects.setdefault(ref, name)
            if kind == "ob":
                current = called = objects[ref]
            else:
                called = objects[ref]
            continue
        found = re.match(r"^(c?fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
        if found:
            kind, ref, name = found.groups()
            names.setdefault(ref, name)
            in_object = current if kind == "fn" else called
            called = current  # a cob= names the object of the next cfn= only
            if in_object == binary:
                run.add(names[ref])
    return run


def pattern(symbol):
    """A symbol as a section pattern that outlives the toolchain and lock file."""
    symbol = re.sub(r"'\d+$", "", symbol)  # callgrind's recursion depth
    symbol = re.sub(r"\.\d+$", "", symbol)  # LTO numbers its copies: matched below
    if symbol.startswith("_R"):
        return re.sub(r"Cs[0-9A-Za-z]+_", "Cs*_", symbol)
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", symbol):
        return symbol  # `main`, and C functions built into the binary
    return None  # an address callgrind could not name


def write(first, later):
    lines = []
    seen = set()
    for group in (sorted(first), sorted(later)):
        for name in group:
            glob = pattern(name)
            if glob and glob not in seen:
                seen.add(glob)
                sections = (f".text.{glob}", f".text.unlikely.{glob}")
                lines.append(f"    *({' '.join(f'{section} {section}.*' for section in sections)})\n")
    os.makedirs(os.path.dirname(SCRIPT), exist_ok=True)
    with open(SCRIPT, "w") as f:
        f.write("/* The code `resetpoint run` runs to its first frame, then through a\n"
                "   meeting, placed before the rest (scripts/meeting-start.py wrote this;\n"
                "   build.rs passes it to the linker for release builds). */\n")
        # Named .text so that the code stays where tools look for it
        # (valgrind reads symbols from .text only); LLD merges this into its
        # one .text, GNU ld writes it as a first .text of its own.
        f.write("SECTIONS\n{\n  .text : {\n")
        f.writelines(lines)
        f.write("  }\n}\nINSERT AFTER .init;\n")
    return len(lines)


def main():
    build()
    out = os.path.join(tempfile.mkdtemp(prefix="resetpoint-callgrind-"), "callgrind.out")
    dumps = trace(out)
    if len(dumps) < 2:
        raise SystemExit(f"expected two callgrind dumps, found {dumps}")
    first = functions_run(dumps[0], BINARY)
    later = set().union(*(functions_run(d, BINARY) for d in dumps[1:])) - first
    count = write(first, later)
    print(f"{SCRIPT}: {count} patterns ({len(first)} functions to the first frame, "
          f"{len(later)} more through the meeting)")


if __name__ == "__main__":
    main()
