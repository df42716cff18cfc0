"""RDF: the mapping of the graph to schema.org, SKOS, PROV and graphbuild's vocabulary, and back."""

from .mapping import from_rdf, to_rdf

__all__ = ["from_rdf", "to_rdf"]
