"""Pages drawn once and copied into every PDF that holds them.

A module's pages are in four PDFs (its handbook and the course's, in both
editions). WeasyPrint draws every page of a PDF when it writes it, which took
as long as laying the pages out. A :class:`Painter` draws each laid out page
once, into a stream of its own, and notes what the drawing added to the
PDF's shared state: the drawing operators, the glyphs of each font (with
their widths and text), the images, the transparency states and the tagged
content of the page. Writing the page into a PDF again appends the same
operators and adds the same state, in page order, so the PDF's bytes are
those WeasyPrint writes when it draws the page itself.

Groups (an SVG's text, a box with opacity) are named by their place among
the PDF's objects: a copy gives them the name they get when drawn in that
PDF. A page whose drawing adds other state that depends on what the PDF drew
before (patterns, shadings, blend states, a letter no font has, form fields)
is not copied: it is drawn again in each PDF. The page's stream is
compressed once too (:class:`_Packed`).
"""

from __future__ import annotations

import copy
import logging
import zlib
from dataclasses import dataclass, field
from typing import Any, Literal

import pydyf
from pydyf import _to_bytes
from weasyprint import LOGGER as WEASYPRINT_LOG
from weasyprint import Page
from weasyprint.pdf.stream import Stream

RESOURCES = ("ExtGState", "XObject", "Pattern", "Shading")


@dataclass
class _Drawn:
    """What drawing one page added: operators and the PDF state they use."""

    pieces: list[bytes | str]
    """The drawing operators as the PDF's stream holds them (joined by new lines), but
    for the drawing of each group: the group's name here, renamed in each PDF."""
    fonts: dict[Any, tuple[dict[int, int], dict[int, str]]]
    """Font key -> (glyph widths, glyph texts) the page used, in the order first drawn."""
    states: dict[str, Any]
    """Transparency states by name (named by their value, ``a0.5``)."""
    images: dict[str, dict[str, Any]]
    objects: dict[str, Any]
    """Images (``None``) and groups (form streams) the page drew, by name, in order."""
    tags: dict[Any, dict[str, Any]] | None
    logged: list[logging.LogRecord] = field(default_factory=list)
    packed: tuple[list[bytes], bytes] | None = None
    """The page's whole stream and its compressed bytes, once written."""


class Painter:
    """Draws each page once per process; copies the drawing into every PDF after."""

    def __init__(self) -> None:
        self.fonts: dict[Any, Any] = {}
        """One unused ``Font`` per key, copied into each PDF that uses it."""
        self.files: dict[bytes, bytes] = {}
        """The font files those fonts hold (each ``Font`` reads its own copy of the file)."""

    def pages(self, pages: list[Page]) -> list[Any]:
        """Return ``pages`` as pages that draw themselves from what was drawn before."""
        return [_Copied(page, self) for page in pages]

    def paint(self, page: Page, stream: Stream, scale: float) -> None:
        """Draw ``page`` into ``stream``: the first time for real, then as a copy."""
        drawn: _Drawn | Literal[False] | None = getattr(page, "_drawn", None)
        if stream._tags:  # content marked before the page's own: numbers would shift
            drawn = False
        elif drawn is None:
            drawn = self.draw(page, stream, scale)
            page._drawn = drawn  # freed with the page's layout
        elif drawn is not False:
            for record in drawn.logged:
                WEASYPRINT_LOG.handle(record)
        if drawn is False:
            page.paint(stream, scale)
            return
        self.copy(drawn, stream)

    def draw(self, page: Page, stream: Stream, scale: float) -> _Drawn | Literal[False]:
        """Draw ``page`` into a stream of its own; return what it added (False: not copyable)."""
        if any(page.forms.values()):
            return False
        fonts = _PageFonts(self.fonts)
        resources = pydyf.Dictionary({name: pydyf.Dictionary() for name in RESOURCES})
        resources["ColorSpace"] = stream._resources["ColorSpace"]
        images: dict[str, dict[str, Any]] = {}
        tags: dict[Any, dict[str, Any]] | None = {} if stream._tags is not None else None
        own = Stream(fonts, stream.page_rectangle, resources, images, tags,
                     stream._color_profiles, stream._output_intent, compress=stream.compress)
        own.transform(d=-1, f=page.height * scale)
        start = len(own.stream)
        logged = _Recorder()
        WEASYPRINT_LOG.addHandler(logged)
        try:
            page.paint(own, scale)
        finally:
            WEASYPRINT_LOG.removeHandler(logged)
        for key, font in fonts.items():
            if key not in self.fonts:  # one copy of each font file, whatever its size
                font.file_content = self.files.setdefault(font.file_content, font.file_content)
                self.fonts[key] = _unused(font)
        if not _copyable(fonts, resources):
            return False
        objects = dict(resources["XObject"])
        groups = {b"/" + name.encode() + b" Do": name for name, value in objects.items()
                  if value is not None}
        return _Drawn(_pieces(own.stream[start:], groups),
                      {key: (font.widths, font.to_unicode) for key, font in fonts.items()},
                      dict(resources["ExtGState"]), images, objects, tags, logged.records)

    def copy(self, drawn: _Drawn, stream: Stream) -> None:
        """Add the drawing of a page to ``stream`` and to its PDF's state."""
        names = {}
        objects = stream._resources["XObject"]
        for name, group in drawn.objects.items():
            if group is None:
                objects[name] = None
            else:  # named by its place among the PDF's objects, as when drawn in it
                names[name] = f"/x{len(objects)} Do".encode()
                objects[f"x{len(objects)}"] = _copied(group, stream._resources["ColorSpace"])
        if names:
            stream.stream.append(b"\n".join(names[piece] if isinstance(piece, str) else piece
                                             for piece in drawn.pieces))
        elif drawn.pieces:
            stream.stream.append(drawn.pieces[0])
            stream.__class__ = _Packed  # compressed once for every PDF that holds the page
            stream._drawn = drawn
        for key, (widths, texts) in drawn.fonts.items():
            font = stream._fonts.get(key)
            if font is None:
                font = stream._fonts[key] = _unused(self.fonts[key])
            for glyph, width in widths.items():
                font.widths.setdefault(glyph, width)
            for glyph, text in texts.items():
                font.to_unicode.setdefault(glyph, text)
        states = stream._resources["ExtGState"]
        for name, state in drawn.states.items():
            if name not in states:
                states[name] = pydyf.Dictionary(state)
        for name, image in drawn.images.items():
            if name in stream._images:
                stream._images[name]["dpi_ratios"].update(image["dpi_ratios"])
            else:
                stream._images[name] = {**image, "dpi_ratios": set(image["dpi_ratios"]),
                                        "x_object": None}
        if drawn.tags is not None and stream._tags is not None:
            stream._tags.update(drawn.tags)  # WeasyPrint takes entries out, reads them only


