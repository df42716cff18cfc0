"""`clear-cache` deletes only what graphbuild wrote: the entries of a folder it marked as its parse cache.
A folder named by mistake (a home folder, `.`, a folder of the user's) is refused in one line (issue 25,
case 2)."""

import os

import pytest
from graphbuild import BuildOptions, api
from graphbuild.errors import GraphbuildError
from graphbuild.parse.cache import MARKER

from conftest import SEEDS, graphbuild


def users_files(folder):
    """A folder of someone's own files, as ~/.cache or a project folder holds."""
    (folder / "pip").mkdir(parents=True)
    (folder / "pip" / "wheel.whl").write_text("not graphbuild's")
    (folder / "ab").mkdir()
    (folder / "ab" / f"{'a' * 64}.json").write_text("{}")  # even a file shaped like an entry
    (folder / "notes.txt").write_text("keep me")
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@pytest.mark.processes
def test_clear_cache_of_a_home_folder_deletes_nothing(tmp_path):
    home = tmp_path / "home"
    before = users_files(home / ".cache")
    run = graphbuild("clear-cache", "-o", str(home))
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        f"Error: {home}/.cache: not a parse cache graphbuild marked (no {MARKER} file); nothing deleted"
    ]
    assert sorted(p.relative_to(home / ".cache").as_posix() for p in (home / ".cache").rglob("*")) == before


@pytest.mark.processes
def test_clear_cache_of_the_current_folder_deletes_nothing_and_prints_no_traceback(tmp_path):
    before = users_files(tmp_path)
    run = graphbuild("clear-cache", "--cache", ".", cwd=tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == before


def test_a_named_cache_folder_without_the_marker_is_refused(tmp_path):
    before = users_files(tmp_path / "mine")
    with pytest.raises(GraphbuildError, match="nothing deleted"):
        api.clear_cache(cache_dir=tmp_path / "mine")
    assert sorted(p.relative_to(tmp_path / "mine").as_posix() for p in (tmp_path / "mine").rglob("*")) == before


def test_a_link_to_a_marked_cache_is_refused(tmp_path, nlp):
    api.build([SEEDS], BuildOptions(cache_dir=str(tmp_path / "cache")))
    os.symlink(tmp_path / "cache", tmp_path / "link")
    with pytest.raises(GraphbuildError, match="not a parse cache"):
        api.clear_cache(cache_dir=tmp_path / "link")
    assert (tmp_path / "cache" / MARKER).is_file()


def test_only_the_entries_graphbuild_wrote_are_deleted(tmp_path, nlp):
    cache = tmp_path / "cache"
    api.build([SEEDS], BuildOptions(cache_dir=str(cache)))
    assert (cache / MARKER).is_file()
    entry_folder = next(p for p in cache.iterdir() if p.is_dir())
    (entry_folder / "mine.txt").write_text("keep me")  # beside an entry
    (cache / "README").write_text("keep me")
    folder, removed = api.clear_cache(cache_dir=cache)
    assert (folder, removed) == (cache, 2)  # the seeds' two parses
    left = sorted(p.relative_to(cache).as_posix() for p in cache.rglob("*"))
    assert left == sorted(["README", entry_folder.name, f"{entry_folder.name}/mine.txt"])


def test_a_cache_with_nothing_else_in_it_is_removed_whole(tmp_path, nlp):
    out = tmp_path / "out"
    api.build_and_export([SEEDS], out)
    assert api.clear_cache(out) == (out / ".cache", 2)
    assert not (out / ".cache").exists()
    assert api.clear_cache(out) == (out / ".cache", 0)  # nothing there: nothing to do
