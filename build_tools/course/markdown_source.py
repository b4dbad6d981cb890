"""What Python-Markdown makes of a page: its links, images and anchors, with their lines.

The checks must agree with the built site, so they do not guess from the raw
text what a link or an anchor is: the page body is converted by Python-Markdown
with the extensions and options of ``mkdocs.yml`` (and the quiz extension given
the page's questions from the model), and the links, images and element ids
are taken from the result. A link in a code span or a code block is no link
there, and a heading's anchor is the id ``toc`` gives it, whatever it contains
(links, entities, Cyrillic letters).

Python-Markdown's tree keeps no source lines, so each link found is then
located in the raw text: the next occurrence of its target, in order, outside
fenced code. Only the line a diagnostic names comes from the raw text.
"""

from __future__ import annotations

import functools
import html
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

from ..build.kept import KeptFile, digest
from .markdown_text import CODE_SPAN, LINK, URL_ATTRS, html_tags, prose_lines

MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")
"""Extensions MkDocs always adds before those of ``mkdocs.yml``."""
QUIZ_EXTENSION = "build_tools.markdown.quiz"


@dataclass(frozen=True)
class MarkdownOptions:
    """The Markdown extensions the site is rendered with, and their options."""

    extensions: tuple[str, ...] = MKDOCS_BUILTINS
    configs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_mkdocs_yml(cls, path: Path) -> MarkdownOptions:
        """Read ``markdown_extensions`` of ``mkdocs.yml`` as MkDocs does.

        A missing or broken file gives MkDocs' defaults: the checks of
        ``mkdocs.yml`` report what is wrong with it.
        """
        from mkdocs.utils.yaml import yaml_load

        try:
            with path.open(encoding="utf-8") as stream:
                data = yaml_load(stream)
        except Exception:  # noqa: BLE001 - reported by check_mkdocs_yml
            return cls()
        listed = data.get("markdown_extensions") if isinstance(data, dict) else None
        names = list(MKDOCS_BUILTINS)
        configs: dict[str, Mapping[str, Any]] = {}
        for item in listed if isinstance(listed, list) else []:
            name, options = _extension(item)
            if name is None:
                continue
            if name not in names:
                names.append(name)
            if options:
                configs[name] = options
        return cls(tuple(names), configs)

    def key(self) -> str:
        """Return the options as text that is the same in every run (functions by name)."""
        return json.dumps([self.extensions, self.configs], sort_keys=True, default=_named)


def _named(value: object) -> object:
    """Name a function (or a ``functools.partial`` of one) in a configuration."""
    if isinstance(value, functools.partial):
        return [_named(value.func), list(value.args), value.keywords]
    name = getattr(value, "__qualname__", None) or type(value).__qualname__
    return f"{getattr(value, '__module__', type(value).__module__)}.{name}"


def _extension(item: object) -> tuple[str | None, Mapping[str, Any] | None]:
    if isinstance(item, str):
        return item, None
    if isinstance(item, dict) and len(item) == 1:
        name, options = next(iter(item.items()))
        return str(name), options if isinstance(options, dict) else None
    return None, None


@dataclass(frozen=True)
class Link:
    """A link or image of a page, as the site has it."""

    line: int | None
    """1-based line in the source file where its target is written."""
    col: int | None
    target: str
    """The address as written (``../02-contact/index.md#rules``)."""
    text: str
    """The link text, or the image's alt text."""
    is_image: bool


@dataclass(frozen=True)
class RawScript:
    """Raw HTML of a page that would run script: a ``<script>`` element or an attribute."""

    line: int | None
    col: int | None
    """Where its tag starts in the source file."""
    what: str
    """``<script>``, ``onclick=`` or ``style="javascript:..."``."""


@dataclass(frozen=True)
class PageSource:
    """The links, images, anchors and raw scripts of one page."""

    links: tuple[Link, ...]
    anchors: frozenset[str]
    """Every element id of the rendered page: heading anchors and ``{#custom}`` ids."""
    scripts: tuple[RawScript, ...] = ()
    """Raw HTML that would run script (in code spans and code blocks it is text, not HTML)."""


class MarkdownReader:
    """Converts page bodies with the site's Markdown options, one converter for all pages."""

    def __init__(self, options: MarkdownOptions) -> None:
        import markdown

        from ..markdown.quiz import QuizExtension

        configs = {name: dict(value) for name, value in options.configs.items()}
        # The quiz extension is made here, to hand it each page's questions:
        # Python-Markdown keeps no handle on a blocks extension.
        self.quiz: QuizExtension | None = None
        extensions: list[str | markdown.Extension] = []
        for name in options.extensions:
            if name == QUIZ_EXTENSION:
                self.quiz = QuizExtension(**{**configs.pop(name, {}), "from_model": True})
                extensions.append(self.quiz)
            else:
                extensions.append(name)
        self.md = markdown.Markdown(extensions=extensions, extension_configs=configs)

    def read(self, body: str, first_line: int, questions: Sequence[object] = ()) -> PageSource:
        """Convert ``body`` (which starts on line ``first_line``) and return what it holds."""
        if self.quiz is not None:
            self.quiz.setConfig("questions", tuple(questions))
        self.md.reset()
        try:
            rendered = self.md.convert(body)
        except Exception:  # noqa: BLE001 - a fault the loader has reported with its line
            return PageSource((), frozenset())
        if not rendered.strip():
            return PageSource((), frozenset())
        root = lxml_html.fragment_fromstring(rendered, create_parent="div")
        anchors = frozenset(str(e.get("id")) for e in root.iter() if e.get("id"))
        links = tuple(_located(_found(root), body, first_line))
        return PageSource(links, anchors, tuple(_scripts(root, body, first_line)))


