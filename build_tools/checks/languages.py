"""Checks that every language of the course can be read, shown and searched.

* ``ui-untranslated``: a language has no catalog of our UI strings or of the
  theme's; the build shows those strings in the first language of the
  fallback order that has one.
* ``font-coverage``: the shipped fonts lack letters of a language (from the
  Unicode CLDR exemplar characters).
* ``search-no-stemmer``: a language has no search stemmer; search then finds
  whole words and words that begin with the query.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..course.config import CONFIG_NAME
from ..course.model import Course
from ..diagnostics import Diagnostic, Severity, error, rel, warning
from ..languages.fonts import FONTS_CSS, uncovered
from ..languages.i18n import english_name, untranslated_ui
from ..languages.letters import has_letters, letters
from ..languages.search import TABLES_DIR, rules

SHOWN = 24
"""Missing letters named in a message; the rest are counted."""


def _where(course: Course) -> tuple[str, int | None]:
    """course.yml and the line of its ``languages`` key."""
    path = course.root / CONFIG_NAME
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return CONFIG_NAME, None
    line = next((i for i, text in enumerate(lines, 1) if text.startswith("languages:")), None)
    return CONFIG_NAME, line


def _name(lang: str) -> str:
    return f"'{lang}' ({english_name(lang)})"


def check_ui_catalogs(course: Course) -> Iterator[Diagnostic]:
    """Languages without a catalog of our UI strings or of the theme's."""
    path, line = _where(course)
    for lang in course.languages:
        for missing in untranslated_ui(lang, course.fallback):
            yield warning(path, line, f"language {_name(lang)} has no UI catalog "
                          f"'{missing.catalog}'; its {missing.what} are shown in "
                          f"'{missing.shown_in}' until one is added", "ui-untranslated")


def check_fonts(course: Course) -> Iterator[Diagnostic]:
    """Letters of a course language that the shipped fonts do not have."""
    path, line = _where(course)
    css = FONTS_CSS.read_text(encoding="utf-8")
    where = rel(FONTS_CSS, course.root)
    for lang in course.languages:
        if not has_letters(lang):
            yield warning(path, line, f"the Unicode CLDR lists no letters for language "
                          f"{_name(lang)}, so the fonts could not be checked for it",
                          "font-letters-unknown")
            continue
        gaps = uncovered(letters(lang), css)
        if gaps:
            chars = sorted({c for found in gaps.values() for c in found})
            shown = " ".join(chars[:SHOWN]) + (f" and {len(chars) - SHOWN} more"
                                               if len(chars) > SHOWN else "")
            yield error(where, None, f"the fonts lack letters of language {_name(lang)}: "
                        f"{shown} ({', '.join(sorted(gaps))}); add a font subset that has "
                        "them", "font-coverage")


def check_search_rules(course: Course) -> Iterator[Diagnostic]:
    """Languages the search has no stemmer for (a note, not a problem)."""
    path, line = _where(course)
    for lang in course.languages:
        if not rules(lang).has_stemmer:
            yield Diagnostic(path, line, Severity.NOTE, f"search has no stemmer for language "
                             f"{_name(lang)}: it finds whole words and words that begin with "
                             f"the query; add '{rel(TABLES_DIR, course.root)}/{lang}.json' "
                             "for inflected forms", "search-no-stemmer")
