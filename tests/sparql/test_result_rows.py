"""Answers keep every solution and print no rdflib traceback (issue 25, cases 14 and 17)."""

import json

import pytest

from conftest import graphbuild

pytestmark = pytest.mark.processes

UNBOUND = "SELECT ?x WHERE { OPTIONAL { ?s <http://nothing.example/p> ?x } }"


def test_a_solution_binding_nothing_is_one_row_in_every_format(seeds_exports):
    ttl = str(seeds_exports["ttl"])
    as_json = json.loads(graphbuild("query", ttl, UNBOUND, "--format", "json").stdout)
    assert as_json["results"]["bindings"] == [{}]
    assert graphbuild("query", ttl, UNBOUND, "--format", "csv").stdout.splitlines() == ["x", '""']
    assert graphbuild("query", ttl, UNBOUND).stdout.rstrip().endswith("(1 row)")


@pytest.mark.parametrize(
    "literal", ['"abc"^^xsd:integer', '"99999999999999999999999999"^^xsd:byte', '"2017-13-45"^^xsd:date']
)
def test_an_ill_typed_literal_in_a_query_prints_no_traceback(seeds_exports, literal):
    run = graphbuild("query", str(seeds_exports["ttl"]), f"SELECT ?v WHERE {{ BIND({literal} AS ?v) }}")
    assert run.returncode == 0
    assert run.stderr == ""
    assert run.stdout.rstrip().endswith("(1 row)")
