"""The letters each language is written with, and its name in its own language.

Letters come from the Unicode CLDR exemplar characters (``cldr/exemplars.json``,
vendored: Babel's locale data leaves them out), both the main set and the
auxiliary one (letters of loanwords and names), with their capitals.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from babel import Locale

from .search import table

EXEMPLARS = Path(__file__).parent / "cldr" / "exemplars.json"
_TOKEN = re.compile(r"\{[^}]*\}|\\u[0-9A-Fa-f]{4}|\\.|\s+|.")
"""One element of a CLDR set: ``{sequence}``, an escape, a space or one character."""


@cache
def _exemplars() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(EXEMPLARS.read_text(encoding="utf-8"))
    return data


def has_letters(lang: str) -> bool:
    """True when the CLDR says which letters ``lang`` is written with."""
    return bool(_exemplars().get(lang, {}).get("main"))


@cache
def letters(lang: str) -> frozenset[str]:
    """Return the characters of ``lang``'s alphabet, small and capital; empty when unknown."""
    sets = _exemplars().get(lang, {})
    found: set[str] = set()
    for key in ("main", "auxiliary"):
        found |= parse_unicode_set(sets.get(key, ""))
    return frozenset(found | {c.upper() for c in found if len(c.upper()) == 1})


def parse_unicode_set(text: str) -> set[str]:
    """Return the characters of a CLDR exemplar set such as ``[a b {oʻ} ʼ]`` or ``[a-z]``."""
    body = text.strip().removeprefix("[").removesuffix("]")
    tokens = _TOKEN.findall(body)
    chars: set[str] = set()
    for i, token in enumerate(tokens):
        if token == "-" and 0 < i < len(tokens) - 1:
            start, end = _decode(tokens[i - 1]), _decode(tokens[i + 1])
            chars.update(chr(c) for c in range(ord(start[-1]), ord(end[0]) + 1))
        elif not token.isspace():
            chars.update(_decode(token))
    return chars


def _decode(token: str) -> str:
    if token.startswith("{"):
        return "".join(_decode(t) for t in _TOKEN.findall(token[1:-1]) if not t.isspace())
    if token.startswith("\\u"):
        return chr(int(token[2:], 16))
    return token.removeprefix("\\")


def endonym(lang: str) -> str:
    """Return the name of ``lang`` in itself, as a language menu shows it (``Қазақша``)."""
    data = table(lang) or {}
    name = str(data.get("endonym") or Locale.parse(lang).get_display_name(lang) or lang)
    return name[:1].upper() + name[1:]
