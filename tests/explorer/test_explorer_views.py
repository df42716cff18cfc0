"""The explorer on pages shaped like real corpora (issue 14), in headless Chromium from file:// with every
request refused, acting as a user does: clicks, typing, arrow keys, the mouse wheel, Back, a reload.
This file: state in the URL, exports, communities, layout and keyboard, large pages."""

import csv
import io

import pytest
from devtools.pages import (
    CHROMIUM,
    CLEAN,
    LONG,
    RTL,
    WIDE,
    client_point,
    colours,
    open_page,
    search,
    settle,
)

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt: chromium)"),
]


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
