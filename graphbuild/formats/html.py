"""A self-contained interactive HTML explorer: pyvis shapes the vis-network nodes, edges and options,
our own template adds the legend, filters, search and side panel.

Every script and style is inlined (pyvis's own templates still load Bootstrap and vis-network from
CDNs, pyvis #228/#229), and all data enters the page as JSON that cannot close its <script> element.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from importlib.resources import files
from itertools import chain
from pathlib import Path

import networkx as nx
import numpy as np
import pyvis
from jinja2 import Environment
from markupsafe import Markup
from pyvis.network import Network

from ..graph.build import entity_counts
from ..graph.layout import communities, layout
from ..graph.timeline import bounds, labels_between, period_of
from ..options import DEFAULT_PERIOD, LISTED_DOCUMENTS
from ..records import ENTITY_TYPES

TYPE_COLOURS = {"Person": "#e15759", "Place": "#4e79a7", "Organization": "#59a14f", "Event": "#f28e2b"}
COMMUNITY_COLOURS = [
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
    "#1f77b4",
    "#8c564b",
]
#: Up to this many nodes vis.js physics polishes the Python layout in the browser; above, it stays off
#: (pyvis #204: the simulation freezes pages of a few thousand nodes).
PHYSICS_MAX_NODES = 300
#: Past this many nodes the page opens with the unconnected ones hidden (on news graphs they are a ring
#: around the rest).
HIDE_ISOLATED_FROM = 300
#: The page stays usable up to here (benchmarks/RESULTS.md, "HTML explorer");
#: a bigger graph is cut to its most mentioned entities and heaviest edges. The RDF and other exports
#: always hold the whole graph.
MAX_NODES, MAX_EDGES = 20_000, 80_000
#: Documents named per entity or edge in the page ("and 287 more" after them): the full lists of a huge
#: input made a page of hundreds of megabytes (benchmarks/RESULTS.md). The RDF holds them all.
MAX_LISTED_DOCUMENTS = LISTED_DOCUMENTS
#: Characters of a sentence shown beside a document in an entity's panel (then "...").
SNIPPET_CHARS = 240


def bounded(graph: nx.Graph, max_nodes: int = MAX_NODES, max_edges: int = MAX_EDGES) -> tuple[nx.Graph, str]:
    """The graph cut to its ``max_nodes`` most mentioned entities (ties: degree, key) and their
    ``max_edges`` heaviest edges, and a note saying so (empty when nothing was cut)."""
    nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
    if nodes <= max_nodes and edges <= max_edges:
        return graph, ""
    keep = sorted(graph.nodes, key=lambda k: (-graph.nodes[k]["mentions"], -graph.degree[k], k))[:max_nodes]
    sub = graph.subgraph(keep)
    weighted = [(a, b, d["weight"]) for a, b, d in sub.edges(data=True)]
    heaviest = sorted(weighted, key=lambda e: (-e[2], min(e[0], e[1]), max(e[0], e[1])))[:max_edges]
    cut: nx.Graph = nx.Graph(**graph.graph)
    cut.add_nodes_from((k, graph.nodes[k]) for k in keep)
    cut.add_edges_from((a, b, graph.edges[a, b]) for a, b, _ in heaviest)
    note = (
        f"Showing the {cut.number_of_nodes():,} most mentioned of {nodes:,} entities and the "
        f"{cut.number_of_edges():,} heaviest of their co-occurrences ({edges:,} in the whole graph)."
    )
    return cut, note


def render(graph: nx.Graph, base_iri: str = "", title: str | None = None) -> str:
    """The explorer page for a graph, as one HTML string with no external reference."""
    title = title or corpus_title(graph)
    graph, note = bounded(graph)
    # No physics for an empty graph either: vis would never report the stabilisation the page waits for.
    net = _vis_network(graph, layout(graph), physics=0 < graph.number_of_nodes() <= PHYSICS_MAX_NODES)
    vis_nodes, vis_edges, _, _, _, vis_options = net.get_network_data()
    templates = files("graphbuild").joinpath("templates", "explorer")
    env = Environment(autoescape=True)
    page = env.from_string(templates.joinpath("page.html").read_text("utf-8"))
    return page.render(
        title=title,
        note=note,
        css=Markup(templates.joinpath("explorer.css").read_text("utf-8")),
        data=_json(_details(graph)),
        nodes=_json(vis_nodes),
        edges=_json(vis_edges),
        options=_json(json.loads(vis_options)),
        vis_js=Markup(_vis_js()),
        explorer_js=Markup(explorer_js()),
    )


def explorer_js() -> str:
    """The explorer's script: the parts in ``templates/explorer/NN-*.js`` joined in their numbered order.
    Each part is one section of a single closure (data, filters, labels, panning, legend, search, panel,
    URL state, controls): the first opens it, the last closes it."""
    folder = files("graphbuild").joinpath("templates", "explorer")
    parts = sorted((p for p in folder.iterdir() if p.name.endswith(".js")), key=lambda p: p.name)
    return "".join(part.read_text("utf-8") for part in parts)


def corpus_title(graph: nx.Graph) -> str:
    """ "news (3,788 documents) - graphbuild": the folder the documents share, or the one document's title."""
    documents = list(graph.graph.get("documents", {}).values())
    if len(documents) == 1:
        return f"{documents[0]['title'] or documents[0]['name']} - graphbuild"
    paths = {d["path"].split("!", 1)[0] for d in documents if d.get("path") and d["path"] != "-"}
    if len(paths) == 1 and len(documents) > 1:  # the records of one table, or the members of one archive
        return f"{Path(paths.pop()).stem} ({len(documents):,} documents) - graphbuild"
    folders = {str(Path(d["path"]).parent) for d in documents if d.get("path") and d["path"] != "-"}
    folder = Path(os.path.commonpath(sorted(folders))).name if folders else ""
    return f"{folder or 'graph'} ({len(documents):,} documents) - graphbuild" if documents else "graphbuild"


