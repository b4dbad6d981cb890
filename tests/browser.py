"""Debian's Chromium, driven headless by Playwright: one way to start it for every test."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's package; ``make test`` installs it. Playwright never downloads a browser here."""
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
"""Root on a closed network: no sandbox, and none of Chromium's own connections."""
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
"""axe-core from npm (``package.json``); ``make test`` installs it."""
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
"""The axe rules of WCAG 2.0 and 2.1, levels A and AA."""


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """Start headless Chromium and yield the Playwright ``Browser``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def axe_violations(target: Any) -> list[str]:
    """Run axe-core's WCAG 2.1 A/AA rules on a Playwright ``Page`` or ``Frame``.

    Returns one line per violation, ``rule: selector (what is wrong)`` for each
    node; an empty list means none. Frames are checked where they are passed in
    (axe does not enter them from the parent).
    """
    if not target.evaluate("() => typeof window.axe === 'object'"):
        target.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = target.evaluate(
        """tags => axe.run(document, {runOnly: {type: "tag", values: tags},
                                      resultTypes: ["violations"], iframes: false})
                  .then(r => r.violations.map(v => ({id: v.id, nodes: v.nodes.map(
                      n => [n.target.join(" "), n.failureSummary])})))""", list(WCAG_TAGS))
    return [f"{v['id']}: {target_} ({summary.splitlines()[-1].strip()})"
            for v in found for target_, summary in v["nodes"]]


@contextlib.contextmanager
def offline_context(browser: Any, viewport: dict[str, int]) -> Iterator[Any]:
    """Yield a browser context that loads ``file://`` only; any other request fails the test."""
    context = browser.new_context(viewport=viewport)
    blocked: list[str] = []

    def only_files(route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    try:
        yield context
    finally:
        context.close()
    assert blocked == []


@contextlib.contextmanager
def page_without_errors(context: Any) -> Iterator[Any]:
    """Yield a new page of ``context``; a script error on it fails the test."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    assert errors == []
