"""The RDF namespaces graphbuild writes and predeclares in every query (light to import: rdflib only)."""

from __future__ import annotations

from rdflib import RDFS, XSD, Namespace
from rdflib.namespace import PROV, SKOS

SCHEMA = Namespace("https://schema.org/")
GB = Namespace("https://w3id.org/graphbuild/vocab#")

#: Prefixes bound in every graph written and predeclared in every query.
PREFIXES = {"schema": SCHEMA, "rdfs": RDFS, "skos": SKOS, "prov": PROV, "xsd": XSD, "gb": GB}
