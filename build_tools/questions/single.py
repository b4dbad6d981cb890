"""``type: single`` (the default): one correct option of several, radio buttons."""

from __future__ import annotations

from collections.abc import Sequence

from ..course.model import Question
from .base import Fail
from .choice import ChoiceKind


class Single(ChoiceKind):
    """One option is correct; the learner picks one."""

    name = "single"

    def check_correct(self, correct: Sequence[int], lines: Sequence[int], name: str,
                      fail: Fail) -> None:
        """More than one ``[x]`` means the author meant ``type: multiple``."""
        if len(correct) > 1:
            marked = ", ".join(str(lines[i]) for i in correct)
            fail(lines[correct[1]], f"{name} is single choice but {len(correct)} options are "
                 f"marked '[x]' (lines {marked}); add 'type: multiple' under the '/// quiz' "
                 "line, or keep one '[x]'", "quiz-single-many")

    def worst_response(self, question: Question) -> tuple[str, ...]:
        """The option with the longest position number."""
        return (str(max(len(question.options) - 1, 0)),)


KIND = Single()
