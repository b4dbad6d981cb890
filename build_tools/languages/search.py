"""Search rules per language: letter equivalences, what a word is, and a stemmer.

The rules of language ``xx`` are the table ``tables/xx.json``. The site's
search index carries the tables of its languages, and the browser script
(``theme/assets/javascripts/course-search.js``) applies them with the same
steps as here, so a word stems alike in Python and in the browser.

A table holds:

* ``equivalences``: letters read as others after lowercasing (``ё`` as
  ``е``; Uzbek apostrophes as ``ʻ``);
* ``word_chars``: signs that belong to a word besides letters and digits (the
  apostrophes of Uzbek ``o'zbek``), never at its start or end;
* ``stemmer``: ``steps`` applied in order; each strips up to ``repeat``
  endings, longest first, keeping a stem of ``min_stem`` letters
  (``min_stem_one`` before a one-letter ending). An ending written
  ``ies>y`` is replaced instead of stripped; ``only_after`` maps an ending
  to the letters the stem must end with (Kazakh ``сы`` after a vowel only). Words shorter than
  ``min_length`` and words with digits are kept whole.

A language without a table, or without a ``stemmer``, is searched by whole
words and by words that begin with the query.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

TABLES_DIR = Path(__file__).parent / "tables"
"""One JSON table per language: ``tables/<code>.json``."""


@dataclass(frozen=True)
class Step:
    """One stemming step: strip up to ``repeat`` endings."""

    repeat: int
    min_stem: int
    min_stem_one: int
    endings: tuple[tuple[str, str], ...]
    """``(ending, replacement)``, normalized, longest first."""
    only_after: dict[str, str] = field(default_factory=dict)
    """Endings stripped only after one of the given letters (normalized)."""


@dataclass(frozen=True)
class SearchRules:
    """How one language's words are split, folded and stemmed."""

    lang: str
    equivalences: dict[str, str]
    word_chars: str = ""
    min_length: int = 0
    steps: tuple[Step, ...] = ()

    @property
    def has_stemmer(self) -> bool:
        """True when words are reduced to stems; otherwise whole words and prefixes match."""
        return bool(self.steps)

    def normalize(self, word: str) -> str:
        """Return ``word`` lowercased with its letter equivalences applied."""
        return "".join(self.equivalences.get(c, c) for c in word.lower())

    def stem(self, word: str) -> str:
        """Return the search stem of ``word``."""
        word = self.normalize(word)
        if len(word) < self.min_length or any(c.isdigit() for c in word):
            return word
        for step in self.steps:
            for _ in range(step.repeat):
                shorter = _strip_once(word, step)
                if shorter is None:
                    break
                word = shorter
        return word

    def words(self, text: str) -> list[str]:
        """Return the words of ``text`` as the search splits them."""
        return [word for _, word in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, str]]:
        """Return ``(offset, word)`` for every word of ``text``."""
        found = []
        for match in self._word_re().finditer(text):
            word = match.group().strip(self.word_chars)
            if word:
                found.append((match.start() + match.group().index(word), word))
        return found

    def _word_re(self) -> re.Pattern[str]:
        return _word_pattern(self.word_chars)

    def as_json(self) -> dict[str, Any]:
        """Return the rules as the search index carries them to the browser script."""
        return {"equivalences": self.equivalences, "word_chars": self.word_chars,
                "min_length": self.min_length,
                "steps": [{"repeat": s.repeat, "min_stem": s.min_stem,
                           "min_stem_one": s.min_stem_one, "endings": [list(e) for e in s.endings],
                           "only_after": s.only_after}
                          for s in self.steps]}


def _strip_once(word: str, step: Step) -> str | None:
    for ending, replacement in step.endings:
        rest = len(word) - len(ending)
        if rest >= (step.min_stem_one if len(ending) == 1 else step.min_stem) \
                and word.endswith(ending) \
                and (ending not in step.only_after or word[rest - 1] in step.only_after[ending]):
            return word[:rest] + replacement
    return None


@cache
def _word_pattern(extra: str) -> re.Pattern[str]:
    return re.compile(r"(?:[^\W_]" + (f"|[{re.escape(extra)}]" if extra else "") + ")+")


@cache
def table(lang: str) -> dict[str, Any] | None:
    """Return the raw table of ``lang`` (``tables/<lang>.json``), or None when there is none."""
    path = TABLES_DIR / f"{lang}.json"
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data.pop("about", None)
    return data


@cache
def rules(lang: str) -> SearchRules:
    """Return the search rules of ``lang``; plain lowercase words when it has no table."""
    data = table(lang) or {}
    equivalences = {str(k): str(v) for k, v in data.get("equivalences", {}).items()}
    folded = SearchRules(lang, equivalences)
    stemmer = data.get("stemmer") or {}
    steps = tuple(
        Step(int(step["repeat"]), int(step["min_stem"]), int(step["min_stem_one"]),
             _endings(step["suffixes"], folded),
             {folded.normalize(k): folded.normalize(v)
              for k, v in step.get("only_after", {}).items()})
        for step in stemmer.get("steps", ()))
    return SearchRules(lang, equivalences, str(data.get("word_chars", "")),
                       int(stemmer.get("min_length", 0)), steps)


def _endings(suffixes: list[str], folded: SearchRules) -> tuple[tuple[str, str], ...]:
    """Normalize the endings like words, drop repeats, longest first (stable)."""
    seen: dict[str, str] = {}
    for entry in suffixes:
        ending, _, replacement = entry.partition(">")
        seen.setdefault(folded.normalize(ending), folded.normalize(replacement))
    return tuple(sorted(seen.items(), key=lambda item: -len(item[0])))


def stem(lang: str, word: str) -> str:
    """Return the search stem of ``word`` in language ``lang``."""
    return rules(lang).stem(word)


def normalize(lang: str, word: str) -> str:
    """Return ``word`` lowercased with ``lang``'s letter equivalences applied."""
    return rules(lang).normalize(word)


def words(lang: str, text: str) -> list[str]:
    """Return the words of ``text`` as the search of ``lang`` splits them."""
    return rules(lang).words(text)
