"""Ctrl-C and SIGTERM on a real build process: it stops within seconds, leaves no worker and no temporary
file, keeps the parses it finished, and the next build goes on from there. A killed build's workers die
with it, and its temporary files go at the next build. (Subprocesses: the process boundary is the test.)"""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from graphbuild.parse.processes import cpu_count
from rdflib import Graph

from conftest import SEEDS

pytestmark = [
    pytest.mark.processes,
    pytest.mark.model,  # in the build processes
    pytest.mark.skipif(sys.platform != "linux", reason="reads worker processes from /proc"),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """About 200 short news documents: several seconds of parsing, so a signal lands mid-build."""
    folder = tmp_path_factory.mktemp("many")
    for n in range(100):
        for seed in sorted(SEEDS.glob("*.txt")):
            (folder / f"{n:03d}-{seed.name}").write_text(f"Report {n}.\n" + seed.read_text("utf-8"), "utf-8")
    return folder


def _terminal_signals() -> None:
    """Ctrl-C as in a terminal: a suite started in the background (``cmd &``, nohup) hands its children
    SIGINT ignored, and a program that finds it ignored rightly keeps ignoring it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(corpus: Path, out: Path, *options: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "graphbuild",
            "build",
            str(corpus),
            "-o",
            str(out),
            "-q",
            "--format",
            "ttl,html",
            *options,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=_terminal_signals,  # noqa: PLW1509  (single-threaded here; see _terminal_signals)
    )


def _cached(out: Path) -> int:
    return len(list((out / ".cache").glob("*/*.json")))


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for_parses(process: subprocess.Popen, out: Path, at_least: int = 5) -> None:
    deadline = time.monotonic() + 60
    while _cached(out) < at_least:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "no parse reached the cache"
        time.sleep(0.05)


def _temporary_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith((".tmp", ".new", ".old"))]


@pytest.mark.parametrize(
    "jobs, signum", [(1, signal.SIGINT), (2, signal.SIGINT), (1, signal.SIGTERM), (2, signal.SIGTERM)]
)
def test_a_signal_mid_parse_stops_cleanly_and_keeps_the_finished_parses(corpus, tmp_path, jobs, signum):
    out = tmp_path / "out"
    process = _start(corpus, out, "--jobs", str(jobs))
    _wait_for_parses(process, out)
    workers = _children(process.pid) if jobs > 1 else []
    assert len(workers) == jobs if jobs > 1 else True
    sent = time.monotonic()
    if signum == signal.SIGINT:  # Ctrl-C in a terminal signals the whole process group
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    _, stderr = process.communicate(timeout=30)
    assert time.monotonic() - sent < 5
    assert process.returncode == 128 + signum
    kept = _cached(out)
    assert stderr.strip().splitlines() == [
        (
            f"interrupted: {kept} documents parsed in this run are kept in the parse cache {out / '.cache'}; "
            "run the same build again to go on from there"
        )
    ]
    assert 5 <= kept < 200
    deadline = time.monotonic() + 5
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)]
    assert not _temporary_files(out)
    assert not (out / "graph.ttl").exists()


def test_the_next_build_goes_on_where_the_interrupted_one_stopped(corpus, tmp_path):
    out = tmp_path / "out"
    process = _start(corpus, out, "--jobs", "2")
    _wait_for_parses(process, out, at_least=20)
    os.killpg(process.pid, signal.SIGINT)
    process.communicate(timeout=30)
    kept = _cached(out)
    again = subprocess.run(
        [sys.executable, "-m", "graphbuild", "build", str(corpus), "-o", str(out), "-q", "--format", "ttl"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    assert f"({200 - kept} parsed by {cpu_count()} process" in again.stdout  # --jobs auto: one per CPU
    assert f", {kept} from cache" in again.stdout
    assert len(Graph().parse(out / "graph.ttl")) > 1000


def test_a_killed_build_takes_its_workers_with_it_and_the_next_build_removes_its_leftovers(corpus, tmp_path):
    out = tmp_path / "out"
    process = _start(corpus, out, "--jobs", "2")
    _wait_for_parses(process, out)
    workers = _children(process.pid)
    assert len(workers) == 2
    process.kill()
    process.communicate()
    deadline = time.monotonic() + 5
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)]
    # What a kill in the middle of a write leaves: temporary files named for a process that is gone.
    entry = next((out / ".cache").glob("*/*.json"))
    leftovers = [entry.with_name(f".{entry.name}.{process.pid}.x1.tmp"), out / f".graph.ttl.{process.pid}.x2.tmp"]
    for leftover in leftovers:
        leftover.write_text("half")
    small = corpus.parent / "small"
    small.mkdir()
    shutil.copy(next(corpus.glob("*.txt")), small)
    done = subprocess.run(
        [sys.executable, "-m", "graphbuild", "build", str(small), "-o", str(out), "-q", "--format", "ttl"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert not [p for p in leftovers if p.exists()]


@pytest.mark.parametrize("delay", [1.0, 3.0, 5.0, 7.0])
def test_ctrl_c_at_any_moment_leaves_either_nothing_or_whole_outputs(tmp_path, delay):
    out = tmp_path / "out"
    process = _start(SEEDS, out)
    time.sleep(delay)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode in (0, 130)
    assert len(stderr.strip().splitlines()) <= 1
    assert "Traceback" not in stderr
    assert not _temporary_files(out) if out.exists() else True
    if (out / "graph.ttl").exists():
        assert len(Graph().parse(out / "graph.ttl")) > 100
        assert (out / "graph.html").stat().st_size > 1000


def _descendants(pid: int) -> list[int]:
    found = _children(pid)
    return found + [d for child in found for d in _descendants(child)]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_mid_parse_on_a_local_dask_cluster_stops_it_too(corpus, tmp_path, signum):
    pytest.importorskip("distributed")
    out = tmp_path / "out"
    process = _start(corpus, out, "--dask", "local:2")
    _wait_for_parses(process, out)
    tree = _descendants(process.pid)
    assert len(tree) >= 2  # the workers (and their nannies)
    if signum == signal.SIGINT:  # Ctrl-C in a terminal signals the whole process group, workers included
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 128 + signum
    kept = _cached(out)
    assert stderr.strip().splitlines() == [
        (
            f"interrupted: {kept} documents parsed in this run are kept in the parse cache {out / '.cache'}; "
            "run the same build again to go on from there"
        )
    ]
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in tree) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in tree if _alive(p)]
    assert not (out / "graph.ttl").exists()
