"""`graphbuild serve` as a real server on a free loopback port, queried with SPARQLWrapper (a real client)
and compared with rdflib's answer to the same query on the same file."""

import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from graphbuild import api
from graphbuild.sparql.results import format_result
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, TURTLE, XML, SPARQLWrapper

from conftest import graphbuild
from helpers import running

pytestmark = pytest.mark.processes  # every test talks to a `graphbuild serve` process or runs one

SELECT = "SELECT ?label ?n WHERE { ?e a schema:Person ; rdfs:label ?label ; gb:mentionCount ?n } ORDER BY ?label"
CONSTRUCT = "CONSTRUCT { ?a gb:coOccursWith ?b } WHERE { ?a a schema:Person ; gb:coOccursWith ?b }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def server(seeds_exports):
    with running(seeds_exports["ttl"], "--timeout", "2") as url:
        yield url


def client(server, query, fmt, method=None):
    sparql = SPARQLWrapper(server + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if method:
        sparql.setMethod(POST)
        sparql.setRequestMethod(method)
    return sparql.query().convert()


def expected_rows(seeds_exports, query):
    return json.loads(format_result(api.query(seeds_exports["ttl"], query), "json"))["results"]["bindings"]


@pytest.mark.parametrize("method", [None, POSTDIRECTLY, "urlencoded"])
def test_select_as_json_by_get_and_both_posts_equals_rdflib(server, seeds_exports, method):
    answer = client(server, "PREFIX schema: <https://schema.org/> " + SELECT, JSON, method)
    assert answer["results"]["bindings"] == expected_rows(seeds_exports, SELECT)


def test_select_as_xml_csv_and_tsv(server, seeds_exports):
    labels = [r["label"]["value"] for r in expected_rows(seeds_exports, SELECT)]
    xml = client(server, SELECT, XML)
    assert [
        b.firstChild.firstChild.data for b in xml.getElementsByTagName("binding") if b.getAttribute("name") == "label"
    ] == labels
    csv_rows = client(server, SELECT, CSV).decode().splitlines()
    assert csv_rows[0] == "label,n" and [r.split(",")[0] for r in csv_rows[1:]] == labels
    request = urllib.request.Request(
        server + "/sparql?" + urllib.parse.urlencode({"query": SELECT}), headers={"Accept": "text/tab-separated-values"}
    )
    tsv = urllib.request.urlopen(request).read().decode().splitlines()
    assert tsv[0] == "?label\t?n" and [r.split("\t")[0].strip('"') for r in tsv[1:]] == labels


def test_construct_and_describe_as_turtle_and_json_ld(server, seeds_exports):
    expected = api.query(seeds_exports["ttl"], CONSTRUCT).graph
    turtle = client(server, CONSTRUCT, TURTLE)
    assert len(Graph().parse(data=turtle, format="turtle")) == len(expected) > 0
    jsonld = client(server, CONSTRUCT, JSONLD)
    assert len(jsonld) == len(expected)
    describe = "DESCRIBE <http://example.org/graphbuild/entity/person/wang-huning>"
    described = client(server, describe, TURTLE)
    graph = described if isinstance(described, Graph) else Graph().parse(data=described, format="turtle")
    assert len(graph) == len(api.query(seeds_exports["ttl"], describe).graph) > 5


def test_ask(server):
    assert client(server, "ASK { ?x a schema:Event }", JSON)["boolean"] is True


def post(server, data: dict, content_type="application/x-www-form-urlencoded"):
    request = urllib.request.Request(
        server + "/sparql",
        data=urllib.parse.urlencode(data).encode(),
        headers={"Content-Type": content_type, "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_updates_are_refused(server, seeds_exports):
    status, body = post(server, {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    assert status == 403 and "read-only" in body
    status, _ = post(server, {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    assert status == 400
    assert client(server, "ASK { <urn:a> <urn:b> <urn:c> }", JSON)["boolean"] is False


def test_malformed_query_is_a_400_with_the_parsers_message(server):
    status, body = post(server, {"query": "SELECT ?x WHERE { ?x"})
    assert status == 400 and "Expected" in body


def test_a_query_over_the_time_limit_is_stopped(server):
    started = time.perf_counter()
    status, body = post(server, {"query": SLOW})
    assert status == 503 and "2 s limit" in body
    assert time.perf_counter() - started < 10
    assert client(server, "ASK { ?x a schema:Person }", JSON)["boolean"] is True  # still serving


def test_the_explorer_is_served_at_the_root(server, seeds_exports):
    with urllib.request.urlopen(server + "/") as response:
        assert response.headers["Content-Type"].startswith("text/html")
        assert response.read() == seeds_exports["html"].read_bytes()
    request = urllib.request.Request(server + "/sparql", headers={"Accept": "text/html"})
    assert b"cdn" not in urllib.request.urlopen(request).read().lower()  # no YASGUI from a CDN


def raw(server, method="GET", path="/sparql?query=ASK%7B%7D", headers=None, body=None):
    """One request with exactly the headers given (http.client sends no Origin and the real Host)."""
    import http.client

    port = int(server.rsplit(":", 1)[1])
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = dict(headers or {})
    if body is not None:
        headers.setdefault("Content-Length", str(len(body)))
    conn.putrequest(method, path, skip_host="Host" in headers)
    for name, value in headers.items():
        conn.putheader(name, value)
    conn.endheaders(body)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, dict(response.getheaders()), data


def test_service_is_refused_and_no_request_leaves_the_server(server):
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(3)
    port = listener.getsockname()[1]
    status, body = post(server, {"query": f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"})
    assert status == 400 and "SERVICE" in body
    with pytest.raises(TimeoutError):
        listener.accept()  # nobody called
    listener.close()


def test_no_cross_origin_reads_and_only_loopback_host_names(server):
    status, headers, _ = raw(server, headers={"Origin": "http://evil.example"})
    assert status == 200 and not any(h.lower().startswith("access-control") for h in headers)
    assert raw(server, "OPTIONS", headers={"Origin": "http://evil.example"})[0] == 403
    port = server.rsplit(":", 1)[1]
    assert raw(server, headers={"Host": f"localhost:{port}"})[0] == 200
    status, _, body = raw(server, headers={"Host": "attacker.example"})  # DNS rebinding
    assert status == 421 and b"attacker.example" in body


def test_a_configured_origin_alone_may_read(seeds_exports):
    with running(seeds_exports["ttl"], "--cors-origin", "http://127.0.0.1:9999") as url:
        _, headers, _ = raw(url, headers={"Origin": "http://127.0.0.1:9999"})
        assert headers.get("access-control-allow-origin") == "http://127.0.0.1:9999"
        assert "access-control-allow-credentials" not in {h.lower() for h in headers}
        _, headers, _ = raw(url, headers={"Origin": "http://other.example"})
        assert not any(h.lower().startswith("access-control") for h in headers)


def test_oversized_requests_get_413_without_being_read(server):
    status, _, _ = raw(
        server,
        "POST",
        "/sparql",
        {"Content-Type": "application/sparql-query", "Content-Length": str(100_000_000)},
        b"ASK {}",
    )
    assert status == 413
    assert raw(server, path="/sparql?query=" + "x" * ((1 << 20) + 1))[0] == 413
    assert client(server, "ASK { ?x a schema:Person }", JSON)["boolean"] is True


def test_a_heavy_query_delays_no_other_client(server):
    import threading

    slow = threading.Thread(target=post, args=(server, {"query": SLOW}))
    slow.start()
    time.sleep(0.3)
    assert client(server, "ASK { ?x a schema:Person }", JSON)["boolean"] is True
    assert slow.is_alive()  # answered while the heavy query still runs in its worker
    slow.join()


@pytest.mark.parametrize(
    "query, accept",
    [(SLOW, "text/tab-separated-values"), ("DESCRIBE ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "text/turtle")],
)
def test_every_format_gets_503_at_the_time_limit(server, query, accept):
    status, _, body = raw(
        server, "POST", "/sparql", {"Content-Type": "application/sparql-query", "Accept": accept}, query.encode()
    )
    assert status == 503 and b"2 s limit" in body, body


def test_no_page_or_route_loads_from_a_cdn(server):
    for path in ("/docs", "/redoc", "/openapi.json"):
        assert raw(server, path=path)[0] == 404


@pytest.mark.parametrize(
    "args, message",
    [
        (["--port", "70000"], "--port must be from 1 to 65535"),
        (["--timeout", "nan"], "--timeout must be"),
        (["--max-body", "0"], "--max-body must be"),
    ],
)
def test_bad_settings_are_one_line(seeds_exports, args, message):
    run = graphbuild("serve", seeds_exports["ttl"], *args, timeout=60)
    assert run.returncode == 1 and message in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_listening_beyond_loopback_warns(seeds_exports):
    run = graphbuild("serve", seeds_exports["ttl"], "--host", "0.0.0.0", "--port", "70000", timeout=60)  # stops early
    assert "visible to the network" in run.stderr and run.returncode == 1


def test_a_graph_without_its_store_is_loaded_into_a_temporary_one(seeds_exports, tmp_path):
    import shutil

    copy = tmp_path / "copy.ttl"
    shutil.copy(seeds_exports["ttl"], copy)  # no copy.oxigraph/ beside it
    with running(copy) as url:
        assert client(url, 'ASK { ?p rdfs:label "Wang Huning" }', JSON)["boolean"] is True
    assert not (tmp_path / "copy.oxigraph").exists()  # serve writes nothing beside the user's file
