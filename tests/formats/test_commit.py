"""Outputs are committed together or not at all, by one writer at a time (issue 25, cases 7 and 9): a
second build or export into the same folder is refused in one line naming the first, and a build that
fails (a target that is a folder, the store step) leaves every file as it was."""

import os
import subprocess
import sys
import time

import pytest
from graphbuild import api
from graphbuild.atomic import output_lock
from graphbuild.errors import GraphbuildError

from conftest import SEEDS, graphbuild


def contents(folder):
    return {p.name: p.read_bytes() for p in folder.glob("graph.*") if p.is_file()}


@pytest.mark.processes
def test_a_second_writer_is_refused_naming_the_first(tmp_path, seeds_exports):
    with output_lock(tmp_path):
        with output_lock(tmp_path):  # the same process again: allowed (a build exports inside its lock)
            pass
        run = graphbuild("export", str(seeds_exports["ttl"]), "--format", "nt", "-o", str(tmp_path))
    assert run.returncode == 1
    assert run.stderr.strip() == (
        f"Error: {tmp_path}: another graphbuild (pid {os.getpid()}) is writing here; run again when it is done, "
        "or write elsewhere (-o)"
    )
    assert not (tmp_path / "graph.nt").exists()
    assert graphbuild("export", str(seeds_exports["ttl"]), "--format", "nt", "-o", str(tmp_path)).returncode == 0


@pytest.mark.processes
def test_four_exports_at_once_leave_one_whole_set_of_files(tmp_path, seeds_exports):
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "graphbuild",
                "export",
                str(seeds_exports["ttl"]),
                "--format",
                "ttl,nt,json",
                "-o",
                str(tmp_path / "out"),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [(run.wait(timeout=120), run.stderr.read()) for run in runs]
    assert any(code == 0 for code, _ in results)
    for code, stderr in results:
        assert code == 0 or (code == 1 and "another graphbuild (pid" in stderr and len(stderr.splitlines()) == 1)
    assert "Traceback" not in "".join(stderr for _, stderr in results)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert list(api.query(tmp_path / "out" / "graph.ttl", count)) == list(api.query(seeds_exports["ttl"], count))


@pytest.mark.processes
def test_a_build_that_fails_on_a_target_replaces_nothing(tmp_path, nlp):
    out = tmp_path / "out"
    assert graphbuild("build", str(SEEDS), "-o", str(out), "-q").returncode == 0
    before = contents(out)
    (out / "graph.html").unlink()
    (out / "graph.html").mkdir()
    run = graphbuild("build", str(SEEDS), "-o", str(out), "-q", "--window", "paragraph")
    assert run.returncode == 1
    assert run.stderr.strip() == f"Error: {out / 'graph.html'}: exists and is not a file; nothing was written"
    assert contents(out) == {k: v for k, v in before.items() if k != "graph.html"}
    assert not list(out.glob(".*.tmp"))


def test_a_failure_at_the_store_step_replaces_nothing(tmp_path, seeds_graph):
    out = tmp_path / "out"
    api.export(seeds_graph, out, ["ttl", "json"])
    before, store_before = contents(out), sorted(p.name for p in (out / "graph.oxigraph").iterdir())
    (out / ".graph.oxigraph.new").write_text("a file where the new store must go")  # the store step fails
    time.sleep(0.01)
    with pytest.raises(GraphbuildError, match="cannot write the SPARQL store|not a readable"):
        api.export(seeds_graph, out, ["ttl", "json"], base_iri="https://other.example/")
    assert contents(out) == before
    assert sorted(p.name for p in (out / "graph.oxigraph").iterdir()) == store_before
