"""Knowledge checks: ids unique in the course, translations in parity, wrong answers explained.

Syntax faults of single blocks are reported by the loader, which parses every
block once (``build_tools.questions.parse``); these checks read the parsed
questions from the model.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..course.model import Course, Page, Question
from ..diagnostics import Diagnostic, Severity, error, rel
from ..questions import kind_of


def check_quiz_ids(course: Course) -> Iterator[Diagnostic]:
    """A question id used twice in the course, in any language."""
    for lang in course.languages:
        seen: dict[str, tuple[Page, Question]] = {}
        for lesson in course.all_lessons():
            page = lesson.pages.get(lang)
            if page is None:
                continue
            for question in page.questions:
                if question.id in seen:
                    first_page, first = seen[question.id]
                    yield error(rel(page.path, course.root), question.line,
                                f"question id '{question.id}' is already used at "
                                f"{rel(first_page.path, course.root)}:{first.line}; every "
                                "question needs its own id", "quiz-duplicate-id")
                else:
                    seen[question.id] = (page, question)


def check_quiz_parity(course: Course) -> Iterator[Diagnostic]:
    """Translations whose questions differ from the source language's page.

    Pages with quiz syntax errors are left out: the loader reported those, and
    a question it could not read would show up here again as missing.
    """
    for lesson in course.all_lessons():
        source = lesson.pages.get(course.source_language) or next(iter(lesson.pages.values()))
        if not source.quiz_readable:
            continue
        for page in lesson.pages.values():
            if page is not source and page.quiz_readable:
                yield from _compare(course, page, source)


def check_quiz_explanations(course: Course) -> Iterator[Diagnostic]:
    """A question that does not tell the learner why a wrong answer is wrong.

    A question explains itself with an explanation, or with feedback under
    every wrong option. A warning on module tests, where a learner has one
    try; in lessons the same code is off unless ``validation`` turns it on.
    """
    for lesson in course.lessons():
        severity = Severity.WARNING if lesson.kind == "test" else Severity.IGNORE
        where = "module test" if lesson.kind == "test" else "question"
        for page in lesson.pages.values():
            for question in page.questions if page.quiz_readable else ():
                if not _explained(question):
                    yield Diagnostic(rel(page.path, course.root), question.line, severity,
                                     f"{where} '{question.id}' does not say why a wrong "
                                     f"answer is wrong; {_how_to_explain(question)}",
                                     "quiz-no-explanation")


def _explained(question: Question) -> bool:
    wrong = [i for i in range(len(question.options)) if i not in question.correct]
    feedback = dict(enumerate(question.feedback))
    return bool(question.explanation.strip()) or bool(wrong) and all(
        feedback.get(i, "").strip() for i in wrong)


def _how_to_explain(question: Question) -> str:
    if question.options:
        return ("add a '>' note under each wrong option, or an explanation after the "
                "options")
    return "add an explanation inside the block"


def _compare(course: Course, page: Page, source: Page) -> Iterator[Diagnostic]:
    here = rel(page.path, course.root)
    there = rel(source.path, course.root)
    ours = {q.id: q for q in page.questions}
    theirs = {q.id: q for q in source.questions}
    for question in page.questions:
        if question.id not in theirs:
            yield _parity(here, question.line, f"question '{question.id}' is not in {there}; "
                          "every translation has the same questions as the source")
    for number, question in enumerate(source.questions):
        if question.id not in ours:
            line = page.questions[number].line if number < len(page.questions) else None
            yield _parity(here, line, f"question '{question.id}' of {there}:{question.line} "
                          "is missing here; translate it")
    common_ours = [q for q in page.questions if q.id in theirs]
    common_theirs = [q for q in source.questions if q.id in ours]
    for mine, other in zip(common_ours, common_theirs, strict=True):
        if mine.id != other.id:
            yield _parity(here, mine.line, f"question '{mine.id}' comes where {there}:"
                          f"{other.line} has '{other.id}'; keep the questions in the "
                          "source's order")
            break
    for mine in common_ours:
        other = theirs[mine.id]
        for difference in _differences(mine, other):
            yield _parity(here, mine.line, f"question '{mine.id}' {difference[0]} here but "
                          f"{difference[1]} in {there}:{other.line}")


def _differences(mine: Question, other: Question) -> Iterator[tuple[str, str]]:
    """Yield ``(what this page has, what the source has)`` for each difference."""
    if mine.type != other.type:
        yield f"has type '{mine.type}'", f"'{other.type}'"
        return
    if len(mine.options) != len(other.options):
        yield f"has {len(mine.options)} options", f"{len(other.options)}"
    elif mine.correct != other.correct:
        yield f"marks {_positions(mine.correct)} correct", _positions(other.correct)
    yield from kind_of(mine.type).differences(mine, other)


def _positions(correct: tuple[int, ...]) -> str:
    numbers = ", ".join(str(i + 1) for i in correct)
    return f"option {numbers}" if len(correct) == 1 else f"options {numbers}"


def _parity(path: str, line: int | None, message: str) -> Diagnostic:
    return error(path, line, message, "quiz-parity")
