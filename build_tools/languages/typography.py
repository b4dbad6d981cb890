"""How each language sets its text: quotation marks, dashes, the order of its letters.

The facts are keys of the language's table (``tables/<lang>.json``):

* ``quotes``: the opening and closing quotation marks, separated by a space
  (``« »``);
* ``tie_before_dash``: true where a dash between words keeps the word before it
  on its line (Russian typography, which the Cyrillic alphabets of the region
  follow);
* ``alphabet``: the letters in dictionary order, separated by spaces; a letter
  may be written with two characters (Uzbek ``oʻ``, ``sh``).

A language without a table, or without one of the keys, gets English quotation
marks, no tie, and code point order.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from .search import table

DEFAULT_QUOTES = ("“", "”")
"""The quotation marks of a language whose table names none."""
UNLISTED = 1000
"""Sort position added to the code point of a character that is not in the alphabet."""


@cache
def quotes(lang: str) -> tuple[str, str]:
    """Return the opening and closing quotation marks of ``lang`` (``("«", "»")``)."""
    marks = str((table(lang) or {}).get("quotes", "")).split()
    return (marks[0], marks[1]) if len(marks) == 2 else DEFAULT_QUOTES


@cache
def ties_before_dash(lang: str) -> bool:
    """True when a space before a dash must not break a line in ``lang``."""
    return bool((table(lang) or {}).get("tie_before_dash", False))


@cache
def alphabet(lang: str) -> tuple[str, ...]:
    """Return the letters of ``lang`` in dictionary order; empty for code point order."""
    return tuple(str((table(lang) or {}).get("alphabet", "")).split())


def sort_key(lang: str) -> Callable[[str], list[int]]:
    """Return a key that sorts words of ``lang`` as its dictionaries do, ignoring case.

    Two-character letters of the alphabet count as one letter, so that Uzbek
    ``shahar`` comes after ``zarur``.
    """
    letters = alphabet(lang)
    order = {letter: index for index, letter in enumerate(letters)}
    longest = max((len(letter) for letter in letters), default=1)

    def key(word: str) -> list[int]:
        text, found, i = word.casefold(), [], 0
        while i < len(text):
            size = next((n for n in range(longest, 1, -1) if text[i:i + n] in order), 1)
            part = text[i:i + size]
            found.append(order[part] if part in order else UNLISTED + ord(part))
            i += size
        return found

    return key
