"""The README's SPARQL examples are real: each runs on the seeds and prints the output shown under it."""

import re
import shutil

import pytest
from graphbuild import api
from graphbuild.sparql.results import format_result

from conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")
EXAMPLES = re.findall(r"```sparql\n(.*?)```\n```\n(.*?)```", README, re.DOTALL)


def test_the_readme_shows_at_least_three_queries():
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("sparql, shown", EXAMPLES, ids=[f"query{i}" for i in range(len(EXAMPLES))])
def test_readme_query_output_is_what_graphbuild_prints(seeds_exports, sparql, shown):
    assert format_result(api.query(seeds_exports["ttl"], sparql), "table") == shown


def test_the_python_api_example_runs_as_shown(nlp, tmp_path, monkeypatch, capsys):
    """The README's Python block, run in a folder holding the seeds (it writes exports/ and out/ there)."""
    block = re.search(r"## The Python API\n+```python\n(.*?)```", README, re.DOTALL).group(1)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102  (the README is ours: running it is the test)
    assert sorted(namespace["paths"]) == ["graph.gexf", "graph.html", "graph.ttl"]
    assert sorted(p.name for p in namespace["built"].files.values()) == ["graph.json", "graph.ttl"]
    assert namespace["built"].summary.documents == 2 and (tmp_path / "out" / "graph.ttl").is_file()
    assert "Barack Obama" in capsys.readouterr().out