class _Copied:
    """A laid out page whose drawing the :class:`Painter` does."""

    def __init__(self, page: Page, painter: Painter) -> None:
        self._page = page
        self._painter = painter

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)

    def paint(self, stream: Stream, scale: float = 1) -> None:
        """Draw the page into ``stream``."""
        self._painter.paint(self._page, stream, scale)


class _Packed(Stream):  # type: ignore[misc]
    """A page's stream, compressed once for all the PDFs that hold the page."""

    _drawn: _Drawn

    @property
    def data(self) -> bytes:
        """Return the stream as ``pydyf.Stream.data`` writes it."""
        items = [_to_bytes(item) for item in self.stream]
        drawn = self._drawn
        if not self.compress:
            return bytes(super().data)
        if drawn.packed is None or drawn.packed[0] != items:
            compressor = zlib.compressobj(level=9)
            packed = compressor.compress(b"\n".join(items)) + compressor.flush()
            drawn.packed = (items, packed)
        extra = pydyf.Dictionary(self.extra.copy())
        extra["Filter"] = "/FlateDecode"
        extra["Length"] = len(drawn.packed[1])
        return b"\n".join((extra.data, b"stream", drawn.packed[1], b"endstream"))


class _PageFonts(dict[Any, Any]):
    """The fonts one page uses: a font known from an earlier page starts unused here."""

    def __init__(self, known: dict[Any, Any]) -> None:
        super().__init__()
        self.known = known

    def __contains__(self, key: object) -> bool:
        if not super().__contains__(key) and key in self.known:
            self[key] = _unused(self.known[key])
        return super().__contains__(key)


class _Recorder(logging.Handler):
    """Keeps what WeasyPrint logged while drawing, to tell it again for every copy."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _unused(font: Any) -> Any:
    """Return a copy of a WeasyPrint ``Font`` with no glyph drawn yet."""
    fresh = copy.copy(font)
    fresh.widths, fresh.to_unicode, fresh.missing = {}, {}, {}
    fresh.variations = dict(font.variations)
    fresh.used_in_forms = False
    return fresh


def _copyable(fonts: dict[Any, Any], resources: pydyf.Dictionary) -> bool:
    """Tell whether the page's drawing added only state named by its value."""
    return (not any(font.missing or font.used_in_forms for font in fonts.values())
            and not resources["Pattern"] and not resources["Shading"]
            and all(value is None or name.startswith("x")
                    for name, value in resources["XObject"].items())
            and all(name[:1] in ("a", "A") for name in resources["ExtGState"]))


def _copied(value: Any, color_space: Any) -> Any:
    """Return a copy of a drawn group to write into one PDF (writing changes it)."""
    if isinstance(value, pydyf.Stream):
        fresh = copy.copy(value)
        fresh.stream = list(value.stream)
        fresh.extra = _copied(value.extra, color_space)
        return fresh
    if isinstance(value, pydyf.Dictionary):
        return pydyf.Dictionary({key: color_space if key == "ColorSpace" else
                                 _copied(item, color_space) for key, item in value.items()})
    if isinstance(value, pydyf.Array):
        return pydyf.Array([_copied(item, color_space) for item in value])
    return value


def _pieces(ops: list[Any], groups: dict[bytes, str]) -> list[bytes | str]:
    """Return drawing operators joined as a stream's bytes hold them (``pydyf.Stream.data``).

    The operators that draw a group (``groups``: operator -> name) are left
    out as the group's name, between runs of the others joined.
    """
    pieces: list[bytes | str] = []
    run: list[bytes] = []
    for op in ops:
        data = _to_bytes(op)
        if data in groups:
            if run:
                pieces.append(b"\n".join(run))
                run = []
            pieces.append(groups[data])
        else:
            run.append(data)
    if run:
        pieces.append(b"\n".join(run))
    return pieces
