"""Slowloris (issue 25, case 4): 1,100 connections that never finish their request headers, against a
server limited to 1,024 descriptors, neither lock a normal client out nor flood the log, and are closed
after --header-timeout."""

import resource
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from helpers import free_port

pytestmark = pytest.mark.processes


def test_half_open_connections_lock_no_client_out_and_are_closed(tmp_path, seeds_exports):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 1300:
        pytest.skip(f"this process may hold only {hard} descriptors")
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(4096, hard) if hard != resource.RLIM_INFINITY else 4096, hard))
    port = free_port()
    log = tmp_path / "stderr.log"
    limit = "import resource; resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024)); "
    run = "import sys; from graphbuild.__main__ import run; sys.argv[0] = 'graphbuild'; run()"
    with log.open("w") as stderr:
        server = subprocess.Popen(
            [
                sys.executable,
                "-c",
                limit + run,
                "serve",
                str(seeds_exports["ttl"]),
                "--port",
                str(port),
                "--header-timeout",
                "3",
            ],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    url = f"http://127.0.0.1:{port}/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    held = []
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(url, timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        for _ in range(1100):
            connection = socket.create_connection(("127.0.0.1", port), timeout=5)
            connection.sendall(b"GET /sparql?query=ASK HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never ends
            held.append(connection)
        for _ in range(3):
            started = time.monotonic()
            assert urllib.request.urlopen(url, timeout=5).status == 200
            assert time.monotonic() - started < 1
        time.sleep(4)  # past the header timeout: every half-open connection is closed
        open_ones = 0
        for connection in held:
            connection.settimeout(0.01)
            try:
                open_ones += connection.recv(1) != b""
            except TimeoutError:
                open_ones += 1
            except OSError:
                pass
        assert open_ones == 0
        assert urllib.request.urlopen(url, timeout=5).status == 200
    finally:
        for connection in held:
            connection.close()
        server.terminate()
        server.wait(timeout=10)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert log.stat().st_size < 20_000