def _vis_network(graph: nx.Graph, positions: dict, physics: bool) -> Network:
    """The pyvis network: node colour by type, size by mentions, edge width by weight.

    Sizes and widths are computed here rather than left to vis's `value` scaling, which costs the
    browser over a second on 20,000 nodes.
    """
    net = Network(height="100%", width="100%")
    # Every node has a position, so vis's improvedLayout (minutes on big graphs) has nothing to do.
    net.options.layout = {"improvedLayout": False}
    if physics:
        net.force_atlas_2based(gravity=-80, spring_length=150, damping=0.6, overlap=0.5)
        net.options.physics.stabilization = {"enabled": True, "iterations": 400, "fit": True}
    else:
        net.toggle_physics(False)
        net.options.interaction.hideEdgesOnDrag = True  # redrawing 20,000 edges per frame is sluggish
        net.options.interaction.hideEdgesOnZoom = True
    net.options.interaction.hover = True
    # Arrows and +/- move and zoom the focused graph; never steal the focus from the search box on hover.
    net.options.interaction.keyboard = {"enabled": True, "bindToWindow": False, "autoFocus": False}
    net.options.interaction.tooltipDelay = 150
    net.options.edges.smooth.enabled = False
    net.options.edges.color = {"color": "#b9b9b9", "highlight": "#555555", "hover": "#777777"}
    # Filled in directly: Network.add_node scans the node list on every call (quadratic).
    sizes = _scale([d["mentions"] for _, d in graph.nodes(data=True)], 10, 30)
    for (key, data), size in zip(graph.nodes(data=True), sizes):
        node = {
            "id": key,  # no vis label: explorer.js draws the labels itself
            "shape": "dot",
            "size": size,
            "color": TYPE_COLOURS.get(data["type"], "#999999"),
        }
        node["x"], node["y"] = positions[key]
        net.nodes.append(node)
    widths = _scale([d["weight"] for _, _, d in graph.edges(data=True)], 1, 8)
    for index, ((a, b, d), width) in enumerate(zip(graph.edges(data=True), widths)):
        net.edges.append({"id": f"e{index}", "from": a, "to": b, "width": width, **_typed_edge(a, d)})
    return net


