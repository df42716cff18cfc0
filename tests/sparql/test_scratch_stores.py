"""`serve` over graph files without a matching store loads them into a temporary store; one that a killed
server left (kill -9 runs no clean-up) is removed by the next `serve`, and a live server's is not
(issue 25, case 15)."""

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from helpers import free_port, running

pytestmark = pytest.mark.processes


def scratches(folder):
    return sorted(p.name for p in folder.glob("graphbuild-store-*"))


def start(graphs, env):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "graphbuild", "serve", *map(str, graphs), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", timeout=1)
            return proc
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    proc.kill()
    raise AssertionError("the server did not start")


def test_a_killed_servers_temporary_store_is_removed_by_the_next_one(tmp_path, seeds_exports):
    graphs = [tmp_path / "a.ttl", tmp_path / "b.ttl"]
    for graph in graphs:
        shutil.copy(seeds_exports["ttl"], graph)
    temp = tmp_path / "tmp"
    temp.mkdir()
    (temp / "graphbuild-store-not-marked").mkdir()  # not graphbuild's mark: never touched
    env = {**os.environ, "TMPDIR": str(temp)}
    killed = start(graphs, env)
    [left] = [s for s in scratches(temp) if s != "graphbuild-store-not-marked"]
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    assert left in scratches(temp)
    live = start(graphs, env)
    try:
        assert left not in scratches(temp) and len(scratches(temp)) == 2  # its own, and the unmarked one
        with running(graphs[0], graphs[1], env=env):
            assert len(scratches(temp)) == 3  # the live server's store stays
    finally:
        live.terminate()
        live.wait(timeout=10)
    assert scratches(temp) == ["graphbuild-store-not-marked"]
