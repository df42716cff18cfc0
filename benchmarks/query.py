"""SPARQL at corpus scale: `graphbuild query` on its persistent Oxigraph store (process start included)
side by side with Oxigraph loading the same Turtle fresh and with rdflib, in one run.

    python benchmarks/query.py [--graph DIR]

The graph is the 3,788-article news corpus built by graphbuild (parses cached under .cache/bench/, as
benchmarks/resolution.py leaves them). Each named query runs once per system; rdflib and the fresh
Oxigraph load are timed once and added to every answer, as a user running one query would pay them.
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
from graphbuild.rdf.namespaces import PREFIXES
from graphbuild.sparql.engine import bind_values, run_rdflib
from graphbuild.sparql.queries import canned
from rdflib import Graph, Literal, Variable

from corpus import CACHE

PARAMS = {
    "top-mentions": {},
    "top-degree": {},
    "entities-of-type": {"type": "event"},
    "neighbours": {"label": "Theresa May"},
    "documents": {"label": "Brexit"},
    "evidence": {"a": "Theresa May", "b": "Angela Merkel"},
    "shortest-path": {"source": "Theresa May", "target": "Rodrigo Duterte"},
}


def build(out: Path) -> Path:
    """The news graph (Turtle and store), built once from cached parses."""
    if not (out / "graph.ttl").exists():
        from resolution import texts_folder

        subprocess.run(
            [
                sys.executable,
                "-m",
                "graphbuild",
                "build",
                str(texts_folder("news")),
                "-o",
                str(out),
                "--cache",
                str(CACHE / "parses-news"),
                "--format",
                "ttl",
                "-q",
                "--jobs",
                "2",
            ],
            check=True,
        )
    return out / "graph.ttl"


def timed(run) -> tuple[float, object]:
    started = time.perf_counter()
    value = run()
    return time.perf_counter() - started, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--graph", type=Path, default=CACHE / "graph-news")
    ttl = build(parser.parse_args().graph)
    print(f"graph: {ttl} ({ttl.stat().st_size / 1e6:.0f} MB)")
    ox_load, store = timed(lambda: _loaded(ttl))
    rdf_load, rdf = timed(lambda: Graph().parse(ttl))
    print(f"fresh Oxigraph load: {ox_load:.1f} s; rdflib parse: {rdf_load:.1f} s; {len(rdf):,} triples\n")
    print(
        "| named query | rows | graphbuild query (store, process start included) | Oxigraph: load + answer "
        "| rdflib: parse + answer |"
    )
    print("|---|---:|---:|---:|---:|")
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    for name, params in PARAMS.items():
        text = canned(name, params).text
        args = [a for k, v in params.items() for a in ("--param", f"{k}={v}")]
        ours, run = timed(
            lambda: subprocess.run(
                [sys.executable, "-m", "graphbuild", "query", str(ttl), "--name", name, *args, "--format", "csv"],
                capture_output=True,
                text=True,
            )
        )
        assert run.returncode == 0, run.stderr
        fresh, answer = timed(
            lambda: list(store.query(bind_values(text, params) if params else text, prefixes=prefixes))
        )
        reference, rows = timed(lambda: _rdflib(rdf, text, params))
        shown = f"{rdf_load + reference:.1f} s" if rows is not None else f"> {rdf_load + LIMIT:.0f} s (stopped)"
        print(f"| {name} | {len(answer)} | {ours:.2f} s | {ox_load + fresh:.2f} s | {shown} |", flush=True)


#: rdflib is stopped after this many seconds on one query (it is pure Python, so SIGALRM can stop it).
LIMIT = 60


def _rdflib(rdf: Graph, text: str, params: dict[str, str]) -> list | None:
    def expire(signum, frame):
        raise TimeoutError

    signal.signal(signal.SIGALRM, expire)
    signal.alarm(LIMIT)
    try:
        return list(run_rdflib(rdf, text, {Variable(k): Literal(v) for k, v in params.items()}))
    except TimeoutError:
        return None
    finally:
        signal.alarm(0)


def _loaded(ttl: Path) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    return store


if __name__ == "__main__":
    main()
