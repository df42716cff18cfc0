"""Run SPARQL: on Oxigraph (``execute``), checked by rdflib's parser first, or on rdflib itself (the
reference the Oxigraph answers are compared with); foreign RDF files read with rdflib (``load_rdf``).

A malformed query is one clear error; a federated ``SERVICE`` is refused unless allowed (Oxigraph would
fetch any URL a query names); the answer comes back as an rdflib ``Result``, so every formatter and
serializer works on it unchanged.
"""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

import pyoxigraph as ox
from pyparsing import ParseException
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result
from rdflib.util import guess_format

from ..errors import GraphbuildError, TooLarge
from ..options import check_timeout
from ..rdf.namespaces import PREFIXES
from .store import refuse_xml_entities


def load_rdf(path: str | Path) -> Graph:
    """Parse an RDF file (format guessed from its extension, Turtle by default)."""
    path = Path(path)
    if not path.is_file():
        raise GraphbuildError(f"{path}: no such graph file")
    refuse_xml_entities(path)
    syntax = guess_format(str(path)) or "turtle"
    if syntax == "json-ld":
        refuse_remote_contexts(path)
    rdf = Graph()
    try:
        rdf.parse(path, format=syntax)
    except Exception as error:  # noqa: BLE001  (rdflib raises many parser-specific types)
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise GraphbuildError(f"{path}: not a readable RDF file ({message})") from None
    _check_iris(rdf, path)
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace, override=False)
    return rdf


#: What no IRI holds (RFC 3987; Turtle's IRIREF): controls, space and <>"{}|^`\\. A foreign file may still
#: spell one with an escape (``\\u003E``); rdflib reads it, but no writer can write it back and Oxigraph
#: refuses it, so the file is refused here, before anything is written from it.
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _check_iris(rdf: Graph, path: Path) -> None:
    for triple in rdf:
        for term in triple:
            found = _NOT_IN_IRI.search(term) if isinstance(term, URIRef) else None
            if found:
                raise GraphbuildError(
                    f"{path}: holds an IRI no IRI may be ({str(term)[:80]!r} has {found.group()!r}); refused"
                )


def refuse_remote_contexts(path: Path) -> None:
    """Refuse a JSON-LD file that names a context by URL (``"@context": "http://..."``, ``"@import"``): rdflib
    would fetch it, so a file could make this machine send requests wherever it says."""
    import json

    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise GraphbuildError(f"{path}: not a readable RDF file ({error})") from None
    todo = [data]
    while todo:
        node = todo.pop()
        if isinstance(node, list):
            todo += node
        elif isinstance(node, dict):
            for key, value in node.items():
                named = [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)]
                if key in ("@context", "@import") and named:
                    raise GraphbuildError(
                        f"{path}: JSON-LD contexts named by URL are refused (reading it would fetch {named[0]!r})"
                    )
                todo.append(value)


class _IllTypedLiterals(logging.Filter):
    """rdflib logs a traceback for every literal whose lexical form does not fit its datatype
    ("abc"^^xsd:integer); SPARQL defines what such a literal means (it is ill-typed, and compares as
    such), so there is nothing to tell the user; likewise its warnings about odd IRIs (``_ODD_IRI``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Failed to convert Literal lexical form to value") or _ODD_IRI in message)


#: rdflib warns, once per IRI object, of a foreign IRI holding characters no IRI may hold: ``load_rdf``
#: refuses such a file in one line (``_check_iris``), so the warnings would only flood the terminal.
_ODD_IRI = "does not look like a valid URI, trying to serialize this will break"


logging.getLogger("rdflib.term").addFilter(_IllTypedLiterals())


def prepare(sparql: str):
    """The query parsed by rdflib with graphbuild's prefixes: a malformed query is one clear error."""
    try:
        return prepareQuery(sparql, initNs=PREFIXES)
    except ParseException as error:
        raise GraphbuildError(f"malformed SPARQL query: {error.explain(depth=0).splitlines()[-1]}") from None
    except Exception as error:  # noqa: BLE001  (rdflib's algebra fails in many ways, e.g. an undeclared prefix)
        raise GraphbuildError(f"malformed SPARQL query: {error}") from None


def run_rdflib(rdf: Graph, sparql: str, bindings: dict | None = None) -> Result:
    """Run a SPARQL query with rdflib itself (the reference the Oxigraph answers are compared with)."""
    return rdf.query(prepare(sparql), initBindings=bindings or {})


