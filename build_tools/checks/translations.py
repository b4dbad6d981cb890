"""Translations against their source: same files, same folders, same sections."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Diagnostic, Severity, error, rel, warning
from ..markdown_text import headings
from ..model import Course, Lesson, Module, Page
from .source import page_body

HASH_RE = re.compile(r"^[0-9a-f]{12}$")


def check_translation_layout(course: Course) -> Iterator[Diagnostic]:
    """Module folders and lesson files named or numbered differently from the source."""
    src = course.source_language
    sources = [m for m in course.modules if src in m.index.pages]
    for module in course.modules:
        if src in module.index.pages:
            yield from _lessons(course, module)
            continue
        match = _same_module(module, sources)
        if match is None:
            for lesson in (module.index, *module.lessons):
                yield from _orphans(course, lesson)
            continue
        for page in module.index.pages.values():
            folder = rel(page.path.parent, course.root)
            yield error(folder, None, f"module folder '{module.dir_uri}' is named "
                        f"'{match.dir_uri}' in the source language '{src}'; a module folder "
                        f"has the same name in every language: rename it to "
                        f"'{match.dir_uri}'", "module-folder")


def check_section_count(course: Course) -> Iterator[Diagnostic]:
    """Translations with a different number of ``##`` sections than their source."""
    for lesson in _all_lessons(course):
        source = lesson.pages.get(course.source_language)
        if source is None:
            continue
        expected = _sections(source)
        for page in lesson.pages.values():
            found = _sections(page)
            if page is not source and found != expected:
                yield warning(rel(page.path, course.root), 1, f"{found} '##' section(s), but "
                              f"the source '{rel(source.path, course.root)}' has {expected}; "
                              "translate every section of the source", "section-count")


def check_source_hash(course: Course) -> Iterator[Diagnostic]:
    """``source_hash`` values that ``course status --mark`` did not write."""
    for page in course.all_pages():
        if "source_hash" not in page.meta:
            continue
        where = rel(page.path, course.root)
        line = page.meta_lines.get("source_hash", 1)
        value = page.meta["source_hash"]
        if page.lang == course.source_language:
            yield warning(where, line, f"'source_hash' on a page in the source language "
                          f"'{page.lang}' means nothing; remove the line", "source-hash")
        elif not isinstance(value, str) or not HASH_RE.fullmatch(value):
            yield error(where, line, f"'source_hash' must be 12 hexadecimal characters, got "
                        f"{value!r}; do not type it: run 'course status --mark {where}'",
                        "source-hash")


def _lessons(course: Course, module: Module) -> Iterator[Diagnostic]:
    src = course.source_language
    sources = [lesson for lesson in course.lessons() if src in lesson.pages]
    for lesson in module.lessons:
        if src in lesson.pages:
            continue
        for page in lesson.pages.values():
            match = _same_lesson(page, module, sources)
            if match is None:
                yield from _orphans(course, lesson)
                break
            yield error(rel(page.path, course.root), None, f"this lesson is "
                        f"'{match.src_uri}' in the source language '{src}'; a lesson has "
                        f"the same folder and file name in every language: rename it to "
                        f"'{match.src_uri}'", "lesson-order")


def _orphans(course: Course, lesson: Lesson) -> Iterator[Diagnostic]:
    src = course.source_language
    expected = f"{course.config.docs_dir}/{src}/{lesson.src_uri}"
    for page in lesson.pages.values():
        # Off unless course.yml asks for it: writing a page in a translation first is a
        # normal step, and `course status` lists these pages as orphaned anyway.
        yield Diagnostic(rel(page.path, course.root), None, Severity.IGNORE, f"no source page: "
                         f"'{expected}' does not exist; write the page in '{src}' first, or "
                         "delete this translation", "orphan")


def _same_module(module: Module, sources: list[Module]) -> Module | None:
    number, slug = _split(module.dir_uri)
    by_slug = [m for m in sources if _split(m.dir_uri)[1] == slug]
    by_number = [m for m in sources if _split(m.dir_uri)[0] == number]
    by_id = [m for m in sources if m.id == module.id]
    return next(iter(by_id or by_slug or by_number), None)


def _same_lesson(page: Page, module: Module, sources: list[Lesson]) -> Lesson | None:
    by_id = [lesson for lesson in sources if lesson.id and lesson.id == page.meta.get("id")]
    name = _split(page.src_uri.rsplit("/", 1)[-1])[1]
    by_slug = [
        lesson for lesson in sources
        if lesson.src_uri.startswith(module.dir_uri + "/")
        and _split(lesson.src_uri.rsplit("/", 1)[-1])[1] == name
    ]
    return next(iter(by_id or by_slug), None)


def _split(name: str) -> tuple[str, str]:
    number, _, slug = name.removesuffix(".md").partition("-")
    return number, slug


def _sections(page: Page) -> int:
    return sum(level == 2 for _, level, _ in headings(*page_body(page)))


def _all_lessons(course: Course) -> Iterator[Lesson]:
    yield course.home
    for module in course.modules:
        yield module.index
        yield from module.lessons
