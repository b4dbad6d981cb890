"""Light suffix-stripping stemmers for Kazakh, Russian and English.

These are the stemmers of the site search (``theme/assets/javascripts/course-search.js``)
for the checks that run in Python, such as the glossary check. Both read the same
suffix lists with the same rules; ``tests/build_tools/test_stemming.py`` runs the
script's stemmer on the same words and fails when the two disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

WORD = re.compile(r"[^\W_]+")
"""A word: letters and digits, as ``/[\\p{L}\\p{N}]+/u`` in the search script."""


def _longest_first(words: str) -> tuple[str, ...]:
    return tuple(sorted(words.split(), key=len, reverse=True))


KK_SUFFIXES = _longest_first(
    "лар лер дар дер тар тер "
    "ымыз іміз ыңыз іңіз мыз міз ңыз ңіз ым ім ың ің сы сі ы і м ң "
    "ның нің дың дің тың тің ға ге қа ке на не ны ні ды ді ты ті н ын ін "
    "да де та те нда нде дан ден тан тен нан нен ндағы ндегі дағы дегі тағы тегі "
    "мен бен пен ша ше а е"
)
"""Kazakh plural, possessive and case endings; they stack (ереже-лер-і-нің)."""
RU_REFLEXIVE = ("ся", "сь")
RU_SUFFIXES = _longest_first(
    "иями ями ами иях ях ах ием ем ом ой ей ий ый ая яя ое ее ые ие ого его ому ему "
    "ыми ими ых их ую юю ию ия ии ью ья ье ов ев ам ям ешь ишь ет ит ют ут ат ят "
    "им ым ете ите ть ость ости остью а я о е ы и у ю ь й"
)
"""Russian: an optional reflexive ending, then one inflectional ending."""


KK_VOWELS = "аәеиоөуұүыіэюя"


def _kazakh_allows(suffix: str, stem: str) -> bool:
    """The possessive -сы/-сі follows a vowel only (ереже-сі; рефлекс-і, кеңес-і)."""
    return suffix not in ("сы", "сі") or stem[-1:] in KK_VOWELS


def _by_length(suffixes: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    """Group suffixes by length, longest first: one set lookup per length, not per suffix."""
    lengths = sorted({len(s) for s in suffixes}, reverse=True)
    return tuple((n, frozenset(s for s in suffixes if len(s) == n)) for n in lengths)


_KK = _by_length(KK_SUFFIXES)
_RU = _by_length(RU_SUFFIXES)
_RU_REFLEXIVE = _by_length(RU_REFLEXIVE)


def _strip_once(word: str, suffixes: tuple[tuple[int, frozenset[str]], ...], min_stem: int,
                min_before_one: int, allows: Callable[[str, str], bool] | None = None) -> str:
    # The longest matching suffix wins, as in the script (which tries them longest first).
    for length, group in suffixes:
        rest = len(word) - length
        if rest < (min_before_one if length == 1 else min_stem):
            continue
        suffix = word[rest:]
        if suffix in group and (allows is None or allows(suffix, word[:rest])):
            return word[:rest]
    return word


def stem_kazakh(word: str) -> str:
    """Strip up to six stacked endings, keeping at least three letters (four before one)."""
    for _ in range(6):
        shorter = _strip_once(word, _KK, 3, 4, _kazakh_allows)
        if shorter == word:
            break
        word = shorter
    return word


def stem_russian(word: str) -> str:
    """Strip a reflexive ending, then one inflectional ending."""
    word = _strip_once(word, _RU_REFLEXIVE, 3, 3)
    return _strip_once(word, _RU, 3, 3)


def stem_english(word: str) -> str:
    """Strip plural, possessive, ``-ing``, ``-ed`` and a final ``e``."""
    if len(word) <= 3:
        return word
    word = word.removesuffix("'s")
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif re.search(r"(ss|x|z|ch|sh)es$", word):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


STEMMERS: dict[str, Callable[[str], str]] = {
    "kk": stem_kazakh, "ru": stem_russian, "en": stem_english,
}
"""Stemmer per language; other languages match on the normalised word."""


def normalize(word: str) -> str:
    """Lower-case ``word`` and read ``ё`` as ``е``, as the search does."""
    return word.lower().replace("ё", "е")


@cache
def stem(word: str, lang: str) -> str:
    """Return the stem of ``word`` in ``lang`` (words with digits are kept whole)."""
    norm = normalize(word)
    stemmer = STEMMERS.get(lang)
    return stemmer(norm) if stemmer and not any(c.isdigit() for c in norm) else norm
