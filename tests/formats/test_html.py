import json
import math
import re
import statistics

import pytest
from devtools.synthetic import small_graph, synthetic_graph
from graphbuild import api
from graphbuild.formats import html

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
