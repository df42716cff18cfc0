"""graphbuild: text documents -> entities -> co-occurrence graph -> RDF, HTML and SPARQL.

The notebook API: ``build``, ``build_texts``, ``export``, ``query`` (see README.md).
"""

from .api import build, build_documents, build_texts, explain, export, load, query
from .errors import GraphbuildError
from .options import BuildOptions
from .rdf import to_rdf

__all__ = ["BuildOptions", "GraphbuildError", "build", "build_documents", "build_texts", "explain", "export", "load", "query", "to_rdf"]
