import json

import pytest
from graphbuild import api
from graphbuild.errors import GraphbuildError
from graphbuild.sparql.results import format_result
from rdflib import Graph

TOP = "SELECT ?label ?n WHERE { ?e rdfs:label ?label ; gb:mentionCount ?n } ORDER BY DESC(?n) ?label LIMIT 3"


def test_select_with_predeclared_prefixes_in_three_formats(seeds_exports):
    result = api.query(seeds_exports["ttl"], TOP)
    rows = [(str(r.label), int(r.n)) for r in result]
    assert rows[0] == ("Xizang", 16)
    table = format_result(result, "table")
    assert table.splitlines()[0].split() == ["label", "n"] and "Xizang" in table and "(3 rows)" in table
    assert format_result(result, "csv").splitlines()[:2] == ["label,n", "Xizang,16"]
    parsed = json.loads(format_result(result, "json"))
    assert parsed["head"]["vars"] == ["label", "n"]
    assert parsed["results"]["bindings"][0]["label"]["value"] == "Xizang"


def test_ask_and_construct(seeds_exports):
    ask = api.query(seeds_exports["ttl"], 'ASK { ?p a schema:Person ; rdfs:label "Wang Huning" }')
    assert format_result(ask) == "true\n"
    construct = api.query(seeds_exports["ttl"], "CONSTRUCT { ?a gb:coOccursWith ?b } WHERE { ?a gb:coOccursWith ?b }")
    turtle = format_result(construct)
    assert len(Graph().parse(data=turtle, format="turtle")) == len(construct.graph) > 0


def test_query_a_graph_straight_from_build(seeds_graph):
    rows = list(api.query(seeds_graph, "SELECT (COUNT(?c) AS ?n) WHERE { ?c a gb:CoOccurrence }"))
    assert int(rows[0].n) == seeds_graph.number_of_edges()


@pytest.mark.parametrize("sparql", ["SELECT ?x WHERE { ?x ?p }", "INSERT DATA { <a:b> <a:c> <a:d> }", "SELEC * {}"])
def test_malformed_queries_and_updates_are_one_line_errors(seeds_exports, sparql):
    with pytest.raises(GraphbuildError, match="malformed SPARQL") as error:
        api.query(seeds_exports["ttl"], sparql)
    assert "\n" not in str(error.value)


def test_missing_and_unreadable_graph_files(tmp_path):
    with pytest.raises(GraphbuildError, match="no such graph file"):
        api.query(tmp_path / "none.ttl", "ASK {}")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <")
    with pytest.raises(GraphbuildError, match="not a readable RDF file"):
        api.query(bad, "ASK {}")


def test_canned_queries_are_listed_with_their_parameters():
    from graphbuild.sparql.queries import canned_queries

    queries = canned_queries()
    assert {
        "top-mentions",
        "top-degree",
        "neighbours",
        "evidence",
        "entities-of-type",
        "documents",
        "shortest-path",
        "top-links",
    } <= set(queries)
    assert queries["evidence"].params == ("a", "b") and queries["neighbours"].description


def test_canned_queries_answer_like_the_graph(seeds_exports, seeds_graph):
    import networkx as nx

    rdf = seeds_exports["ttl"]
    rows = list(api.named_query(rdf, "neighbours", {"label": "Wang"}))  # an alias finds the entity
    expected = sorted((d["weight"] for _, _, d in seeds_graph.edges("person/wang-huning", data=True)), reverse=True)
    assert [int(r.weight) for r in rows] == expected
    evidence = list(api.named_query(rdf, "evidence", {"a": "CPC", "b": "Lhasa"}))
    edge = seeds_graph.edges["organization/communist-party-of-china", "place/lhasa"]
    assert [str(r.sentence) for r in evidence] == [e["text"] for e in edge["evidence"]]
    hops = int(next(iter(api.named_query(rdf, "shortest-path", {"source": "Drolkar", "target": "Lhasa"}))).hops)
    label = {d["label"]: k for k, d in seeds_graph.nodes(data=True)}
    assert hops == nx.shortest_path_length(seeds_graph, label["Drolkar"], label["Lhasa"])
    assert len(list(api.named_query(rdf, "entities-of-type", {"type": "event"}))) == sum(
        1 for _, t in seeds_graph.nodes(data="type") if t == "Event"
    )
    assert len(list(api.named_query(rdf, "documents", {"label": "Party"}))) == 2
    top = list(api.named_query(rdf, "top-links", {}))
    by_g2 = sorted(seeds_graph.edges(data=True), key=lambda e: -e[2]["log_likelihood"])[:30]
    assert [float(r.logLikelihood) for r in top] == [d["log_likelihood"] for _, _, d in by_g2]
    first = seeds_graph.edges[label[str(top[0].a)], label[str(top[0].b)]]
    assert (int(top[0].weight), float(top[0].npmi), float(top[0].association)) == (
        first["weight"],
        first["npmi"],
        first["association"],
    )


def test_parameters_are_bound_not_pasted(seeds_exports):
    hostile = 'Wang" } UNION { ?entity ?p ?o } #'
    assert list(api.named_query(seeds_exports["ttl"], "neighbours", {"label": hostile})) == []
    with pytest.raises(GraphbuildError, match="params must name exactly the parameters of query .neighbours.: label"):
        api.named_query(seeds_exports["ttl"], "neighbours", {})
