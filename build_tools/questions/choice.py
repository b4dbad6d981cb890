"""What both choice types share: options marked ``[x]``, recorded as SCORM ``choice``."""

from __future__ import annotations

from collections.abc import Mapping

from ..course.model import Question
from .base import At, Fail, Inputs, QuestionKind, choice_id


class ChoiceKind(QuestionKind):
    """Options listed in the block; the learner picks one (radio) or several (checkbox)."""

    choice = True
    interaction = "choice"
    input_type = "radio"

    def read_answer(self, header: Mapping[str, object], at: At, name: str,
                    fail: Fail) -> tuple[str, ...]:
        """Report ``answer`` and ``tolerance``: the options marked ``[x]`` are the answer."""
        for key in ("answer", "tolerance"):
            if key in header:
                fail(at(key), f"{name} is a choice question and takes no '{key}'; mark the "
                     "correct options with '- [x]'", "quiz-option-not-allowed")
        return ()

    def render(self, inputs: Inputs, question: Question) -> None:
        """One radio button or checkbox per option."""
        values = [str(i) for i in range(len(question.options))]
        inputs.options(values, question.options, self.input_type)

    def patterns(self, question: Question, version: str) -> tuple[str, ...]:
        """The correct options' identifiers: ``a,c`` (1.2) or ``a[,]c`` (2004)."""
        if not question.correct:
            return ()
        separator = "," if version == "1.2" else "[,]"
        return (separator.join(choice_id(i) for i in question.correct),)
