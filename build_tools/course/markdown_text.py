"""Line-aware scanning of raw Markdown, for checks that must name a line.

Python-Markdown's tree keeps no source lines, so checks that count headings read
the raw text. What is a link and what anchors a page has are decided by
Python-Markdown itself: see :mod:`build_tools.course.markdown_source`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

FENCE = re.compile(r"^\s*(```|~~~)")
LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
HTML_ATTR = re.compile(r"([a-zA-Z][\w:-]*)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+)")
URL_ATTRS = {"a": "href", "img": "src", "source": "src", "audio": "src", "video": "src",
             "iframe": "src", "embed": "src", "object": "data", "link": "href"}
"""Raw HTML elements whose address the site and the packages must be able to follow."""
CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
PLAIN_TEXT = re.compile(r"(?![ \t]*(?:\d+[.)]|[-+*>#=]|    ))[^\n\\`*_\[\]<>&!|#{}:~^=]*")
"""A short text (a question's prompt, option, feedback) in which Python-Markdown, with the
extensions question texts may use, changes nothing but the outer spaces: it is one paragraph
as it stands, so it need not be given to Markdown."""


def prose_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, text)`` for lines outside fenced code blocks."""
    in_fence = False
    for number, line in enumerate(body.split("\n"), start=first_line):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield number, line


def html_tags(line: str) -> Iterator[tuple[int, str, dict[str, str]]]:
    """Yield ``(column, tag name, attributes)`` of every raw HTML start tag in ``line``.

    Tags inside code spans are text, not HTML: they are left out.
    """
    line = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
    for tag in HTML_TAG.finditer(line):
        attrs = {name.lower(): value.strip("\"'")
                 for name, value in HTML_ATTR.findall(tag.group(2))}
        yield tag.start() + 1, tag.group(1).lower(), attrs


def headings(body: str, first_line: int) -> Iterator[tuple[int, int, str]]:
    """Yield ``(line, level, text)`` for every ATX heading outside code."""
    for number, line in prose_lines(body, first_line):
        match = HEADING.match(line)
        if match:
            yield number, len(match.group(1)), match.group(2)
