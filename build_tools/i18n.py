"""Language helpers built on Babel: code checks, language names, dates, UI catalogs."""

from __future__ import annotations

import datetime
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.pofile import read_po

LOCALES_DIR = Path(__file__).parent / "locales"
"""Our own UI strings: ``locales/<lang>/LC_MESSAGES/<domain>.po``, one domain per feature
(``site`` for the site's frame, ``quiz`` for knowledge checks)."""


def is_known_language(code: str) -> bool:
    """Return True when Babel knows ``code`` as a plain language code (``kk``, ``ru``)."""
    if not isinstance(code, str) or not code.isalpha() or not code.islower():
        return False
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def language_name(code: str, in_lang: str | None = None) -> str:
    """Return the name of language ``code`` in ``in_lang`` (its own language by default)."""
    name = Locale.parse(code).get_display_name(Locale.parse(in_lang or code)) or code
    return name[:1].upper() + name[1:]


def english_name(code: str) -> str:
    """Return the English name of language ``code`` (``Kazakh``), the key of per-language msgids."""
    return str(Locale("en").languages.get(code, code))


def format_day(day: datetime.date, lang: str) -> str:
    """Return ``day`` as a long date in ``lang`` (``24 қараша 2026 ж.``)."""
    return format_date(day, format="long", locale=Locale.parse(lang))


@cache
def catalog(lang: str, domain: str) -> dict[str, str]:
    """Return the strings of ``domain`` for ``lang`` as ``{msgid: msgstr}``; empty when none."""
    po = LOCALES_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
    if not po.is_file():
        return {}
    with po.open("rb") as handle:
        cat = read_po(handle, locale=lang)
    return {str(m.id): str(m.string) for m in cat if m.id and m.string}


def gettext(lang: str, domain: str, msgid: str) -> str:
    """Translate ``msgid`` of ``domain`` into ``lang``, falling back to the msgid (English)."""
    return catalog(lang, domain).get(msgid, msgid)
