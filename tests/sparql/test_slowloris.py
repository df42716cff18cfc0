"""Slowloris (issue 25, case 4): 1,100 connections that never finish their request headers, or their
bodies, against a server limited to 1,024 descriptors, neither lock a normal client out nor flood the log,
and are closed after --header-timeout; past --max-connections a connection gets a 503 when none can make
room; the limits are flags, and bad values are refused in one line."""

import http.client
import resource
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager

import pytest

from conftest import graphbuild
from helpers import free_port, running

pytestmark = pytest.mark.processes

ASK = "/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
HALF_HEADERS = b"GET /sparql?query=ASK HTTP/1.1\r\nHost: 127.0.0.1\r\n"  # never ends
HALF_BODY = (
    b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
    b"Content-Length: 100\r\n\r\nASK"  # 3 bytes of 100
)
#: A query that runs until --timeout stops it, in little memory (no ORDER BY: the count streams).
ENDLESS = "/sparql?" + urllib.parse.urlencode(
    {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"}
)


@contextmanager
def held_descriptors():
    """This process's descriptor limit raised to its hard limit (up to 4,096), to hold 1,100 connections."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 1300:
        pytest.skip(f"this process may hold only {hard} descriptors")
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(4096, hard) if hard != resource.RLIM_INFINITY else 4096, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


@contextmanager
def limited_server(graph, log, *args):
    """`graphbuild serve GRAPH ARGS` limited to 1,024 descriptors, its stderr in ``log``; yields its port."""
    port = free_port()
    limit = "import resource; resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024)); "
    run = "import sys; from graphbuild.__main__ import run; sys.argv[0] = 'graphbuild'; run()"
    with log.open("w") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-c", limit + run, "serve", str(graph), "--port", str(port), *args],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{ASK}", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def still_open(connection: socket.socket) -> bool:
    """Whether the server still holds the connection (it sent no end of stream), after reading what it sent."""
    connection.settimeout(0.01)
    try:
        while connection.recv(4096):
            pass
        return False
    except TimeoutError:
        return True
    except OSError:
        return False


def answered_in(port: int) -> float:
    """Seconds a normal client waits for the answer to a query (asserted 200)."""
    started = time.monotonic()
    assert urllib.request.urlopen(f"http://127.0.0.1:{port}{ASK}", timeout=5).status == 200
    return time.monotonic() - started


@pytest.mark.parametrize(
    "request_bytes, pause",
    # Half-open headers; then headers in full and 3 bytes of a 100-byte body, sent one connection at a
    # time so that each reaches the app before the next comes (all at once, they were closed while still
    # waiting for headers).
    [(HALF_HEADERS, 0.0), (HALF_BODY, 0.003)],
    ids=["half-open headers", "bodies that never end"],
)
def test_slowloris_locks_no_client_out_and_its_connections_are_closed(tmp_path, seeds_exports, request_bytes, pause):
    log = tmp_path / "stderr.log"
    held = []
    with held_descriptors(), limited_server(seeds_exports["ttl"], log, "--header-timeout", "3") as port:
        try:
            for _ in range(1100):
                connection = socket.create_connection(("127.0.0.1", port), timeout=5)
                connection.sendall(request_bytes)
                held.append(connection)
                time.sleep(pause)
            assert all(answered_in(port) < 1 for _ in range(3))
            time.sleep(4)  # past the header timeout: every such connection is closed
            assert sum(map(still_open, held)) == 0
            assert answered_in(port) < 1
        finally:
            for connection in held:
                connection.close()
    assert log.stat().st_size < 20_000


def test_a_request_not_sent_within_the_header_timeout_is_closed_and_a_busy_one_is_not(seeds_exports):
    with running(seeds_exports["ttl"], "--header-timeout", "2") as url:
        port = int(url.rsplit(":", 1)[1])
        silent, half_headers, half_body = (socket.create_connection(("127.0.0.1", port)) for _ in range(3))
        half_headers.sendall(HALF_HEADERS)
        half_body.sendall(HALF_BODY)
        started = time.monotonic()
        client = http.client.HTTPConnection("127.0.0.1", port, timeout=5)  # keep-alive, back to back
        answers = 0
        while time.monotonic() - started < 1:
            client.request("GET", ASK)
            response = client.getresponse()
            answers += response.read() != b"" and response.status == 200
        assert all(map(still_open, (silent, half_headers, half_body)))  # 1 s: within the timeout
        while time.monotonic() - started < 5:  # past it, twice: the timer restarts at each answer
            client.request("GET", ASK)
            response = client.getresponse()
            answers += response.read() != b"" and response.status == 200
        assert not any(map(still_open, (silent, half_headers, half_body)))
        assert answers > 20
        client.close()
        for connection in (silent, half_headers, half_body):
            connection.close()


def test_past_max_connections_busy_with_queries_a_new_one_gets_a_503(seeds_exports):
    args = ("--max-connections", "3", "--workers", "1", "--timeout", "3", "--max-memory", "1024")
    with running(seeds_exports["ttl"], *args) as url:
        port = int(url.rsplit(":", 1)[1])
        busy = []
        for _ in range(3):  # one query running, two waiting for the worker: none can make room
            connection = socket.create_connection(("127.0.0.1", port), timeout=15)
            connection.sendall(f"GET {ENDLESS} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            busy.append(connection)
        time.sleep(0.5)
        started = time.monotonic()
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url + ASK, timeout=5)
        assert refused.value.code == 503 and time.monotonic() - started < 1
        assert b"--max-connections" in refused.value.read()
        for connection in busy:
            connection.close()
        time.sleep(0.5)
        deadline = time.monotonic() + 15  # the worker finishes what it runs (3 s at most), then answers
        while True:
            try:
                assert urllib.request.urlopen(url + ASK, timeout=10).status == 200
                break
            except urllib.error.HTTPError:
                assert time.monotonic() < deadline
                time.sleep(0.5)


def test_the_limits_are_flags_and_bad_values_are_refused_in_one_line(seeds_exports):
    shown = graphbuild("serve", "--help").stdout
    assert "--header-timeout" in shown and "--max-connections" in shown
    for flag, value in (("--header-timeout", "0"), ("--header-timeout", "nan"), ("--max-connections", "0")):
        result = graphbuild("serve", seeds_exports["ttl"], flag, value, "--port", str(free_port()), timeout=60)
        assert result.returncode != 0
        assert result.stderr.strip().count("\n") == 0 and flag in result.stderr, result.stderr
