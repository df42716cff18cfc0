"""A link's view state names only what the graph holds (issue 25, case 13): a `#doc=__proto__` (or any
name an object inherits) selects nothing, and the page still draws every node with no error."""

import pytest
from devtools.pages import CHROMIUM, CLEAN, open_page
from devtools.synthetic import small_graph
from graphbuild.formats import html

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt: chromium)"),
]

INHERITED = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"]


@pytest.fixture(scope="module")
def page_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("state") / "graph.html"
    path.write_text(html.render(small_graph()), "utf-8")
    return path


@pytest.mark.parametrize("key", ["doc", "node", "edge", "path", "hide", "colour", "source"])
@pytest.mark.parametrize("name", INHERITED)
def test_an_inherited_name_in_the_url_selects_nothing_and_breaks_nothing(browser, page_path, key, name):
    value = f"{name},{name}" if key == "path" else name
    page, log = open_page(browser, page_path, fragment=f"#{key}={value}")
    try:
        nodes = page.evaluate("graphbuild.data.nodes.length")
        assert page.evaluate("graphbuild.nodeView.length") == nodes > 0
        state = page.evaluate("graphbuild.state()")
        assert [state[k] for k in ("doc", "node", "edge", "path", "source")] == [None] * 5
    finally:
        page.close()
    assert log == CLEAN
