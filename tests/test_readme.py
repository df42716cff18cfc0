"""The README's SPARQL examples are real: each runs on the seeds and prints the output shown under it."""

import re

import pytest
from graphbuild import api
from graphbuild.query import format_result

from conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")
EXAMPLES = re.findall(r"```sparql\n(.*?)```\n```\n(.*?)```", README, re.DOTALL)


def test_the_readme_shows_at_least_three_queries():
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("sparql, shown", EXAMPLES, ids=[f"query{i}" for i in range(len(EXAMPLES))])
def test_readme_query_output_is_what_graphbuild_prints(seeds_exports, sparql, shown):
    assert format_result(api.query(seeds_exports["ttl"], sparql), "table") == shown
