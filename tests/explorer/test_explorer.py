"""The explorer on pages shaped like real corpora (issue 14), in headless Chromium from file:// with every
request refused, acting as a user does: clicks, typing, arrow keys, the mouse wheel, Back, a reload."""

import csv
import io

import pytest
from devtools.pages import CHROMIUM, CLEAN, checked_page, client_point, open_page
from devtools.synthetic import add_cooccurrence, add_document, add_entity, new_graph, synthetic_graph
from graphbuild.formats import html

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt: chromium)"),
]
WIDE = {"width": 1440, "height": 900}
LONG = "Committee for the " + "Very " * 60 + "Long Name"
RTL = "\u202eEvil\u202c Corp"


def newsroom():
    """A newsroom's graph in miniature: titled documents, an accented name, a fragment that outranks
    nothing, a weight-32 edge with 5 sentences kept, a path of three steps, a long and a right-to-left
    name, and an entity without edges."""
    graph = new_graph()
    add_document(graph, "d0", "00008.txt", "Talks in Geneva end without a deal")
    add_document(graph, "d1", "00009.txt", "Ministers meet in Bogotá")
    add_document(graph, "d2", "00010.txt", "Committees")
    for key, label, kind, aliases, mentions, docs in [
        ("trump", "Donald Trump", "Person", ["Trump"], 50, ["d0", "d1"]),
        ("trump-says", "Trump Says", "Person", [], 6, ["d0"]),
        ("alvarez", "Álvaro Álvarez", "Person", ["Álvarez"], 5, ["d1"]),
        ("us", "United States", "Place", ["US"], 40, ["d0", "d1"]),
        ("geneva", "Geneva", "Place", [], 8, ["d0"]),
        ("bogota", "Bogotá", "Place", [], 6, ["d1"]),
        ("un", "United Nations", "Organization", ["UN"], 20, ["d0", "d2"]),
        ("long", LONG, "Organization", [], 2, ["d2"]),
        ("rtl", RTL, "Organization", [], 2, ["d2"]),
        ("lonely", "Lonely Island", "Place", [], 1, ["d2"]),
    ]:
        add_entity(graph, key, label, kind, aliases, mentions, docs)
    add_cooccurrence(
        graph,
        "trump",
        "us",
        [
            "Donald Trump said the US is using its power, a Muslim leader said.",
            "Trump thanked the US.",
            "The US and Trump.",
            "Trump, US.",
            "US, Trump.",
        ],
        "d0",
        weight=32,
    )
    add_cooccurrence(graph, "trump-says", "trump", ["Trump Says Donald Trump."], "d0")
    add_cooccurrence(graph, "us", "geneva", ["The US sent envoys to Geneva."], "d0")
    add_cooccurrence(graph, "geneva", "un", ["Geneva hosts the UN."], "d0")
    add_cooccurrence(graph, "alvarez", "bogota", ["Alvaro Alvarez landed in Bogota."], "d1")
    add_cooccurrence(graph, "bogota", "us", ["Bogotá thanked the United States."], "d1")
    add_cooccurrence(graph, "long", "un", [f"The {LONG} wrote to the UN."], "d2")
    add_cooccurrence(graph, "rtl", "un", [f"{RTL} and the UN."], "d2")
    graph.nodes["lonely"]["snippets"] = {"d2": "Lonely Island kept quiet."}  # kept by the build (cooccur.Snippets)
    return graph


@pytest.fixture(scope="module")
def newsroom_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("newsroom") / "graph.html"
    path.write_text(html.render(newsroom()), "utf-8")
    return path


@pytest.fixture
def page(browser, newsroom_path):
    yield from checked_page(browser, newsroom_path, viewport=WIDE)


@pytest.fixture(scope="module")
def big_path(tmp_path_factory):
    """600 connected entities and 40 without edges: past html.HIDE_ISOLATED_FROM."""
    graph = synthetic_graph(600, 1_500)
    for i in range(40):
        add_entity(graph, f"alone{i}", f"Alone {i}", "Place", mentions=1)
    path = tmp_path_factory.mktemp("big") / "graph.html"
    path.write_text(html.render(graph), "utf-8")
    return path


@pytest.fixture
def big(browser, big_path):
    yield from checked_page(browser, big_path, viewport=WIDE)


def settle(page):
    """Let the view's animations (300-400 ms) end."""
    page.wait_for_timeout(700)


