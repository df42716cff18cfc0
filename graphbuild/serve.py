"""A read-only SPARQL 1.1 Protocol endpoint at /sparql (rdflib-endpoint) and the explorer page at /.

rdflib-endpoint does the protocol: GET and POST (form-encoded and application/sparql-query), results
as SPARQL JSON, XML, CSV or TSV and graphs as Turtle or JSON-LD by the Accept header, Update refused
(403), a malformed query answered 400 with the parser's message. graphbuild adds a time limit per
query, the explorer at /, and keeps the endpoint's YASGUI page (which loads scripts from a CDN) away.
"""

from __future__ import annotations

import json
import re
import signal
import socket
from collections.abc import Sequence
from pathlib import Path

from urllib.parse import parse_qs

from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib_endpoint import SparqlEndpoint

from .errors import GraphbuildError
from .query import load_rdf
from .rdf import PREFIXES


class QueryTimeout(BaseException):
    """Raised inside a query that ran past its time limit (a BaseException, so no handler swallows it)."""


class TimedGraph(Graph):
    """A Graph whose queries are evaluated in full within ``timeout`` seconds or stopped (SIGALRM)."""

    timeout: float = 10.0

    def query(self, *args, **kwargs):
        def expire(signum, frame):
            raise QueryTimeout()

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, self.timeout)
        try:
            result = super().query(*args, **kwargs)
            if result.type in ("SELECT", "ASK"):
                result.bindings  # noqa: B018  (rdflib evaluates lazily: force it inside the limit)
            return result
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def load_graphs(paths: Sequence[str | Path], timeout: float) -> TimedGraph:
    """All graph files in one read-only, time-limited graph with the graphbuild prefixes."""
    graph = TimedGraph()
    graph.timeout = timeout
    for path in paths:
        for triple in load_rdf(path):
            graph.add(triple)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def make_app(graph: TimedGraph, html: Path | None):
    """The ASGI application: the endpoint at /sparql, the page at /, time limits turned into 503s."""
    endpoint = SparqlEndpoint(graph=graph, path="/sparql", title="graphbuild SPARQL endpoint",
                              description="Co-occurrence graph built by graphbuild (read-only).",
                              enable_update=False, cors_enabled=True)
    page = html.read_bytes() if html and html.is_file() else None

    async def app(scope, receive, send):
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            path, query_string = scope["path"], scope.get("query_string", b"")
            accept = dict(scope.get("headers", [])).get(b"accept", b"")
            if path == "/" or (path.rstrip("/") == "/sparql" and not query_string and accept.startswith(b"text/html")):
                if page is None:
                    return await _respond(send, 404, b"No graph.html next to the graph; query /sparql.", "text/plain")
                return await _respond(send, 200, page, "text/html; charset=utf-8")
        if scope["type"] == "http" and scope["path"].rstrip("/") == "/sparql":
            body, receive = await _buffer(receive)
            sparql = _query_text(scope, body)
            accept = dict(scope.get("headers", [])).get(b"accept", b"").decode()
            form = _PROLOGUE.sub("", sparql or "")
            if sparql and (_DESCRIBE.match(form) or (_SELECT.match(form) and accept.startswith(_TSV))):
                return await _own_answer(graph, sparql, accept, send)
        try:
            await endpoint(scope, receive, send)
        except BaseException as error:  # noqa: BLE001  (QueryTimeout, possibly inside an exception group)
            if not _is_timeout(error):
                raise
            message = {"message": f"query stopped: it ran longer than the {graph.timeout:g} s limit (--timeout)"}
            await _respond(send, 503, json.dumps(message).encode(), "application/json")

    return app


_PROLOGUE = re.compile(r"^(\s*(#[^\n]*\n|PREFIX\s+\S*:\s*<[^>]*>|BASE\s*<[^>]*>))*\s*", re.I)
_DESCRIBE = re.compile(r"DESCRIBE\b", re.I)
_SELECT = re.compile(r"SELECT\b", re.I)
_TSV = "text/tab-separated-values"
_GRAPH_TYPES = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/n-triples": "nt",
                "application/rdf+xml": "xml"}


async def _buffer(receive):
    """Read the whole request body, and a receive() that replays it to the next application."""
    chunks, more = [], True
    while more:
        message = await receive()
        chunks.append(message.get("body", b""))
        more = message.get("more_body", False)
    body = b"".join(chunks)
    sent = False

    async def replay():
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return body, replay


def _query_text(scope, body: bytes) -> str | None:
    headers = dict(scope.get("headers", []))
    content_type = headers.get(b"content-type", b"").decode()
    if "application/sparql-query" in content_type:
        return body.decode("utf-8", "replace")
    params = parse_qs(scope.get("query_string", b"").decode())
    if "application/x-www-form-urlencoded" in content_type:
        params = parse_qs(body.decode("utf-8", "replace")) | params
    return params.get("query", [None])[0]


async def _own_answer(graph: TimedGraph, sparql: str, accept: str, send) -> None:
    """The two answers rdflib-endpoint lacks: DESCRIBE as a graph (Turtle by default, or JSON-LD,
    N-Triples, RDF/XML by Accept; it negotiates graph formats for CONSTRUCT only) and SELECT as TSV."""
    media = next((m for m in (part.split(";")[0].strip() for part in accept.split(",")) if m in _GRAPH_TYPES),
                 "text/turtle")
    try:
        result = graph.query(prepareQuery(sparql, initNs=PREFIXES))
        if result.type == "SELECT":
            media, data = _TSV, _tsv(result)
        else:
            data = result.graph.serialize(format=_GRAPH_TYPES[media])
    except QueryTimeout:
        raise
    except Exception as error:  # noqa: BLE001  (the parser's message goes back to the client)
        return await _respond(send, 400, json.dumps({"message": str(error)}).encode(), "application/json")
    await _respond(send, 200, data.encode() if isinstance(data, str) else data, media)


def _tsv(result) -> str:
    """SPARQL 1.1 TSV results: a header of ?names, then terms in Turtle syntax, tab-separated."""
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    lines += ["\t".join(row[v].n3() if row[v] is not None else "" for v in result.vars) for row in result]
    return "\n".join(lines) + "\n"


def _is_timeout(error: BaseException) -> bool:
    if isinstance(error, QueryTimeout):
        return True
    return isinstance(error, BaseExceptionGroup) and any(_is_timeout(e) for e in error.exceptions)


async def _respond(send, status: int, body: bytes, content_type: str) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def serve(paths: Sequence[str | Path], host: str = "127.0.0.1", port: int = 8000, timeout: float = 10.0,
          html: Path | None = None, announce=print) -> None:
    """Load the graphs and serve them until interrupted."""
    import uvicorn

    if timeout <= 0:
        raise GraphbuildError(f"--timeout must be positive, not {timeout}")
    graph = load_graphs(paths, timeout)
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        raise GraphbuildError(f"cannot listen on {host}:{port} ({error.strerror})") from None
    html = html or Path(paths[0]).with_name("graph.html")
    announce(f"{len(graph)} triples from {len(paths)} file(s): SPARQL at http://{host}:{port}/sparql"
             + (f", explorer at http://{host}:{port}/" if html.is_file() else ""))
    uvicorn.run(make_app(graph, html), host=host, port=port, log_level="warning")
