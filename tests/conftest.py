"""Shared fixtures: the real spaCy model and the seeds' graph, each made once per test session; and the
``model`` marker, derived from them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from graphbuild import BuildOptions, api
from graphbuild.nlp.load import load_pipeline

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


#: The fixtures that load the spaCy model in the test's process. Every other fixture that needs the model
#: asks for one of these (seeds_graph and seeds_exports, or a module's own, such as test_html.evil_html),
#: and so does every test that builds a graph in its process: that is how its tests get ``model``.
MODEL_FIXTURES = frozenset({"nlp", "nlp_relations"})


def pytest_collection_modifyitems(items):
    """``model`` on every test whose fixture closure loads the model. Tests that load it only in a process
    they start (a CLI build, Dask workers) are marked by hand."""
    for item in items:
        if MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.model)


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
def nlp_relations():
    """The pipeline that also reads typed relations off the parse (``--relations``)."""
    return load_pipeline(BuildOptions().model, relations=True)


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


# The explorer's pages (tests/explorer/), in headless Chromium.
def _render(graph):
    from graphbuild.formats import html

    return html.render(graph)


@pytest.fixture(scope="module")
def newsroom_path(tmp_path_factory):
    from devtools.pages import newsroom

    path = tmp_path_factory.mktemp("newsroom") / "graph.html"
    path.write_text(_render(newsroom()), "utf-8")
    return path


@pytest.fixture
def page(browser, newsroom_path):
    from devtools.pages import WIDE, checked_page

    yield from checked_page(browser, newsroom_path, viewport=WIDE)


@pytest.fixture(scope="module")
def big_path(tmp_path_factory):
    """600 connected entities and 40 without edges: past html.HIDE_ISOLATED_FROM."""
    from devtools.synthetic import add_entity, synthetic_graph

    graph = synthetic_graph(600, 1_500)
    for i in range(40):
        add_entity(graph, f"alone{i}", f"Alone {i}", "Place", mentions=1)
    path = tmp_path_factory.mktemp("big") / "graph.html"
    path.write_text(_render(graph), "utf-8")
    return path


@pytest.fixture
def big(browser, big_path):
    from devtools.pages import WIDE, checked_page

    yield from checked_page(browser, big_path, viewport=WIDE)
