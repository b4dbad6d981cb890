"""Page bodies read once per check run, shared by every check."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..frontmatter import body_of, source_text
from ..markdown_text import heading_anchor, headings
from ..model import Page


@cache
def _body(path: Path) -> tuple[str, int]:
    text = source_text(path.read_text(encoding="utf-8"))
    return body_of(text)


def page_body(page: Page) -> tuple[str, int]:
    """Return ``(body text, line of its first line)`` of ``page`` (validated by the loader)."""
    return _body(page.path)


def anchors(page: Page) -> set[str]:
    """Return the heading anchors of ``page``."""
    return {heading_anchor(text) for _, _, text in headings(*page_body(page))}


def clear_cache() -> None:
    """Forget page bodies read by an earlier run (sources may have changed)."""
    _body.cache_clear()
