"""Typed relations on the page (a graph built with --relations), in real headless Chromium: drawn with an
arrow and a label, filtered by the "Relations" picker as a user picks, listed with their sentences in the
edge's panel, and kept in the URL."""

import pytest
from devtools.pages import CHROMIUM, checked_page
from graphbuild import BuildOptions, api
from graphbuild.formats import html

from conftest import SEEDS

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt: chromium)"),
]
COMMITTEE = "organization/national-committee-of-the-chinese-peoples-political-consultative-conference"


@pytest.fixture(scope="module")
def related_path(nlp_relations, tmp_path_factory):
    graph = api.build([SEEDS], BuildOptions(relations=True, progress=False))
    path = tmp_path_factory.mktemp("related") / "graph.html"
    path.write_text(html.render(graph), "utf-8")
    return path


@pytest.fixture
def page(browser, related_path):
    yield from checked_page(browser, related_path)


def edge_id(page, a, b):
    return page.evaluate(
        "([a, b]) => graphbuild.data.edges.find((e) => (e.from === a && e.to === b) || (e.from === b && e.to === a)).id",
        [a, b],
    )


def test_a_typed_edge_is_drawn_with_its_direction_and_predicate(page):
    drawn = page.evaluate(f"graphbuild.edges.get('{edge_id(page, 'person/wang-huning', COMMITTEE)}')")
    assert drawn["label"].startswith("chairman") or drawn["label"].startswith("member")
    assert drawn["arrows"] == ("to" if drawn["from"] == "person/wang-huning" else "from")  # from Wang to the committee


def test_the_relations_picker_shows_typed_edges_only_then_one_predicate(page):
    every = page.evaluate("graphbuild.edgeView.length")
    picker = page.locator("#relation")
    assert page.locator("#relation-filter").is_visible()
    picker.select_option("*")
    typed = page.evaluate("graphbuild.edgeView.get().map((e) => graphbuild.data.edges.find((d) => d.id === e.id))")
    assert 0 < len(typed) < every and all(e.get("relations") for e in typed)
    picker.select_option("=chairman")
    [only] = page.evaluate("graphbuild.edgeView.getIds()")
    assert only == edge_id(page, "person/wang-huning", COMMITTEE)
    assert "relation=chairman" in page.evaluate("location.hash")
    page.go_back()
    page.wait_for_function("graphbuild.state().relation === '*'")
    assert picker.input_value() == "*"


def test_the_edge_panel_lists_each_relation_with_its_sentence(page):
    page.evaluate(f"graphbuild.showEdge('{edge_id(page, 'person/wang-huning', COMMITTEE)}')")
    panel = page.locator("#panel")
    assert "Relations (" in panel.inner_text()
    item = panel.locator("ol.relations > li").filter(has_text="chairman").first
    text = item.inner_text().replace("\u2068", "").replace("\u2069", "")  # names isolated, as every name on the page
    assert "Wang Huning \u2192 chairman \u2192 National Committee" in text
    assert item.locator("blockquote mark").count() >= 1  # the sentence, with both names marked


def test_an_events_panel_lists_the_dates_the_text_gives_with_their_sentences(nlp_relations, browser, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "summit.txt").write_text(
        "Leaders gather in Egypt\nThe Cairo summit was held on March 8, 2020 in Cairo. Sisi spoke at the Cairo summit.\n",
        "utf-8",
    )
    path = tmp_path / "graph.html"
    path.write_text(html.render(api.build([folder], BuildOptions(relations=True, progress=False))), "utf-8")
    for page in checked_page(browser, path):
        page.evaluate("graphbuild.showNode('event/cairo-summit')")
        item = page.locator("#panel ol.dates > li").first
        assert item.locator("b").inner_text() == "2020-03-08 (1 sentence)"
        assert item.locator("blockquote mark").count() >= 1  # the sentence, the event's name marked
