"""graphbuild: text documents -> entities -> co-occurrence graph -> RDF, HTML and SPARQL.

The notebook API, the same the CLI calls: ``build_and_export``, ``build``, ``build_texts``, ``export``,
``load``, ``query``, ``named_query`` ... (see README.md).
"""

from importlib import import_module

from .errors import GraphbuildError, OptionError
from .options import BuildOptions

_LAZY = {
    "build_and_export": "api",
    "summary": "api",
    "clear_cache": "api",
    "named_queries": "api",
    "read_query": "api",
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
    "OptionError",
    "build",
    "build_and_export",
    "build_documents",
    "build_texts",
    "clear_cache",
    "explain",
    "export",
    "load",
    "named_queries",
    "named_query",
    "query",
    "read_query",
    "summary",
    "to_rdf",
]