def on_screen(page, ids):
    """Which of these nodes are inside the graph's visible area."""
    return page.evaluate(
        """(ids) => {
        const n = graphbuild.network, box = document.getElementById("graph").getBoundingClientRect();
        return ids.filter((id) => { const p = n.canvasToDOM(n.getPositions([id])[id]);
                                    return p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height; });
    }""",
        ids,
    )


def search(page, text, *keys):
    page.locator("#search").fill(text)
    for key in keys:
        page.locator("#search").press(key)


def suggestions(page):
    return page.locator("#suggestions li").all_inner_texts()


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


def colours(page):
    return page.evaluate("Object.fromEntries(graphbuild.nodes.get().map(n => [n.id, n.color]))")


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


# ---- 5. State in the URL, Back, exports ----------------------------------------------------------------


def test_a_link_reopens_the_same_view_and_back_undoes(browser, newsroom_path):
    page, log = open_page(browser, newsroom_path, viewport=WIDE)
    page.locator('#types input[data-type="Organization"]').click()
    search(page, "geneva", "Enter")
    settle(page)
    page.select_option("#hops", "2")
    settle(page)
    url = page.url
    view = page.evaluate("[graphbuild.network.getScale(), graphbuild.network.getViewPosition()]")
    again, again_log = open_page(browser, newsroom_path, fragment="#" + url.split("#", 1)[1], viewport=WIDE)
    assert again.evaluate("graphbuild.network.getSelectedNodes()") == ["geneva"]
    assert not again.locator('#types input[data-type="Organization"]').is_checked()
    assert again.locator("#hops").input_value() == "2"
    scale, centre = again.evaluate("[graphbuild.network.getScale(), graphbuild.network.getViewPosition()]")
    assert abs(scale - view[0]) < 1e-3 and abs(centre["x"] - view[1]["x"]) < 1 and abs(centre["y"] - view[1]["y"]) < 1
    again.close()
    page.go_back()  # the hops switch
    page.wait_for_function("document.getElementById('hops').value === '1'")
    assert page.evaluate("graphbuild.network.getSelectedNodes()") == ["geneva"]
    page.go_back()  # the search
    page.wait_for_function("graphbuild.network.getSelectedNodes().length === 0")
    assert not page.locator('#types input[data-type="Organization"]').is_checked()
    page.go_back()  # the type filter
    page.wait_for_function("document.querySelector('#types input[data-type=Organization]').checked")
    page.close()
    assert log == again_log == CLEAN


def test_png_and_csv_of_what_is_on_screen(page, tmp_path):
    page.locator('#types input[data-type="Person"]').click()
    with page.expect_download() as png:
        page.locator("#export-png").click()
    assert png.value.suggested_filename == "graph.png"
    assert png.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as table:
        page.locator("#export-csv").click()
    rows = list(csv.reader(io.StringIO(table.value.path().read_text("utf-8"))))
    assert rows[0] == ["kind", "id", "label_or_source", "type_or_target", "mentions_or_weight"]
    assert sorted(r[1] for r in rows if r[0] == "node") == sorted(page.evaluate("graphbuild.nodeView.getIds()"))
    assert len([r for r in rows if r[0] == "edge"]) == page.evaluate("graphbuild.edgeView.length") == 5
    assert not [r for r in rows if r[0] == "node" and r[3] == "Person"]


# ---- 6. Communities ------------------------------------------------------------------------------------


def test_community_colouring_has_its_own_legend_named_by_biggest_entities(page):
    page.select_option("#colour-by", "community")
    assert page.locator("#legend h2").inner_text() == "Communities"
    items = page.locator("#types li").all_inner_texts()
    assert any(item.startswith("Donald Trump and ") for item in items) and items[-1] == "smaller communities"
    assert colours(page)["lonely"] == "#c8c8c8"  # a community of one is grey
    page.locator("#types li button", has_text="Donald Trump").click()
    assert page.locator("#panel h2").inner_text() == "Donald Trump"
    page.select_option("#colour-by", "type")
    assert page.locator("#legend h2").inner_text() == "Entity types"


# ---- 7. Layout, small screens, names, title, keyboard --------------------------------------------------


