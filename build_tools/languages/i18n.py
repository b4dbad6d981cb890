"""Language helpers built on Babel: code checks, language names, dates, UI catalogs."""

from __future__ import annotations

import datetime
import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.pofile import read_po

LOCALES_DIR = Path(__file__).parents[1] / "locales"
"""Our own UI strings: ``locales/<lang>/LC_MESSAGES/<domain>.po``, one domain per feature
(``site`` for the site's frame, ``quiz`` for knowledge checks)."""
MSGID_LANGUAGE = "en"
"""The language the msgids are written in: shown when no catalog in the fallback order has one."""
UI_DOMAINS = {"site": "site frame strings", "quiz": "knowledge-check strings",
              "scorm": "SCORM launcher strings"}
"""Our catalog domains and what they hold."""
THEME = "theme"
"""The pseudo-domain of the theme's own strings (``partials/languages/<lang>.html``)."""
THEME_LANGUAGES = Path(__file__).parents[1] / "theme" / "partials" / "languages"
"""Our translations of the theme's strings, for languages Material lacks or gets wrong."""


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
    return str(Locale(MSGID_LANGUAGE).languages.get(code, code))


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


def catalog_path(lang: str, domain: str) -> Path:
    """Return where the catalog of ``domain`` for ``lang`` is (or would be)."""
    if domain == THEME:
        ours = THEME_LANGUAGES / f"{lang}.html"
        material = _material_languages() / f"{lang}.html"
        return material if material.is_file() and not ours.is_file() else ours
    return LOCALES_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


def _material_languages() -> Path:
    spec = importlib.util.find_spec("material")
    origin = Path(spec.origin) if spec and spec.origin else Path(".")
    return origin.parent / "templates" / "partials" / "languages"


def has_catalog(lang: str, domain: str) -> bool:
    """Return True when ``lang`` has its own catalog of ``domain`` (or of the theme)."""
    return catalog_path(lang, domain).is_file()


def ui_language(lang: str, domain: str, fallback: Sequence[str]) -> str:
    """Return the language whose ``domain`` strings pages in ``lang`` show.

    That is ``lang`` itself when it has the catalog, else the first language of
    the course's fallback order that has one, else the msgids' language.
    """
    for code in (lang, *fallback):
        if has_catalog(code, domain):
            return code
    return MSGID_LANGUAGE


@dataclass(frozen=True)
class Untranslated:
    """A UI catalog a language lacks."""

    catalog: str
    """Where the catalog would be, from the folder that holds ``build_tools``."""
    what: str
    shown_in: str
    """The language the strings are shown in instead."""


def untranslated_ui(lang: str, fallback: Sequence[str]) -> list[Untranslated]:
    """Return the catalogs ``lang`` lacks (ours and the theme's)."""
    base = Path(__file__).parents[2]
    found = []
    for domain, what in [*UI_DOMAINS.items(), (THEME, "theme strings")]:
        if lang == MSGID_LANGUAGE and domain != THEME or has_catalog(lang, domain):
            continue
        path = catalog_path(lang, domain)
        shown = path.relative_to(base).as_posix() if path.is_relative_to(base) else str(path)
        found.append(Untranslated(shown, what, ui_language(lang, domain, fallback)))
    return found
