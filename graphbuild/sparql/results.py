"""SPARQL answers as text: an aligned table, CSV, SPARQL JSON or TSV; ASK as true/false; graphs as Turtle."""

from __future__ import annotations

import csv
import io

from rdflib import Graph, Literal, URIRef
from rdflib.query import Result, ResultRow
from rdflib.term import Variable

from ..errors import GraphbuildError
from ..options import RESULT_FORMATS
from ..rdf.namespaces import PREFIXES


def format_result(result: Result, fmt: str = "table") -> str:
    """SELECT rows as an aligned table, CSV or SPARQL JSON; ASK as true/false; graphs as Turtle."""
    if fmt not in RESULT_FORMATS:
        raise GraphbuildError(f"unknown result format {fmt!r}: choose from {', '.join(RESULT_FORMATS)}")
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = result.graph if result.graph is not None else Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        return graph.serialize(format="turtle")
    if fmt == "json":
        return (result.serialize(format="json") or b"").decode("utf-8") + "\n"
    if result.type == "ASK":
        return ("true" if result.askAnswer else "false") + "\n"
    variables, found = _select(result)
    names = [str(v) for v in variables]
    rows = [[_cell(row[v], fmt) for v in variables] for row in found]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return out.getvalue()
    return _table(names, rows)


def _select(result: Result) -> tuple[list[Variable], list[ResultRow]]:
    """A SELECT result's variables and rows, a solution that binds nothing included (iterating an rdflib
    Result drops it, as SPARQL JSON keeps it)."""
    variables = list(result.vars or [])
    return variables, [ResultRow(binding, variables) for binding in result.bindings]


def _cell(value, fmt: str) -> str:
    if value is None:
        return ""
    if isinstance(value, URIRef) and fmt == "table":
        for prefix, namespace in PREFIXES.items():
            if str(value).startswith(str(namespace)):
                return f"{prefix}:{value[len(str(namespace)) :]}"
    if isinstance(value, (Literal, URIRef)):
        return str(value)
    return value.n3()


def _table(names: list[str], rows: list[list[str]]) -> str:
    rows = [[" ".join(c.split()) for c in row] for row in rows]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in rows]
    return "\n".join(out) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n"


def tsv(result: Result) -> str:
    """SPARQL 1.1 TSV results: a header of ?names, then terms in Turtle syntax, tab-separated."""
    if result.type == "ASK":
        return ("true" if result.askAnswer else "false") + "\n"
    variables, found = _select(result)
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines += ["\t".join(row[v].n3() if row[v] is not None else "" for v in variables) for row in found]
    return "\n".join(lines) + "\n"
