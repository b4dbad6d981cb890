"""Known English and Russian interface strings, to look for on Kazakh pages."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import material

from build_tools.languages.i18n import catalog

LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
KK = Path(__file__).resolve().parents[2] / "build_tools/theme/partials/languages/kk.html"
_ENTRY = re.compile(r'^\s*"([a-z.]+)": "(.*)",?$', re.M)
NOT_TEXT = {"language", "direction", "search.config.lang", "search.config.pipeline",
            "search.config.separator"}


def _material(path: Path) -> dict[str, str]:
    return {k: v for k, v in _ENTRY.findall(path.read_text(encoding="utf-8"))
            if k not in NOT_TEXT}


@cache
def foreign_ui_strings() -> frozenset[str]:
    """Material's English and Russian strings and ours, minus those Kazakh spells the same."""
    kazakh = set(_material(KK).values()) | set(catalog("kk", "site").values())
    strings = set(_material(LANGUAGES / "en.html").values())
    strings |= set(_material(LANGUAGES / "ru.html").values())
    for lang in ("en", "ru"):
        strings |= set(catalog(lang, "site").values()) | set(catalog(lang, "site"))
    strings |= {"Made with", "Material for MkDocs", "Permanent link", "English", "Russian",
                "Kazakh", "Русский", "Английский", "Казахский"}
    return frozenset(s for s in strings if s not in kazakh)
