"""Links to pages and headings, and images, as Python-Markdown renders them.

What is a link and what anchors a page has come from :meth:`Course.source`
(:mod:`build_tools.markdown_source`), so the checks agree with the built site.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..diagnostics import Diagnostic, error, rel, warning
from ..model import Course


def check_links(course: Course) -> Iterator[Diagnostic]:
    """Links to pages that do not exist in any language, or to missing headings."""
    by_uri = {lesson.src_uri: lesson for lesson in course.all_lessons()}
    for page in course.all_pages():
        for link in course.source(page).links:
            if link.is_image:
                continue
            parts = urlsplit(link.target)
            if parts.scheme or parts.netloc or link.target.startswith(("/", "mailto:")):
                continue
            where = rel(page.path, course.root)
            target_uri = _resolve(page.src_uri, unquote(parts.path)) if parts.path else page.src_uri
            if target_uri.endswith("/") or target_uri == "":
                target_uri += "index.md"
            if not target_uri.endswith(".md"):
                continue
            lesson = by_uri.get(target_uri)
            if lesson is None:
                yield error(where, link.line, f"link to '{link.target}', but no page "
                            f"'{target_uri}' exists; check the file name", "link", link.col)
                continue
            target_page = course.fallback_for(lesson, page.lang)
            if (parts.fragment and target_page
                    and unquote(parts.fragment) not in course.source(target_page).anchors):
                yield error(where, link.line, f"link to '{link.target}', but "
                            f"'{rel(target_page.path, course.root)}' has no heading with "
                            f"anchor '#{parts.fragment}'", "link-anchor", link.col)


def check_images(course: Course) -> Iterator[Diagnostic]:
    """Images that are missing, or have no alt text."""
    for page in course.all_pages():
        base = page.path.parent
        for link in course.source(page).links:
            if not link.is_image or urlsplit(link.target).scheme:
                continue
            where = rel(page.path, course.root)
            if Path(os.path.normpath(base / unquote(link.target))) not in course.files:
                yield error(where, link.line, f"image '{link.target}' not found; put the file "
                            f"at '{rel(base / link.target, course.root)}'", "image-missing",
                            link.col)
            if not link.text.strip():
                yield warning(where, link.line, f"image '{link.target}' has no alt text; "
                              "describe it in the page's language: ![description](...)",
                              "image-alt", link.col)



def _resolve(src_uri: str, target: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), target))
