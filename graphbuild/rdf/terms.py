"""The terms of the RDF blocks (mapping.py): IRIs and typed literals as plain str subclasses, far cheaper to
make than rdflib's validated terms, and the one way a date becomes a literal."""

from __future__ import annotations

from typing import Self

from rdflib import XSD


class IRI(str):
    """An IRI in a block: a plain str subclass, far cheaper to make than rdflib's validated URIRef."""


class Typed(str):
    """A literal with a datatype in a block ("2017-02-07" as an xsd:date)."""

    datatype: str

    def __new__(cls, value: str, datatype: str) -> Self:
        typed = super().__new__(cls, value)
        typed.datatype = datatype
        return typed


def dated(value: str) -> Typed:
    """An ISO 8601 date as xsd:date, with a time as xsd:dateTime, a year and month as xsd:gYearMonth, a year
    as xsd:gYear."""
    return Typed(value, str({4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}.get(len(value), XSD.dateTime)))
