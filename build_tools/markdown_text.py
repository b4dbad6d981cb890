"""Line-aware scanning of raw Markdown, for checks that must name a line.

Python-Markdown's tree keeps no source lines, so checks that count headings read
the raw text. What is a link and what anchors a page has are decided by
Python-Markdown itself: see :mod:`build_tools.markdown_source`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

FENCE = re.compile(r"^\s*(```|~~~)")
LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


def prose_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, text)`` for lines outside fenced code blocks."""
    in_fence = False
    for number, line in enumerate(body.split("\n"), start=first_line):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield number, line


def headings(body: str, first_line: int) -> Iterator[tuple[int, int, str]]:
    """Yield ``(line, level, text)`` for every ATX heading outside code."""
    for number, line in prose_lines(body, first_line):
        match = HEADING.match(line)
        if match:
            yield number, len(match.group(1)), match.group(2)
