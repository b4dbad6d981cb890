"""Quiz syntax faults and translation parity as the checks report them (real loader)."""

from pathlib import Path

import pytest

from build_tools.build.pipeline import check_course
from build_tools.questions.parse import NESTED_MESSAGE
from tests.conftest import copy_course, translations

PAGE = "docs/en/01-basics/01-first.md"
HEAD = "---\nid: ba-01\ntitle: Human dignity\n---\n# Human dignity\n\n"
"""Five lines, so the first quiz header is on line 7."""


def page_problems(course: Path, body: str) -> list[str]:
    for lang in translations("minimal"):
        (course / f"docs/{lang}/01-basics/01-first.md").unlink()
    (course / PAGE).write_text(HEAD + body, encoding="utf-8")
    _, diagnostics = check_course(course)
    return [d.format() for d in diagnostics]


BAD = [
    ("!!! note\n\n    /// quiz | Q?\n        id: ba-01-q1\n\n    - [x] a\n    - [ ] b\n    ///\n",
     f"{PAGE}:9: error: {NESTED_MESSAGE} [quiz-nested]"),
    ("/// quiz | Q?\n    id: ba-01-q1\n\n- [ ] a\n- [ ] b\n///\n",
     f"{PAGE}:7: error: question 'ba-01-q1' has no correct option; mark the correct one with "
     "'- [x]' [quiz-no-answer]"),
    ("/// quiz | Q?\n    id: ba-01-q1\n\n- [x] a\n- [ ] b\n- [x] c\n///\n",
     f"{PAGE}:12: error: question 'ba-01-q1' is single choice but 2 options are marked '[x]' "
     "(lines 10, 12); add 'type: multiple' under the '/// quiz' line, or keep one '[x]' "
     "[quiz-single-many]"),
    ("/// quiz | Q?\n    id: ba-01-q1\n\n- [x] a\n- [ ] b\n///\n\n"
     "/// quiz | R?\n    id: ba-01-q1\n\n- [x] a\n- [ ] b\n///\n",
     f"{PAGE}:14: error: question id 'ba-01-q1' is already used at {PAGE}:7; every question "
     "needs its own id [quiz-duplicate-id]"),
    ("/// quiz | Q?\n    id: ba-01-q1\n    points: 2\n\n- [x] a\n- [ ] b\n///\n",
     f"{PAGE}:9: error: unknown option 'points' in the quiz header; expected one of 'id', "
     "'type', 'answer', 'tolerance' [quiz-unknown-option]"),
    ("/// quiz\n    id: ba-01-q1\n\n- [x] a\n- [ ] b\n///\n",
     f"{PAGE}:7: error: question 'ba-01-q1' has no question text; write it after '|' on the "
     "header line: '/// quiz | Your question?' [quiz-empty]"),
    ("/// quiz | Q?\n    id: ba-01-q1\n\nNo options at all.\n///\n",
     f"{PAGE}:7: error: question 'ba-01-q1' has no options; add at least two lines "
     "'- [ ] option', with '- [x]' for the correct one [quiz-empty]"),
    ("/// quiz | Q?\n\n- [x] a\n- [ ] b\n///\n",
     f"{PAGE}:7: error: question has no 'id'; add a line such as '    id: mr-01-q1' right "
     "under the '/// quiz' line [quiz-missing-id]"),
    ("/// quiz | Q?\n    id: ba-01-q1\n    type: yesno\n///\n",
     f"{PAGE}:9: error: question 'ba-01-q1' has unknown type 'yesno'; expected one of "
     "'single', 'multiple', 'truefalse', 'numeric', 'text' [quiz-bad-type]"),
    ("/// quiz | Q?\n    id: ba-01-q1\n    type: truefalse\n///\n",
     f"{PAGE}:7: error: question 'ba-01-q1' is true/false but has no 'answer'; add "
     "'answer: true' or 'answer: false' [quiz-truefalse-answer]"),
    ("/// quiz | Q?\n    id: ba-01-q1\n    type: truefalse\n    answer: maybe\n///\n",
     f"{PAGE}:10: error: question 'ba-01-q1' is true/false but has answer 'maybe'; add "
     "'answer: true' or 'answer: false' [quiz-truefalse-answer]"),
    ("/// quiz | Q?\n    id: ba-01-q1\n    type: numeric\n    answer: 1,5\n///\n",
     f"{PAGE}:10: error: question 'ba-01-q1' is numeric but has answer '1,5'; write a number "
     "with a dot for decimals, such as 'answer: 15' or 'answer: 2.5' [quiz-numeric-answer]"),
    ("/// quiz | Q?\n    id: ba-01-q1\n    type: numeric\n    answer: 3.14159265\n///\n",
     f"{PAGE}:10: error: answer '3.14159265' of question 'ba-01-q1' cannot be recorded in an "
     "LMS: SCORM takes numbers of at most 10 digits before the point and 7 after it; round "
     "the answer or change the question [quiz-numeric-answer]"),
    ("/// quiz | Q?\n    id: ba-01-q1\n    type: numeric\n    answer: 15\n    tolerance: -1\n"
     "///\n",
     f"{PAGE}:11: error: 'tolerance' of question 'ba-01-q1' must be a number of 0 or more, "
     "got -1 [quiz-numeric-answer]"),
    ("/// quiz | Q?\n    id: ba-01-q1\n    type: truefalse\n    answer: true\n\n- [x] Yes\n"
     "- [ ] No\n///\n",
     f"{PAGE}:12: error: question 'ba-01-q1' has type 'truefalse' and takes no options; "
     "remove the '- [ ]' lines, or use 'type: single' or 'type: multiple' "
     "[quiz-unexpected-options]"),
    ("/// quiz | Q?\n    id: ba-01-q1\n    type: text\n    answer: [\"" + "x" * 61 + "\"]\n///\n",
     f"{PAGE}:10: error: accepted answer '{'x' * 61}' of question 'ba-01-q1' is longer than 60 "
     "characters, the most a learner can type [quiz-text-answer]"),
    ("/// quiz | Q?\n    id: ba-01-q1\n    answer: 2\n\n- [x] a\n- [ ] b\n///\n",
     f"{PAGE}:9: error: question 'ba-01-q1' is a choice question and takes no 'answer'; mark "
     "the correct options with '- [x]' [quiz-option-not-allowed]"),
    ("/// quiz | Q?\n    id: Q 1\n\n- [x] a\n- [ ] b\n///\n",
     f"{PAGE}:8: error: question id must be lowercase letters, digits and '-', such as "
     "'mr-01-q1', got 'Q 1' [quiz-bad-id]"),
    ("/// quiz | Q?\n    id: [ba-01-q1\n\n- [x] a\n- [ ] b\n///\n",
     f"{PAGE}:8: error: quiz options: invalid YAML: did not find expected ',' or ']'; "
     "write them as 'key: value' lines indented by four spaces [quiz-header]"),
    ("/// quiz | Q?\n    id: ba-01-q1\n\n- [x] a\n- [ ] b\n",
     f"{PAGE}:7: error: quiz block is never closed; add a line '///' after its last line "
     "[quiz-unclosed]"),
    ("/// quiz | Q?\n    id: ba-01-q1\n\n- [x] a\n- [ ] b\n- c\n///\n",
     f"{PAGE}:12: error: question 'ba-01-q1': option without '[ ]' or '[x]'; start every "
     "option with '- [ ] ' or '- [x] ' [quiz-option-list]"),
]


