"""``type: multiple``: every correct option must be ticked, checkboxes."""

from __future__ import annotations

from ..course.model import Question
from .choice import ChoiceKind


class Multiple(ChoiceKind):
    """Some options are correct; the learner ticks all of them and no other."""

    name = "multiple"
    input_type = "checkbox"

    def worst_response(self, question: Question) -> tuple[str, ...]:
        """Every option ticked."""
        return tuple(str(i) for i in range(len(question.options)))


KIND = Multiple()
