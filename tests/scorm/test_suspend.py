"""suspend_data limits, proven at build time from the worst case."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from build_tools.course.loader import load_course
from build_tools.course.model import Question
from scorm.model import Sco, ScoLanguage, ScoPage, TrackedQuestion
from scorm.suspend import encode_state, worst_case
from tests.scorm.conftest import QUESTIONS, with_questions, write_packages

MANY_TEXT = {"ri-01": tuple(Question(f"ri-01-q{i}", "text", "Name", 10, answer=("x",))
                            for i in range(1, 34))}


def test_worst_case_is_the_longest_encoding() -> None:
    sco = Sco("m", "M", tuple(ScoPage(f"p{i}", f"p{i}.html", "P") for i in range(6)), (
        TrackedQuestion("q1", "p0", "multiple", 4),
        TrackedQuestion("q2", "p0", "text"),
        TrackedQuestion("q3", "p1", "numeric"),
        TrackedQuestion("q4", "p1", "truefalse"),
        TrackedQuestion("q5", "p1", "single", 12),
    ), mastery_score=70)
    expected = ('{"p":5,"v":"3f","a":{"0":["0","1","2","3"],"1":["' + '\\"' * 60 + '"],'
                '"2":["' + '\\"' * 16 + '"],"3":["false"],"4":["11"]},"n":99999,'
                '"r":[99.99,1]}')
    assert worst_case(sco) == len(expected)
    assert encode_state(5, [True] * 6, {0: ["0", "1", "2", "3"], 1: ['"' * 60],
                                        2: ['"' * 16], 3: ["false"], 4: ["11"]}, 99999,
                        (99.99, True)) == expected
    assert worst_case(dataclasses.replace(sco, mastery_score=None)) == len(expected) - len(
        ',"r":[99.99,1]')
    languages = tuple(ScoLanguage(lang, "M", sco.pages) for lang in ("kk", "ru", "uz-Cyrl"))
    assert worst_case(dataclasses.replace(sco, languages=languages)) == len(expected) + len(
        ',"l":"uz-Cyrl"')


def test_a_multilingual_state_keeps_the_language_last() -> None:
    assert encode_state(0, [True], {}, 1, None, "ru") == '{"p":0,"v":"1","a":{},"n":1,"l":"ru"}'
    assert encode_state(0, [True], {}, 1, (50.0, False), "kk").endswith('"r":[50,0],"l":"kk"}')


def test_records_encode_as_the_launcher_writes_them() -> None:
    assert encode_state(0, [True], {}, 3, (80.0, True)) == '{"p":0,"v":"1","a":{},"n":3,"r":[80,1]}'
    assert encode_state(0, [False], {}) == '{"p":0,"v":"0","a":{},"n":0}'
    assert encode_state(0, [True], {}, 12, (33.33, False)).endswith('"n":12,"r":[33.33,0]}')


def test_fixture_questions_fit_both_versions(small_built: Path, tmp_path: Path) -> None:
    course, _ = load_course(small_built)
    assert course is not None
    reports, problems = write_packages(with_questions(course, QUESTIONS),
                                       small_built / "site", tmp_path)
    assert problems == [] and len(reports) == 12


def test_overflow_is_a_build_error(small_built: Path, tmp_path: Path) -> None:
    course, _ = load_course(small_built)
    assert course is not None
    _, problems = write_packages(with_questions(course, MANY_TEXT), small_built / "site",
                                 tmp_path)
    message = ("module 'ri' can need 4302 characters of suspend_data (33 questions, 4 pages), "
               "over the SCORM 1.2 limit of 4096; split the module, use fewer text questions, "
               "or build only SCORM 2004 with 'outputs: [site, scorm2004]' in course.yml "
               "[scorm-suspend]")
    assert [d.format() for d in problems] == [
        f"docs/kk/01-rights/index.md:2: error: {message}",
        f"docs/en/01-rights/index.md:2: error: {message}",
    ]

