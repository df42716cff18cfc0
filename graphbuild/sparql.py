"""SPARQL over a graphbuild graph: load the RDF, run a query with the usual prefixes, format answers."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from pyparsing import ParseException
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result, ResultRow
from rdflib.term import Variable
from rdflib.util import guess_format

from .errors import GraphbuildError, OptionError
from .namespaces import PREFIXES
from .options import RESULT_FORMATS


@dataclass(frozen=True)
class CannedQuery:
    """A named query shipped in graphbuild/queries/NAME.rq; its first comment line describes it and a
    "# params: a b" line names the variables the user binds."""

    name: str
    description: str
    params: tuple[str, ...]
    text: str


def canned_queries() -> dict[str, CannedQuery]:
    """The named queries shipped with the package, by name."""
    found = {}
    for path in sorted(files(__package__).joinpath("queries").iterdir(), key=lambda p: p.name):
        if path.name.endswith(".rq"):
            text = path.read_text("utf-8")
            comments = [line[1:].strip() for line in text.splitlines() if line.startswith("#")]
            params = next((c.split(":", 1)[1].split() for c in comments if c.startswith("params:")), [])
            name = path.name[:-3]
            found[name] = CannedQuery(name, comments[0] if comments else "", tuple(params), text)
    return found


def canned(name: str, params: dict[str, str]) -> CannedQuery:
    """A named query, checked against the parameters given for it."""
    queries = canned_queries()
    if name not in queries:
        raise OptionError("name", f"must be one of the shipped queries ({', '.join(queries)}), not {name!r}")
    query = queries[name]
    missing = [p for p in query.params if p not in params]
    extra = [p for p in params if p not in query.params]
    if missing or extra:
        wanted = ", ".join(query.params) or "none"
        raise OptionError("params", f"must name exactly the parameters of query {name!r}: {wanted}")
    return query


def load_rdf(path: str | Path) -> Graph:
    """Parse an RDF file (format guessed from its extension, Turtle by default)."""
    path = Path(path)
    if not path.is_file():
        raise GraphbuildError(f"{path}: no such graph file")
    rdf = Graph()
    try:
        rdf.parse(path, format=guess_format(str(path)) or "turtle")
    except Exception as error:  # noqa: BLE001  (rdflib raises many parser-specific types)
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise GraphbuildError(f"{path}: not a readable RDF file ({message})") from None
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace, override=False)
    return rdf


def prepare(sparql: str):
    """The query parsed by rdflib with graphbuild's prefixes: a malformed query is one clear error."""
    try:
        return prepareQuery(sparql, initNs=PREFIXES)
    except ParseException as error:
        raise GraphbuildError(f"malformed SPARQL query: {error.explain(depth=0).splitlines()[-1]}") from None
    except Exception as error:  # noqa: BLE001  (rdflib's algebra fails in many ways, e.g. an undeclared prefix)
        raise GraphbuildError(f"malformed SPARQL query: {error}") from None


def run_query(rdf: Graph, sparql: str, bindings: dict | None = None) -> Result:
    """Run a SPARQL query with rdflib itself (the reference the Oxigraph answers are compared with)."""
    return rdf.query(prepare(sparql), initBindings=bindings or {})


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
    """A SELECT result's variables and rows (rdflib types a result's rows as those of any query form)."""
    return list(result.vars or []), [row for row in result if isinstance(row, ResultRow)]


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
