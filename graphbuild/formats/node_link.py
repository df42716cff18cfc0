"""Node-link JSON (NetworkX's shape, read by d3, pandas and NetworkX itself), with every attribute."""

from __future__ import annotations

import json

import networkx as nx

from ..graph.attributes import RUN_ONLY


def render(graph: nx.Graph, base_iri: str = "") -> str:
    data = nx.node_link_data(graph, edges="links")
    data["graph"] = {k: v for k, v in data["graph"].items() if k not in RUN_ONLY}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
