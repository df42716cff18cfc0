"""`graphbuild serve` heals and bounds each query (issue 25, case 3): a worker killed (kill -9, the OOM
killer) is replaced before the next query; a query over the worker's memory cap, or an answer over the
row or byte cap, gets one clear answer, and the next query is answered."""

import json
import os
import signal
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import graphbuild
from helpers import running

pytestmark = pytest.mark.processes

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
#: 90 bytes that took a worker to 7.2 GB: a three-way cross join, sorted.
CROSS_JOIN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?c ?f ?i"


def ask(url: str, query: str) -> tuple[int, dict]:
    request = url + "/sparql?" + urllib.parse.urlencode({"query": query})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as failure:
        return failure.code, json.loads(failure.read())


def children(pid: int) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(proc.name))
        except (OSError, ValueError):  # gone meanwhile
            continue
    return found


def query_workers(server: int) -> list[int]:
    """The server's query processes (not multiprocessing's resource tracker)."""
    return [pid for pid in children(server) if b"multiprocessing.spawn" in Path(f"/proc/{pid}/cmdline").read_bytes()]


def server_pid(url: str) -> int:
    """The `graphbuild serve` process listening at ``url`` (found by its --port argument)."""
    port = url.rsplit(":", 1)[1].encode()
    for pid in children(os.getpid()):
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if b"serve" in cmd and port in cmd:
            return pid
    raise AssertionError("no server process")


def test_killed_workers_are_replaced_and_every_next_query_answered(seeds_exports):
    with running(seeds_exports["ttl"], "--workers", "2") as url:
        status, expected = ask(url, COUNT)
        assert status == 200
        pid = server_pid(url)
        for _ in range(3):  # before, two kills left every query a 503 for good
            workers = query_workers(pid)
            assert len(workers) == 2
            for worker in workers:
                os.kill(worker, signal.SIGKILL)
            time.sleep(0.3)
            assert [ask(url, COUNT) for _ in range(3)] == [(200, expected)] * 3


def test_a_query_over_the_memory_cap_is_a_503_and_the_next_is_answered(seeds_exports):
    with running(seeds_exports["ttl"], "--max-memory", "1024", "--timeout", "60") as url:
        started = time.monotonic()
        status, answer = ask(url, CROSS_JOIN)
        assert status == 503 and "--max-memory" in answer["message"]
        assert time.monotonic() - started < 30  # the cap, not the time limit, stopped it
        assert ask(url, COUNT)[0] == 200


def test_answers_over_the_row_or_byte_cap_are_413_with_the_flag_named(seeds_exports):
    with running(seeds_exports["ttl"], "--max-rows", "10", "--max-result-bytes", "2500") as url:
        status, answer = ask(url, "SELECT * WHERE { ?s ?p ?o }")
        assert status == 413 and "--max-rows" in answer["message"]
        assert ask(url, "SELECT * WHERE { ?s ?p ?o } LIMIT 3")[0] == 200
        status, answer = ask(url, "SELECT (GROUP_CONCAT(?text) AS ?all) WHERE { ?s schema:text ?text }")
        assert status == 413 and "--max-result-bytes" in answer["message"]
        assert ask(url, COUNT)[0] == 200


def test_a_memory_cap_too_small_to_run_is_one_line(seeds_exports):
    run = graphbuild("serve", str(seeds_exports["ttl"]), "--max-memory", "100")
    assert run.returncode == 1
    assert run.stderr.strip() == "Error: --max-memory must be at least 512 MiB, not 100"
