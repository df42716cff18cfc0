"""`serve` over graph files without a matching store loads them into a temporary store; one that a killed
server left (kill -9 runs no clean-up) is removed by the next `serve`, even one that needs no temporary
store, and a live server's is not; nothing else is (unmarked folders, links, a reused pid's owner file
names another start) (issue 25, case 15)."""

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


def marked(folder, name, owner):
    """A folder as serve makes one, its owner file saying ``owner`` ("pid start-time")."""
    scratch = folder / f"graphbuild-store-{name}"
    (scratch / "store").mkdir(parents=True)
    (scratch / "graphbuild-owner.txt").write_text(owner)
    return scratch


def test_only_marked_folders_whose_owner_is_gone_are_removed(tmp_path):
    from graphbuild.sparql.server import _owner, remove_stale_scratch

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    pid, started = _owner(os.getpid()).split()
    marked(tmp_path, "dead", f"{gone.pid} {started}")
    marked(tmp_path, "reused", f"{pid} {int(started) - 1}")  # this pid, another start: a reused pid
    marked(tmp_path, "live", f"{pid} {started}")
    (tmp_path / "graphbuild-store-unmarked").mkdir()
    (tmp_path / "graphbuild-store-a-file").write_text("not a folder")
    (tmp_path / "graphbuild-store-garbled").mkdir()
    (tmp_path / "graphbuild-store-garbled" / "graphbuild-owner.txt").write_text("12")
    target = marked(tmp_path / "elsewhere", "target", f"{gone.pid} {started}")
    (tmp_path / "graphbuild-store-link").symlink_to(target)  # a link to a dead one: nothing followed
    (tmp_path / "other-folder").mkdir()
    remove_stale_scratch(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "elsewhere",
        "graphbuild-store-a-file",
        "graphbuild-store-garbled",
        "graphbuild-store-link",
        "graphbuild-store-live",
        "graphbuild-store-unmarked",
        "other-folder",
    ]
    assert (target / "store").is_dir()


def test_a_server_with_a_store_of_its_own_removes_stale_ones_too(tmp_path, seeds_exports):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    marked(tmp_path, "stale", f"{gone.pid} 1")
    with running(seeds_exports["ttl"], env={**os.environ, "TMPDIR": str(tmp_path)}) as url:
        assert urllib.request.urlopen(url + "/sparql?query=ASK%7B%7D", timeout=5).status == 200
        assert not list(tmp_path.glob("graphbuild-store-*"))  # the stale one gone; none of its own
