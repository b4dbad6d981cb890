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
    """Yield every inline link and image with its 1-based line and column."""
    for number, line in prose_lines(body, first_line):
        for match in LINK.finditer(line):
            yield Link(number, match.start() + 1, match.group(3), match.group(2),
                       match.group(1) == "!")


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
