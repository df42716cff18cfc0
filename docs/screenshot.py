"""Redraw docs/graph.png: the seeds' explorer with one node clicked, so the side panel shows its details.

    .venv/bin/graphbuild build -o /tmp/seedsout
    .venv/bin/python docs/screenshot.py /tmp/seedsout/graph.html ["Wang Huning"]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from pages import client_point, launch, open_page  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

OUT = Path(__file__).resolve().parent / "graph.png"


def main(page_path: str, label: str = "Wang Huning") -> None:
    with sync_playwright() as p:
        browser = launch(p)
        page, log = open_page(browser, Path(page_path), viewport={"width": 1400, "height": 850})
        assert log == {"requests": [], "errors": [], "dialogs": []}, log
        node = page.evaluate("(label) => graphbuild.find(label)", label)
        page.mouse.click(*client_point(page, page.evaluate("(id) => graphbuild.network.getPositions([id])[id]", node)))
        page.mouse.move(0, 849)  # out of the way: no hover tooltip in the picture
        page.wait_for_timeout(300)
        page.screenshot(path=OUT)
        browser.close()
    print(OUT)


if __name__ == "__main__":
    main(*sys.argv[1:])
