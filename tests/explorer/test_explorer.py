"""The explorer on pages shaped like real corpora (issue 14), in headless Chromium from file:// with every
request refused, acting as a user does: clicks, typing, arrow keys, the mouse wheel, Back, a reload.
This file: the overview, focus and paths, search, documents (the rest: test_explorer_views.py)."""

import pytest
from devtools.pages import CHROMIUM, CLEAN, client_point, colours, on_screen, open_page, search, settle, suggestions
from devtools.synthetic import add_cooccurrence, add_document, add_entity, new_graph
from graphbuild.formats import html

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt: chromium)"),
]


# ---- 1. A legible overview ---------------------------------------------------------------------------


def test_big_graph_opens_with_lonely_nodes_hidden_and_its_biggest_entities_labelled(big):
    assert big.locator("#hide-isolated").is_checked()
    connected = big.evaluate("new Set(graphbuild.data.edges.flatMap(e => [e.from, e.to])).size")
    assert big.evaluate("graphbuild.nodeView.length") == connected > 590
    labels = big.evaluate("graphbuild.labels()")
    top = big.evaluate("[...graphbuild.data.nodes].sort((a, b) => b.mentions - a.mentions).slice(0, 5).map(n => n.id)")
    assert set(top) <= {label["id"] for label in labels}  # the most mentioned are named at the overview
    assert all(label["font"].startswith("12px") for label in labels)  # a screen size, whatever the zoom
    assert 30 <= len(labels) <= 400
    big.locator("#hide-isolated").click()
    assert big.evaluate("graphbuild.nodeView.length") == 640


def test_zooming_in_names_more_entities_around_the_pointer(big):
    before = {label["id"] for label in big.evaluate("graphbuild.labels()")}
    big.mouse.move(560, 450)
    for _ in range(6):
        big.mouse.wheel(0, -400)
        big.wait_for_timeout(80)
    settle(big)
    after = {label["id"] for label in big.evaluate("graphbuild.labels()")}
    assert after - before  # labels nobody could read at the overview appear
    big.locator("#fit").click()
    settle(big)
    visible = big.evaluate("graphbuild.nodeView.getIds()")
    assert len(on_screen(big, visible)) == len(visible)


def test_a_type_filter_refits_the_view_and_reset_clears_everything(big):
    big.mouse.move(560, 450)
    big.mouse.wheel(0, -2000)
    settle(big)
    big.locator('#types input[data-type="Person"]').click()
    settle(big)
    visible = big.evaluate("graphbuild.nodeView.getIds()")
    assert len(on_screen(big, visible)) == len(visible) > 400
    assert not big.evaluate(
        "graphbuild.nodeView.get().filter(v => graphbuild.data.nodes.find(n => n.id === v.id).type === 'Person').length"
    )
    search(big, "Place 2", "Enter")
    big.locator("#reset").click()
    settle(big)
    assert big.locator('#types input[data-type="Person"]').is_checked()
    connected = big.evaluate("new Set(graphbuild.data.edges.flatMap(e => [e.from, e.to])).size")
    assert big.evaluate("[graphbuild.nodeView.length, graphbuild.network.getSelectedNodes().length]") == [connected, 0]
    assert big.locator("#panel .hint").count() == 1


def test_search_zooms_to_the_neighbourhood_and_the_wheel_still_zooms_after_enter(page):
    search(page, "Geneva", "Enter")
    settle(page)
    scale = page.evaluate("graphbuild.network.getScale()")
    assert scale <= 1.2
    assert sorted(on_screen(page, ["geneva", "us", "un"])) == ["geneva", "un", "us"]  # with its context
    page.mouse.move(600, 450)
    page.mouse.wheel(0, -300)
    settle(page)
    assert page.evaluate("graphbuild.network.getScale()") > scale * 1.05
    page.mouse.wheel(0, 600)
    settle(page)
    assert page.evaluate("graphbuild.network.getScale()") < scale


# ---- 2. Focus and paths --------------------------------------------------------------------------------


def test_selecting_an_entity_greys_out_all_but_its_neighbours_one_or_two_hops(page):
    page.mouse.click(*client_point(page, page.evaluate("graphbuild.network.getPositions(['geneva']).geneva")))
    grey = {k for k, c in colours(page).items() if isinstance(c, dict)}
    assert grey == {"trump", "trump-says", "alvarez", "bogota", "long", "rtl", "lonely"}
    assert sorted(page.evaluate("graphbuild.edgeView.get().map(e => e.id)")) == sorted(
        page.evaluate(
            "graphbuild.data.edges.filter(e => ['geneva', 'us', 'un'].includes(e.from) && ['geneva', 'us', 'un'].includes(e.to)).map(e => e.id)"
        )
    )
    assert {label["id"] for label in page.evaluate("graphbuild.labels()")} == {"geneva", "us", "un"}
    page.select_option("#hops", "2")
    grey = {k for k, c in colours(page).items() if isinstance(c, dict)}
    assert grey == {"trump-says", "alvarez", "lonely"}  # two steps: Trump, Bogotá, the committees
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + 5, box["y"] + 5)  # the empty canvas: nothing selected, nothing greyed
    assert not [c for c in colours(page).values() if isinstance(c, dict)]
    assert page.locator("#panel .hint").count() == 1


