"""Write a graph to files, one module per format; every file is written atomically."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import networkx as nx

from ..errors import GraphbuildError
from ..options import DEFAULT_BASE_IRI
from . import html, turtle
from .atomic import write_atomic

#: format name -> (file name, renderer(graph, base_iri) -> text)
FORMATS: dict[str, tuple[str, Callable[[nx.Graph, str], str]]] = {
    "ttl": ("graph.ttl", turtle.render),
    "html": ("graph.html", html.render),
}
DEFAULT_FORMATS = ("ttl", "html")


def export(
    graph: nx.Graph,
    out_dir: str | Path = "exports",
    formats: Sequence[str] = DEFAULT_FORMATS,
    base_iri: str = DEFAULT_BASE_IRI,
) -> dict[str, Path]:
    """Render every format first, then write each file atomically; returns format -> path."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise GraphbuildError(f"unknown format {unknown[0]!r}: choose from {', '.join(FORMATS)}")
    out = prepare_output_dir(Path(out_dir))
    rendered = {fmt: FORMATS[fmt][1](graph, base_iri) for fmt in formats}
    return {fmt: write_atomic(out / FORMATS[fmt][0], text) for fmt, text in rendered.items()}


def prepare_output_dir(out: Path) -> Path:
    """Create the output folder if needed; refuse a path that is a file."""
    if out.exists() and not out.is_dir():
        raise GraphbuildError(f"{out}: exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise GraphbuildError(f"{out}: cannot create the output folder ({error.strerror})") from None
    return out