def test_a_dragged_node_stays_where_it_was_put_across_filters(page):
    start = page.evaluate("graphbuild.network.getPositions(['alvarez']).alvarez")
    x, y = client_point(page, start)
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 60, y + 40, steps=8)
    page.mouse.up()
    moved = page.evaluate("graphbuild.network.getPositions(['alvarez']).alvarez")
    assert abs(moved["x"] - start["x"]) > 10
    page.locator('#types input[data-type="Person"]').click()
    page.locator('#types input[data-type="Person"]').click()
    back = page.evaluate("graphbuild.network.getPositions(['alvarez']).alvarez")
    assert abs(back["x"] - moved["x"]) < 1 and abs(back["y"] - moved["y"]) < 1


def test_phone_width_puts_the_panel_in_a_drawer_below_the_graph(browser, newsroom_path):
    page, log = open_page(browser, newsroom_path, viewport={"width": 390, "height": 844})
    graph = page.locator("#graph").bounding_box()
    assert graph["width"] >= 380
    page.locator("#drawer").click()
    side = page.locator("#side").bounding_box()
    assert side["y"] >= page.locator("#graph").bounding_box()["y"] + 200 and side["height"] < 80
    assert page.locator("#graph").bounding_box()["height"] > 500
    page.close()
    assert log == CLEAN


def test_names_are_cut_on_the_canvas_isolated_and_whole_in_the_panel(page):
    labels = {label["id"]: label for label in page.evaluate("graphbuild.labels()")}
    assert labels["long"]["width"] < 260
    text = page.evaluate("graphbuild.network.body.nodes['long'].options.title")
    assert LONG in text
    page.evaluate("graphbuild.showNode('rtl')")
    assert page.locator("#panel h2 bdi").inner_text() == RTL
    page.evaluate("graphbuild.showNode('un')")
    neighbours = page.locator(".neighbours bdi").all_inner_texts()
    assert RTL in neighbours and "United States" not in neighbours  # each name in its own isolate
    assert page.title() == "graph (3 documents) - graphbuild"


def test_every_control_is_reachable_by_keyboard_with_a_visible_focus(page):
    reached = []
    for _ in range(18):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate("""() => { const a = document.activeElement;
            return [a.id || a.textContent.trim(), getComputedStyle(a).outlineStyle]; }""")
        )
    ids = [r[0] for r in reached]
    for control in (
        "search",
        "fit",
        "reset",
        "min-weight",
        "hide-isolated",
        "hops",
        "colour-by",
        "path-from",
        "path-to",
        "Show",
        "export-png",
        "export-csv",
    ):
        assert control in ids, (control, ids)
    assert all(style != "none" for _, style in reached[: ids.index("export-csv") + 2])  # the graph too
    page.locator("#graph .vis-network").focus()
    scale = page.evaluate("graphbuild.network.getScale()")
    page.keyboard.down("Equal")  # vis-network's keyboard zoom, on the focused graph, while the key is held
    page.wait_for_timeout(300)
    page.keyboard.up("Equal")
    assert page.evaluate("graphbuild.network.getScale()") > scale


# ---- 8. Large pages --------------------------------------------------------------------------------------


def test_dragging_the_view_of_a_big_page_moves_the_picture_and_then_redraws_it(big):
    box = big.locator("#graph").bounding_box()
    start = big.evaluate(
        """([w, h]) => { for (let x = 20; x < w; x += 7) for (let y = 20; y < h; y += 7)
        if (graphbuild.network.getNodeAt({x, y}) === undefined) return [x, y]; }""",
        [box["width"], box["height"]],
    )
    x, y = box["x"] + start[0], box["y"] + start[1]
    before = big.evaluate("[graphbuild.network.getViewPosition(), graphbuild.network.getScale()]")
    big.mouse.move(x, y)
    big.mouse.down()
    big.mouse.move(x + 120, y + 80, steps=10)
    assert big.evaluate("graphbuild.labels().length") > 0  # the last full frame's, painted shifted
    big.mouse.up()
    settle(big)
    after = big.evaluate("graphbuild.network.getViewPosition()")
    scale = before[1]
    assert abs((before[0]["x"] - after["x"]) * scale - 120) < 3 and abs((before[0]["y"] - after["y"]) * scale - 80) < 3
    assert big.evaluate("graphbuild.labels().length") >= 30  # drawn again at the end of the drag
    assert big.evaluate("graphbuild.network.interactionHandler.options.hover") is True
