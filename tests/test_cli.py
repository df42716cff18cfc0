"""The command line as a user runs it: a real subprocess, real files, exit codes and messages."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from conftest import SEEDS, graphbuild


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A folder laid out like the repository: seeds/ and no exports/ yet."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(SEEDS, root / "seeds")
    return root


@pytest.fixture(scope="module")
def built(project):
    return graphbuild("build", cwd=project)


@pytest.mark.processes
@pytest.mark.model
def test_build_with_no_arguments_builds_seeds_into_exports(project, built):
    assert built.returncode == 0, built.stderr
    summary = built.stdout.strip()
    assert summary.startswith("2 documents (1 dated 2024-08-29), ") and " entities (Person " in summary
    assert " edges (sentence window) in " in summary
    assert summary.endswith("exports/graph.ttl, exports/graph.html")
    assert len(Graph().parse(project / "exports" / "graph.ttl")) > 100
    assert (project / "exports" / "graph.html").stat().st_size > 100_000
    assert not list((project / "exports").rglob("*.tmp"))  # no temp files left
    assert len(list((project / "exports" / ".cache").rglob("*.json"))) == 2  # the parse cache


@pytest.mark.processes
@pytest.mark.model
def test_query_command_formats(project, built):
    ttl = project / "exports" / "graph.ttl"
    sparql = "SELECT ?label WHERE { ?e a schema:Person ; rdfs:label ?label } ORDER BY ?label"
    table = graphbuild("query", ttl, sparql)
    assert table.returncode == 0 and "Wang Huning" in table.stdout
    (project / "q.rq").write_text(sparql)
    csv = graphbuild("query", ttl, "--file", project / "q.rq", "--format", "csv")
    assert csv.stdout.splitlines()[0] == "label" and "Wang Huning" in csv.stdout
    ask = graphbuild("query", ttl, "ASK { ?x a schema:Event }")
    assert ask.stdout == "true\n"


@pytest.mark.processes
@pytest.mark.model
def test_stdin_and_options(tmp_path):
    text = "Barack Obama met Angela Merkel in Berlin.\nAngela Merkel flew to Paris."
    run = graphbuild(
        "build",
        "-",
        "-o",
        tmp_path / "out",
        "--window",
        "document",
        "--format",
        "ttl",
        "--base-iri",
        "https://kg.example.com/",
        stdin=text,
    )
    assert run.returncode == 0, run.stderr
    assert "(document window)" in run.stdout and not (tmp_path / "out" / "graph.html").exists()
    turtle = (tmp_path / "out" / "graph.ttl").read_text()
    assert "<https://kg.example.com/entity/person/barack-obama>" in turtle and 'gb:window "document"' in turtle


@pytest.mark.processes
@pytest.mark.model
def test_a_folder_with_a_binary_file_warns_and_builds_the_rest(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Barack Obama met Angela Merkel in Berlin.")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\xff\x00binary")
    run = graphbuild("build", tmp_path / "in", "-o", tmp_path / "out")
    assert run.returncode == 0
    assert "bad.txt" in run.stderr and "binary" in run.stderr
    assert run.stdout.startswith("1 documents")


def bad_inputs(tmp: Path):
    (tmp / "empty.txt").write_text("")
    (tmp / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp / "nodocs").mkdir()
    (tmp / "nodocs" / "x.png").write_bytes(b"\x89PNG")
    (tmp / "notext.csv").write_text("a,b\n1,2\n")
    (tmp / "afile").write_text("x")
    (tmp / "ok.txt").write_text("Barack Obama met Angela Merkel in Berlin.")
    ttl = tmp / "g.ttl"
    ttl.write_text("<a:b> <a:c> <a:d> .")
    (tmp / "aliases.csv").write_text("merge,Obama\n")
    (tmp / "foreign.ttl").write_text(
        "<http://x/a> a <https://schema.org/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> "
        '"A" .\n<http://x/c> a <https://w3id.org/graphbuild/vocab#CoOccurrence> ; '
        "<https://w3id.org/graphbuild/vocab#entity> <http://x/a> .\n"
    )
    return {
        "missing path": (["build", tmp / "missing"], "no such file"),
        "folder without documents": (["build", tmp / "nodocs"], "no files to read"),
        "empty file": (["build", tmp / "empty.txt"], "empty"),
        "a table without a text column": (["build", tmp / "notext.csv"], "no text column (its columns: a, b)"),
        "an unknown --field role": (["build", tmp / "ok.txt", "--field", "colour=a"], "--field takes ROLE=COLUMN"),
        "binary file": (["build", tmp / "binary.txt"], "binary"),
        "-o is a file": (["build", tmp / "ok.txt", "-o", tmp / "afile"], "not a folder"),
        "unwritable output": (["build", tmp / "ok.txt", "-o", tmp / "afile" / "sub"], "cannot"),
        "bad window": (["build", tmp / "ok.txt", "--window", "lines"], "unknown window"),
        "unknown model": (["build", tmp / "ok.txt", "--model", "no_such_model"], "cannot load"),
        "malformed SPARQL": (["query", ttl, "SELECT ?x WHERE {"], "malformed SPARQL"),
        "missing graph file": (["query", tmp / "none.ttl", "ASK {}"], "no such graph file"),
        "not a graph": (["query", tmp / "ok.txt", "ASK {}"], "not a readable RDF file"),
        "unknown named query": (["query", ttl, "--name", "nope"], "--name must be one of the shipped queries"),
        "serve a missing graph": (["serve", tmp / "none.ttl"], "no such graph file"),
        "export to an unknown format": (["export", ttl, "--format", "pdf"], "unknown format"),
        "bad aliases file": (["build", tmp / "ok.txt", "--aliases", tmp / "aliases.csv"], "aliases.csv:1: expected"),
        "export of Turtle graphbuild did not write": (
            ["export", ttl, "--format", "json"],
            "not a graph graphbuild wrote",
        ),
        "export of a foreign co-occurrence": (
            ["export", tmp / "foreign.ttl", "--format", "json"],
            "not a graph graphbuild wrote",
        ),
        "base IRI that makes invalid IRIs": (
            ["build", tmp / "ok.txt", "--base-iri", "http://x/<>/"],
            "--base-iri must",
        ),
        "no format": (["build", tmp / "ok.txt", "--format", ","], "names no format"),
        "format typo, before any parsing": (
            ["build", tmp / "ok.txt", "--format", "ttl,htlm", "-o", tmp / "out"],
            "unknown format 'htlm'",
        ),
        "window in non-ASCII digits": (["build", tmp / "ok.txt", "--window", "tokens:\u0663"], "unknown window"),
        "no parse process": (["build", tmp / "ok.txt", "--jobs", "0"], "--jobs must be auto or a number"),
        "jobs in non-ASCII digits": (["build", tmp / "ok.txt", "--jobs", "\u0662"], "--jobs must be auto or a number"),
        "a file name longer than the system allows": (["build", tmp / ("a" * 300 + ".txt")], "cannot be read"),
        "a path longer than the system allows": (["build", tmp.joinpath(*["d" * 200] * 25)], "cannot be read"),
        "missing aliases file": (["build", tmp / "ok.txt", "--aliases", tmp / "none.csv"], "cannot read the aliases"),
    }


BAD_CASES = [
    "missing path",
    "folder without documents",
    "empty file",
    "binary file",
    "-o is a file",
    "unwritable output",
    "bad window",
    "unknown model",
    "malformed SPARQL",
    "missing graph file",
    "not a graph",
    "unknown named query",
    "serve a missing graph",
    "export to an unknown format",
    "bad aliases file",
    "missing aliases file",
    "base IRI that makes invalid IRIs",
    "no format",
    "format typo, before any parsing",
    "window in non-ASCII digits",
    "no parse process",
    "jobs in non-ASCII digits",
    "a file name longer than the system allows",
    "a path longer than the system allows",
    "export of Turtle graphbuild did not write",
    "export of a foreign co-occurrence",
]


@pytest.mark.processes
@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_input_is_one_clear_line_and_a_nonzero_exit(tmp_path, case):
    args, message = bad_inputs(tmp_path)[case]
    run = graphbuild(*args, cwd=tmp_path)
    assert run.returncode != 0
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], run.stderr
    assert "Traceback" not in run.stderr
    assert not list(tmp_path.rglob("graph.*")) and not list(tmp_path.rglob(".*.tmp"))
    assert not list(tmp_path.rglob(".cache"))  # refused before any parse was cached


def test_no_half_written_file_when_a_write_fails(tmp_path, seeds_graph):
    from graphbuild import api
    from graphbuild.errors import GraphbuildError

    (tmp_path / "graph.html").mkdir()  # no file can replace it: nothing is written at all (issue 25, case 9)
    with pytest.raises(GraphbuildError, match="exists and is not a file; nothing was written"):
        api.export(seeds_graph, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".graphbuild.lock", "graph.html"]
    (tmp_path / "graph.html").rmdir()
    api.export(seeds_graph, tmp_path)
    assert len(Graph().parse(tmp_path / "graph.ttl")) > 100


@pytest.mark.processes
def test_no_input_and_no_seeds_folder(tmp_path):
    run = graphbuild("build", cwd=tmp_path)
    assert run.returncode != 0 and "no seeds/ folder" in run.stderr


@pytest.mark.processes
def test_python_dash_m_and_help():
    run = graphbuild("--help")
    assert run.returncode == 0 and "build" in run.stdout and "query" in run.stdout


@pytest.mark.processes
@pytest.mark.model
def test_explain_prints_each_entity_with_aliases_and_rules(project):
    run = graphbuild("build", "--explain", "-o", project / "explained", cwd=project)
    assert run.returncode == 0, run.stderr
    assert "Person: Wang Huning (aliases: Wang)" in run.stdout
    assert "    Wang <- short-name-in-document: surname or first name of the one person so named" in run.stdout
    assert "    CPC <- definition: defined as the same in the text" in run.stdout
    assert "dropped: " in run.stdout
    assert "relation " not in run.stdout  # relations are read only when asked for


@pytest.mark.processes
@pytest.mark.model
def test_explain_lists_the_typed_relations_with_their_rule_and_sentence(project):
    run = graphbuild("build", "--relations", "--explain", "-o", project / "related", cwd=project)
    assert run.returncode == 0, run.stderr
    committee = "National Committee of the Chinese People's Political Consultative Conference"
    assert re.search(
        rf'relation \(role\): Wang Huning chairman {re.escape(committee)}, [23]x <- role: "Wang', run.stdout
    )
    assert "relation (located_in): Lolung Village in Dem Township, 1x <- located-in" in run.stdout


@pytest.mark.processes
@pytest.mark.model
def test_an_aliases_file_is_applied_last_and_reported(tmp_path):
    (tmp_path / "in.txt").write_text(
        "Barack Obama met Angela Merkel in Berlin. Brexit was discussed.\n"
        "Obama and the German chancellor spoke about Brexit."
    )
    (tmp_path / "aliases.yaml").write_text("never:\n  - [Barack Obama, Obama]\ntypes:\n  Berlin: Organization\n")
    run = graphbuild(
        "build",
        tmp_path / "in.txt",
        "-o",
        tmp_path / "out",
        "--explain",
        "--aliases",
        tmp_path / "aliases.yaml",
        "--format",
        "json",
        "-q",
    )
    assert run.returncode == 0, run.stderr
    assert "Organization: Berlin" in run.stdout and "type set by the aliases file: Organization" in run.stdout
    assert "kept apart by the aliases file" in run.stdout and "Person: Obama" in run.stdout


@pytest.mark.processes
@pytest.mark.model
def test_open_hands_the_page_to_the_browser(tmp_path):
    (tmp_path / "in.txt").write_text("Barack Obama met Angela Merkel in Berlin.")
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n')
    browser.chmod(0o755)
    env = dict(__import__("os").environ, BROWSER=str(browser))
    run = subprocess.run(
        [sys.executable, "-m", "graphbuild", "build", str(tmp_path / "in.txt"), "-o", str(tmp_path / "out"), "--open"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert opened.read_text().strip() == (tmp_path / "out" / "graph.html").as_uri()
