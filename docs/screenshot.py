"""Redraw the README's pictures of the explorer: a page as it opens, or with an entity found by the search
box (typed, then Enter, as a user does), so that the panel shows it and the graph its neighbourhood, or
opened at a view kept in the URL (a ``#fragment``: a time slice, a source).

    .venv/bin/graphbuild build -o /tmp/seedsout
    .venv/bin/python docs/screenshot.py /tmp/seedsout/graph.html docs/graph.png "Wang Huning"
    .venv/bin/python docs/screenshot.py NEWS/graph.html docs/news-overview.png
    .venv/bin/python docs/screenshot.py NEWS/graph.html docs/news-focus.png "Angela Merkel"
    .venv/bin/python docs/screenshot.py NEWS/graph.html docs/news-time.png "Angela Merkel" "#from=2017-02&to=2017-02"
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devtools.pages import launch, open_page
from playwright.sync_api import sync_playwright


def main(page_path: str, out: str, search: str = "", fragment: str = "") -> None:
    with sync_playwright() as p:
        browser = launch(p)
        page, log = open_page(
            browser, Path(page_path), timeout=120_000, fragment=fragment, viewport={"width": 1440, "height": 900}
        )
        assert log == {"requests": [], "errors": [], "dialogs": []}, log
        if search:
            page.locator("#search").fill(search)
            page.locator("#search").press("Enter")
        page.mouse.move(0, 899)  # out of the way: no hover tooltip in the picture
        page.wait_for_timeout(800)
        page.screenshot(path=out)
        browser.close()
    print(out)


if __name__ == "__main__":
    main(*sys.argv[1:])
