"""WeasyPrint, fenced in: only our fonts and the built site's files, problems collected.

Imported when a part has to be laid out, not before: a build whose handbooks
all come from the cache does not load WeasyPrint and its libraries (half a
second per process). One :class:`Engine` per process lays out documents with
one font configuration and one parsed style sheet. Its URL fetcher serves the
merged fonts and files inside the built site and refuses everything else, so
nothing is fetched from a network and a missing file is reported, not
skipped; it notes every file each part loaded, for the cache.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pydyf
from weasyprint import CSS, HTML, Document
from weasyprint import LOGGER as WEASYPRINT_LOG
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .fonts import FAMILY, SCHEME, font_faces, merge_all, merged_font
from .paint import Painter
from .render import Part, Problem, file_digest

STYLE_SHEET = Path(__file__).resolve().parent / "handbook.css"


class RenderProblem(Exception):
    """A file WeasyPrint was asked to load that the handbook may not or cannot use."""


class Engine:
    """Lays out parts and writes PDFs of them with WeasyPrint."""

    def __init__(self, site_dir: Path, cache_dir: Path | None, first_font: int = 0) -> None:
        self.site_dir = site_dir
        self.font_config = FontConfiguration()
        css = font_faces() + "\n" + STYLE_SHEET.read_text(encoding="utf-8")
        fonts_dir = cache_dir / "fonts" if cache_dir else None
        merge_all(fonts_dir, first_font)  # before the style sheet asks for them in its order
        self.fetcher = _Fetcher(site_dir, fonts_dir)
        self.style = CSS(string=css, font_config=self.font_config, url_fetcher=self.fetcher)
        self.painter = Painter()
        keep_page_references()

    def layout(self, part: Part) -> Document:
        """Lay out ``part``; note the files it loaded and what WeasyPrint reported."""
        part.problems, part.files = [], {}
        self.fetcher.loaded = part.files
        with collect(part.problems):
            return HTML(string=part.html, url_fetcher=self.fetcher,
                        base_url=self.site_dir.as_uri() + "/").render(
                            stylesheets=[self.style, CSS(string=part.css)],
                            font_config=self.font_config)

    def write(self, documents: Sequence[Document]) -> tuple[bytes, list[Problem]]:
        """Return the pages of ``documents`` in order as one PDF, and what went wrong."""
        combined = documents[0].copy(self.painter.pages([page for document in documents
                                                         for page in document.pages]))
        problems: list[Problem] = []
        with collect(problems):
            data = combined.write_pdf(pdf_tags=True)
        assert isinstance(data, bytes)
        for font in combined.fonts.values():  # a letter our fonts lack took a machine's font
            family = str(font.family)
            if family != FAMILY:
                problems.append((True, f"some text is set in the machine's font "
                                 f"'{family}', not in {FAMILY}: a character of the text "
                                 f"or of the style sheet is missing from {FAMILY}"))
        return data, problems


def page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    """Return ``pdf.page_references``, made once for as long as no page is added.

    WeasyPrint asks for the reference of a page for every tagged element,
    and pydyf makes the tuple of all of them at each call: a 500-page PDF
    took 30 million steps. Installed on ``pydyf.PDF`` by :func:`keep_page_references`.
    """
    kids = pdf.pages["Kids"]
    kept: tuple[int, tuple[bytes, ...]] | None = pdf.__dict__.get("_page_references")
    if kept is None or kept[0] != len(kids):
        kept = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        pdf.__dict__["_page_references"] = kept
    return kept[1]


def keep_page_references() -> None:
    """Make pydyf keep each PDF's page references (same values, made once)."""
    pydyf.PDF.page_references = property(page_references)


@contextmanager
def collect(problems: list[Problem]) -> Iterator[None]:
    """Add what WeasyPrint logs meanwhile to ``problems`` (each once), not to the console."""
    handler = _Collector(problems)
    WEASYPRINT_LOG.addHandler(handler)
    propagate, WEASYPRINT_LOG.propagate = WEASYPRINT_LOG.propagate, False
    try:
        yield
    finally:
        WEASYPRINT_LOG.removeHandler(handler)
        WEASYPRINT_LOG.propagate = propagate


class _Fetcher(URLFetcher):  # type: ignore[misc]
    """Serves the merged fonts and files inside the built site; refuses everything else."""

    def __init__(self, site_dir: Path, fonts_dir: Path | None) -> None:
        super().__init__(allowed_protocols=())
        self.site_dir = site_dir
        self.fonts_dir = fonts_dir
        self.loaded: dict[str, str] = {}
        """Where the files served are noted: site-relative path -> digest."""

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        """Return the font or file at ``url``; raise :class:`RenderProblem` for others."""
        if url.startswith(SCHEME):
            name = url.removeprefix(SCHEME).removesuffix(".ttf")
            return URLFetcherResponse(url, merged_font(name, self.fonts_dir),
                                      {"Content-Type": "font/ttf"})
        parts = urlsplit(url)
        if parts.scheme == "file":
            path = Path(unquote(parts.path)).resolve()
            if path.is_relative_to(self.site_dir) and path.is_file():
                data = path.read_bytes()
                self.loaded[path.relative_to(self.site_dir).as_posix()] = file_digest(data)
                kind = "image/svg+xml" if path.suffix == ".svg" else "application/octet-stream"
                return URLFetcherResponse(url, data, {"Content-Type": kind})
        raise RenderProblem(f"'{url}' is not a file of the built site")


class _Collector(logging.Handler):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(logging.WARNING)
        self.found = problems

    def emit(self, record: logging.LogRecord) -> None:
        found = (record.levelno >= logging.ERROR, record.getMessage().strip().split("\n")[0])
        if found not in self.found:
            self.found.append(found)
