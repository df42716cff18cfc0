"""A self-contained interactive HTML explorer: pyvis shapes the vis-network nodes, edges and options,
our own template adds the legend, filters, search and side panel.

Every script and style is inlined (pyvis's own templates still load Bootstrap and vis-network from
CDNs, pyvis #228/#229), and all data enters the page as JSON that cannot close its <script> element.
"""

from __future__ import annotations

import json
import math
from importlib.resources import files
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment
from markupsafe import Markup
from pyvis.network import Network

from ..graph import entity_counts
from ..model import ENTITY_TYPES

TYPE_COLOURS = {"Person": "#e15759", "Place": "#4e79a7", "Organization": "#59a14f", "Event": "#f28e2b"}
COMMUNITY_COLOURS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
                     "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#8c564b"]
#: Above this many nodes the layout is computed in Python and vis.js physics stays off (pyvis #204).
PHYSICS_MAX_NODES = 300


def render(graph: nx.Graph, base_iri: str = "", title: str = "graphbuild") -> str:
    """The explorer page for a graph, as one HTML string with no external reference."""
    positions = _layout(graph) if graph.number_of_nodes() > PHYSICS_MAX_NODES else {}
    net = _vis_network(graph, positions)
    vis_nodes, vis_edges, _, _, _, vis_options = net.get_network_data()
    templates = files(__package__).parent.joinpath("templates")
    env = Environment(autoescape=True)
    page = env.from_string(templates.joinpath("graph.html").read_text("utf-8"))
    return page.render(
        title=title,
        css=Markup(templates.joinpath("explorer.css").read_text("utf-8")),
        data=_json(_details(graph)),
        nodes=_json(vis_nodes),
        edges=_json(vis_edges),
        options=_json(json.loads(vis_options)),
        vis_js=Markup(_vis_js()),
        explorer_js=Markup(templates.joinpath("explorer.js").read_text("utf-8")),
    )


def _vis_network(graph: nx.Graph, positions: dict) -> Network:
    """The pyvis network: node colour by type, size by mentions, edge width by weight."""
    net = Network(height="100%", width="100%")
    if positions:
        net.toggle_physics(False)
    else:
        net.force_atlas_2based(gravity=-60, spring_length=120, damping=0.6)
        net.options.physics.stabilization = {"enabled": True, "iterations": 400, "fit": True}
    net.options.interaction.hover = True
    net.options.interaction.tooltipDelay = 150
    net.options.edges.smooth.enabled = False
    # Filled in directly: Network.add_node scans the node list on every call (quadratic).
    for key, data in graph.nodes(data=True):
        node = {"id": key, "label": data["label"], "shape": "dot", "value": data["mentions"],
                "color": TYPE_COLOURS.get(data["type"], "#999999")}
        if key in positions:
            node["x"], node["y"] = positions[key]
        net.nodes.append(node)
    for index, (a, b, data) in enumerate(graph.edges(data=True)):
        net.edges.append({"id": f"e{index}", "from": a, "to": b, "value": data["weight"],
                          "color": {"color": "#b9b9b9", "highlight": "#555555", "hover": "#777777"}})
    return net


def _details(graph: nx.Graph) -> dict:
    """What the side panel, legend and search need, beyond what vis-network draws."""
    communities = nx.community.louvain_communities(graph, weight="weight", seed=1) if graph else []
    community_of = {key: i for i, members in enumerate(sorted(communities, key=len, reverse=True))
                    for key in members}
    counts = {t: 0 for t in ENTITY_TYPES} | entity_counts(graph)
    return {
        "window": graph.graph.get("window", ""),
        "documents": {k: {"name": v["name"], "title": v["title"]}
                      for k, v in graph.graph.get("documents", {}).items()},
        "types": [{"name": t, "colour": TYPE_COLOURS.get(t, "#999999"), "count": c} for t, c in counts.items()],
        "communityColours": COMMUNITY_COLOURS,
        "nodes": [
            {"id": key, "label": d["label"], "type": d["type"], "aliases": d["aliases"],
             "mentions": d["mentions"], "documents": d["documents"], "community": community_of.get(key, 0)}
            for key, d in graph.nodes(data=True)
        ],
        "edges": [
            {"id": f"e{index}", "from": a, "to": b, "weight": d["weight"], "documents": d["documents"],
             "evidence": [{"doc": ev["doc"], "text": ev["text"]} for ev in d["evidence"]]}
            for index, (a, b, d) in enumerate(graph.edges(data=True))
        ],
    }


def _layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions for big graphs, so the browser has no simulation to run."""
    scale = 60 * math.sqrt(graph.number_of_nodes())
    layout = nx.spring_layout(graph, weight="weight", seed=1, iterations=50, scale=scale)
    return {key: (round(float(x), 1), round(float(y), 1)) for key, (x, y) in layout.items()}


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
