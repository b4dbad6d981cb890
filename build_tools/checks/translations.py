"""Translations against their source: same files, same folders, same sections."""

from __future__ import annotations

from collections.abc import Iterator

from ..course.markdown_text import headings
from ..course.model import Course, Lesson, Module, Page
from ..diagnostics import Diagnostic, Severity, error, rel, warning
from .source import page_body


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
    for lesson in course.all_lessons():
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
    """``source_hash`` on a page of the source language, which translates from nothing."""
    for page in course.all_pages():
        if page.source_hash is not None and page.lang == course.source_language:
            yield warning(rel(page.path, course.root), page.line_of("source_hash"),
                          f"'source_hash' on a page in the source language '{page.lang}' "
                          "means nothing; remove the line", "source-hash-in-source")


def check_kind_parity(course: Course) -> Iterator[Diagnostic]:
    """A translation that is a lesson where the source page is a module test, or the reverse.

    Without this the module would lose its test in that language's site and packages.
    """
    for lesson in course.lessons():
        source = _reference(course, lesson)
        for page in lesson.pages.values():
            if page.kind != source.kind:
                mine = repr(page.kind) + ("" if "kind" in page.key_lines else " (no 'kind')")
                yield error(rel(page.path, course.root), page.line_of("kind"), f"'kind' is "
                            f"{mine} here but {source.kind!r} in {_where(course, source, 'kind')}"
                            f"; a page has the same kind in every language: write 'kind: "
                            f"{source.kind}'", "kind-mismatch")


def check_pass_mark_parity(course: Course) -> Iterator[Diagnostic]:
    """A module overview page whose pass mark differs from the source language's."""
    for module in course.modules:
        source = _reference(course, module.index)
        for page in module.index.pages.values():
            if _mark(course, page) != _mark(course, source):
                yield error(rel(page.path, course.root), page.line_of("pass_mark"),
                            f"'pass_mark' is {_mark(course, page)} here but "
                            f"{_mark(course, source)} in {_where(course, source, 'pass_mark')}; "
                            "use the same pass mark in every language", "pass-mark-mismatch")


def _reference(course: Course, lesson: Lesson) -> Page:
    """The page translations are compared with: the source language's, else the first."""
    return lesson.pages.get(course.source_language) or next(iter(lesson.pages.values()))


def _mark(course: Course, page: Page) -> str:
    if page.pass_mark is None:
        return f"{course.config.pass_mark} (course.yml's default)"
    return str(page.pass_mark)


def _where(course: Course, page: Page, key: str) -> str:
    """``path:line`` of ``key`` in ``page``, or the path when the page does not set it."""
    where = rel(page.path, course.root)
    return f"{where}:{page.key_lines[key]}" if key in page.key_lines else where


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
    by_id = [lesson for lesson in sources if lesson.id and lesson.id == page.id]
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
