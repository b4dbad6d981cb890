"""The frame around every page: UI strings, language menu, dates, fallback notice, 404.

Templates in ``build_tools/theme`` read one context variable, ``course_site``,
built here for the language being rendered.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from html import escape
from typing import Any

from ..languages.i18n import THEME, catalog, english_name, format_day, gettext, language_name, ui_language
from ..languages.letters import endonym
from ..course.model import Course
from .urls import page_url, prefix

DOMAIN = "site"
"""Our message catalog domain: ``build_tools/locales/<lang>/LC_MESSAGES/site.po``."""

NOTICE = ("This page has not been translated into this language yet, "
          "so it is shown %(in_language)s.")
"""The untranslated-page notice, in the reader's language; ``in_language`` is
:func:`in_language` of the language the page is shown in."""
IN_LANGUAGE = "in %(language)s"
"""The phrase for a language the reader's catalog has no ``in <Language>`` entry for."""


def translator(lang: str) -> Callable[..., str]:
    """Return ``t(msgid, **values)``: our catalog string for ``lang``, with values filled in."""

    def t(msgid: str, **values: object) -> str:
        text = gettext(lang, DOMAIN, msgid)
        return text % values if values else text

    return t


def build_day() -> datetime.date | None:
    """Return the day given by ``SOURCE_DATE_EPOCH``; None without it (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()


def alternates(course: Course, lang: str, src_uri: str) -> list[dict[str, str]]:
    """Return Material's ``extra.alternate`` entries: the same page in every language.

    Links are site-root-relative; Material's ``url`` filter makes them relative
    to the page, so they work from ``file://``. Each language is named in itself
    (``Қазақша``, ``Oʻzbekcha``), so readers find their own whatever the page's.
    """
    return [{"name": endonym(other), "lang": other,
             "link": page_url(course, other, src_uri)} for other in course.languages]


def frame_context(course: Course, lang: str) -> dict[str, Any]:
    """Return the ``course_site`` template variable for pages of ``lang``."""
    day = build_day()
    ui_lang = ui_language(lang, DOMAIN, course.fallback)
    t = translator(ui_lang)
    return {
        "lang": lang,
        "ui_lang": ui_lang,
        "theme_language": ui_language(lang, THEME, course.fallback),
        "t": t,
        "title": course.titles.get(lang, course.id),
        "updated": t("Last updated: %(date)s", date=format_day(day, lang)) if day else "",
        "prefix": prefix(course, lang),
        "search_index": f"{prefix(course, lang)}search/index.{lang}.js",
        "home": page_url(course, lang, "index.md"),
        "in_language": {other: _capitalized(in_language(other, ui_lang))
                        for other in course.languages},
    }


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def in_language(code: str, reader_lang: str) -> str:
    """Return "in <language ``code``>" in ``reader_lang`` (``орыс тілінде``, ``на казахском языке``).

    Each catalog says it per language (``msgid "in Kazakh"``), since languages
    inflect the names differently; a language it does not name is given by its
    Babel name in brackets.
    """
    phrase = catalog(reader_lang, DOMAIN).get(f"in {english_name(code)}")
    return phrase or translator(reader_lang)(IN_LANGUAGE,
                                             language=language_name(code, reader_lang))


def fallback_notice(reader_lang: str, content_lang: str) -> str:
    """Return the HTML notice put above a page shown in ``content_lang`` to ``reader_lang``."""
    text = translator(reader_lang)(NOTICE, in_language=in_language(content_lang, reader_lang))
    return (f'<div class="admonition note course-fallback" lang="{escape(reader_lang)}">'
            f'<p>{escape(text)}</p></div>')


def wrap_fallback(html: str, reader_lang: str, content_lang: str) -> str:
    """Put the notice above ``html`` and mark the content with its own language.

    The permalinks the build adds to headings are titled in the reader's
    language, so they carry the reader's ``lang`` inside the content's.
    """
    reader = escape(reader_lang)
    html = html.replace('<a class="headerlink"', f'<a lang="{reader}" class="headerlink"')
    return (fallback_notice(reader_lang, content_lang)
            + f'<div lang="{escape(content_lang)}">{html}</div>')