def _typed_edge(a: str, d: dict) -> dict:
    """How an edge with typed relations is drawn: an arrow the way its most stated relation goes, and that
    relation's predicate as a short label ("+1" for each other)."""
    relations = sorted(d.get("relations", ()), key=lambda r: -r["count"])
    if not relations:
        return {}
    top = relations[0]
    label = ("not " if top["negated"] else "") + top["predicate"]
    label = (label[:23] + "\u2026" if len(label) > 24 else label) + (
        f" +{len(relations) - 1}" if len(relations) > 1 else ""
    )
    return {
        "arrows": "to" if top["subject"] == a else "from",
        "label": label,
        "font": {"size": 10, "color": "#555555", "strokeWidth": 3, "align": "middle"},
    }


def _scale(values: list[int], low: float, high: float) -> list[float]:
    """Counts (all >= 1) mapped onto [low, high] on a log scale: mentions and weights have long tails."""
    logs = np.log(np.array(values, dtype=np.float64))
    span = logs.max() - logs.min() if len(logs) else 0.0
    scaled = low + (high - low) * (logs - logs.min()) / span if span else np.full(len(logs), low)
    return [round(float(x), 1) for x in scaled]


def _sentences(evidence: list) -> list[dict]:
    """Evidence as the page shows it: each sentence's document and text."""
    return [{"doc": ev["doc"], "text": ev["text"]} for ev in evidence]


def _details(graph: nx.Graph) -> dict:
    """What the side panel, legend and search need, beyond what vis-network draws."""
    community_of = communities(graph)
    counts = {t: 0 for t in ENTITY_TYPES} | entity_counts(graph)
    members: dict[str, list[str]] = {k: [] for k in graph.graph.get("documents", {})}
    for key, data in graph.nodes(data=True):
        for doc in data["documents"]:
            members.setdefault(doc, []).append(key)
    axes = _axes(graph)
    period_index, source_index, cell = axes.period_index, axes.source_index, axes.cell

    def seen(d: dict) -> dict:
        """When and by whom a node or edge was seen: its days, its weight per period and per source (by
        their index in the page's axes), and the cells (period and source) of its documents, which the
        page's time and source filters test."""
        return {
            "firstSeen": d["first_seen"],
            "lastSeen": d["last_seen"],
            "periods": [[period_index[p], w] for p, w in d["periods"].items()],
            "sources": [[source_index[s], w] for s, w in sorted(d["sources"].items(), key=lambda sw: -sw[1])],
            "cells": sorted({cell[doc] for doc in d["documents"] if doc in cell}),
        }

    return {
        "window": graph.graph.get("window", ""),
        "time": {"period": axes.period, "labels": list(period_index)},
        "sources": list(source_index),
        "bigGraph": HIDE_ISOLATED_FROM,
        "snippetChars": SNIPPET_CHARS,
        "documents": {
            k: {
                "name": v["name"],
                "title": v["title"],
                "date": v.get("date", "")[:10],
                "source": v.get("source", ""),
                "url": _web_url(v.get("url", "")),
                "cell": cell[k],
                "entities": members.get(k, []),
            }
            for k, v in graph.graph.get("documents", {}).items()
        },
        "types": [{"name": t, "colour": TYPE_COLOURS.get(t, "#999999"), "count": c} for t, c in counts.items()],
        "communityColours": COMMUNITY_COLOURS,
        "nodes": [
            {
                "id": key,
                "label": d["label"],
                "type": d["type"],
                "aliases": d["aliases"],
                "mentions": d["mentions"],
                "documents": d["documents"][:MAX_LISTED_DOCUMENTS],
                "snippets": _listed_snippets(d),
                "documentCount": len(d["documents"]),
                "community": community_of.get(key, 0),
                **seen(d),
                **(
                    {
                        "dates": [
                            {
                                "date": x["date"],
                                "count": x["count"],
                                "evidence": _sentences(x["evidence"][:2]),
                            }
                            for x in d["dates"]
                        ]
                    }
                    if "dates" in d
                    else {}
                ),
            }
            for key, d in graph.nodes(data=True)
        ],
        "edges": [
            {
                "id": f"e{index}",
                "from": a,
                "to": b,
                "weight": d["weight"],
                "documents": d["documents"][:MAX_LISTED_DOCUMENTS],
                "documentCount": len(d["documents"]),
                "evidence": _sentences(d["evidence"]),
                "association": d["association"],
                "npmi": d["npmi"],
                "logLikelihood": d["log_likelihood"],
                **seen(d),
                **(
                    {
                        "relations": [
                            {
                                "from": r["subject"],
                                "to": r["object"],
                                "predicate": r["predicate"],
                                "kind": r["kind"],
                                "negated": r["negated"],
                                "modality": r["modality"],
                                "count": r["count"],
                                "evidence": _sentences(r["evidence"][:2]),
                            }
                            for r in d["relations"]
                        ]
                    }
                    if d.get("relations")
                    else {}
                ),
            }
            for index, (a, b, d) in enumerate(graph.edges(data=True))
        ],
    }


