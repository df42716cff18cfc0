"""Every export format read back by an independent reader, compared with the graph."""

import csv
import io
import json

import networkx as nx
import pytest
from graphbuild import api
from graphbuild.atomic import write_all
from graphbuild.formats import FORMATS
from graphbuild.formats.neo4j import EDGE_HEADER, NODE_HEADER
from graphbuild.formats.rdf_syntaxes import turtle
from graphbuild.rdf import from_rdf, to_rdf
from rdflib import Graph


@pytest.fixture(scope="module")
def written(seeds_graph, tmp_path_factory):
    return api.export(seeds_graph, tmp_path_factory.mktemp("all"), list(FORMATS))


def test_every_format_is_written(written):
    assert sorted(written) == sorted(
        [
            "graph.ttl",
            "graph.html",
            "graph.graphml",
            "graph.gexf",
            "graph.json",
            "graph.jsonld",
            "graph.nt",
            "graph.nodes.csv",
            "graph.edges.csv",
        ]
    )


@pytest.mark.parametrize("name, reader", [("graph.graphml", nx.read_graphml), ("graph.gexf", nx.read_gexf)])
def test_graphml_and_gexf_read_back_with_their_attributes(written, seeds_graph, name, reader):
    back = reader(written[name])
    assert back.number_of_nodes() == seeds_graph.number_of_nodes()
    assert back.number_of_edges() == seeds_graph.number_of_edges()
    wang = back.nodes["person/wang-huning"]
    assert wang["label"] == "Wang Huning" and wang["type"] == "Person" and wang["aliases"] == "Wang"
    assert int(wang["mentions"]) == seeds_graph.nodes["person/wang-huning"]["mentions"]
    a, b = next(iter(seeds_graph.edges))
    assert float(back.edges[a, b]["weight"]) == seeds_graph.edges[a, b]["weight"]
    assert back.edges[a, b]["evidence"].startswith(seeds_graph.edges[a, b]["evidence"][0]["text"])


def test_node_link_json_keeps_everything_but_the_run_only_counts(written, seeds_graph):
    from graphbuild.formats.node_link import RUN_ONLY

    back = nx.node_link_graph(json.loads(written["graph.json"].read_text()), edges="links")
    expected = seeds_graph.copy()
    for key in RUN_ONLY:
        expected.graph.pop(key, None)
    assert nx.utils.graphs_equal(back, expected) and "parsed" in seeds_graph.graph


@pytest.mark.parametrize("name, fmt", [("graph.jsonld", "json-ld"), ("graph.nt", "nt"), ("graph.ttl", "turtle")])
def test_rdf_syntaxes_hold_the_same_triples(written, seeds_graph, name, fmt):
    back = Graph().parse(written[name], format=fmt)
    assert len(back) == len(to_rdf(seeds_graph))
    assert from_rdf(back).number_of_edges() == seeds_graph.number_of_edges()


def test_neo4j_csv_headers_and_rows(written, seeds_graph):
    nodes = list(csv.reader(io.StringIO(written["graph.nodes.csv"].read_text())))
    edges = list(csv.reader(io.StringIO(written["graph.edges.csv"].read_text())))
    assert nodes[0] == NODE_HEADER and edges[0] == EDGE_HEADER
    assert len(nodes) - 1 == seeds_graph.number_of_nodes() and len(edges) - 1 == seeds_graph.number_of_edges()
    ids = {row[0] for row in nodes[1:]}
    assert all(row[0] in ids and row[1] in ids and row[2] == "CO_OCCURS_WITH" for row in edges[1:])
    wang = next(row for row in nodes[1:] if row[0] == "person/wang-huning")
    assert wang[2] == "Entity;Person" and wang[3] == "Wang" and int(wang[4]) == 8


def test_a_turtle_file_round_trips_to_the_same_bytes(written):
    graph = api.load(written["graph.ttl"])
    assert turtle(graph, graph.graph["base_iri"]) == written["graph.ttl"].read_text()


@pytest.mark.processes
def test_export_command_converts_a_built_graph(written, tmp_path):
    from conftest import graphbuild

    run = graphbuild("export", written["graph.ttl"], "-o", tmp_path, "--format", "gexf,csv")
    assert run.returncode == 0, run.stderr
    assert (
        nx.read_gexf(tmp_path / "graph.gexf").number_of_nodes() == nx.read_gexf(written["graph.gexf"]).number_of_nodes()
    )
    assert (tmp_path / "graph.nodes.csv").read_text() == written["graph.nodes.csv"].read_text()


def test_text_in_chunks_is_written_as_it_comes_and_a_failure_midway_replaces_nothing(tmp_path):
    old = tmp_path / "graph.ttl"
    old.write_text("old\n")

    def chunks():
        yield "first\n"
        raise ValueError("a renderer failed halfway")

    with pytest.raises(ValueError):
        write_all({old: chunks(), tmp_path / "graph.nt": "whole\n"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"] and old.read_text() == "old\n"
    write_all({old: (f"line {i}\n" for i in range(3))})
    assert old.read_text() == "line 0\nline 1\nline 2\n"
