"""The ``answer`` and ``tolerance`` options of true/false, numeric and text questions."""

from __future__ import annotations

import decimal
import math
import re
from collections.abc import Callable, Mapping

from .limits import NUMBER_MAX_LENGTH, TEXT_MAX_LENGTH

Fail = Callable[[int | None, str, str], None]
SCORM_REAL = re.compile(r"-?[0-9]{1,10}(\.[0-9]{1,7})?")
"""A number SCORM 2004 can record: real (10,7), at most 10 digits before the point, 7 after."""


def check_answer(qtype: str, options: Mapping[str, object], at: Callable[[str], int],
                 name: str, fail: Fail) -> tuple[str, ...]:
    """Return the accepted answers of a non-choice question, reporting bad values."""
    if "tolerance" in options and qtype != "numeric":
        fail(at("tolerance"), f"{name} has type '{qtype}'; 'tolerance' is only for numeric "
             "questions", "quiz-option-not-allowed")
    value = options.get("answer")
    if qtype == "truefalse":
        return _truefalse(value, at, name, fail)
    if qtype == "numeric":
        return _numeric(value, options.get("tolerance", 0), at, name, fail)
    return _text(value, at, name, fail)


def _truefalse(value: object, at: Callable[[str], int], name: str,
               fail: Fail) -> tuple[str, ...]:
    if isinstance(value, str) and value.lower() in ("true", "false"):
        value = value.lower() == "true"
    if not isinstance(value, bool):
        got = "has no 'answer'" if value is None else f"has answer {value!r}"
        fail(at("answer"), f"{name} is true/false but {got}; add 'answer: true' or "
             "'answer: false'", "quiz-truefalse-answer")
        return ()
    return ("true" if value else "false",)


def number_text(value: int | float) -> str:
    """Return the canonical text of a numeric answer: ``15``, ``2.5``."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, float) and math.isfinite(value):
        # Positional, never 1e-05: the shortest decimals that read back as the same float.
        return format(decimal.Decimal(repr(value)), "f")
    return str(value)


def _numeric(value: object, tolerance: object, at: Callable[[str], int], name: str,
             fail: Fail) -> tuple[str, ...]:
    if (isinstance(tolerance, bool) or not isinstance(tolerance, int | float)
            or not math.isfinite(tolerance) or tolerance < 0):
        fail(at("tolerance"), f"'tolerance' of {name} must be a number of 0 or more, got "
             f"{tolerance!r}", "quiz-numeric-answer")
    if isinstance(value, bool) or not isinstance(value, int | float):
        got = "no 'answer'" if value is None else f"answer {value!r}"
        fail(at("answer"), f"{name} is numeric but has {got}; write a number with a dot "
             "for decimals, such as 'answer: 15' or 'answer: 2.5'", "quiz-numeric-answer")
        return ()
    text = number_text(value)
    if len(text) > NUMBER_MAX_LENGTH:
        fail(at("answer"), f"answer {text!r} of {name} is longer than {NUMBER_MAX_LENGTH} "
             "characters, the most a learner can type", "quiz-numeric-answer")
    elif not SCORM_REAL.fullmatch(text):
        fail(at("answer"), f"answer {text!r} of {name} cannot be recorded in an LMS: SCORM "
             "takes numbers of at most 10 digits before the point and 7 after it; round the "
             "answer or change the question", "quiz-numeric-answer")
    return (text,)


def _text(value: object, at: Callable[[str], int], name: str, fail: Fail) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    answers = [str(v).strip() for v in values if isinstance(v, str | int | float)
               and not isinstance(v, bool) and str(v).strip()]
    if value is None or not answers or len(answers) != len(values):
        got = "has no 'answer'" if value is None else f"has answer {value!r}"
        fail(at("answer"), f"{name} is a text question but {got}; list the accepted answers, "
             "such as 'answer: [\"Mandela\", \"Nelson Mandela\"]'", "quiz-text-answer")
        return ()
    for text in answers:
        if len(text) > TEXT_MAX_LENGTH:
            fail(at("answer"), f"accepted answer {text!r} of {name} is longer than "
                 f"{TEXT_MAX_LENGTH} characters, the most a learner can type",
                 "quiz-text-answer")
    return tuple(answers)
