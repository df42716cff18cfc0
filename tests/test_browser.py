"""The HTML page in real headless Chromium (Debian's package), loaded from file:// with the network cut."""

import shutil

import pytest

from test_html import INJECTION

from graphbuild import api

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt: chromium)")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()


def open_page(browser, path):
    """Open a page, refusing (and recording) every request that is not the file itself."""
    page = browser.new_page(bypass_csp=True)  # playwright evaluates by eval; escaping alone must hold
    log = {"requests": [], "errors": [], "dialogs": []}
    page.route("**/*", lambda route: route.continue_() if route.request.url == path.as_uri()
               else (log["requests"].append(route.request.url), route.abort()))
    page.on("console", lambda m: log["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    page.on("dialog", lambda d: (log["dialogs"].append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=30_000)
    return page, log


def test_seeds_page_loads_offline_with_all_nodes_and_edges(browser, seeds_exports, seeds_graph):
    page, log = open_page(browser, seeds_exports["html"])
    assert log == {"requests": [], "errors": [], "dialogs": []}
    assert page.evaluate("graphbuild.nodeView.length") == seeds_graph.number_of_nodes()
    assert page.evaluate("graphbuild.edgeView.length") == seeds_graph.number_of_edges()
    assert page.locator("#types li").count() == 4
    page.close()


def test_injected_markup_in_documents_runs_nothing(browser, nlp, tmp_path):
    paths = api.export(api.build_texts(INJECTION), tmp_path, ["html"])
    page, log = open_page(browser, paths["graph.html"])
    edge = page.evaluate("graphbuild.data.edges.find(e => e.evidence.some(v => v.text.includes('<script>'))).id")
    page.evaluate(f"graphbuild.showEdge({edge!r})")
    assert "<script>alert(1)</script>" in page.locator("#panel").inner_text()
    assert page.locator("#panel script, #panel img").count() == 0
    assert log["dialogs"] == [] and log["errors"] == [] and log["requests"] == []
    page.close()
