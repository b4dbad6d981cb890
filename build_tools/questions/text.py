"""``type: text``: a short typed answer, right when it is one of the accepted texts."""

from __future__ import annotations

from collections.abc import Mapping

from ..course.model import Question
from .base import At, Fail, Inputs, QuestionKind
from .limits import TEXT_MAX_LENGTH

FILL_IN_PATTERNS = 5
"""SCORM 2004 RTE 4.2.9.1: an LMS keeps at least 5 correct responses of a fill-in."""


class Text(QuestionKind):
    """A text input; case and the page script's folding do not count."""

    name = "text"
    header_keys = ("answer",)
    interaction = "fill-in"
    most_patterns = FILL_IN_PATTERNS

    def read_answer(self, header: Mapping[str, object], at: At, name: str,
                    fail: Fail) -> tuple[str, ...]:
        """``answer: "Mandela"`` or a list of accepted texts."""
        value = header.get("answer")
        values = value if isinstance(value, list) else [value]
        answers = [str(v).strip() for v in values if isinstance(v, str | int | float)
                   and not isinstance(v, bool) and str(v).strip()]
        if value is None or not answers or len(answers) != len(values):
            got = "has no 'answer'" if value is None else f"has answer {value!r}"
            fail(at("answer"), f"{name} is a text question but {got}; list the accepted "
                 "answers, such as 'answer: [\"Mandela\", \"Nelson Mandela\"]'",
                 "quiz-text-answer")
            return ()
        for text in answers:
            if len(text) > TEXT_MAX_LENGTH:
                fail(at("answer"), f"accepted answer {text!r} of {name} is longer than "
                     f"{TEXT_MAX_LENGTH} characters, the most a learner can type",
                     "quiz-text-answer")
        return tuple(answers)

    def render(self, inputs: Inputs, question: Question) -> None:
        """A text input of at most :data:`TEXT_MAX_LENGTH` characters."""
        inputs.typed({"maxlength": str(TEXT_MAX_LENGTH)})

    def patterns(self, question: Question, version: str) -> tuple[str, ...]:
        """The first five accepted texts; 2004 marks them as not case-sensitive."""
        accepted = question.answer[:FILL_IN_PATTERNS]
        if version == "1.2":
            return tuple(text[:255] for text in accepted)  # CMIString255
        return tuple("{case_matters=false}" + text for text in accepted)

    def worst_response(self, question: Question) -> tuple[str, ...]:
        """As many characters as the input takes, each the longest after JSON escaping."""
        return ('"' * TEXT_MAX_LENGTH,)


KIND = Text()
