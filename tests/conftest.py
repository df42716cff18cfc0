"""Shared fixtures: the real spaCy model and the seeds' graph, each made once per test session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from graphbuild import BuildOptions, api
from graphbuild.nlp.load import load_pipeline

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def graphbuild(*args, cwd=None, stdin=None, env=None, timeout=300) -> subprocess.CompletedProcess:
    """``graphbuild ARGS...`` in a fresh process, as a user runs it: text output captured, never raising."""
    return subprocess.run(
        [sys.executable, "-m", "graphbuild", *map(str, args)],
        cwd=cwd,
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline(BuildOptions().model)


@pytest.fixture(scope="session")
def seeds_graph(nlp):
    return api.build([SEEDS])


@pytest.fixture(scope="session")
def seeds_exports(seeds_graph, tmp_path_factory):
    """The seeds' default exports, by format: {"ttl": path, "html": path}."""
    out = tmp_path_factory.mktemp("exports")
    written = api.export(seeds_graph, out)
    return {name.split(".")[-1]: path for name, path in written.items()}


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium through Playwright, once per session (skipped where either is missing)."""
    from devtools.pages import CHROMIUM, launch

    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt: chromium)")
    with sync_api.sync_playwright() as p:
        chromium = launch(p)
        yield chromium
        chromium.close()