def execute(
    store: ox.Store,
    query: str,
    bindings: dict[str, str] | None = None,
    timeout: float | None = None,
    allow_service: bool = False,
    max_rows: int | None = None,
) -> Result:
    """Run a SPARQL query on Oxigraph with graphbuild's prefixes; ``bindings`` become string literals in a
    VALUES block (``sparql_string``: a value is always one term, whatever it holds), and the query checked
    (syntax, SERVICE) is the one that runs, values and all. Past ``timeout`` seconds the wait ends with an
    error (the query goes on in its thread until it finishes: use a worker process to stop it, as ``serve``
    does); past ``max_rows`` rows or triples, ``TooLarge``."""
    check_timeout(timeout)
    query = bind_values(query, bindings) if bindings else query
    prepared = prepare(query)
    if not allow_service and _uses_service(prepared.algebra):
        raise GraphbuildError(
            "federated queries (SERVICE) are refused: they would make this machine fetch "
            "the URLs a query names (allow with --allow-service)"
        )
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    answer: list = []

    def run() -> None:
        try:
            result = store.query(query, prefixes=prefixes)
            answer.append(_to_rdflib(result, prepared.algebra.name, max_rows))
        except Exception as error:  # noqa: BLE001  (handed to the waiting thread)
            answer.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout)
    if not answer:
        raise GraphbuildError(f"query stopped: it ran longer than the {timeout:g} s limit (timeout)")
    if isinstance(answer[0], GraphbuildError):
        raise answer[0]
    if isinstance(answer[0], Exception):
        raise GraphbuildError(f"query failed: {str(answer[0]).splitlines()[0]}")
    return answer[0]


_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

_WHERE = re.compile(r"\bWHERE\s*\{|\{", re.IGNORECASE)


def bind_values(query: str, bindings: dict[str, str]) -> str:
    """The query with ``VALUES (?k ...) { ("v" ...) }`` opening its WHERE group: each variable bound to
    its value as a string literal (``sparql_string``)."""
    bad = [k for k in bindings if not _VARIABLE.fullmatch(k)]
    if bad:
        raise GraphbuildError(f"not a SPARQL variable name: {bad[0]!r}")
    where = _WHERE.search(query)
    if where is None:
        raise GraphbuildError("the query has no WHERE group to bind values in")
    names = " ".join(f"?{k}" for k in bindings)
    values = " ".join(sparql_string(k, v) for k, v in bindings.items())
    return f"{query[: where.end()]} VALUES ({names}) {{ ({values}) }} {query[where.end() :]}"


#: What must be escaped inside a SPARQL "..." string (STRING_LITERAL2): the quote, the backslash and the
#: line breaks it may not hold, plus the other ECHARs, so that no value can end the string or the line.
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"})


def sparql_string(name: str, value: str) -> str:
    """``value`` as one SPARQL string literal, every character that could end or bend it escaped; a value
    that is not text (a lone surrogate from an undecodable argument) is refused."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise GraphbuildError(f"the value of {name} is not valid text") from None
    return '"' + value.translate(_ESCAPES) + '"'


def _uses_service(node) -> bool:
    """Whether a query's algebra holds a SERVICE pattern anywhere."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        return node.name == "ServiceGraphPattern" or any(_uses_service(v) for v in node.values())
    if isinstance(node, (list, tuple)):
        return any(_uses_service(v) for v in node)
    return False


def _term(term):
    """A pyoxigraph term as the rdflib term it stands for."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    plain = datatype == "http://www.w3.org/2001/XMLSchema#string"
    return Literal(term.value, datatype=None if plain else URIRef(datatype))


def _capped(items, max_rows: int | None):
    """The items, raising ``TooLarge`` at the first past ``max_rows`` (None: no cap)."""
    for count, item in enumerate(items, 1):
        if max_rows is not None and count > max_rows:
            raise TooLarge(f"the answer has more than {max_rows:,} rows or triples (--max-rows): add a LIMIT")
        yield item


def _to_rdflib(result, form: str, max_rows: int | None = None) -> Result:
    if isinstance(result, ox.QueryBoolean):
        answer = Result("ASK")
        answer.askAnswer = bool(result)
        return answer
    if isinstance(result, ox.QuerySolutions):
        names = [Variable(v.value) for v in result.variables]
        answer = Result("SELECT")
        answer.vars = names
        answer.bindings = [
            {n: t for n in names if (t := _term(row[str(n)])) is not None} for row in _capped(result, max_rows)
        ]
        return answer
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for triple in _capped(result, max_rows):
        graph.add((_term(triple.subject), _term(triple.predicate), _term(triple.object)))
    answer = Result("CONSTRUCT" if form.startswith("Construct") else "DESCRIBE")
    answer.graph = graph
    return answer