@pytest.mark.parametrize(("body", "expected"), BAD, ids=[e.rsplit("[", 1)[1][:-1] for _, e in BAD])
def test_bad_syntax_is_reported_at_its_line(minimal: Path, body: str, expected: str) -> None:
    assert page_problems(minimal, body) == [expected]


def test_good_questions_fill_the_model(minimal: Path) -> None:
    assert page_problems(minimal, "/// quiz | Q?\n    id: ba-01-q1\n    type: multiple\n\n"
                         "- [x] a\n- [ ] b\n- [x] c\n///\n") == []


def test_quiz_examples_in_fenced_code_are_not_questions(minimal: Path) -> None:
    assert page_problems(minimal, "```markdown\n/// quiz | Broken on purpose\n- [ ] a\n///\n"
                         "```\n") == []


def test_questions_of_every_page_are_in_the_model(tmp_path: Path) -> None:
    course, diagnostics = check_course(copy_course("quiz", tmp_path / "c"))
    assert diagnostics == []
    assert course is not None
    module = course.modules[0]
    test = module.test
    assert test is not None and test.id == "sf-test" and module.pass_mark == 60
    questions = test.pages["kk"].questions
    assert [(q.id, q.type, q.correct, q.answer) for q in questions] == [
        ("sf-test-q1", "single", (1,), ()),
        ("sf-test-q2", "truefalse", (), ("false",)),
        ("sf-test-q3", "numeric", (), ("122",)),
    ]
    lesson = module.lessons[0]
    assert lesson.pages["ru"].questions[4].answer == ("Мандела", "Нельсон Мандела", "Mandela")
    assert lesson.pages["en"].questions[0].line == 9


