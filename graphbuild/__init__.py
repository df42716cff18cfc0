"""graphbuild: text documents -> entities -> co-occurrence graph -> RDF, HTML and SPARQL.

The notebook API: ``build``, ``build_texts``, ``export``, ``query`` (see README.md).
"""

from importlib import import_module

from .errors import GraphbuildError
from .options import BuildOptions

_LAZY = {
    "build": "api",
    "build_documents": "api",
    "build_texts": "api",
    "explain": "api",
    "export": "api",
    "load": "api",
    "query": "api",
    "named_query": "api",
    "to_rdf": "rdf",
}


def __getattr__(name: str):
    """The API loads spaCy, NetworkX and the exporters only when first used (``graphbuild --help``
    and ``graphbuild query`` start without them)."""
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BuildOptions",
    "GraphbuildError",
    "build",
    "build_documents",
    "build_texts",
    "explain",
    "export",
    "load",
    "named_query",
    "query",
    "to_rdf",
]
