"""How long the HTML explorer takes to build and to become interactive, on synthetic graphs.

    .venv/bin/python benchmarks/html_load.py [NODESxEDGES ...]      (default: 1000x4000 5000x20000 20000x80000)

For each size: Python time for the layout, the Louvain communities and the whole render (which includes
both), the page's size, and the time headless Chromium (Debian's, /usr/bin/chromium) takes from navigation
start to the explorer's "ready" mark, median of three loads from file:// with every other request refused.
Prints a Markdown table for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from pages import launch, open_page, ready_ms  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from synthetic import synthetic_graph  # noqa: E402

from graphbuild.export import html  # noqa: E402

SIZES = [(1_000, 4_000), (5_000, 20_000), (20_000, 80_000)]
LOADS = 3


def timed(function, *args):
    """The result of function(*args) and the seconds it took."""
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def measure(browser, nodes: int, edges: int, folder: Path) -> dict:
    """One row of the table."""
    graph = synthetic_graph(nodes, edges)
    _, layout_s = timed(html.layout, graph)
    _, louvain_s = timed(html.communities, graph)
    page_html, render_s = timed(html.render, graph)
    path = folder / f"graph-{nodes}.html"
    path.write_text(page_html, "utf-8")
    loads = []
    for _ in range(LOADS):
        page, log = open_page(browser, path, timeout=120_000, viewport={"width": 1400, "height": 900})
        assert log == {"requests": [], "errors": [], "dialogs": []}, log
        loads.append(ready_ms(page) / 1000)
        page.close()
    return {"nodes": nodes, "edges": edges, "layout s": layout_s, "Louvain s": louvain_s, "render s": render_s,
            "HTML MB": path.stat().st_size / 1e6, "ready s": statistics.median(loads)}


def main(argv: list[str]) -> None:
    sizes = [tuple(int(n) for n in arg.split("x")) for arg in argv] or SIZES
    with sync_playwright() as p, tempfile.TemporaryDirectory() as folder:
        browser = launch(p)
        rows = [measure(browser, nodes, edges, Path(folder)) for nodes, edges in sizes]
        browser.close()
    columns = list(rows[0])
    print("| " + " | ".join(columns) + " |")
    print("|" + "---:|" * len(columns))
    for row in rows:
        print("| " + " | ".join(f"{v:,}" if isinstance(v, int) else f"{v:.2f}" for v in row.values()) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
