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
