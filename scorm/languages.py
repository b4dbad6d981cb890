"""What makes a SCORM package multilingual: one SCO per module holding every language.

The SCO's pages and questions do not depend on the language: page ids are the
lesson ids and question ids the author's, the same in every translation. So a
learner who switches language keeps the bookmark, the visited pages, the answers
and the recorded result, and the LMS sees one interaction per question whatever
language it was answered in. Each language only brings its own page paths and
titles (:class:`scorm.model.ScoLanguage`); a page the site lacks in one
language is shown from the first language of the fallback order that has it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from .model import Sco, ScoLanguage, ScoPage, TrackedQuestion

TITLE_MAX = 200
"""Characters of a manifest title (``titleType`` of the SCORM 1.2 schema; the SPM in 2004)."""
MULTILANG = "multilang"
"""The language part of a multilingual package's file name."""


def default_first(languages: Sequence[str], default: str) -> tuple[str, ...]:
    """Return ``languages`` with ``default`` first: the order a multilingual package lists them."""
    return (default, *(lang for lang in languages if lang != default))


def multilingual_sco(per_language: Mapping[str, Sco | None], order: Sequence[str],
                     fallback: Sequence[str]) -> Sco | None:
    """Return one SCO holding the one-language SCOs ``per_language`` (``order``: default first).

    Pages come in the first language's order, followed by pages only other
    languages have; questions are those of every language, once each, with the
    correct responses of every language (:func:`merged_question`).
    """
    scos = {lang: sco for lang, sco in per_language.items() if sco is not None}
    if not scos:
        return None
    ids = list(dict.fromkeys(page.id for lang in order if lang in scos
                             for page in scos[lang].pages))
    pages = {lang: {page.id: page for page in sco.pages} for lang, sco in scos.items()}
    languages = []
    for lang in order:
        search = [one for one in (lang, *fallback, *order) if one in pages]
        shown = tuple(next(pages[one][page_id] for one in search if page_id in pages[one])
                      for page_id in ids)
        first = scos.get(lang) or scos[search[0]]
        languages.append(ScoLanguage(lang, first.title, shown))
    default = scos.get(order[0]) or next(iter(scos.values()))
    questions = merged_questions([scos[lang].questions for lang in order if lang in scos], ids)
    return replace(default, title=languages[0].title, pages=languages[0].pages,
                   questions=questions, languages=tuple(languages))


def merged_questions(versions: Sequence[Sequence[TrackedQuestion]],
                     page_ids: Sequence[str]) -> tuple[TrackedQuestion, ...]:
    """Return each question once, in page order, merged over its translations."""
    by_id: dict[str, list[TrackedQuestion]] = {}
    for questions in versions:
        for question in questions:
            by_id.setdefault(question.id, []).append(question)
    position = {page_id: i for i, page_id in enumerate(page_ids)}
    first_seen = list(by_id)
    ordered = sorted(first_seen, key=lambda qid: (position.get(by_id[qid][0].page_id, 0),
                                                  first_seen.index(qid)))
    return tuple(merged_question(by_id[qid]) for qid in ordered)


def merged_question(translations: Sequence[TrackedQuestion]) -> TrackedQuestion:
    """Return one question that accepts what any of its ``translations`` accepts.

    Choice, true/false and numeric answers agree across languages (the checks
    insist); accepted texts differ. The LMS then gets the correct responses of
    every language, taken in turn so that each language keeps its first ones,
    as many as the LMS keeps for the type (``most_patterns``). The longest stored answer of any
    translation bounds ``suspend_data``.
    """
    first = translations[0]
    limit = max([first.most_patterns, *(len(p) for q in translations for p in q.patterns.values())])
    patterns = {version: _interleaved([q.patterns.get(version, ()) for q in translations], limit)
                for version in first.patterns}
    worst = max((q.worst for q in translations), key=lambda w: len(json.dumps(w)))
    return replace(first, patterns=patterns, worst=worst)


def _interleaved(lists: Sequence[Sequence[str]], limit: int) -> tuple[str, ...]:
    merged: dict[str, None] = {}
    for i in range(max((len(one) for one in lists), default=0)):
        for one in lists:
            if i < len(one):
                merged.setdefault(one[i])
    return tuple(merged)[:limit]


def joined_title(titles: Iterable[str]) -> str:
    """Return the distinct ``titles`` (default language first) joined by `` / ``.

    A manifest title is one plain string: the LMS shows every language when they
    fit in :data:`TITLE_MAX` characters, else the default language's title.
    """
    distinct = list(dict.fromkeys(titles))
    joined = " / ".join(distinct)
    return joined if len(joined) <= TITLE_MAX else distinct[0]


def page_set(sco: Sco) -> frozenset[str]:
    """Every page path of ``sco`` in every language it holds."""
    return frozenset(page.href for one in (sco.languages or (ScoLanguage("", "", sco.pages),))
                     for page in one.pages)


def all_pages(sco: Sco) -> list[ScoPage]:
    """The pages of ``sco`` in every language, each path once, default language first."""
    pages = {page.href: page for one in sco.languages for page in one.pages}
    return list(pages.values()) if pages else list(sco.pages)