def test_drifting_translation_is_reported_with_both_places(tmp_path: Path) -> None:
    course = copy_course("quiz-drift", tmp_path / "c")
    _, diagnostics = check_course(course)
    kk = "docs/kk/01-safety/01-contact.md"
    en = "docs/en/01-safety/01-contact.md"
    assert [d.format() for d in diagnostics] == [
        f"{kk}:7: error: question 'sf-01-q1' has 2 options here but 3 in {en}:7 [quiz-parity]",
        f"{kk}:14: error: question 'sf-01-q3' comes where {en}:20 has 'sf-01-q2'; keep the "
        "questions in the source's order [quiz-parity]",
        f"{kk}:14: error: question 'sf-01-q3' has type 'single' here but 'truefalse' in "
        f"{en}:29 [quiz-parity]",
        f"{kk}:21: error: question 'sf-01-q2' marks option 2 correct here but option 1 in "
        f"{en}:20 [quiz-parity]",
        f"{kk}:28: error: question 'sf-01-q4' has answer '16' here but '15' in {en}:35 "
        "[quiz-parity]",
        "docs/ru/01-safety/01-contact.md:34: error: question 'sf-01-q5' is not in "
        f"{en}; every translation has the same questions as the source [quiz-parity]",
    ]


TEST_PAGE = "docs/en/01-basics/03-test.md"
TEST_HEAD = "---\nid: ba-test\ntitle: Test\nkind: test\n---\n# Test\n\n"
UNEXPLAINED = [
    ("/// quiz | Q?\n    id: ba-test-q1\n\n- [x] a\n- [ ] b\n    > Not b.\n- [ ] c\n///\n",
     "module test 'ba-test-q1' does not say why a wrong answer is wrong; add a '>' note under "
     "each wrong option, or an explanation after the options"),
    ("/// quiz | Q?\n    id: ba-test-q1\n    type: truefalse\n    answer: false\n///\n",
     "module test 'ba-test-q1' does not say why a wrong answer is wrong; add an explanation "
     "inside the block"),
    ("/// quiz | Q?\n    id: ba-test-q1\n    type: numeric\n    answer: 15\n///\n",
     "module test 'ba-test-q1' does not say why a wrong answer is wrong; add an explanation "
     "inside the block"),
]
LESSON_TRUEFALSE = "/// quiz | Q?\n    id: ba-01-q1\n    type: truefalse\n    answer: true\n///\n"
EXPLAINED = [
    "/// quiz | Q?\n    id: ba-test-q1\n\n- [x] a\n- [ ] b\n    > Not b.\n- [ ] c\n"
    "    > Not c.\n///\n",
    "/// quiz | Q?\n    id: ba-test-q1\n\n- [x] a\n- [ ] b\n\nBecause a.\n///\n",
    "/// quiz | Q?\n    id: ba-test-q1\n    type: text\n    answer: Mandela\n\nHe was.\n///\n",
]


def problems_of_test_page(course: Path, body: str, yml: str = "") -> list[str]:
    (course / TEST_PAGE).write_text(TEST_HEAD + body, encoding="utf-8")
    if yml:
        with (course / "course.yml").open("a", encoding="utf-8") as config:
            config.write(yml)
    _, diagnostics = check_course(course)
    return [d.format() for d in diagnostics]


@pytest.mark.parametrize(("body", "message"), UNEXPLAINED)
def test_unexplained_test_question_is_a_warning(minimal: Path, body: str, message: str) -> None:
    assert problems_of_test_page(minimal, body) == [
        f"{TEST_PAGE}:8: warning: {message} [quiz-no-explanation]"]


@pytest.mark.parametrize("body", EXPLAINED)
def test_explained_test_question_passes(minimal: Path, body: str) -> None:
    assert problems_of_test_page(minimal, body) == []


def test_unexplained_lesson_question_is_not_reported_by_default(minimal: Path) -> None:
    assert page_problems(minimal, LESSON_TRUEFALSE) == []


def test_unexplained_lesson_question_is_reported_when_turned_on(minimal: Path) -> None:
    with (minimal / "course.yml").open("a", encoding="utf-8") as config:
        config.write("validation:\n  quiz-no-explanation: warning\n")
    assert page_problems(minimal, LESSON_TRUEFALSE) == [
        f"{PAGE}:7: warning: question 'ba-01-q1' does not say why a wrong answer is wrong; add "
        "an explanation inside the block [quiz-no-explanation]"]


def test_unexplained_test_question_can_be_switched_off(minimal: Path) -> None:
    body = UNEXPLAINED[1][0]
    off = "validation:\n  quiz-no-explanation: ignore\n"
    assert problems_of_test_page(minimal, body, off) == []
