"""The page's time control and source filter (issue 26), in real headless Chromium, on the graph built from
helpers.ARTICLES (six one-sentence articles, so the gold of every slice is read off that table)."""

import pytest
from devtools.pages import CHROMIUM, checked_page
from graphbuild import api
from graphbuild.formats import html

from helpers import write_news_table

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt: chromium)"),
]

#: The entities of each article of helpers.ARTICLES, in its order (the sixth is undated, from tass.com).
ALL = ["Angela Merkel", "Berlin", "Donald Trump", "Florida", "Moscow", "Vladimir Putin", "Washington"]


@pytest.fixture(scope="module")
def dated_path(nlp, tmp_path_factory):
    folder = tmp_path_factory.mktemp("dated")
    graph = api.build([write_news_table(folder / "news.csv")])
    path = folder / "graph.html"
    path.write_text(html.render(graph), "utf-8")
    return path


@pytest.fixture
def page(browser, dated_path):
    yield from checked_page(browser, dated_path)


def drawn(page):
    """The labels of the nodes drawn, and how many edges are."""
    labels = page.evaluate(
        "graphbuild.nodeView.getIds().map((id) => graphbuild.data.nodes.find((n) => n.id === id).label)"
    )
    return sorted(labels), page.evaluate("graphbuild.edgeView.length")


def click_bar(page, index):
    """A click on the histogram's bar of period ``index``, where a user would put the mouse."""
    box = page.locator("#histogram").bounding_box()
    periods = page.evaluate("graphbuild.data.time.labels.length")
    page.mouse.click(box["x"] + box["width"] * (index + 0.5) / periods, box["y"] + box["height"] - 2)


def test_moving_the_time_range_with_the_keys_narrows_the_drawn_graph(page):
    assert drawn(page) == (ALL, 9)
    assert page.locator("#time-value").inner_text() == "2017-01 to 2017-03 (6 documents)"
    page.locator("#time-to").focus()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")  # January: the first article alone
    assert drawn(page) == (["Angela Merkel", "Berlin", "Vladimir Putin"], 3)
    assert page.locator("#time-value").inner_text() == "2017-01 (1 document)"
    assert page.locator("#counts").inner_text() == "3 of 7 nodes, 3 of 9 edges"
    page.keyboard.press("ArrowRight")  # January and February: articles 1 to 4
    assert drawn(page) == (["Angela Merkel", "Berlin", "Donald Trump", "Florida", "Moscow", "Vladimir Putin"], 6)
    page.locator("#time-from").focus()
    page.keyboard.press("End")  # the start pushed past the end takes the end along: March alone
    assert page.evaluate("[graphbuild.state().from, graphbuild.state().to]") == [2, 2]
    assert drawn(page) == (["Angela Merkel", "Donald Trump", "Washington"], 3)
    assert "from=2017-03&to=2017-03" in page.evaluate("location.hash")


def test_picking_a_source_narrows_the_graph_and_the_histogram_and_combines_exactly_with_time(page):
    page.locator("#source").select_option("cnn.com")
    assert drawn(page) == (["Angela Merkel", "Donald Trump", "Florida", "Washington"], 4)
    assert page.locator("#time-value").inner_text() == "2017-01 to 2017-03 (2 documents)"
    click_bar(page, 0)  # Merkel is in January (bbc.co.uk) and on cnn.com (March), never both at once
    assert page.locator("#time-value").inner_text() == "2017-01 (0 documents)"
    assert drawn(page) == ([], 0)
    click_bar(page, 1)
    assert drawn(page) == (["Donald Trump", "Florida"], 1)
    page.keyboard.down("Shift")
    click_bar(page, 2)  # shift-click stretches the range
    page.keyboard.up("Shift")
    assert page.locator("#time-value").inner_text() == "2017-02 to 2017-03 (2 documents)"
    page.locator("#source").select_option("tass.com")  # its undated article counts only in the whole range
    assert drawn(page) == (["Angela Merkel", "Moscow", "Vladimir Putin"], 3)
    page.locator("#reset").click()
    assert drawn(page) == (ALL, 9) and page.locator("#source").input_value() == ""
    assert page.locator("#source option").all_inner_texts() == [
        "all sources",
        "bbc.co.uk (2 documents)",
        "cnn.com (2 documents)",
        "tass.com (2 documents)",
    ]


def test_a_slice_is_kept_in_the_url_and_back_undoes_it(page):
    page.locator("#source").select_option("bbc.co.uk")
    click_bar(page, 1)
    sliced = drawn(page)
    assert sliced == (["Angela Merkel", "Vladimir Putin"], 1)
    page.reload()
    page.wait_for_function("document.body.dataset.ready === '1'")
    assert drawn(page) == sliced and page.locator("#source").input_value() == "bbc.co.uk"
    assert page.locator("#time-value").inner_text() == "2017-02 (1 document)"
    page.go_back()
    assert drawn(page) == (["Angela Merkel", "Berlin", "Vladimir Putin"], 3)  # bbc.co.uk, all the time


