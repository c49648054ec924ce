#!/usr/bin/env python3
"""`check` on two hostile shapes of plan grows linearly: each is checked at
n and at 4n, and the CPU time of the whole process is printed with the
ratio (linear is 4; the target is under 5).

- keys: n lines of unknown keys under [project] (every one an error);
- glossary: a glossary of n terms and n objectives, each using one term
  (every one a jargon warning).

    cargo build --release && python3 benches/check_hostile.py [BINARY]
"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/resetpoint")
N = 16000
RUNS = 5
TARGET = 5.0


def unknown_keys(n):
    lines = ['[project]', 'name = "P"', 'customer = "C"']
    lines += [f"unknown_key_{i} = {i}" for i in range(n)]
    return "\n".join(lines) + "\n"


def glossary(n):
    terms = ", ".join(f'T{i}x = "term {i}"' for i in range(n))
    objectives = ", ".join(f'"We deliver T{i}x on time"' for i in range(n))
    return f'[project]\nname = "P"\ncustomer = "C"\nglossary = {{ {terms} }}\nobjectives = [{objectives}]\n'


def cpu_seconds(path):
    """CPU (user + system) of one `check` of `path`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([BINARY, "check", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    if not os.path.exists(BINARY):
        raise SystemExit(f"{BINARY} is missing: run `cargo build --release` first")
    folder = tempfile.mkdtemp(prefix="resetpoint-hostile-")
    print(f"{'shape':<10} {'n':>7} {'CPU s':>8} {'4n':>7} {'CPU s':>8} {'ratio':>6}  target")
    worst = 0.0
    for name, make in (("keys", unknown_keys), ("glossary", glossary)):
        paths = []
        for n in (N, 4 * N):
            path = os.path.join(folder, f"{name}-{n}.toml")
            with open(path, "w") as f:
                f.write(make(n))
            paths.append(path)
        # Interleaved, so a busy moment of the machine falls on both sizes.
        small, large = [], []
        for _ in range(RUNS):
            small.append(cpu_seconds(paths[0]))
            large.append(cpu_seconds(paths[1]))
        s, l = statistics.median(small), statistics.median(large)
        ratio = l / s if s > 0 else float("inf")
        worst = max(worst, ratio)
        print(f"{name:<10} {N:>7} {s:>8.3f} {4 * N:>7} {l:>8.3f} {ratio:>6.2f}  < {TARGET}")
        for path in paths:
            os.remove(path)
    os.rmdir(folder)
    print("(CPU seconds of the whole process, median of", RUNS, "interleaved runs)")
    sys.exit(0 if worst < TARGET else 1)


if __name__ == "__main__":
    main()
