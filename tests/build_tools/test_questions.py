"""Question types: what each records in the LMS, and a new type added through the registry."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import markdown
import pytest

from build_tools import questions
from build_tools.course.loader import load_course
from build_tools.course.model import Question
from build_tools.questions import REGISTRY, tracked
from build_tools.questions.base import Inputs, QuestionKind, scorm_real
from build_tools.questions.numeric import Numeric
from scorm.suspend import worst_response
from tests.conftest import run_cli, translations

NUMBERS = [("15", "15"), ("15,0", "15"), (" 1 000 ", "1000"), ("+3.5", "3.5"), ("-0", "0"),
           (".5", "0.5"), ("5.", "5"), ("007", "7"), ("-12.5000", "-12.5"),
           ("3.141592653", "3.1415926"), ("1234567890", "1234567890"),
           ("12345678901", None), ("-", None), ("abc", None), ("", None), ("1e5", None)]
"""The same table checks the launcher's ``real`` (tests/scorm/test_runtime_js.py)."""
NUMERIC = [("122", 0, "122[:]122"), ("122", 0.5, "121.5[:]122.5"), ("0.1", 0.2, "-0.1[:]0.3"),
           ("0", 0.0000001, "-0.0000001[:]0.0000001"), ("9999999999", 1, None)]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_numbers_as_scorm_2004_reals(text: str, expected: str | None) -> None:
    assert scorm_real(text) == expected


@pytest.mark.parametrize(("answer", "tolerance", "expected"), NUMERIC)
def test_numeric_patterns(answer: str, tolerance: float, expected: str | None) -> None:
    question = Question("q", "numeric", "How many?", 1, answer=(answer,), tolerance=tolerance)
    assert Numeric().patterns(question, "2004") == ((expected,) if expected else ())
    assert Numeric().patterns(question, "1.2") == (answer,)


@pytest.mark.parametrize(("question", "v12", "v2004", "interaction"), [
    (Question("q", "single", "P", 1, ("a", "b", "c"), (1,)), ("b",), ("b",), "choice"),
    (Question("q", "multiple", "P", 1, ("a", "b", "c"), (0, 2)), ("a,c",), ("a[,]c",), "choice"),
    (Question("q", "truefalse", "P", 1, answer=("false",)), ("f",), ("false",), "true-false"),
    (Question("q", "text", "P", 1, answer=tuple("abcdef")), tuple("abcde"),
     tuple("{case_matters=false}" + t for t in "abcde"), "fill-in"),
])
def test_each_type_says_what_the_lms_records(question: Question, v12: tuple[str, ...],
                                             v2004: tuple[str, ...], interaction: str) -> None:
    tracked_q = tracked(question, "page")
    assert (tracked_q.interaction, tracked_q.patterns) == (interaction, {"1.2": v12, "2004": v2004})


class Year(QuestionKind):
    """A year, typed in four digits: a type the course did not have."""

    name = "year"
    header_keys = ("answer", "era")
    interaction = "numeric"

    def read_answer(self, header: Mapping[str, object], at: object, name: str,
                    fail: object) -> tuple[str, ...]:
        return (str(header.get("answer")),)

    def render(self, inputs: Inputs, question: Question) -> None:
        inputs.typed({"inputmode": "numeric", "maxlength": "4"})

    def patterns(self, question: Question, version: str) -> tuple[str, ...]:
        year = question.answer[0]
        return (year,) if version == "1.2" else (f"{year}[:]{year}",)

    def worst_response(self, question: Question) -> tuple[str, ...]:
        return ('"' * 4,)


def test_a_new_type_needs_only_the_registry(minimal: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(questions.REGISTRY, "year", Year())
    for lang in translations("minimal"):  # the question is in the source page only
        (minimal / f"docs/{lang}/01-basics/01-first.md").unlink()
    page = minimal / "docs/en/01-basics/01-first.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n/// quiz | When were the first "
                    "Rules adopted?\n    id: ba-01-q1\n    type: year\n    era: CE\n"
                    "    answer: 1955\n///\n", encoding="utf-8")
    result = run_cli(minimal, "check")
    assert ": error:" not in result.output, result.output
    course, _ = load_course(minimal)
    assert course is not None
    question = course.modules[0].lessons[0].pages["en"].questions[0]
    assert (question.type, question.answer) == ("year", ("1955",))

    md = markdown.Markdown(extensions=["build_tools.markdown.quiz"], extension_configs={
        "build_tools.markdown.quiz": {"questions": (question,), "from_model": True}})
    html = md.convert(page.read_text(encoding="utf-8").split("---", 2)[2])
    assert 'data-quiz-type="year"' in html and 'inputmode="numeric" maxlength="4"' in html

    tracked_q = tracked(question, "ba-01")
    assert tracked_q.interaction == "numeric"
    assert tracked_q.patterns == {"1.2": ("1955",), "2004": ("1955[:]1955",)}
    assert worst_response(tracked_q) == ['""""']


def test_the_page_script_has_one_entry_per_question_type() -> None:
    script = (Path(questions.__file__).parent / "assets" / "quiz-types.js"
              ).read_text(encoding="utf-8")
    table = script[script.index("var TYPES = {"):script.index("};", script.index("var TYPES"))]
    assert re.findall(r"^    ([a-z_]+): \{", table, re.M) == list(REGISTRY)
