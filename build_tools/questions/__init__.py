"""Question types: one module per type, listed in :data:`REGISTRY`.

A question type is everything that differs between, say, a true/false question
and a numeric one, in one class (:class:`~.base.QuestionKind`):

* reading the block: which header options it takes (``header_keys``), whether
  it lists options (``choice``), how its answer is read and checked
  (``read_answer``, ``check_correct``);
* the page: the inputs the learner answers with (``render``) and the answer key
  the page script compares with (``key``); the page script has one entry per
  type in its table of types (``build_tools/questions/assets/quiz-types.js``);
* the LMS: the SCORM interaction type (``interaction``), the correct-response
  patterns the launcher records for SCORM 1.2 and 2004 (``patterns``, written
  into each SCO's configuration at build time), and the longest answer kept in
  ``suspend_data`` (``worst_response``, for the build's size proof);
* translations: which answers must agree across languages (``differences``).

To add a type, write a module with a subclass and ``KIND = YourType()``, add it
to :data:`REGISTRY`, add its entry to the page script's table, and document it
in ``guide/en/content-format.md``.
"""

from __future__ import annotations

from typing import get_args

from scorm.model import TrackedQuestion, Version

from ..course.model import Question
from .base import QuestionKind
from .multiple import KIND as MULTIPLE
from .numeric import KIND as NUMERIC
from .single import KIND as SINGLE
from .text import KIND as TEXT
from .truefalse import KIND as TRUEFALSE

__all__ = ["REGISTRY", "QuestionKind", "kind_of", "tracked"]

REGISTRY: dict[str, QuestionKind] = {
    kind.name: kind for kind in (SINGLE, MULTIPLE, TRUEFALSE, NUMERIC, TEXT)
}
"""Every question type by its ``type:`` name; the first is the default."""


def kind_of(name: str) -> QuestionKind:
    """Return the type named ``name`` (a question of the model has a known type)."""
    return REGISTRY[name]


def tracked(question: Question, page_id: str) -> TrackedQuestion:
    """The question as the launcher tracks it, with what its type says the LMS records."""
    kind = kind_of(question.type)
    return TrackedQuestion(
        question.id, page_id, question.type, len(question.options), kind.interaction,
        {version: kind.patterns(question, version) for version in get_args(Version)},
        kind.worst_response(question), kind.most_patterns)
