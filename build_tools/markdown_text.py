"""Line-aware scanning of raw Markdown, for checks that must name a line.

Python-Markdown's tree keeps no source lines, so checks read the raw text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pymdownx.slugs import slugify

FENCE = re.compile(r"^\s*(```|~~~)")
LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REF_DEFINITION = re.compile(r"^ {0,3}\[((?:[^\[\]\\]|\\.)+)\]:[ \t]*<?([^\s>]+)>?")
"""A reference definition ``[id]: target``, whose line is where its target is written."""
REF_USE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\](?:\[([^\]]*)\])?(?![(:\[])")
"""``[text][id]``, ``[text][]`` and ``[id]``: what a definition is used for."""
HTML_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
HTML_ATTR = re.compile(r"([a-zA-Z][\w:-]*)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+)")
URL_ATTRS = {"a": "href", "img": "src", "source": "src", "audio": "src", "video": "src",
             "iframe": "src", "embed": "src", "object": "data", "link": "href"}
"""Raw HTML elements whose address the site and the packages must be able to follow."""
CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")


@dataclass(frozen=True)
class Link:
    """A Markdown link or image found in the text."""

    line: int
    col: int
    target: str
    text: str
    is_image: bool


def prose_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, text)`` for lines outside fenced code blocks."""
    in_fence = False
    for number, line in enumerate(body.split("\n"), start=first_line):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield number, line


def links(body: str, first_line: int) -> Iterator[Link]:
    """Yield every link and image with its 1-based line and column.

    Inline links, reference definitions (at the definition, as an image when an
    image uses it) and the addresses of raw HTML elements (``<a href>``,
    ``<img src>``...).
    """
    lines = list(prose_lines(body, first_line))
    images = _reference_images(lines)
    for number, line in lines:
        definition = REF_DEFINITION.match(line)
        if definition:
            key = _reference_key(definition.group(1))
            yield Link(number, definition.start(2) + 1, definition.group(2),
                       images.get(key, key), key in images)
            continue
        for match in LINK.finditer(line):
            yield Link(number, match.start() + 1, match.group(3), match.group(2),
                       match.group(1) == "!")
        yield from _html_links(number, line)


def html_tags(line: str) -> Iterator[tuple[int, str, dict[str, str]]]:
    """Yield ``(column, tag name, attributes)`` of every raw HTML start tag in ``line``.

    Tags inside code spans are text, not HTML: they are left out.
    """
    line = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
    for tag in HTML_TAG.finditer(line):
        attrs = {name.lower(): value.strip("\"'")
                 for name, value in HTML_ATTR.findall(tag.group(2))}
        yield tag.start() + 1, tag.group(1).lower(), attrs


def _html_links(number: int, line: str) -> Iterator[Link]:
    for col, name, attrs in html_tags(line):
        attr = URL_ATTRS.get(name)
        if attr and attrs.get(attr):
            yield Link(number, col, attrs[attr], attrs.get("alt", "x" if name != "img" else ""),
                       name == "img")


def _reference_key(label: str) -> str:
    return " ".join(label.lower().split())


def _reference_images(lines: list[tuple[int, str]]) -> dict[str, str]:
    """Return the references images use, with their alt text."""
    found = {}
    for _, line in lines:
        for match in REF_USE.finditer(line):
            if match.group(1):
                found[_reference_key(match.group(3) or match.group(2))] = match.group(2)
    return found


def headings(body: str, first_line: int) -> Iterator[tuple[int, int, str]]:
    """Yield ``(line, level, text)`` for every ATX heading outside code."""
    for number, line in prose_lines(body, first_line):
        match = HEADING.match(line)
        if match:
            yield number, len(match.group(1)), match.group(2)


SLUGIFY = slugify(case="lower")
"""The slug function ``mkdocs.yml`` gives ``toc``: it keeps Cyrillic letters in anchors."""


def heading_anchor(text: str) -> str:
    """Return the anchor id the ``toc`` extension gives a heading with ``text``."""
    custom = ATTR_ID.search(text)
    if custom:
        return custom.group(1)
    text = re.sub(r"\{[^}]*\}\s*$", "", text)
    text = re.sub(r"[`*_]|<[^>]+>", "", text)
    return str(SLUGIFY(text.strip(), "-"))