@dataclass(frozen=True)
class _Axes:
    """The page's time axis (every period from the first seen to the last, empty ones included, so the
    histogram shows the gaps) and its sources (most documents first), each label -> its index, and each
    document's cell: its period index times (sources + 1) plus its source index, where the last period and
    the last source stand for none."""

    period: str
    period_index: dict[str, int]
    source_index: dict[str, int]
    cell: dict[str, int]


def _axes(graph: nx.Graph) -> _Axes:
    """The time and source axes of a graph's page (``_Axes``)."""
    documents = graph.graph.get("documents", {})
    period = graph.graph.get("period", DEFAULT_PERIOD)
    seen = {period_of(d.get("date", ""), period) for d in documents.values()} - {""}
    count = dict.fromkeys(sorted({d.get("source", "") for d in documents.values()} - {""}), 0)
    for d in documents.values():
        if d.get("source"):
            count[d["source"]] += 1
    # The nodes' and edges' periods and sources are their documents': only a graph made by hand adds any.
    for data in chain((d for _, d in graph.nodes(data=True)), (d for _, _, d in graph.edges(data=True))):
        seen.update(data["periods"])
        for s in data["sources"]:
            count.setdefault(s, 0)
    labels = labels_between(min(bounds(p)[0] for p in seen), max(bounds(p)[1] for p in seen), period) if seen else []
    sources = sorted(count, key=lambda s: (-count[s], s))
    period_index = {label: i for i, label in enumerate(labels)}
    source_index = {name: i for i, name in enumerate(sources)}
    cell = {
        k: period_index.get(period_of(d.get("date", ""), period), len(labels)) * (len(sources) + 1)
        + source_index.get(d.get("source", ""), len(sources))
        for k, d in documents.items()
    }
    return _Axes(period, period_index, source_index, cell)


def _web_url(url: str) -> str:
    """A document's URL if it is a web address (http or https), else "": no javascript: or data: link."""
    return url if url.lower().startswith(("http://", "https://")) and not any(c.isspace() for c in url) else ""


def _listed_snippets(node: dict) -> dict[str, str]:
    """The kept sentences of the documents the page lists for a node, cut to what the panel shows."""
    kept = node.get("snippets", {})
    return {doc: kept[doc][: SNIPPET_CHARS + 1] for doc in node["documents"][:MAX_LISTED_DOCUMENTS] if doc in kept}


def _json(value) -> Markup:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' survives unescaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _vis_js() -> str:
    """pyvis's bundled vis-network build, without its source-map comment (a request in dev tools)."""
    path = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
    lines = path.read_text("utf-8").split("\n")  # not splitlines(): the code holds U+2028 and friends
    return "\n".join(line for line in lines if not line.startswith("//# sourceMappingURL"))
