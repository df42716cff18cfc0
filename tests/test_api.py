"""The Python API does everything the CLI does, with the same results; its errors name parameters."""

import importlib
import pkgutil
import re
import types
from pathlib import Path

import pytest
from graphbuild import api
from graphbuild.errors import GraphbuildError, OptionError
from graphbuild.options import BuildOptions

from conftest import SEEDS, graphbuild


@pytest.mark.processes
def test_build_and_export_writes_what_the_cli_writes_and_reports_the_same_numbers(nlp, tmp_path):
    run = graphbuild("build", SEEDS, "-o", tmp_path / "cli", "--format", "ttl,json,csv", "--no-cache", "-q")
    assert run.returncode == 0, run.stderr
    built = api.build_and_export([SEEDS], tmp_path / "api", ["ttl", "json", "csv"], cache=False)
    assert sorted(built.files) == ["graph.edges.csv", "graph.json", "graph.nodes.csv", "graph.ttl"]
    for name, path in built.files.items():
        assert path.read_bytes() == (tmp_path / "cli" / name).read_bytes(), name
    numbers = built.summary
    assert (numbers.documents, numbers.parsed, numbers.cached, numbers.window) == (2, 2, 0, "sentence")
    assert sum(numbers.per_type.values()) == numbers.entities == built.graph.number_of_nodes()
    printed = f"{numbers.documents} documents (1 dated 2024-08-29), {numbers.entities} entities ("
    printed += ", ".join(f"{t} {n}" for t, n in numbers.per_type.items())
    assert run.stdout.startswith(printed + f"), {numbers.edges} edges (sentence window) in ")
    assert not (tmp_path / "api" / ".cache").exists()


def test_the_parse_cache_goes_to_the_output_folder_unless_told_otherwise(nlp, tmp_path):
    first = api.build_and_export([SEEDS], tmp_path / "out", ["json"])
    assert first.summary.parsed == 2 and len(list((tmp_path / "out" / ".cache").rglob("*.json*"))) >= 2
    again = api.build_and_export([SEEDS], tmp_path / "out", ["json"])
    assert (again.summary.parsed, again.summary.cached) == (0, 2)
    assert api.clear_cache(tmp_path / "out") == (tmp_path / "out" / ".cache", 2)
    elsewhere = api.build_and_export([SEEDS], tmp_path / "out", ["json"], BuildOptions(cache_dir=str(tmp_path / "c")))
    assert elsewhere.summary.parsed == 2 and api.clear_cache(cache_dir=tmp_path / "c")[1] == 2


@pytest.mark.processes
def test_no_inputs_means_seeds_here_or_an_error_naming_the_parameter(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OptionError, match="^inputs not given, and there is no seeds/ folder here$"):
        api.build()
    run = graphbuild("build", cwd=tmp_path)
    assert run.returncode == 1 and run.stderr.strip() == "Error: INPUT not given, and there is no seeds/ folder here"


@pytest.mark.processes
@pytest.mark.parametrize(
    ("options", "api_message", "flag"),
    [
        ({"min_weight": 0}, "min_weight must be at least 1, not 0", "--min-weight"),
        ({"max_evidence": -1}, "max_evidence must be 0 or more, not -1", "--max-evidence"),
        ({"jobs": 0}, "jobs must be auto or a number of processes (1 or more)", "--jobs"),
        ({"base_iri": "nope"}, "base_iri must be an absolute IRI", "--base-iri"),
    ],
)
def test_api_errors_name_parameters_and_the_cli_names_flags(tmp_path, options, api_message, flag):
    with pytest.raises(OptionError) as raised:
        BuildOptions(**options)
    assert str(raised.value).startswith(api_message)
    name, value = next(iter(options.items()))
    run = graphbuild("build", SEEDS, "-o", tmp_path, f"--{name.replace('_', '-')}", str(value))
    assert run.stderr.strip().startswith(f"Error: {flag} {api_message.split(' ', 1)[1]}"), run.stderr


@pytest.mark.processes
def test_named_queries_and_query_files_from_the_api(seeds_exports, tmp_path):
    queries = api.named_queries()
    assert {"neighbours", "top-mentions"} <= set(queries) and queries["neighbours"].params == ("label",)
    top = [str(row[0]) for row in api.named_query(seeds_exports["ttl"], "top-mentions")]
    (tmp_path / "q.rq").write_text(queries["top-mentions"].text, "utf-8")
    assert [str(row[0]) for row in api.query(seeds_exports["ttl"], api.read_query(tmp_path / "q.rq"))] == top
    with pytest.raises(GraphbuildError, match=re.escape(f"{tmp_path / 'none.rq'}: cannot read the query")):
        api.read_query(tmp_path / "none.rq")
    run = graphbuild("query", seeds_exports["ttl"], "--name", "neighbours", "--param", "x=1")
    assert run.stderr.strip() == "Error: --param must name exactly the parameters of query 'neighbours': label"


def test_export_keeps_the_base_iri_a_graph_was_built_with(nlp, tmp_path):
    built = api.build_and_export([SEEDS], tmp_path / "a", ["ttl"], BuildOptions(base_iri="https://news.example/kg/"))
    turtle = built.files["graph.ttl"]
    assert "<https://news.example/kg/entity/" in turtle.read_text("utf-8")
    assert built.graph.graph["base_iri"] == "https://news.example/kg/"
    again = api.export(api.load(turtle), Path(tmp_path / "b"), ["ttl"])
    assert again["graph.ttl"].read_bytes() == turtle.read_bytes()
    # The mapping itself reads the graph's base: to_rdf and a query of the graph in memory use it too.
    assert {str(s).split("entity/")[0] for s in api.to_rdf(built.graph).subjects()} >= {"https://news.example/kg/"}
    people = api.query(built.graph, "SELECT ?p WHERE { ?p a schema:Person }")
    assert people and all(str(row[0]).startswith("https://news.example/kg/entity/") for row in people)


def test_every_public_name_is_still_a_function_once_every_module_is_imported():
    """A submodule named like a function (graphbuild.export, graphbuild.query) replaced it on import."""
    import graphbuild

    for info in pkgutil.walk_packages(graphbuild.__path__, "graphbuild."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    assert [name for name in graphbuild.__all__ if isinstance(getattr(graphbuild, name), types.ModuleType)] == []
    assert callable(graphbuild.export) and callable(graphbuild.query)
