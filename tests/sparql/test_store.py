"""The Oxigraph store behind query and serve: the same answers as rdflib, a persistent store that is used
only while it matches the Turtle, no federated requests, and a time limit."""

import re
import shutil
import socket
import threading

import pyoxigraph as ox
import pytest
from graphbuild import api
from graphbuild.errors import GraphbuildError
from graphbuild.sparql import store
from graphbuild.sparql.engine import load_rdf, run_rdflib
from graphbuild.sparql.queries import canned, canned_queries
from graphbuild.sparql.store import store_matches, store_path
from rdflib import Literal, Variable

from conftest import ROOT, graphbuild

PARAMS = {
    "neighbours": {"label": "Wang"},
    "evidence": {"a": "CPC", "b": "Lhasa"},
    "shortest-path": {"source": "Drolkar", "target": "Lhasa"},
    "entities-of-type": {"type": "event"},
    "documents": {"label": "Party"},
    "timeline": {"label": "Wang Huning"},
    "between": {"label": "Wang Huning", "since": "2024-08-01", "until": "2024-08-31"},
    "sources": {"label": "Wang Huning", "other": "Xizang"},
    "relations": {"label": "Wang"},
}
README_QUERIES = re.findall(r"```sparql\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.DOTALL)


def rows(result):
    if result.type == "ASK":
        return result.askAnswer
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return sorted(tuple(t) for t in result.graph)
    return [tuple(r) for r in result]


@pytest.fixture(scope="module")
def related_ttl(nlp_relations, tmp_path_factory):
    """The seeds built with typed relations, as Turtle: what the relation queries are asked of."""
    graph = api.build([ROOT / "seeds"], api.BuildOptions(relations=True, progress=False))
    return api.export(graph, tmp_path_factory.mktemp("related"), ["ttl"])["graph.ttl"]


@pytest.mark.parametrize("name", sorted(canned_queries()))
def test_every_named_query_answers_as_rdflib_does(seeds_exports, related_ttl, name):
    params = PARAMS.get(name, {})
    ttl = related_ttl if "gb:Relation" in canned(name, params).text else seeds_exports["ttl"]
    expected = run_rdflib(
        load_rdf(ttl), canned(name, params).text, {Variable(k): Literal(v) for k, v in params.items()}
    )
    answer = api.named_query(ttl, name, params)
    assert rows(answer) == rows(expected) and rows(answer)


@pytest.mark.parametrize("sparql", README_QUERIES)
def test_the_readme_queries_answer_as_rdflib_does(seeds_exports, sparql):
    assert rows(api.query(seeds_exports["ttl"], sparql)) == rows(run_rdflib(load_rdf(seeds_exports["ttl"]), sparql))


def test_a_graph_fresh_from_build_is_queried_too(seeds_graph):
    assert api.query(seeds_graph, 'ASK { ?p rdfs:label "Wang Huning" }').askAnswer


def test_the_store_is_used_only_while_it_matches_the_turtle(seeds_graph, tmp_path):
    written = api.export(seeds_graph, tmp_path, ["ttl"])
    ttl = written["graph.ttl"]
    assert store_path(ttl).is_dir() and store_matches(ttl)
    ask = 'ASK { ?x rdfs:label "Added by hand" }'
    assert not api.query(ttl, ask).askAnswer
    with ttl.open("a", encoding="utf-8") as f:
        f.write('\n<http://example.org/x> <http://www.w3.org/2000/01/rdf-schema#label> "Added by hand" .\n')
    assert not store_matches(ttl)
    assert api.query(ttl, ask).askAnswer  # the stale store is passed over: the Turtle is loaded
    api.export(seeds_graph, tmp_path, ["ttl"])
    assert store_matches(ttl) and not api.query(ttl, ask).askAnswer


def test_service_is_refused_and_nothing_is_fetched(seeds_exports):
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(2)
    port = listener.getsockname()[1]
    contacted = []
    waiter = threading.Thread(target=lambda: contacted.append(_accept(listener)), daemon=True)
    waiter.start()
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    with pytest.raises(GraphbuildError, match=r"SERVICE\) are refused"):
        api.query(seeds_exports["ttl"], query)
    waiter.join()
    listener.close()
    assert contacted == [False]


def _accept(listener) -> bool:
    try:
        listener.accept()
        return True
    except OSError:
        return False


def cli(*args):
    return graphbuild("query", *args, timeout=120)


HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.mark.processes
@pytest.mark.parametrize(
    "args, message",
    [
        (["SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"], "are refused"),
        ([HEAVY, "--timeout", "1"], "ran longer than the 1 s limit"),
        (["ASK {}", "--timeout", "nan"], "--timeout must be a positive number"),
    ],
)
def test_the_query_command_fails_in_one_line(seeds_exports, args, message):
    run = cli(seeds_exports["ttl"], *args)
    assert run.returncode == 1 and run.stderr.strip().splitlines() == [f"Error: {run.stderr.strip()[7:]}"]
    assert message in run.stderr and "Traceback" not in run.stderr


@pytest.mark.processes
def test_from_named_and_vocabulary_iris_print_as_a_table(seeds_exports):
    run = cli(seeds_exports["ttl"], "SELECT DISTINCT ?p WHERE { ?s ?p ?o } ORDER BY ?p")
    assert run.returncode == 0, run.stderr
    assert "rdfs:label" in run.stdout and "skos:altLabel" in run.stdout
    run = cli(seeds_exports["ttl"], "SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert run.returncode == 0 and "(0 rows)" in run.stdout, run.stderr


def test_a_hostile_parameter_matches_nothing_instead_of_changing_the_query(seeds_exports):
    hostile = 'Wang" } UNION { ?entity ?p ?o } #'
    assert list(api.named_query(seeds_exports["ttl"], "neighbours", {"label": hostile})) == []
    with pytest.raises(GraphbuildError, match="not a SPARQL variable"):
        api.query(seeds_exports["ttl"], "SELECT * WHERE { ?s ?p ?o }", {"x) { } #": "a"})


def test_a_big_turtle_goes_into_the_store_in_pieces_and_loses_nothing(seeds_exports, tmp_path, monkeypatch):
    """Past CHUNK_BYTES graphbuild's own Turtle is bulk-loaded a piece at a time (bounded memory): every
    triple must still arrive, and queries must answer as on the whole file."""
    ttl = tmp_path / "graph.ttl"
    shutil.copy(seeds_exports["ttl"], ttl)
    monkeypatch.setattr(store, "CHUNK_BYTES", 2_000)  # the seeds' Turtle is ~60 kB: about 30 pieces
    assert ttl.stat().st_size > 20 * store.CHUNK_BYTES
    store.write_store(ttl)
    pieces = ox.Store.read_only(str(store.store_path(ttl)))
    whole = ox.Store()
    whole.bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    assert len(pieces) == len(whole) > 1000 and set(pieces) == set(whole)
