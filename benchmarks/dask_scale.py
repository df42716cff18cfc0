"""Dask against --jobs, side by side in one run, on real news text: words/s and peak memory per process.

    python benchmarks/dask_scale.py [--articles 300] [--whole] [--reduce 300,1000,3788]

Each row is a fresh ``graphbuild build DIR --no-cache --format ttl`` process: ``--jobs 1``, ``--jobs 2``,
``--dask local:1``, ``--dask local:2``, on the first --articles news articles and with --whole on all
3,788. Memory is sampled every 0.2 s over the build's process tree (psutil, which distributed brings):
the build (client) process's peak RSS, the largest peak of one parse process (a --jobs worker or a Dask
worker), and the largest sum over the tree at one moment. --reduce times the client's share, which no
cluster spreads (reading the parses back, resolution, co-occurrences, the graph), from a warm parse
cache at several corpus sizes, to see how it grows.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from graphbuild import BuildOptions, api

from corpus import CACHE, news_articles, word_count

ROWS = (("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"]), ("--dask local:1", ["--dask", "local:1"]))
ROWS += (("--dask local:2", ["--dask", "local:2"]),)


def texts_folder(articles: list[tuple[str, str]]) -> Path:
    """The articles as files in the git-ignored cache (written once per size)."""
    folder = CACHE / f"texts-news-{len(articles)}"
    if not folder.exists():
        folder.mkdir(parents=True)
        for name, text in articles:
            (folder / name).write_text(text, "utf-8")
    return folder


class Sampler(threading.Thread):
    """Peak RSS of a process and of its descendants, sampled every 0.2 s until ``stop``."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.client = self.worker = self.total = 0
        self.running = True

    def run(self) -> None:
        while self.running:
            try:
                tree = [self.root, *self.root.children(recursive=True)]
                sizes = {p.pid: p.memory_info().rss for p in tree if p.is_running()}
            except psutil.Error:
                continue
            self.client = max(self.client, sizes.get(self.root.pid, 0))
            parsers = [rss for pid, rss in sizes.items() if pid != self.root.pid]
            self.worker = max([self.worker, *parsers])
            self.total = max(self.total, sum(sizes.values()))
            time.sleep(0.2)


def build(folder: Path, options: list[str]) -> tuple[float, Sampler]:
    """One build in a fresh process: wall seconds and the memory it took."""
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "graphbuild", "build", str(folder), "-o", out, "--no-cache", "-q"]
        started = time.perf_counter()
        process = subprocess.Popen([*command, "--format", "ttl", *options], stdout=subprocess.PIPE, text=True)
        sampler = Sampler(process.pid)
        sampler.start()
        output, _ = process.communicate()
        seconds = time.perf_counter() - started
        sampler.running = False
        sampler.join()
        if process.returncode:
            raise SystemExit(f"build failed: {' '.join(options)}")
        print("   ", output.strip()[:160], file=sys.stderr)
    return seconds, sampler


def speed_table(articles: list[tuple[str, str]]) -> list[str]:
    folder = texts_folder(articles)
    words = word_count(articles)
    lines = [
        f"\n{len(articles):,} articles, {words:,} words; each row a fresh process, no cache, Turtle only\n",
        "| run | wall s | words/s | vs --jobs 1 | build process peak MB | one parse process peak MB | whole tree peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    base = None
    for name, options in ROWS:
        seconds, memory = build(folder, options)
        base = base or seconds
        mb = lambda b: f"{b / 2**20:,.0f}"
        worker = mb(memory.worker) if memory.worker else "(none: parses in the build process)"
        lines.append(
            f"| `{name}` | {seconds:.1f} | {words / seconds:,.0f} | {base / seconds:.2f}x "
            f"| {mb(memory.client)} | {worker} | {mb(memory.total)} |"
        )
        print(lines[-1], file=sys.stderr)
    return lines


def reduce_table(articles: list[tuple[str, str]], sizes: list[int]) -> list[str]:
    """The client's share from a warm parse cache: reading parses, resolving, co-occurrences, the graph."""
    lines = [
        "\nThe client's share (parses from a warm cache, resolution, co-occurrences, graph; no files written)\n",
        "| articles | words | seconds | s per 1M words |",
        "|---:|---:|---:|---:|",
    ]
    cache = CACHE / "parses-dask-reduce"
    for size in sizes:
        texts = dict(articles[:size])
        api.build_texts(texts, BuildOptions(cache_dir=str(cache)))  # fills the cache (parsed once)
        started = time.perf_counter()
        api.build_texts(texts, BuildOptions(cache_dir=str(cache)))
        seconds = time.perf_counter() - started
        words = word_count(articles[:size])
        lines.append(f"| {size:,} | {words:,} | {seconds:.1f} | {seconds / words * 1e6:.1f} |")
        print(lines[-1], file=sys.stderr)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--whole", action="store_true", help="also all 3,788 articles")
    parser.add_argument("--reduce", default="", help="article counts for the client's share, e.g. 300,1000,3788")
    args = parser.parse_args()
    articles = news_articles()
    cpu = os.cpu_count()
    lines = [f"# dask_scale.py, {datetime.date.today()}, {platform.python_version()}, {cpu} CPUs"]
    lines += speed_table(articles[: args.articles])
    if args.whole:
        lines += speed_table(articles)
    if args.reduce:
        lines += reduce_table(articles, [int(n) for n in args.reduce.split(",")])
    print("\n".join(lines))


if __name__ == "__main__":
    main()
