"""`graphbuild serve` as a real server on a free loopback port, queried with SPARQLWrapper (a real client)
and compared with rdflib's answer to the same query on the same file."""

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, TURTLE, XML, SPARQLWrapper

from graphbuild import api
from graphbuild.query import format_result

SELECT = "SELECT ?label ?n WHERE { ?e a schema:Person ; rdfs:label ?label ; gb:mentionCount ?n } ORDER BY ?label"
CONSTRUCT = "CONSTRUCT { ?a gb:coOccursWith ?b } WHERE { ?a a schema:Person ; gb:coOccursWith ?b }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(seeds_exports):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "graphbuild", "serve", str(seeds_exports["ttl"]), "--port",
                             str(port), "--timeout", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/", timeout=1)
            break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


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
    assert [b.firstChild.firstChild.data for b in xml.getElementsByTagName("binding")
            if b.getAttribute("name") == "label"] == labels
    csv_rows = client(server, SELECT, CSV).decode().splitlines()
    assert csv_rows[0] == "label,n" and [r.split(",")[0] for r in csv_rows[1:]] == labels
    request = urllib.request.Request(server + "/sparql?" + urllib.parse.urlencode({"query": SELECT}),
                                     headers={"Accept": "text/tab-separated-values"})
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
    request = urllib.request.Request(server + "/sparql", data=urllib.parse.urlencode(data).encode(),
                                     headers={"Content-Type": content_type, "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_updates_are_refused(server, seeds_exports):
    status, body = post(server, {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    assert status == 403 and "not allowed" in body
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
