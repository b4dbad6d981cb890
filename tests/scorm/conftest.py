"""A fixture course built once per session, and the same course with questions."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from build_tools.course.model import Course, Lesson, Module, Question
from build_tools.diagnostics import Diagnostic
from build_tools.outputs import SCORM12, SCORM2004, WrittenFile, write_outputs
from tests.conftest import copy_course, run_cli


@pytest.fixture(scope="session")
def small_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 'scorm-small' course after one ``course build`` (site/ and dist/)."""
    root = copy_course("scorm-small", tmp_path_factory.mktemp("small") / "course")
    result = run_cli(root, "build")
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="session")
def quiz_dist(quiz_course: Path) -> Path:
    """``dist/`` of the 'quiz' fixture course (every question type) after ``course build``."""
    return quiz_course / "dist"


@pytest.fixture(scope="session")
def sample_dist(sample_course: Path) -> Path:
    """``dist/`` of the project's own course after one ``course build``."""
    return sample_course / "dist"


QUESTIONS = {
    "ri-01": (
        Question("ri-01-q1", "single", "Pick one", 10, ("a", "b", "c"), (1,)),
        Question("ri-01-q2", "text", "Name", 20, answer=("Mandela", "Nelson Mandela")),
    ),
    "ri-02": (Question("ri-02-q1", "multiple", "Pick some", 10, ("a", "b", "c", "d"), (0, 2)),),
    "ri-test": (
        Question("ri-test-q1", "truefalse", "True?", 10, answer=("true",)),
        Question("ri-test-q2", "numeric", "How many?", 20, answer=("122",)),
        Question("ri-test-q3", "single", "Which?", 30, ("x", "y"), (0,)),
    ),
}


def with_questions(course: Course, questions: dict[str, tuple[Question, ...]]) -> Course:
    """Return ``course`` with ``questions`` on the pages of the lessons they name.

    The quiz blocks of the content format are parsed by the quiz extension; these
    tests give the course model its questions directly.
    """

    def lesson(item: Lesson) -> Lesson:
        if item.id not in questions:
            return item
        pages = {lang: dataclasses.replace(page, questions=questions[item.id])
                 for lang, page in item.pages.items()}
        return dataclasses.replace(item, pages=pages)

    def module(item: Module) -> Module:
        return dataclasses.replace(item, lessons=tuple(lesson(x) for x in item.lessons))

    return dataclasses.replace(course, modules=tuple(module(m) for m in course.modules))


def write_packages(course: Course, site_dir: Path, dist_dir: Path, only: str | None = None
                   ) -> tuple[list[WrittenFile], list[Diagnostic]]:
    """Write both SCORM outputs of ``course`` (in language ``only``, or all) from a built site.

    Returns the zips and the problems found.
    """
    result = write_outputs(course, site_dir, dist_dir, lang=only, outputs=(SCORM12, SCORM2004))
    return result.files, result.diagnostics
