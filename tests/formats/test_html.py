import json
import math
import re
import statistics

import pytest
from devtools.synthetic import new_graph, small_graph, synthetic_graph
from graphbuild import api
from graphbuild.formats import html
from graphbuild.graph import attributes
from graphbuild.graph.timeline import spread

from helpers import INJECTION


@pytest.fixture(scope="module")
def seeds_html(seeds_exports):
    return seeds_exports["html"].read_text("utf-8")


@pytest.fixture(scope="module")
def evil_html(nlp):
    return html.render(api.build_texts(INJECTION))


def embedded(page, element_id):
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', page, re.DOTALL)
    return json.loads(match.group(1))


def test_page_is_self_contained(seeds_html):
    assert not re.search(r"""(src|href|action)\s*=\s*["']?\s*(https?:)?//""", seeds_html, re.IGNORECASE)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import|sourceMappingURL", seeds_html, re.IGNORECASE)
    assert "default-src 'none'" in seeds_html  # the browser itself refuses any request
    assert "vis.Network" in seeds_html and len(seeds_html) > 100_000  # vis-network is inlined


def test_page_carries_every_node_and_edge_with_details(seeds_html, seeds_graph):
    data = embedded(seeds_html, "graph-data")
    assert len(data["nodes"]) == seeds_graph.number_of_nodes()
    assert len(data["edges"]) == seeds_graph.number_of_edges()
    vis_nodes = embedded(seeds_html, "vis-nodes")
    assert {n["id"] for n in vis_nodes} == set(seeds_graph.nodes)
    wang = next(n for n in data["nodes"] if n["label"] == "Wang Huning")
    assert wang["type"] == "Person" and wang["mentions"] >= 2
    assert {t["name"]: t["count"] for t in data["types"]}["Person"] == sum(
        1 for _, t in seeds_graph.nodes(data="type") if t == "Person"
    )
    assert all(e["evidence"] and e["evidence"][0]["text"] for e in data["edges"])


def test_document_text_cannot_break_out_of_the_data(evil_html):
    for raw in ("<script>alert", "<img src=x", 'href="javascript:', "</script><script>"):
        assert raw not in evil_html
    texts = " ".join(ev["text"] for e in embedded(evil_html, "graph-data")["edges"] for ev in e["evidence"])
    assert "<script>alert(1)</script>" in texts and "onerror=alert(2)" in texts  # kept, as text


def test_explorer_never_writes_html_from_data():
    source = html.explorer_js()
    assert "innerHTML" not in source and "insertAdjacentHTML" not in source and "document.write" not in source


def test_big_graphs_are_laid_out_in_python_with_physics_off():
    graph = synthetic_graph(1_000, 4_000)
    page = html.render(graph)
    options = embedded(page, "vis-options")
    assert options["physics"]["enabled"] is False and options["layout"]["improvedLayout"] is False
    assert options["interaction"]["hideEdgesOnDrag"] is True
    pos = {n["id"]: (n["x"], n["y"]) for n in embedded(page, "vis-nodes")}
    assert len(pos) == 1_000 and len(set(pos.values())) == 1_000
    edge = statistics.mean(math.dist(pos[a], pos[b]) for a, b in graph.edges())
    keys = list(pos)
    pair = statistics.mean(math.dist(pos[a], pos[b]) for a, b in zip(keys, keys[500:] + keys[:500]))
    assert edge < pair / 2  # neighbours are drawn close together: a layout, not noise


def test_small_graphs_start_from_python_positions_and_keep_physics():
    page = html.render(small_graph())
    assert embedded(page, "vis-options")["physics"]["enabled"] is True
    nodes = {n["id"]: n for n in embedded(page, "vis-nodes")}
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes.values())
    assert nodes["obama"]["size"] == 30 and nodes["berlin"]["size"] == 10  # most and fewest mentions
    widths = {e["width"] for e in embedded(page, "vis-edges")}
    assert min(widths) == 1 and max(widths) == 8  # weight 1 and weight 3


def test_huge_graphs_are_cut_to_the_most_mentioned_entities_with_a_note():
    from devtools.synthetic import synthetic_graph

    graph = synthetic_graph(300, 900)
    cut, note = html.bounded(graph, max_nodes=100, max_edges=150)
    assert cut.number_of_nodes() == 100 and cut.number_of_edges() <= 150
    least_kept = min(d["mentions"] for _, d in cut.nodes(data=True))
    assert all(d["mentions"] <= least_kept for k, d in graph.nodes(data=True) if k not in cut)
    assert "100 most mentioned of 300 entities" in note
    assert html.bounded(graph)[1] == ""  # small enough: untouched
    page = html.render(synthetic_graph(30, 60))
    assert 'id="bounded"' not in page


def test_every_seed_entity_carries_a_sentence_naming_it_from_its_documents(seeds_graph):
    for key, d in seeds_graph.nodes(data=True):
        assert sorted(d["snippets"]) == d["documents"][: html.MAX_LISTED_DOCUMENTS], key
        for text in d["snippets"].values():
            assert any(name.casefold() in text.casefold() for name in [d["label"], *d["aliases"]]), (key, text)


def test_the_page_gives_a_time_axis_with_its_gaps_sources_and_the_cells_the_filters_test():
    graph = new_graph()
    for doc_id, day, source in (
        ("a", "2016-11-20", "bbc"),
        ("b", "2017-02-07T10:00", "cnn"),
        ("c", "", "bbc"),
        ("d", "2017-02-08", ""),
    ):
        graph.graph["documents"][doc_id] = attributes.document(f"{doc_id}.txt", doc_id, f"{doc_id}.txt", day, source)
    docs = graph.graph["documents"]
    for key, in_docs in (("x", ["a", "b"]), ("y", ["c", "d"])):
        seen = spread([(d, 1) for d in in_docs], docs, "month")
        graph.add_node(key, **attributes.node(key.upper(), "Person", [], 2, in_docs, seen=seen))
    graph.add_edge("x", "y", **attributes.edge(1, ["b"], [], spread([("b", 1)], docs, "month")))
    data = embedded(html.render(graph), "graph-data")
    assert data["time"] == {"period": "month", "labels": ["2016-11", "2016-12", "2017-01", "2017-02"]}
    assert data["sources"] == ["bbc", "cnn"]  # most documents first
    # cell = period index * (2 sources + 1) + source index; period 4 is "undated", source 2 "none"
    assert {k: d["cell"] for k, d in data["documents"].items()} == {"a": 0, "b": 10, "c": 12, "d": 11}
    x, y = data["nodes"]
    assert (x["cells"], y["cells"], data["edges"][0]["cells"]) == ([0, 10], [11, 12], [10])
    assert (x["firstSeen"], x["lastSeen"], x["periods"], x["sources"]) == (
        "2016-11-20",
        "2017-02-07",
        [[0, 1], [3, 1]],
        [[0, 1], [1, 1]],
    )
    assert (y["firstSeen"], y["periods"], y["sources"]) == ("2017-02-08", [[3, 1]], [[0, 1]])


def test_an_undated_graph_has_no_time_axis():
    data = embedded(html.render(small_graph()), "graph-data")
    assert data["time"]["labels"] == [] and data["sources"] == []
    assert all(n["cells"] == [0] for n in data["nodes"])  # every document: undated, no source
