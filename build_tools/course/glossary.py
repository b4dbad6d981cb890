"""The course glossary (``glossary.yml`` beside ``course.yml``) and finding its terms in text.

One entry per concept: for every language of the course the approved term,
other approved forms, forbidden variants and a short definition, and the rule
or source the term comes from::

    probation-supervision:
      source: Penal Enforcement Code of the Republic of Kazakhstan, Article 1
      en:
        term: probation supervision
        definition: Supervision of a person on probation by the probation service.
      ru:
        term: пробационный контроль
        avoid: [пробационный надзор]
        definition: …

Terms match in any inflection: every word is reduced to its stem by the
language's search rules (:mod:`build_tools.languages.search`), and a term matches where the
stems of its words follow one another in the text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

import yaml

from ..diagnostics import Diagnostic, error, rel, warning
from ..languages.search import normalize, rules, stem, words
from ..languages.typography import sort_key
from .yamlfile import YamlError, load_node

GLOSSARY_NAME = "glossary.yml"
PAGE_SRC_URI = "glossary.md"
"""The glossary page of each language on the site, beside its home page."""
ENTRY_KEYS = ("source", "readers")
FORM_KEYS = ("term", "also", "avoid", "definition", "match")
MATCH_KINDS = ("stem", "exact")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Forms:
    """An entry in one language."""

    term: str
    """The approved term, as a glossary page lists it."""
    definition: str
    also: tuple[str, ...] = ()
    """Other approved forms: a short form, an abbreviation."""
    avoid: tuple[str, ...] = ()
    """Variants the course must not use for this concept."""
    line: int = 1
    """1-based line of the language's key in ``glossary.yml``."""
    exact: bool = False
    """Match whole words (in any case) instead of stems: for a term the stemmer
    confuses with another word, as English 'conditioning' and 'conditions'."""

    @property
    def approved(self) -> tuple[str, ...]:
        """The term and its other approved forms."""
        return (self.term, *self.also)


@dataclass(frozen=True)
class Entry:
    """One concept and its terms in every language."""

    id: str
    """Stable id, also the anchor of the entry on the glossary page."""
    source: str
    """The rule, law or text the terms come from."""
    forms: dict[str, Forms]
    """The entry per language code."""
    line: int
    readers: bool = True
    """False for a rule for writers and translators only (a word with other senses in
    the course, such as 'руководство'): not on the glossary page, never linked in pages."""


@dataclass(frozen=True)
class Glossary:
    """Every entry of a course's glossary, in file order."""

    path: Path
    entries: tuple[Entry, ...]

    def in_language(self, lang: str) -> list[tuple[Entry, Forms]]:
        """Return the entries that have ``lang``, sorted by term as a reader looks them up."""
        found = [(entry, entry.forms[lang]) for entry in self.entries
                 if lang in entry.forms and entry.readers]
        key = sort_key(lang)
        return sorted(found, key=lambda pair: key(pair[1].term))


