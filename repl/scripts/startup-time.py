#!/usr/bin/env python3
"""Measures how long ./skiff takes to show its prompt, and to answer a first query, on an
existing embedded database. It runs the launcher in a pseudo-terminal, as a person would.

    repl/scripts/startup-time.py [--runs N] [--dir DIR]

The database in DIR (default: a fresh temporary directory) gets a small table on the first run
if it has none. Prints each run and the median. See docs/shell.md ("Start-up time").
"""
import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LAUNCHER = os.path.join(ROOT, "skiff")


def wait_for(fd, marker, deadline):
    """Reads the terminal until marker appears; returns the time it did."""
    seen = b""
    while marker not in seen:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("no %r in %r" % (marker, seen[-300:]))
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                raise EOFError("the shell ended: %r" % seen[-300:])
            seen += chunk
    return time.monotonic()


def one_run(url, env):
    leader, follower = pty.openpty()
    # A terminal of 24 rows and 80 columns, as a new terminal window has.
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    started = time.monotonic()
    process = subprocess.Popen([LAUNCHER, "--url", url], stdin=follower, stdout=follower, stderr=follower,
                               env=env, close_fds=True)
    os.close(follower)
    try:
        deadline = started + 120
        prompt = wait_for(leader, b"skiff> ", deadline)
        sent = time.monotonic()
        os.write(leader, b"SELECT COUNT(*) AS n FROM startup_items;\r")
        answered = wait_for(leader, b"(1 row)", deadline)
        os.write(leader, b"\\q\r")
        process.wait(timeout=60)
        return prompt - started, answered - sent, answered - started
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", default=None)
    args = parser.parse_args()
    directory = args.dir or tempfile.mkdtemp(prefix="skiff-startup-")
    url = "jdbc:skiff:file:" + os.path.abspath(directory)
    env = dict(os.environ, SKIFF_HISTORY=os.path.join(tempfile.gettempdir(), "skiff-startup-history"), PAGER="")
    # Builds the shell if needed and makes sure the database exists, with something in it.
    subprocess.run([LAUNCHER, "--url", url, "-e",
                    "CREATE TABLE IF NOT EXISTS startup_items (pk VARCHAR, PRIMARY KEY (pk));"
                    "DELETE FROM startup_items;"
                    "INSERT INTO startup_items (pk) VALUES ('a'), ('b'), ('c')"],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    runs = []
    for i in range(args.runs):
        prompt, first_answer, total = one_run(url, env)
        runs.append((prompt, first_answer, total))
        print("run %d: prompt after %.2f s; first query answered %.2f s after it was typed (%.2f s from the start)"
              % (i + 1, prompt, first_answer, total))
    print("median: prompt %.2f s, first answer %.2f s from the start (%d runs, %d cores, load %.1f)"
          % (statistics.median(r[0] for r in runs), statistics.median(r[2] for r in runs), len(runs),
             os.cpu_count(), os.getloadavg()[0]))


if __name__ == "__main__":
    sys.exit(main())
