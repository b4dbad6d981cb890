r"""The ``suspend_data`` encoding of our launcher and its worst-case length.

The launcher (``runtime/state.js``, ``encode``) stores one compact JSON
object::

    {"p":3,"v":"1f","a":{"0":["1"],"a":["2","3"]},"n":7,"r":[80,1]}

``p`` is the bookmarked page's index, ``v`` the visited pages as a hexadecimal
bit set (page 0 is the lowest bit of the last digit), ``a`` the answers keyed by
the question's index in base 36, ``n`` the number of interactions written in the
attempt (the next index to write), ``r`` the recorded test result as the percent
score (at most two decimals) and 1 for passed or 0, absent before the test was
taken, and, in a multilingual package only, ``l`` the language the learner last
chose (a code of the package's languages). Question ids are not repeated: the
mapping from index to id is in the launcher's configuration. Typed answers are
cut to their input's ``maxlength`` and control characters become spaces, so each typed
character costs at most two characters after JSON escaping (``\\"``, ``\\\\``).
"""

from __future__ import annotations

import json

from .model import NUMERIC_MAX, TEXT_MAX, Sco, TrackedQuestion

WORST_TYPED = '"'
"""The character whose JSON escape is longest after sanitising (two characters)."""
MAX_INTERACTIONS = 99999
"""The launcher writes no interaction index beyond this (``MAX_INTERACTIONS`` in state.js)."""
WORST_SCORE = 99.99
"""The longest percent score the launcher writes (two decimals)."""


def base36(number: int) -> str:
    """Return ``number`` in base 36 like JavaScript's ``Number.prototype.toString(36)``."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if not number:
            return text


def visited_hex(visited: list[bool]) -> str:
    """Return the visited-pages bit set as the launcher writes it."""
    value = sum(1 << i for i, seen in enumerate(visited) if seen)
    return format(value, "x")


def encode_state(page: int, visited: list[bool], answers: dict[int, list[str]],
                 interactions: int = 0, record: tuple[float, bool] | None = None,
                 lang: str | None = None) -> str:
    """Return ``suspend_data`` exactly as the launcher writes it (``JSON.stringify``)."""
    state: dict[str, object] = {"p": page, "v": visited_hex(visited),
                                "a": {base36(i): answers[i] for i in sorted(answers)},
                                "n": interactions}
    if record is not None:
        score = int(record[0]) if float(record[0]).is_integer() else record[0]
        state["r"] = [score, 1 if record[1] else 0]
    if lang is not None:
        state["l"] = lang
    return json.dumps(state, ensure_ascii=False, separators=(",", ":"))


def worst_response(question: TrackedQuestion) -> list[str]:
    """Return the longest response the launcher can store for ``question``.

    The question's type gives it (``TrackedQuestion.worst``); the rest is for
    questions made without one.
    """
    if question.worst:
        return list(question.worst)
    if question.type == "multiple":
        return [str(i) for i in range(question.options)]
    if question.type == "single":
        return [str(max(question.options - 1, 0))]
    if question.type == "truefalse":
        return ["false"]
    length = NUMERIC_MAX if question.type == "numeric" else TEXT_MAX
    return [WORST_TYPED * length]


def worst_case(sco: Sco) -> int:
    """Return the longest ``suspend_data`` the SCO can write.

    That is every question answered with its longest response, every page visited,
    the last page bookmarked, the most interactions counted and, with a test, the
    longest recorded result and, in a multilingual package, the longest language code.
    """
    answers = {i: worst_response(q) for i, q in enumerate(sco.questions)}
    pages = len(sco.pages)
    record = (WORST_SCORE, True) if sco.mastery_score is not None else None
    lang = max((one.lang for one in sco.languages), key=len) if sco.languages else None
    return len(encode_state(max(pages - 1, 0), [True] * pages, answers, MAX_INTERACTIONS,
                            record, lang))