def load_glossary(root: Path, languages: Sequence[str]) -> tuple[Glossary | None, list[Diagnostic]]:
    """Read ``root/glossary.yml``: ``(None, [])`` when the course has none."""
    path = root / GLOSSARY_NAME
    if not path.is_file():
        return None, []
    where = rel(path, root)
    try:
        node = load_node(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        return None, [error(where, None, f"not valid UTF-8 ({exc.reason}); save the file as "
                            "UTF-8", "encoding")]
    except YamlError as exc:
        return None, [error(where, exc.line, str(exc), "glossary")]
    reader = _Reader(where, tuple(languages))
    entries = reader.entries(node)
    errors = [d for d in reader.problems if d.code != "glossary-untranslated"]
    return (None if errors else Glossary(path, entries)), reader.problems


class _Reader:
    """Validates the node tree, collecting one diagnostic per problem."""

    def __init__(self, where: str, languages: tuple[str, ...]) -> None:
        self.where = where
        self.languages = languages
        self.problems: list[Diagnostic] = []

    def fail(self, node: yaml.Node, message: str) -> None:
        self.problems.append(error(self.where, node.start_mark.line + 1, message, "glossary"))

    def entries(self, node: yaml.Node | None) -> tuple[Entry, ...]:
        if not isinstance(node, yaml.MappingNode):
            line = node.start_mark.line + 1 if node is not None else None
            self.problems.append(error(self.where, line, "expected a mapping of entries, "
                                       "'concept-id:' followed by its languages", "glossary"))
            return ()
        self.untranslated(node)
        entries = [self.entry(key, value) for key, value in node.value]
        found = tuple(e for e in entries if e is not None)
        self.duplicates(found)
        return found

    def untranslated(self, node: yaml.MappingNode) -> None:
        """A language with no term at all is a language being added: a warning, not an error."""
        present = {str(k.value) for _, entry in node.value if isinstance(entry, yaml.MappingNode)
                   for k, _ in entry.value}
        missing = tuple(lang for lang in self.languages if lang not in present)
        for lang in missing:
            self.problems.append(warning(self.where, None, f"the glossary has no terms in "
                                         f"'{lang}' yet; its glossary page stays empty and "
                                         "its pages link no terms until they are added",
                                         "glossary-untranslated"))
        self.languages = tuple(lang for lang in self.languages if lang not in missing)

    def entry(self, key: yaml.Node, value: yaml.Node) -> Entry | None:
        entry_id = str(key.value)
        if not ID_RE.match(entry_id):
            self.fail(key, f"entry id {entry_id!r} must be lowercase letters, digits and '-'")
            return None
        if not isinstance(value, yaml.MappingNode):
            self.fail(value, f"entry '{entry_id}' must map 'source' and each language to "
                      "its term")
            return None
        fields = {str(k.value): (k, v) for k, v in value.value}
        for name, (k, _) in fields.items():
            if name not in (*ENTRY_KEYS, *self.languages):
                self.fail(k, f"unknown key '{name}' in entry '{entry_id}'; expected 'source', "
                          f"'readers' or a language of the course: {_quoted(self.languages)}")
        source = self.text(fields, "source", entry_id, value)
        readers = self.flag(fields, "readers", entry_id)
        forms = {lang: self.forms(fields[lang], entry_id, lang)
                 for lang in self.languages if lang in fields}
        for lang in self.languages:
            if lang not in fields:
                self.fail(value, f"entry '{entry_id}' has no '{lang}'; add the term in "
                          f"'{lang}' with its definition")
        if source is None or any(f is None for f in forms.values()):
            return None
        return Entry(entry_id, source, {k: f for k, f in forms.items() if f},
                     key.start_mark.line + 1, readers)

    def flag(self, fields: dict[str, tuple[yaml.Node, yaml.Node]], key: str, name: str) -> bool:
        if key not in fields:
            return True
        node = fields[key][1]
        if not isinstance(node, yaml.ScalarNode) or node.value not in ("true", "false"):
            self.fail(node, f"'{name}.{key}' must be true or false, got {_shown(node)}")
            return True
        return bool(node.value == "true")

    def forms(self, pair: tuple[yaml.Node, yaml.Node], entry_id: str, lang: str) -> Forms | None:
        key, node = pair
        name = f"{entry_id}.{lang}"
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"'{name}' must have 'term' and 'definition', and may have "
                      "'also' and 'avoid'")
            return None
        fields = {str(k.value): (k, v) for k, v in node.value}
        for field_name, (k, _) in fields.items():
            if field_name not in FORM_KEYS:
                self.fail(k, f"unknown key '{field_name}' in '{name}'; expected one of "
                          f"{_quoted(FORM_KEYS)}")
        term = self.text(fields, "term", name, node)
        definition = self.text(fields, "definition", name, node)
        also = self.texts(fields, "also", name)
        avoid = self.texts(fields, "avoid", name)
        exact = self.match(fields, name)
        clash = [v for v in avoid if _stems(v, lang) in {_stems(a, lang) for a in (term, *also)
                                                          if a}]
        for variant in clash:
            self.fail(fields["avoid"][1], f"'{name}' both approves and forbids {variant!r}")
        if term is None or definition is None or clash:
            return None
        return Forms(term, definition, also, avoid, key.start_mark.line + 1, exact)

    def match(self, fields: dict[str, tuple[yaml.Node, yaml.Node]], name: str) -> bool:
        if "match" not in fields:
            return False
        node = fields["match"][1]
        if not isinstance(node, yaml.ScalarNode) or node.value not in MATCH_KINDS:
            self.fail(node, f"'{name}.match' must be one of {_quoted(MATCH_KINDS)}, got "
                      f"{_shown(node)}")
            return False
        return bool(node.value == "exact")

    def text(self, fields: dict[str, tuple[yaml.Node, yaml.Node]], key: str, name: str,
             parent: yaml.Node) -> str | None:
        if key not in fields:
            self.fail(parent, f"'{name}' has no '{key}'")
            return None
        node = fields[key][1]
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            self.fail(node, f"'{name}.{key}' must be a text, got {_shown(node)}")
            return None
        return " ".join(str(node.value).split())

    def texts(self, fields: dict[str, tuple[yaml.Node, yaml.Node]], key: str,
              name: str) -> tuple[str, ...]:
        if key not in fields:
            return ()
        node = fields[key][1]
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        good = []
        for item in items:
            if not isinstance(item, yaml.ScalarNode) or not any(
                    c.isalnum() for c in str(item.value)):
                self.fail(item, f"'{name}.{key}' must list words, got {_shown(item)}")
            else:
                good.append(" ".join(str(item.value).split()))
        return tuple(good)

    def duplicates(self, entries: tuple[Entry, ...]) -> None:
        for lang in self.languages:
            seen: dict[tuple[str, ...], Entry] = {}
            for entry in entries:
                forms = entry.forms.get(lang)
                for phrase in forms.approved if forms else ():
                    stems = _stems(phrase, lang)
                    other = seen.setdefault(stems, entry)
                    if other is not entry:
                        self.problems.append(error(
                            self.where, entry.forms[lang].line, f"'{entry.id}.{lang}' approves "
                            f"{phrase!r}, already a term of '{other.id}' (line {other.line}); "
                            "one term names one concept", "glossary"))


