"""Page bodies for the checks that read the raw text (headings with their lines)."""

from __future__ import annotations

from ..course.model import Page


def page_body(page: Page) -> tuple[str, int]:
    """Return ``(body text, line of its first line)`` of ``page``, as the loader read it."""
    return page.body, page.body_line
