"""``type: numeric``: a number, right within ``tolerance`` of ``answer``."""

from __future__ import annotations

import decimal
import math
import re
from collections.abc import Iterator, Mapping

from ..course.model import Question
from .base import At, Fail, Inputs, QuestionKind, quoted, real_of, scorm_real
from .limits import NUMBER_MAX_LENGTH

SCORM_REAL = re.compile(r"-?[0-9]{1,10}(\.[0-9]{1,7})?")
"""A number SCORM 2004 can record: real (10,7), at most 10 digits before the point, 7 after."""


def number_text(value: int | float) -> str:
    """Return the canonical text of a numeric answer: ``15``, ``2.5``."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, float) and math.isfinite(value):
        # Positional, never 1e-05: the shortest decimals that read back as the same float.
        return format(decimal.Decimal(repr(value)), "f")
    return str(value)


class Numeric(QuestionKind):
    """A text input with a decimal keypad."""

    name = "numeric"
    header_keys = ("answer", "tolerance")
    interaction = "numeric"

    def read_answer(self, header: Mapping[str, object], at: At, name: str,
                    fail: Fail) -> tuple[str, ...]:
        """``answer: 122`` and an optional ``tolerance: 0.5``."""
        tolerance, value = header.get("tolerance", 0), header.get("answer")
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
                 "takes numbers of at most 10 digits before the point and 7 after it; round "
                 "the answer or change the question", "quiz-numeric-answer")
        return (text,)

    def render(self, inputs: Inputs, question: Question) -> None:
        """A text input with a decimal keypad.

        Not ``type=number``: it ignores ``maxlength`` and rejects the decimal
        comma Kazakh and Russian readers type.
        """
        inputs.typed({"inputmode": "decimal", "maxlength": str(NUMBER_MAX_LENGTH)})

    def patterns(self, question: Question, version: str) -> tuple[str, ...]:
        """The number (1.2, which has no ranges), or ``low[:]high`` (2004)."""
        answer = scorm_real(question.answer[0]) if question.answer else None
        if answer is None:
            return ()
        if version == "1.2":
            return (answer,)
        spread = abs(question.tolerance)
        low = real_of(float(answer) - spread) if spread else answer
        high = real_of(float(answer) + spread) if spread else answer
        return () if low is None or high is None else (f"{low}[:]{high}",)

    def worst_response(self, question: Question) -> tuple[str, ...]:
        """As many characters as the input takes, each the longest after JSON escaping."""
        return ('"' * NUMBER_MAX_LENGTH,)

    def differences(self, mine: Question, other: Question) -> Iterator[tuple[str, str]]:
        """The answer and the tolerance are the same in every language."""
        if mine.answer != other.answer:
            yield f"has answer {quoted(mine.answer)}", quoted(other.answer)
        if mine.tolerance != other.tolerance:
            yield f"has tolerance {mine.tolerance:g}", f"{other.tolerance:g}"


KIND = Numeric()
