"""Terminology: pages use the glossary's approved terms, in every translation.

Two warnings: a forbidden variant anywhere in a page (``glossary-forbidden``),
and a translation that never uses an approved form of a term its source page
uses (``glossary-missing``). Both read the prose of the page: code, link
targets, HTML tags and quiz header lines are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..build.kept import digest
from ..course.glossary import Entry, Glossary, Hit, TermFinder, Token
from ..course.markdown_text import headings, prose_lines
from ..course.model import Course, Page
from ..diagnostics import Diagnostic, rel, warning
from .source import page_body

NOT_PROSE = re.compile(
    r"`[^`]*`"                     # inline code
    r"|\]\([^)]*\)"                # link and image targets
    r"|<[^>]*>"                    # HTML tags and comments on one line
    r"|\{[:#.][^}]*\}"             # attribute lists
    r"|https?://\S+"               # bare addresses
    r"|^ {4}[a-z_]+:.*$"           # quiz header lines (id, type, answer)
)


def check_glossary(course: Course) -> Iterator[Diagnostic]:
    """Forbidden variants, and translations missing a term their source uses."""
    glossary = course.glossary  # its own problems are reported by the loader
    if glossary is None:
        return
    finders = {lang: TermFinder(glossary, lang) for lang in course.languages}
    keys = {lang: finder.key(glossary.entries) for lang, finder in finders.items()}
    for lesson in course.all_lessons():
        hits = {lang: page_hits(course, page, finders[lang], keys[lang])
                for lang, page in lesson.pages.items()}
        for lang, page in lesson.pages.items():
            yield from _forbidden(course, page, hits[lang])
        source = lesson.pages.get(course.source_language)
        if source is None:
            continue
        for lang, page in lesson.pages.items():
            if page is not source:
                yield from _missing(course, glossary, (source, hits[source.lang]),
                                    (page, hits[lang]))


def page_hits(course: Course, page: Page, finder: TermFinder, finder_key: str) -> list[Hit]:
    """Return the glossary forms ``finder`` finds in ``page``, kept from the last run if found.

    Kept under a digest of the page's text, the finder's phrases (``finder_key``)
    and the code and packages (:mod:`build_tools.build.kept`).
    """
    assert course.glossary is not None
    entries = course.glossary.entries
    body, first = page_body(page)
    kept = course.kept("glossary-hits")
    key = digest("glossary hits", page.lang, finder_key, str(first), body)
    hits = kept.get(key, lambda raw: [_hit(entries, *found) for found in raw])
    if hits is None:
        hits = list(finder.find(page_tokens(page, finder)))
        place = {id(entry): number for number, entry in enumerate(entries)}
        kept.put(key, [[place[id(hit.entry)], hit.phrase, hit.approved, hit.start,
                        [list(token) for token in hit.tokens]] for hit in hits])
    return hits


def _hit(entries: tuple[Entry, ...], entry: int, phrase: str, approved: bool, start: int,
         tokens: list[list[Any]]) -> Hit:
    """Return a hit kept as JSON; raise if it is not one."""
    return Hit(entries[int(entry)], str(phrase), bool(approved), int(start),
               tuple(Token(str(stem), str(word), int(line), int(col), str(text))
                     for stem, word, line, col, text in tokens))


def page_tokens(page: Page, finder: TermFinder) -> list[Token]:
    """Return the words of the prose of ``page``, in order, with their lines and columns."""
    body, first = page_body(page)
    tokens: list[Token] = []
    for number, line in prose_lines(body, first):
        masked = NOT_PROSE.sub(lambda m: " " * len(m.group()), line)
        tokens.extend(finder.tokens(masked, number))
    return tokens


def _forbidden(course: Course, page: Page, hits: list[Hit]) -> Iterator[Diagnostic]:
    where = rel(page.path, course.root)
    for hit in hits:
        if hit.approved:
            continue
        first = hit.tokens[0]
        term = hit.entry.forms[page.lang].term
        yield warning(where, first.line, f"'{hit.text}' is a variant the glossary rejects "
                      f"(entry '{hit.entry.id}'); use '{term}'", "glossary-forbidden",
                      col=first.col)


def _missing(course: Course, glossary: Glossary, source: tuple[Page, list[Hit]],
             translation: tuple[Page, list[Hit]]) -> Iterator[Diagnostic]:
    (src_page, src_hits), (page, hits) = source, translation
    present = {hit.entry.id for hit in hits if hit.approved}
    first_use: dict[str, Hit] = {}
    for hit in src_hits:
        if hit.approved:
            first_use.setdefault(hit.entry.id, hit)
    src_sections: list[int] = []
    sections: list[int] = []
    for entry in glossary.entries:
        used = first_use.get(entry.id)
        if used is None or entry.id in present or page.lang not in entry.forms:
            continue
        if not sections:  # the headings are read only for a page with a warning
            src_sections, sections = _section_lines(src_page), _section_lines(page)
        line = used.tokens[0].line
        section = sum(1 for start in src_sections[1:] if start <= line)
        yield warning(rel(page.path, course.root), sections[min(section, len(sections) - 1)],
                      f"the source '{rel(src_page.path, course.root)}:{line}' uses "
                      f"'{used.text}' (glossary entry '{entry.id}'), but this translation "
                      f"has no form of {_approved(entry, page.lang)}", "glossary-missing")


def _approved(entry: Entry, lang: str) -> str:
    return " or ".join(f"'{phrase}'" for phrase in entry.forms[lang].approved)


def _section_lines(page: Page) -> list[int]:
    """Line of the page's top (its title heading) and of each ``##`` heading."""
    found = list(headings(*page_body(page)))
    top = next((line for line, level, _ in found if level == 1), 1)
    return [top] + [line for line, level, _ in found if level == 2]