class KeptReader:
    """Reads pages as :class:`MarkdownReader` does, keeping the results in ``kept``.

    A page's result is kept under a digest of its body, first line and
    questions, the Markdown options and the code and packages (:mod:`build_tools.build.kept`);
    Python-Markdown is loaded only when a page is not kept.
    """

    def __init__(self, options: MarkdownOptions, kept: KeptFile) -> None:
        self.options = options
        self.kept = kept
        self._options_key = options.key()
        self._reader: MarkdownReader | None = None

    def read(self, body: str, first_line: int, questions: Sequence[object] = ()) -> PageSource:
        """Return what ``body`` (which starts on line ``first_line``) holds, kept or read."""
        key = digest("page source", self._options_key, str(first_line), repr(questions), body)
        found = self.kept.get(key, _decoded)
        if found is None:
            if self._reader is None:
                self._reader = MarkdownReader(self.options)
            found = self._reader.read(body, first_line, questions)
            self.kept.put(key, [[[link.line, link.col, link.target, link.text, link.is_image]
                                 for link in found.links],
                                sorted(found.anchors),
                                [[script.line, script.col, script.what]
                                 for script in found.scripts]])
        return found


def _decoded(raw: Any) -> PageSource:
    """Return the page source kept as ``raw``; raise if it is not one."""
    links, anchors, scripts = raw
    return PageSource(
        tuple(Link(_line(line), _line(col), str(target), str(text), bool(image))
              for line, col, target, text, image in links),
        frozenset(str(anchor) for anchor in anchors),
        tuple(RawScript(_line(line), _line(col), str(what)) for line, col, what in scripts))


def _line(value: Any) -> int | None:
    return None if value is None else int(value)


def _found(root: Any) -> Iterator[tuple[str, str, bool]]:
    """Yield ``(target, text, is_image)`` of every authored address, in order.

    Links and images in every Markdown form (inline, reference) and the
    addresses of raw HTML elements (``<a href>``, ``<img src>``, ``<video src>``...).
    """
    for element in root.iter(*URL_ATTRS):
        target = element.get(URL_ATTRS[element.tag])
        if target is None:
            continue
        if element.tag == "a":
            if "headerlink" in (element.get("class") or "").split():
                continue  # the permalink toc adds to every heading
            yield target, element.text_content(), False
        else:
            yield target, element.get("alt") or "", element.tag == "img"


def is_script_url(value: str) -> bool:
    """Whether an address would run script when followed or loaded."""
    return "".join(value.split()).lower().startswith(("javascript:", "vbscript:", "data:text/html"))


def _scripts(root: Any, body: str, first_line: int) -> Iterator[RawScript]:
    """Yield the raw HTML of the rendered page that would run script, at its source tag.

    Addresses in ``href``/``src`` are links: the link checks report those.
    """
    lines = _prose(body, first_line)
    position = 0
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        found = ["<script>"] if element.tag == "script" and not _data_block(element) else []
        found += [f"{name}=" for name in element.attrib if name.lower().startswith("on")]
        found += [f'{name}="{value}"' for name, value in element.attrib.items()
                  if is_script_url(value) and name != URL_ATTRS.get(element.tag)]
        if not found:
            continue
        where = _find_tag(lines, element.tag, position)
        if where is None:
            yield RawScript(None, None, found[0])
            continue
        position, col = where
        yield RawScript(lines[position][0], col, found[0])


def _data_block(script: Any) -> bool:
    """Whether a ``<script>`` holds data a browser never runs (the quiz's own strings)."""
    return "".join((script.get("type") or "").split()).lower() == "application/json"


def _find_tag(lines: list[tuple[int, str]], name: str, start: int) -> tuple[int, int] | None:
    """Return ``(index in lines, column)`` of the next raw ``<name ...>`` tag."""
    for index in (*range(start, len(lines)), *range(start)):
        for col, tag, _ in html_tags(lines[index][1]):
            if tag == name:
                return index, col
    return None


def _located(found: Iterator[tuple[str, str, bool]], body: str, first_line: int
             ) -> Iterator[Link]:
    """Give each link the line and column of its target in the raw text, in order."""
    lines = _prose(body, first_line)
    position = 0
    for target, text, is_image in found:
        where = _find(lines, target, position)
        if where is None:
            yield Link(None, None, target, text, is_image)
            continue
        position, col = where
        yield Link(lines[position][0], col, target, text, is_image)


def _find(lines: list[tuple[int, str]], target: str, start: int) -> tuple[int, int] | None:
    """Return ``(index in lines, column)`` of the next line that writes ``target``."""
    for index in (*range(start, len(lines)), *range(start)):
        text = html.unescape(lines[index][1])
        for match in LINK.finditer(text):  # an inline link: its column is its '['
            if match.group(3) == target:
                return index, match.start() + 1
        for col, name, attrs in html_tags(text):  # raw HTML: the column of its tag
            if attrs.get(URL_ATTRS.get(name, "")) == target:
                return index, col
        column = text.find(target)
        if column >= 0:
            return index, column + 1
    return None


def _prose(body: str, first_line: int) -> list[tuple[int, str]]:
    """Return ``(line number, text)`` of the lines outside fenced code."""
    # Code spans are blanked out, keeping the columns: a target written there is no link.
    return [(number, CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
            for number, line in prose_lines(body, first_line)]
