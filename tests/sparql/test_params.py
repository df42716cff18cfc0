"""Named-query parameters are bound as RDF string literals, never pasted as text: whatever a value holds
(quotes, backslashes, line breaks, braces, a SERVICE clause) it comes back as the one string it was, and
the checks run on the query that actually runs (issue 25, case 1)."""

import random
import socket

import pyoxigraph as ox
import pytest
from graphbuild import api
from graphbuild.errors import GraphbuildError
from graphbuild.sparql.engine import execute, sparql_string

from conftest import graphbuild

#: The reported attack: the first value ends in a backslash and a quote after a line break, so that pasted
#: into the query the second value became query text.
ATTACK = {"a": 'x\n\\"', "b": ") (UNDEF UNDEF) } #"}
HOSTILE = [
    'x\n\\"',
    ") (UNDEF UNDEF) } #",
    '"""',
    "'''",
    "\\",
    "end\\",
    'a"b',
    "\r\n} SELECT * WHERE { ?s ?p ?o } #",
    "\u2028\u2029\x85",
    "\\u0022) } #",
    "",
    "Ünïcødé ✓ 𝄞",
]


def random_values(count: int = 300) -> list[str]:
    alphabet = "\\\"'\n\r\t\b\f{}()#<>?.;,$ aZ09\u00e9\u2028\U0001d11e"
    rng = random.Random(25)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(count)]


@pytest.mark.parametrize("value", HOSTILE + random_values())
def test_every_value_comes_back_as_the_one_string_it_was(value):
    rows = list(execute(ox.Store(), "SELECT ?a ?b WHERE { }", {"a": value, "b": value[::-1]}))
    assert [(str(row[0]), str(row[1])) for row in rows] == [(value, value[::-1])]


def test_a_value_that_is_not_text_is_one_clear_error():
    with pytest.raises(GraphbuildError, match="the value of a is not valid text"):
        sparql_string("a", "\udcff")


def test_the_reported_injection_through_the_cli_finds_nothing(seeds_exports):
    run = graphbuild(
        "query", str(seeds_exports["ttl"]), "--name", "evidence", *(f"--param={k}={v}" for k, v in ATTACK.items())
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.rstrip().endswith("(0 rows)")


def test_a_service_clause_in_a_value_is_never_run(seeds_exports):
    """A listener on loopback stands where the smuggled SERVICE points: nothing may connect to it."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        smuggled = {
            "a": ATTACK["a"],
            "b": f") (UNDEF UNDEF) }} SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} #",
        }
        assert list(api.named_query(seeds_exports["ttl"], "evidence", smuggled)) == []
        with pytest.raises(TimeoutError):
            listener.accept()


def test_service_is_checked_on_the_query_with_its_values_bound(seeds_exports):
    query = "SELECT ?a WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with pytest.raises(GraphbuildError, match="SERVICE"):
        api.query(seeds_exports["ttl"], query, {"a": "x"})