def test_a_panel_gives_when_and_by_whom_and_each_period_or_source_narrows_to_it(page):
    page.evaluate("graphbuild.showNode(graphbuild.data.nodes.find((n) => n.label === 'Angela Merkel').id)")
    panel = page.locator("#panel")
    assert "Seen: 2017-01-30 to 2017-03-02" in panel.inner_text()
    lists = panel.locator("ul.spread")
    assert lists.nth(0).locator("li").all_inner_texts() == ["2017-01 \u00d71", "2017-02 \u00d72", "2017-03 \u00d71"]
    assert lists.nth(1).locator("li").all_inner_texts() == ["bbc.co.uk \u00d72", "cnn.com \u00d71", "tass.com \u00d71"]
    assert panel.locator(".more:visible").count() == 0  # short lists: no "show more" button
    lists.nth(1).get_by_role("button", name="tass.com").click()
    assert page.locator("#source").input_value() == "tass.com"
    assert drawn(page)[0] == ["Angela Merkel", "Moscow", "Vladimir Putin"]
    assert page.locator("#panel h2").inner_text() == "Angela Merkel"  # the selection stays
    page.evaluate("graphbuild.showNode(graphbuild.data.nodes.find((n) => n.label === 'Donald Trump').id)")
    assert page.locator("#source").input_value() == "" and len(drawn(page)[0]) == 7  # asked for: the slice opens
    edge = page.evaluate("""graphbuild.data.edges.find((e) => [e.from, e.to].map((id) =>
        graphbuild.data.nodes.find((n) => n.id === id).label).sort().join() === 'Angela Merkel,Vladimir Putin').id""")
    page.evaluate(f"graphbuild.showEdge({edge!r})")
    assert panel.locator("h3", has_text="Weight per month").count() == 1
    assert panel.locator("ul.spread").nth(1).locator("li").all_inner_texts() == [
        "bbc.co.uk \u00d72",
        "tass.com \u00d71",
    ]


def test_edges_ranked_by_significance_reorder_neighbours_and_the_slider_filters_by_it(page):
    # Windows are the 6 sentences; Merkel is in 4, Trump in 2, both in 1: less than the 1.33 chance gives.
    page.locator("#rank-by").select_option("significance")
    assert page.locator("#min-label").inner_text() == "Min significance"
    assert page.locator("#min-weight-value").inner_text() == "any"
    page.locator("#min-weight").focus()
    page.keyboard.press("ArrowRight")
    assert page.locator("#min-weight-value").inner_text() == "above chance"
    hidden = page.evaluate("""graphbuild.data.edges.filter((e) => !graphbuild.edgeView.get(e.id)).map((e) =>
        [e.from, e.to].map((id) => graphbuild.data.nodes.find((n) => n.id === id).label).sort().join(' - '))""")
    assert hidden == ["Angela Merkel - Donald Trump"]
    page.keyboard.press("ArrowRight")  # p < 0.05: six sentences are too few for any pair
    assert page.locator("#min-weight-value").inner_text() == "G\u00b2 3.8 (p < 0.05)" and drawn(page)[1] == 0
    assert "rank=significance&strength=3.84" in page.evaluate("location.hash")
    page.locator("#reset").click()
    assert page.locator("#min-label").inner_text() == "Min weight" and drawn(page)[1] == 9
    merkel = page.evaluate("graphbuild.data.nodes.find((n) => n.label === 'Angela Merkel').id")
    page.evaluate(f"graphbuild.showNode({merkel!r})")
    order = lambda: page.locator(".neighbours li > .link:first-child").all_inner_texts()
    assert order() == ["Vladimir Putin", "Berlin", "Donald Trump", "Moscow", "Washington"]  # weight 3, then 1
    page.locator("#rank-by").select_option("significance")
    # G2: Berlin, Moscow, Washington 0.91 each (1 of 0.67 expected), Putin 0.37 (3 of 2.67), Trump below chance
    assert order() == ["Berlin", "Moscow", "Washington", "Vladimir Putin", "Donald Trump"]
    page.evaluate("""graphbuild.showEdge(graphbuild.data.edges.find((e) => [e.from, e.to].map((id) =>
        graphbuild.data.nodes.find((n) => n.id === id).label).sort().join() === 'Donald Trump,Florida').id)""")
    # 1 of 6 sentences, Trump in 2, Florida in 1: 3 times chance, NPMI ln 3 / ln 6, G2 2.63
    assert "Significance: G\u00b2 2.6; NPMI 0.61; 3\u00d7 what chance gives" in page.locator("#panel").inner_text()
