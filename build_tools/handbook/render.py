"""Handbook documents as HTML, laid out when a PDF needs them and once however many do.

A document of the handbook (a module, an answer key, a cover) is a
:class:`Part`: its HTML is written first, with a digest that identifies it
wherever the built site lies, and it is laid out only when a PDF that holds
it has to be written. One :class:`Typesetter` per language process starts
WeasyPrint (:mod:`.engine`) the first time a part has to be laid out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import Engine

SITE = "course-site:"
"""Stands for the built site's folder in the text a part's digest is taken of."""

Problem = tuple[bool, str]
"""What WeasyPrint reported: (is an error, message)."""


@dataclass
class Part:
    """One HTML document of a handbook: a module, an answer key, a cover."""

    html: str
    css: str
    digest: str
    """Digest of the HTML and style, wherever the built site is: equal digests, equal pages."""
    document: Any = None
    """The laid out pages (a WeasyPrint ``Document``), once a PDF needed them."""
    files: dict[str, str] = field(default_factory=dict)
    """Each file of the built site the layout loaded (site-relative path) and its digest."""
    problems: list[Problem] | None = None
    """What WeasyPrint reported while laying it out; ``None`` until known."""


@dataclass(frozen=True)
class Facts:
    """What other parts need to know of a laid out part."""

    pages: int
    anchors: dict[str, int]
    """The page (1-based) on which each id first appears."""


class Typesetter:
    """Makes parts of HTML, lays them out and writes them as PDFs."""

    def __init__(self, site_dir: Path, cache_dir: Path | None = None, first_font: int = 0
                 ) -> None:
        self.site_dir = site_dir.resolve()
        self.cache_dir = cache_dir
        """The cache folder, where the merged fonts are kept too."""
        self.first_font = first_font
        """Which font style to merge first (see :func:`.fonts.merge_all`)."""

    @cached_property
    def engine(self) -> Engine:
        """WeasyPrint with the handbook's fonts and style sheet, started on first use."""
        from .engine import Engine

        return Engine(self.site_dir, self.cache_dir, self.first_font)

    def part(self, body: str, css: str, lang: str, meta: dict[str, str]) -> Part:
        """Return an HTML ``body`` in language ``lang`` with extra ``css`` and metadata."""
        head = "".join(f'<meta name="{name}" content="{_attr(value)}">'
                       for name, value in meta.items() if name != "title")
        page = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
                f"<title>{_text(meta.get('title', ''))}</title>{head}</head>"
                f"<body>{body}</body></html>")
        digest = hashlib.sha256()
        for text in (css, page.replace(self.site_dir.as_uri(), SITE)):
            digest.update(text.encode() + b"\0")
        return Part(page, css, digest.hexdigest())

    def layout(self, part: Part) -> Any:
        """Return the pages of ``part`` (a WeasyPrint ``Document``), laid out the first time."""
        if part.document is None:
            part.document = self.engine.layout(part)
        return part.document

    def facts(self, part: Part) -> Facts:
        """Return the page count of ``part`` and the page of each of its ids."""
        pages = self.layout(part).pages
        anchors: dict[str, int] = {}
        for number, page in enumerate(pages, start=1):
            for name in page.anchors:
                anchors.setdefault(name, number)
        return Facts(len(pages), anchors)

    def write(self, parts: Sequence[Part]) -> tuple[bytes, list[Problem]]:
        """Return the pages of ``parts`` in order as one PDF, and what went wrong."""
        return self.engine.write([self.layout(part) for part in parts])


def file_digest(data: bytes) -> str:
    """Return the digest by which the cache knows a file's content."""
    return hashlib.sha256(data).hexdigest()


def css_string(text: str) -> str:
    """Return ``text`` as a quoted CSS string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ") + '"'


def _attr(text: str) -> str:
    return _text(text).replace('"', "&quot;")


def _text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
