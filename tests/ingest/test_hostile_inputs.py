"""Inputs that leave their folder, cannot be read, or never end (issue 25, cases 5, 6 and 16): a link out of
an input folder is not followed unless --follow-links says so, each one skipped is a warning, an unreadable
sub-folder is a warning, and standard input is never read whole."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from graphbuild.ingest.sources import find_sources

from conftest import graphbuild


def tree(root: Path) -> Path:
    """in/ with a text, a link to a secret outside, a linked folder outside, a broken link, a link inside."""
    (root / "in" / "sub").mkdir(parents=True)
    (root / "secret").mkdir()
    (root / "in" / "a.txt").write_text("Angela Merkel met Barack Obama in Paris.\n")
    (root / "secret" / "credentials.txt").write_text("Vladimir Putin holds the key SECRET-PASSWORD.\n")
    (root / "in" / "notes.txt").symlink_to("../secret/credentials.txt")
    (root / "in" / "sub" / "elsewhere").symlink_to("../../secret")
    (root / "in" / "broken.txt").symlink_to("nowhere.txt")
    (root / "in" / "again.txt").symlink_to("a.txt")
    return root / "in"


def test_links_out_of_the_folder_are_skipped_each_with_a_warning(tmp_path):
    warnings: list[str] = []
    found = find_sources([tree(tmp_path)], warnings.append)
    assert [Path(p).name for p in found] == ["a.txt", "again.txt"]  # a link inside the folder is a name in it
    assert sorted(w.split(":")[0].rsplit("/", 1)[-1] for w in warnings) == ["broken.txt", "elsewhere", "notes.txt"]
    assert all("--follow-links" in w for w in warnings if "out of" in w)


def test_follow_links_reads_them_and_each_real_folder_once(tmp_path):
    folder = tree(tmp_path)
    (folder / "sub" / "loop").symlink_to("..")  # a loop of folders is searched once
    found = find_sources([folder], lambda message: None, follow_links=True)
    assert sorted(Path(p).name for p in found) == ["a.txt", "again.txt", "credentials.txt", "notes.txt"]


@pytest.mark.processes
def test_a_build_keeps_the_secret_out_of_every_output_unless_asked(tmp_path):
    folder = tree(tmp_path)
    run = graphbuild("build", str(folder), "-o", str(tmp_path / "out"), "--format", "ttl,html,json", "-q")
    assert run.returncode == 0, run.stderr
    assert run.stderr.count("warning:") == 3
    for output in (tmp_path / "out").glob("graph.*"):
        if output.is_file():
            assert "SECRET" not in output.read_text("utf-8"), output.name
    run = graphbuild("build", str(folder), "-o", str(tmp_path / "all"), "-q", "--follow-links")
    assert run.returncode == 0 and "SECRET" in (tmp_path / "all" / "graph.ttl").read_text("utf-8")


@pytest.mark.processes
def test_an_unreadable_sub_folder_is_a_warning(tmp_path):
    """Run as an unprivileged user where the tests run as root (root reads any folder)."""
    root = Path(tempfile.mkdtemp(dir="/tmp", prefix="graphbuild-unreadable-"))
    try:
        os.chmod(root, 0o755)
        (root / "in" / "locked").mkdir(parents=True)
        (root / "in" / "a.txt").write_text("Angela Merkel met Barack Obama in Paris.\n")
        (root / "in" / "locked" / "b.txt").write_text("Vladimir Putin was there.\n")
        os.chmod(root / "in" / "locked", 0)
        (root / "out").mkdir(mode=0o777)
        os.chmod(root / "out", 0o777)
        command = [sys.executable, "-m", "graphbuild", "build", str(root / "in"), "-o", str(root / "out"), "-q"]
        if os.geteuid() == 0:
            if shutil.which("setpriv") is None:
                pytest.skip("running as root without setpriv: no user to whom a folder is unreadable")
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
            probe = subprocess.run([*command[:4], sys.executable, "-c", "import graphbuild.cli"], capture_output=True)
            if probe.returncode != 0:  # a checkout under a private folder (/root): nobody may read it
                pytest.skip("the unprivileged user cannot read this checkout, so cannot run graphbuild")
        run = subprocess.run(command, capture_output=True, text=True, cwd=root, env={**os.environ, "HOME": str(root)})
        assert run.returncode == 0, run.stderr
        assert f"warning: {root / 'in' / 'locked'}: cannot be read (Permission denied); skipped" in run.stderr
        assert run.stdout.startswith("1 documents")
    finally:
        os.chmod(root / "in" / "locked", 0o755)
        shutil.rmtree(root)


@pytest.mark.processes
def test_standard_input_that_never_ends_is_refused_without_reading_it_whole(tmp_path):
    """`build - </dev/zero` under a 2 GB address-space limit: one line, at once."""
    with open("/dev/zero", "rb") as zero:
        run = subprocess.run(
            ["bash", "-c", f"ulimit -v 2000000; exec {sys.executable} -m graphbuild build - -o out -q"],
            stdin=zero,
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=120,
        )
    assert run.returncode == 1
    assert run.stderr.strip() == "Error: <stdin>: looks like a binary file, not text"


@pytest.mark.processes
def test_long_standard_input_is_read_in_parts(tmp_path):
    text = "Angela Merkel met Barack Obama in Paris.\n" * 30_000  # 1.2 MB
    run = subprocess.run(
        [sys.executable, "-m", "graphbuild", "build", "-", "-o", "out", "-q", "--jobs", "1"],
        input=text,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    assert "read as documents of about that size" in run.stderr
    assert run.stdout.startswith("2 documents")
