"""Explorer pages in real headless Chromium (Debian's package), loaded from file:// with the network cut.

Shared by the browser tests, benchmarks/html_load.py and docs/screenshot.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

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
