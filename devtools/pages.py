"""Explorer pages in real headless Chromium (Debian's package), loaded from file:// with the network cut.

Shared by the browser tests, benchmarks/html_load.py and docs/screenshot.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from devtools.synthetic import add_cooccurrence, add_document, add_entity, new_graph

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: What a page must have logged after a test: no request beyond its own file, no error, no dialog.
CLEAN: dict[str, list[str]] = {"requests": [], "errors": [], "dialogs": []}
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch(playwright):
    """Debian's Chromium (never a browser downloaded by `playwright install`), headless."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def open_page(browser, path: Path, timeout: float = 30_000, fragment: str = "", **page_options):
    """Open a page (at a ``#fragment``: a view kept in the URL) and wait until the explorer is interactive,
    refusing (and recording) every request that is not the file itself, console errors and dialogs.
    Returns the page and that log."""
    path = path.resolve()  # the URL the browser asks for, to compare with
    page = browser.new_page(bypass_csp=True, **page_options)  # playwright evaluates by eval; escaping must hold
    log: dict[str, list[str]] = {"requests": [], "errors": [], "dialogs": []}

    def route(route) -> None:
        if route.request.url == path.as_uri():
            route.continue_()
        else:
            log["requests"].append(route.request.url)
            route.abort()

    def dialog(d) -> None:
        log["dialogs"].append(d.message)
        d.dismiss()

    page.route("**/*", route)
    page.on("console", lambda m: log["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    page.on("dialog", dialog)
    page.goto(path.as_uri() + fragment)
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=timeout)
    return page, log


def ready_ms(page) -> float:
    """Milliseconds from navigation start until the explorer declared itself interactive."""
    return page.evaluate("performance.getEntriesByName('graphbuild-ready')[0].startTime")


def client_point(page, canvas_xy: dict) -> tuple[float, float]:
    """Where a point of the network's canvas coordinates is in the window, for page.mouse."""
    return tuple(
        page.evaluate(
            """(p) => {
        const dom = graphbuild.network.canvasToDOM(p);
        const box = document.getElementById("graph").getBoundingClientRect();
        return [box.left + dom.x, box.top + dom.y];
    }""",
            canvas_xy,
        )
    )


def checked_page(browser, path: Path, **options):
    """A page for one test (a fixture's generator): opened as ``open_page`` does, closed after the test,
    which then fails if the page logged anything but ``CLEAN``."""
    page, log = open_page(browser, path, **options)
    yield page
    page.close()
    assert log == CLEAN


#: The explorer tests' pages (tests/explorer/): a wide window, a very long name, a right-to-left trick.
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


def colours(page):
    """Each drawn node's colour, by id."""
    return page.evaluate("Object.fromEntries(graphbuild.nodes.get().map(n => [n.id, n.color]))")