def test_path_tool_shows_the_shortest_path_with_its_evidence(page):
    page.locator("#path-from").fill("alvarez")
    page.locator("#path-from").press("Enter")
    page.locator("#path-to").fill("united nat")
    page.locator("#path-to").press("ArrowDown")
    page.locator("#path-to").press("Enter")
    page.get_by_role("button", name="Show").click()
    steps = page.locator("#panel .path > li")
    assert steps.count() == 4  # Álvarez - Bogotá - United States - Geneva - United Nations
    assert page.locator("#panel").get_by_text("4 steps").count() == 1
    assert steps.first.locator("blockquote").inner_text() == "Alvaro Alvarez landed in Bogota."
    assert steps.first.locator("mark").all_inner_texts() == ["Alvaro Alvarez", "Bogota"]
    bright = {k for k, c in colours(page).items() if not isinstance(c, dict)}
    assert bright == {"alvarez", "bogota", "us", "geneva", "un"}


# ---- 3. Search that ranks ------------------------------------------------------------------------------


def test_search_is_accent_and_case_blind_ranked_by_mentions_with_type(page):
    search(page, "alvarez")
    assert suggestions(page) == ["Álvaro Álvarez (Álvarez) Person, 5 mentions"]
    search(page, "TRUMP")
    listed = suggestions(page)
    assert listed[0].startswith("Donald Trump") and "Person, 50 mentions" in listed[0]
    assert listed[1].startswith("Trump Says")
    search(page, "bogota")
    assert suggestions(page)[0].startswith("Bogotá")


def test_arrow_keys_pick_a_candidate_and_one_enter_is_one_step_in_history(page):
    start = page.evaluate("history.length")
    search(page, "trump", "ArrowDown", "ArrowDown", "Enter")
    settle(page)
    assert page.evaluate("graphbuild.network.getSelectedNodes()") == ["trump-says"]
    assert page.locator("#panel h2").inner_text() == "Trump Says"
    assert page.evaluate("history.length") == start + 1
    assert suggestions(page) == []
    search(page, "zzz", "Enter")
    assert "miss" in page.locator("#search").get_attribute("class")


# ---- 4. Documents first --------------------------------------------------------------------------------


def test_edge_panel_counts_evidence_and_marks_whole_words_only(page):
    page.evaluate("graphbuild.showEdge(graphbuild.data.edges.find(e => e.weight === 32).id)")
    assert page.locator("#panel h3").inner_text() == "Evidence (5 of 32 sentences)"
    first = page.locator(".evidence li").first
    assert first.locator("mark").all_inner_texts() == ["Donald Trump", "US"]  # not in "using" or "Muslim"
    cite = first.locator("cite button")
    assert cite.inner_text() == "Talks in Geneva end without a deal" and cite.get_attribute("title") == "00008.txt"


def test_accented_alias_is_marked_in_unaccented_text(page):
    page.evaluate("graphbuild.showEdge(graphbuild.data.edges.find(e => e.from === 'alvarez' || e.to === 'alvarez').id)")
    assert page.locator(".evidence mark").all_inner_texts() == ["Alvaro Alvarez", "Bogota"]


def test_entity_panel_lists_documents_by_title_with_a_snippet_and_filters_by_document(page):
    page.evaluate("graphbuild.showNode('un')")
    assert page.locator("#panel h3").first.inner_text() == "Mentioned in 2 documents"
    docs = page.locator("#panel .documents > li")
    assert docs.locator("button.doc").all_inner_texts() == ["Talks in Geneva end without a deal", "Committees"]
    assert docs.first.locator("blockquote").inner_text() == "Geneva hosts the UN."
    page.evaluate("graphbuild.showNode('lonely')")  # no edge, but the build kept a sentence
    assert page.locator("#panel .documents blockquote").all_inner_texts() == ["Lonely Island kept quiet."]
    page.evaluate("graphbuild.showNode('un')")
    docs.nth(1).locator("button.doc").click()
    assert page.locator("#panel h2").inner_text() == "Committees"
    assert page.locator("#panel").get_by_text("File: 00010.txt").count() == 1
    page.locator("#only-document").check()
    assert sorted(page.evaluate("graphbuild.nodeView.getIds()")) == ["lonely", "long", "rtl", "un"]
    assert page.locator("#counts").inner_text() == "4 of 10 nodes, 2 of 8 edges"
    page.locator("#only-document").uncheck()
    assert page.evaluate("graphbuild.nodeView.length") == 10


def test_long_lists_are_paged(browser, tmp_path):
    graph = new_graph()
    docs = [f"d{i:02d}" for i in range(html.MAX_LISTED_DOCUMENTS + 5)]
    for doc in docs:
        add_document(graph, doc, f"{doc}.txt", f"Story {doc}")
    add_entity(graph, "busy", "Busy Person", "Person", mentions=30, documents=docs)
    for i in range(30):
        add_entity(graph, f"p{i}", f"Place {i}", "Place", documents=docs[:1])
        add_cooccurrence(graph, "busy", f"p{i}", [f"Busy Person went to Place {i}."])
    path = tmp_path / "graph.html"
    path.write_text(html.render(graph), "utf-8")
    page, log = open_page(browser, path)
    page.evaluate("graphbuild.showNode('busy')")
    assert page.locator("#panel h3").first.inner_text() == "Mentioned in 25 documents (the first 20 listed)"
    assert page.locator(".documents > li").count() == 10
    page.get_by_role("button", name="show 10 more (10 left)").click()
    assert page.locator(".documents > li").count() == 20
    assert page.locator(".neighbours > li").count() == 25
    page.get_by_role("button", name="show 5 more (5 left)").click()
    assert page.locator(".neighbours > li").count() == 30
    page.close()
    assert log == CLEAN
