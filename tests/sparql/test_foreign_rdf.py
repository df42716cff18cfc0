"""Foreign RDF read with limits (issue 25, case 5): XML entity declarations are refused in RDF/XML before
any parser expands them (a 1 KB bomb reached 23.7 GB), and a query file is read up to a limit."""

import json

import pytest
from graphbuild import api
from graphbuild.errors import GraphbuildError

from conftest import graphbuild
from helpers import free_port

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lollollollollollollollollollol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/x"><ex:p>&lol9;</ex:p></rdf:Description>
</rdf:RDF>
"""
PLAIN = """<?xml version="1.0"?>
<!-- a comment before the root -->
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/x"><ex:p>plain</ex:p></rdf:Description>
</rdf:RDF>
"""
REFUSED = "XML DOCTYPE and entity declarations are refused in RDF/XML"


@pytest.fixture
def bomb(tmp_path):
    path = tmp_path / "bomb.rdf"
    path.write_text(BOMB)
    return path


def test_query_and_load_refuse_an_entity_bomb(bomb):
    with pytest.raises(GraphbuildError, match=REFUSED):
        api.query(bomb, "SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(GraphbuildError, match=REFUSED):
        api.load(bomb)


def test_rdf_xml_without_a_doctype_is_still_read(tmp_path):
    path = tmp_path / "plain.rdf"
    path.write_text(PLAIN)
    assert [str(row[0]) for row in api.query(path, "SELECT ?o WHERE { ?s ?p ?o }")] == ["plain"]


@pytest.mark.processes
@pytest.mark.parametrize(
    "command",
    [
        ["query", "{bomb}", "SELECT * WHERE { ?s ?p ?o }"],
        ["export", "{bomb}", "--format", "nt", "-o", "{out}"],
        ["serve", "{bomb}", "--port", "{port}"],
    ],
)
def test_the_cli_refuses_an_entity_bomb_in_one_line(bomb, tmp_path, command):
    values = {"{bomb}": str(bomb), "{out}": str(tmp_path / "out"), "{port}": str(free_port())}
    run = graphbuild(*(values.get(part, part) for part in command), timeout=60)
    assert run.returncode == 1
    assert run.stderr.strip() == f"Error: {bomb}: {REFUSED} (they can expand without bound)"


def test_a_query_file_is_read_up_to_its_limit():
    with pytest.raises(GraphbuildError, match=r"/dev/zero: the query is over 1,048,576 bytes; refused"):
        api.read_query("/dev/zero")


def test_a_json_ld_context_named_by_url_is_never_fetched(tmp_path):
    """rdflib fetched a remote @context: a listener on loopback stands where it points."""
    import socket

    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(0.5)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/context.jsonld"
        path = tmp_path / "foreign.jsonld"
        path.write_text(json.dumps({"@context": url, "@id": "http://example.org/x", "name": "x"}))
        with pytest.raises(GraphbuildError, match="JSON-LD contexts named by URL are refused"):
            api.load(path)
        nested = tmp_path / "nested.jsonld"
        nested.write_text(json.dumps({"@graph": [{"@context": {"@import": url}, "@id": "http://example.org/y"}]}))
        with pytest.raises(GraphbuildError, match="refused"):
            api.load(nested)
        with pytest.raises(TimeoutError):
            listener.accept()


def test_graphbuilds_own_json_ld_with_its_inline_context_is_read(tmp_path, seeds_graph):
    written = api.export(seeds_graph, tmp_path, ["jsonld"])
    assert api.load(written["graph.jsonld"]).number_of_nodes() == seeds_graph.number_of_nodes()


@pytest.mark.processes
def test_a_foreign_iri_escaping_what_no_iri_holds_is_refused_before_anything_is_written(tmp_path, seeds_exports):
    """`\\u003E` in a Turtle IRI decodes to ">": rdflib read it, and the .nt/.ttl written from it did not
    parse (issue 25, case 11). Oxigraph refuses such an IRI, so export refuses the file in one line."""
    text = seeds_exports["ttl"].read_text("utf-8")
    iri = "<http://example.org/graphbuild/entity/person/drolkar>"
    assert iri in text
    foreign = tmp_path / "foreign.ttl"
    foreign.write_text(text.replace(iri, "<http://example.org/graphbuild/entity/person/drol\\u003Ekar>"), "utf-8")
    run = graphbuild("export", str(foreign), "--format", "nt,ttl", "-o", str(tmp_path / "out"))
    assert run.returncode == 1
    expected = f"Error: {foreign}: holds an IRI no IRI may be ('http://example.org/graphbuild/entity/person/drol>kar'"
    assert run.stderr.strip().splitlines() == [expected + " has '>'); refused"]
    assert not (tmp_path / "out").exists()
    run = graphbuild("query", str(foreign), "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert run.returncode == 1 and len(run.stderr.splitlines()) == 1
