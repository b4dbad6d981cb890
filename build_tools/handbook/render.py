"""WeasyPrint, fenced in: only our fonts and the built site's files, problems collected.

One :class:`Typesetter` per language process lays out HTML documents with
one font configuration and one parsed style sheet. Its URL fetcher serves the
merged fonts and files inside the built site, and refuses everything else, so
nothing is fetched from a network and a missing file is reported, not skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML, Document
from weasyprint import LOGGER as WEASYPRINT_LOG
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .fonts import FAMILY, SCHEME, font_faces, merged_font

STYLE_SHEET = Path(__file__).resolve().parent / "handbook.css"


class RenderProblem(Exception):
    """A file WeasyPrint was asked to load that the handbook may not or cannot use."""


class Typesetter:
    """Lays out handbook documents; records what WeasyPrint could not do."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir.resolve()
        self.font_config = FontConfiguration()
        self.problems: list[tuple[bool, str]] = []
        """WeasyPrint's messages since the last :meth:`take_problems`: (is error, text)."""
        css = font_faces() + "\n" + STYLE_SHEET.read_text(encoding="utf-8")
        self.fetcher = _Fetcher(self.site_dir)
        self.style = CSS(string=css, font_config=self.font_config, url_fetcher=self.fetcher)

    def render(self, body: str, css: str, lang: str, meta: dict[str, str]) -> Document:
        """Lay out an HTML ``body`` in language ``lang`` with extra ``css`` and metadata."""
        head = "".join(f'<meta name="{name}" content="{_attr(value)}">'
                       for name, value in meta.items() if name != "title")
        page = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
                f"<title>{_text(meta.get('title', ''))}</title>{head}</head>"
                f"<body>{body}</body></html>")
        with self._collect():
            return HTML(string=page, url_fetcher=self.fetcher, base_url=self.site_dir.as_uri()
                        + "/").render(stylesheets=[self.style, CSS(string=css)],
                                      font_config=self.font_config)

    def write(self, documents: Sequence[Document], target: Path) -> int:
        """Write the pages of ``documents`` in order as one PDF; return its size in bytes."""
        pages = [page for document in documents for page in document.pages]
        combined = documents[0].copy(pages)
        with self._collect():
            data = combined.write_pdf()
        assert isinstance(data, bytes)
        for font in combined.fonts.values():  # a letter our fonts lack took a machine's font
            family = str(font.family)
            if family != FAMILY:
                self.problems.append((True, f"some text is set in the machine's font "
                                      f"'{family}', not in {FAMILY}: a character of the text "
                                      f"or of the style sheet is missing from {FAMILY}"))
        target.write_bytes(data)
        return len(data)

    def take_problems(self) -> list[tuple[bool, str]]:
        """Return the problems recorded so far and forget them."""
        problems, self.problems = self.problems, []
        return problems

    @contextmanager
    def _collect(self) -> Iterator[None]:
        handler = _Collector(self.problems)
        WEASYPRINT_LOG.addHandler(handler)
        propagate, WEASYPRINT_LOG.propagate = WEASYPRINT_LOG.propagate, False
        try:
            yield
        finally:
            WEASYPRINT_LOG.removeHandler(handler)
            WEASYPRINT_LOG.propagate = propagate


class _Fetcher(URLFetcher):  # type: ignore[misc]
    """Serves the merged fonts and files inside the built site; refuses everything else."""

    def __init__(self, site_dir: Path) -> None:
        super().__init__(allowed_protocols=())
        self.site_dir = site_dir

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        """Return the font or file at ``url``; raise :class:`RenderProblem` for others."""
        if url.startswith(SCHEME):
            name = url.removeprefix(SCHEME).removesuffix(".ttf")
            return URLFetcherResponse(url, merged_font(name), {"Content-Type": "font/ttf"})
        parts = urlsplit(url)
        if parts.scheme == "file":
            path = Path(unquote(parts.path)).resolve()
            if path.is_relative_to(self.site_dir) and path.is_file():
                kind = "image/svg+xml" if path.suffix == ".svg" else "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})
        raise RenderProblem(f"'{url}' is not a file of the built site")


class _Collector(logging.Handler):
    def __init__(self, problems: list[tuple[bool, str]]) -> None:
        super().__init__(logging.WARNING)
        self.found = problems

    def emit(self, record: logging.LogRecord) -> None:
        found = (record.levelno >= logging.ERROR, record.getMessage().strip().split("\n")[0])
        if found not in self.found:
            self.found.append(found)


def css_string(text: str) -> str:
    """Return ``text`` as a quoted CSS string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ") + '"'


def _attr(text: str) -> str:
    return _text(text).replace('"', "&quot;")


def _text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