class Token(NamedTuple):
    """A word of a text, with its stem and where it starts."""

    stem: str
    word: str
    """The word lower-cased, for terms matched exactly."""
    line: int
    col: int
    """1-based column of the word's first character."""
    text: str


@dataclass(frozen=True)
class Hit:
    """A glossary form found in a text."""

    entry: Entry
    phrase: str
    """The glossary's form that matched."""
    approved: bool
    """False for a forbidden variant."""
    start: int
    """Index of the first matching token."""
    tokens: tuple[Token, ...]

    @property
    def text(self) -> str:
        """The words as written in the text."""
        return " ".join(token.text for token in self.tokens)


class TermFinder:
    """Finds the approved forms and forbidden variants of every entry in one language."""

    def __init__(self, glossary: Glossary, lang: str) -> None:
        self.lang = lang
        self._by_stem: dict[str, list[_Phrase]] = {}
        """Phrases matched on stems, by the stem of their first word."""
        self._by_word: dict[str, list[_Phrase]] = {}
        """Phrases matched exactly, by their first word."""
        for entry in glossary.entries:
            forms = entry.forms.get(lang)
            if forms is None:
                continue
            phrases = [(p, True) for p in forms.approved] + [(p, False) for p in forms.avoid]
            for phrase, approved in phrases:
                keys = _words(phrase, lang) if forms.exact else _stems(phrase, lang)
                index = self._by_word if forms.exact else self._by_stem
                index.setdefault(keys[0], []).append(
                    _Phrase(keys, forms.exact, entry, phrase, approved))

    def key(self, entries: Sequence[Entry]) -> str:
        """Return the phrases it finds, in its order, each with its entry's place in ``entries``."""
        place = {id(entry): number for number, entry in enumerate(entries)}
        return json.dumps([[[p.keys, p.exact, place.get(id(p.entry)), p.text, p.approved]
                            for phrases in index.values() for p in phrases]
                           for index in (self._by_stem, self._by_word)], ensure_ascii=False)

    def tokens(self, text: str, line: int = 1) -> list[Token]:
        """Return the words of one line of ``text``."""
        lang = self.lang
        return [Token(*_keys(word, lang), line, start + 1, word)
                for start, word in rules(lang).spans(text)]

    def find(self, tokens: Sequence[Token]) -> Iterator[Hit]:
        """Yield every match in ``tokens``, left to right, never overlapping."""
        by_stem, by_word = self._by_stem, self._by_word
        index, count = 0, len(tokens)
        while index < count:
            token = tokens[index]
            if token.stem not in by_stem and token.word not in by_word:
                index += 1
                continue
            hit = self._match_at(tokens, index)
            if hit is None:
                index += 1
            else:
                yield hit
                index += len(hit.tokens)

    def _match_at(self, tokens: Sequence[Token], index: int) -> Hit | None:
        first = tokens[index]
        candidates = [*self._by_stem.get(first.stem, ()), *self._by_word.get(first.word, ())]
        for phrase in sorted(candidates, key=lambda c: -len(c.keys)):  # the longest wins
            end = index + len(phrase.keys)
            if end <= len(tokens) and all(
                (token.word if phrase.exact else token.stem) == key
                for token, key in zip(tokens[index:end], phrase.keys, strict=True)
            ):
                return Hit(phrase.entry, phrase.text, phrase.approved, index,
                           tuple(tokens[index:end]))
        return None


@dataclass(frozen=True)
class _Phrase:
    keys: tuple[str, ...]
    """Stems of the words, or the lower-cased words when matched exactly."""
    exact: bool
    entry: Entry
    text: str
    approved: bool


@cache
def _keys(word: str, lang: str) -> tuple[str, str]:
    """The stem and the lower-cased form of ``word``: what terms are matched on."""
    return stem(lang, word), normalize(lang, word)


def _stems(phrase: str, lang: str) -> tuple[str, ...]:
    return tuple(stem(lang, word) for word in words(lang, phrase))


def _words(phrase: str, lang: str) -> tuple[str, ...]:
    return tuple(normalize(lang, word) for word in words(lang, phrase))


def _shown(node: yaml.Node) -> str:
    kind = "list" if isinstance(node, yaml.SequenceNode) else "mapping"
    return repr(node.value) if isinstance(node, yaml.ScalarNode) else f"a {kind}"


def _quoted(values: Sequence[str]) -> str:
    return ", ".join(repr(v) for v in values)
