"""Typographic care of the text on paper: spaces that must not break a line.

Applied to the text of every element of the handbook: a number keeps its
``%`` and its unit, an initial keeps the surname, a year keeps its
abbreviation (``1955 ж.``, ``1955 г.``), and in Kazakh and Russian a dash never
starts a line. Only spaces the author wrote are made non-breaking; nothing is
added or removed.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..languages.typography import ties_before_dash

NBSP = "\u00a0"
UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІӢӮҲҶ"
UNITS = (
    "%", "‰", "°C", "km", "m", "cm", "mm", "kg", "g", "l", "ml", "h", "min", "s",
    "км", "м", "см", "мм", "кг", "г", "т", "л", "мл", "ч", "мин", "сек", "с", "сағ", "тг",
    "₸", "руб", "ж", "жж", "гг", "млн", "млрд", "мың", "тыс",
)
"""Units and abbreviations that follow a number (``км``, ``ж.`` after a year)."""
BEFORE_UNIT = re.compile(r"(?<=\d) (?=(?:" + "|".join(re.escape(u) for u in
                                                     sorted(UNITS, key=len, reverse=True))
                         + r")(?![\w]))")
AFTER_SIGN = re.compile(r"(?<=[№§]) (?=\d)")
AFTER_INITIAL = re.compile(rf"(?<![\w])([{UPPER}]\.) (?=[{UPPER}])")
BEFORE_DASH = re.compile(r" (?=— )")
SKIPPED = ("pre", "code", "kbd", "samp")


def tie(text: str, lang: str) -> str:
    """Return ``text`` with the spaces that must not break made non-breaking."""
    text = BEFORE_UNIT.sub(NBSP, text)
    text = AFTER_SIGN.sub(NBSP, text)
    text = AFTER_INITIAL.sub(rf"\1{NBSP}", text)
    if ties_before_dash(lang):
        text = BEFORE_DASH.sub(NBSP, text)
    return text


def tie_tree(root: HtmlElement, lang: str) -> None:
    """Apply :func:`tie` to every text of ``root``, except code; ``lang`` attributes win."""
    _tie(root, lang)


def _tie(element: HtmlElement, lang: str) -> None:
    if not isinstance(element.tag, str) or element.tag in SKIPPED:
        return
    lang = element.get("lang", lang)
    if element.text:
        element.text = tie(element.text, lang)
    for child in element:
        _tie(child, lang)
        if child.tail:
            child.tail = tie(child.tail, lang)
