"""A terminal that answers the background question late.

    python3 late_terminal.py ANSWER_NOW ANSWERED program args...

Runs the program in a pty of its own, passing keys in and the screen out
unchanged, except the background question (OSC 11), and the device
attributes question (DA1) should one follow it: those are kept from the outer
terminal and answered only once the file ANSWER_NOW exists, long after the
program stopped waiting. The file ANSWERED is made once the answer is sent.
Exits with the program's status.
"""

import fcntl
import os
import pty
import select
import sys
import termios
import tty

OSC11 = (b"\x1b]11;?\x1b\\", b"\x1b]11;?\x07")
DA1 = b"\x1b[c"
ANSWER = b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\"
DA1_ANSWER = b"\x1b[?62;22c"


def take_questions(buffer):
    """The output with the questions taken out, and whether DA1 was asked;
    None until the background question came."""
    osc = next((q for q in OSC11 if q in buffer), None)
    if osc is None:
        return None
    rest = buffer.replace(osc, b"", 1)
    return rest.replace(DA1, b"", 1), DA1 in rest


def main():
    answer_now, answered, program = sys.argv[1], sys.argv[2], sys.argv[3:]
    # The pane's size, for the program's pty (ioctl: any Python 3 has it).
    size = fcntl.ioctl(sys.stdin.fileno(), termios.TIOCGWINSZ, b"\0" * 8)
    pid, master = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, size)
        os.execvp(program[0], program)
    saved = termios.tcgetattr(sys.stdin.fileno())
    tty.setraw(sys.stdin.fileno())
    asked, sent, held, da1 = False, False, b"", False
    try:
        while True:
            ready, _, _ = select.select([sys.stdin, master], [], [], 0.02)
            if sys.stdin in ready:
                os.write(master, os.read(sys.stdin.fileno(), 4096))
            if master in ready:
                try:
                    data = os.read(master, 4096)
                except OSError:
                    break
                if not data:
                    break
                if not asked:
                    held += data
                    rest = take_questions(held)
                    if rest is None:
                        continue
                    asked = True
                    data, da1 = rest
                os.write(sys.stdout.fileno(), data)
            if asked and not sent and os.path.exists(answer_now):
                os.write(master, ANSWER + (DA1_ANSWER if da1 else b""))
                sent = True
                open(answered, "w").close()
    finally:
        termios.tcsetattr(sys.stdin.fileno(), termios.TCSAFLUSH, saved)
    _, status = os.waitpid(pid, 0)
    sys.exit(os.waitstatus_to_exitcode(status))


main()
