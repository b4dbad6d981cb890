"""``type: truefalse``: a statement that is true or false, ``answer: true|false``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..course.model import Question
from .base import At, Fail, Inputs, QuestionKind, quoted


class TrueFalse(QuestionKind):
    """Two radio buttons, "True" and "False", in the site's language."""

    name = "truefalse"
    header_keys = ("answer",)
    interaction = "true-false"

    def read_answer(self, header: Mapping[str, object], at: At, name: str,
                    fail: Fail) -> tuple[str, ...]:
        """``answer: true`` or ``answer: false`` (YAML booleans or the words)."""
        value = header.get("answer")
        if isinstance(value, str) and value.lower() in ("true", "false"):
            value = value.lower() == "true"
        if not isinstance(value, bool):
            got = "has no 'answer'" if value is None else f"has answer {value!r}"
            fail(at("answer"), f"{name} is true/false but {got}; add 'answer: true' or "
                 "'answer: false'", "quiz-truefalse-answer")
            return ()
        return ("true" if value else "false",)

    def render(self, inputs: Inputs, question: Question) -> None:
        """Two radio buttons labelled in the site's language."""
        inputs.options(["true", "false"], [inputs.t("True"), inputs.t("False")], "radio",
                       ui_labels=True)

    def patterns(self, question: Question, version: str) -> tuple[str, ...]:
        """``t``/``f`` in SCORM 1.2, ``true``/``false`` in 2004."""
        if not question.answer:
            return ()
        value = question.answer[0] == "true"
        if version == "1.2":
            return ("t" if value else "f",)
        return ("true" if value else "false",)

    def worst_response(self, question: Question) -> tuple[str, ...]:
        """The longer word."""
        return ("false",)

    def differences(self, mine: Question, other: Question) -> Iterator[tuple[str, str]]:
        """The answer is the same in every language."""
        if mine.answer != other.answer:
            yield f"has answer {quoted(mine.answer)}", quoted(other.answer)


KIND = TrueFalse()

