"""Links to pages and headings, and images, as Python-Markdown renders them.

What is a link and what anchors a page has come from :meth:`Course.source`
(:mod:`build_tools.course.markdown_source`), so the checks agree with the built site.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..course.markdown_source import Link, is_script_url
from ..course.model import Course, Page
from ..diagnostics import Diagnostic, error, rel, warning


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
            if not link.is_image or urlsplit(link.target).scheme or _outside(course, page, link):
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


def check_outside_docs(course: Course) -> Iterator[Diagnostic]:
    """Links and images to files outside the docs folder: nothing there is published."""
    for page in course.all_pages():
        for link in course.source(page).links:
            problem = _outside(course, page, link)
            if problem:
                yield error(rel(page.path, course.root), link.line, problem, "outside-docs",
                            link.col)


def _outside(course: Course, page: Page, link: Link) -> str | None:
    parts = urlsplit(link.target)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    what = "image" if link.is_image else "link"
    if parts.path.startswith("/"):
        return (f"{what} '{link.target}' is an absolute path; the site and the packages open "
                "from any folder, so write the path relative to this page")
    target = Path(posixpath.normpath((page.path.parent / unquote(parts.path)).as_posix()))
    if not target.is_relative_to(course.docs_dir):
        return (f"{what} '{link.target}' points outside the docs folder, to "
                f"'{rel(target, course.root)}'; nothing outside it is published: copy the "
                "file into the docs folder and link to the copy")
    return None


def check_scripts(course: Course) -> Iterator[Diagnostic]:
    """Raw HTML or links that would run script in the page."""
    for page in course.all_pages():
        where = rel(page.path, course.root)
        source = course.source(page)
        for script in source.scripts:
            yield error(where, script.line, f"raw HTML {script.what!r} would run script in "
                        "the page; pages carry no scripts of their own: remove it", "script",
                        script.col)
        for link in source.links:
            if is_script_url(link.target):
                yield error(where, link.line, f"link '{link.target}' would run script; link "
                            "to a page or a web address instead", "script", link.col)


def _resolve(src_uri: str, target: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), target))
