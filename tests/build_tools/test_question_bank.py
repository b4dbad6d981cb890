"""The Moodle XML question banks ``course build`` writes to ``dist/``.

Checked against Moodle's documented import format (``tests/moodle_format.py``)
and against the course they come from: the 'quiz' fixture course has every
question type in kk, ru and en (ru falls back to kk for one lesson).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from build_tools.course.loader import load_course
from build_tools.outputs.question_bank import write_question_banks
from tests.conftest import course_config, run_cli
from tests.moodle_format import problems

LANGS = course_config("quiz").languages
"""The languages of the 'quiz' fixture course."""
BANKS = sorted(f"quiz-course_{scope}_{lang}_questions.xml" for scope in ("sf", "course")
               for lang in (*LANGS, "multilang"))
IDS = ["sf-01-q1", "sf-01-q2", "sf-01-q3", "sf-01-q4", "sf-01-q5", "sf-02-q1",
       "sf-test-q1", "sf-test-q2", "sf-test-q3"]


@pytest.fixture
def quiz_dist(quiz_course: Path) -> Path:
    """``dist/`` of the 'quiz' fixture course after ``course build``."""
    return quiz_course / "dist"


def bank(dist: Path, scope: str, lang: str) -> etree._Element:
    return etree.fromstring((dist / f"quiz-course_{scope}_{lang}_questions.xml").read_bytes())


def question(root: etree._Element, qid: str) -> etree._Element:
    (found,) = root.xpath(f"question[idnumber='{qid}']")
    return found


def answers(element: etree._Element) -> list[tuple[str, str, str]]:
    """(fraction, text, feedback text) of every answer."""
    return [(a.get("fraction"), a.findtext("text"), a.findtext("feedback/text") or "")
            for a in element.findall("answer")]


def test_every_bank_follows_the_format(quiz_dist: Path) -> None:
    assert sorted(p.name for p in quiz_dist.glob("*_questions.xml")) == BANKS
    for name in BANKS:
        assert problems((quiz_dist / name).read_bytes(), LANGS) == [], name
    course = bank(quiz_dist, "course", "kk")
    assert course.xpath("question[@type='category']/category/text/text()") == [
        "$course$/top/Білімді тексеру/Қауіпсіздік"]
    assert course.xpath("question[@type!='category']/idnumber/text()") == IDS
    assert [question(course, q).get("type") for q in IDS] == [
        "multichoice", "multichoice", "truefalse", "numerical", "shortanswer", "truefalse",
        "multichoice", "truefalse", "numerical"]
    assert course.xpath("question[idnumber='sf-test-q1']/tags/tag/text/text()") == [
        "module-test"]
    assert course.xpath("question[idnumber='sf-01-q1']/tags/tag/text/text()") == [
        "lesson-check"]


def test_questions_answers_and_feedback_as_in_the_course(quiz_dist: Path) -> None:
    kk = bank(quiz_dist, "sf", "kk")
    single = question(kk, "sf-01-q1")
    assert single.findtext("single") == "true"
    assert single.findtext("questiontext/text") == (
        "<p>Қай ереже адамның қадір-қасиетін қорғайды?</p>\n"
        "<p>Бірінші ережені еске түсіріңіз.</p>")
    assert answers(single) == [("100", "1-ереже", "Дұрыс: 1-ереже қадір-қасиетті қорғайды."),
                               ("0", "43-ереже", "Жоқ: 43-ереже жазаларды шектейді."),
                               ("0", "82-ереже", "")]
    assert single.findtext("generalfeedback/text") == (
        "<p>1-ереженің бірінші тұруы кездейсоқ емес.</p>")
    assert answers(question(kk, "sf-01-q2")) == [
        ("50", "Ұжымдық жаза", ""), ("50", "Қараңғы камера", ""),
        ("-100", "Ескерту", "Ескертуге рұқсат етіледі.")]
    truefalse = question(kk, "sf-01-q3")
    assert answers(truefalse) == [("0", "true", ""), ("100", "false", "")]
    assert truefalse.findtext("generalfeedback/text") == "<p>Бұл шарт емес, стандарттар.</p>"
    numeric = question(kk, "sf-test-q3")
    assert answers(numeric) == [("100", "122", "")]
    assert numeric.findtext("answer/tolerance") == "0.5"
    assert [a[1] for a in answers(question(kk, "sf-01-q5"))] == [
        "Мандела", "Нельсон Мандела", "Mandela"]
    # ru has no 'extra' lesson: its bank takes it from kk, as the site does.
    ru = bank(quiz_dist, "sf", "ru")
    assert question(ru, "sf-02-q1").findtext("questiontext/text") == question(
        kk, "sf-02-q1").findtext("questiontext/text")


def test_the_multilingual_bank_serves_every_language(quiz_dist: Path) -> None:
    both = bank(quiz_dist, "course", "multilang")
    text = question(both, "sf-test-q1").findtext("questiontext/text")
    assert text.startswith('<span lang="kk" class="multilang"><p>')
    assert '</span><span lang="ru" class="multilang"><p>' in text
    assert '</span><span lang="en" class="multilang"><p>Which rule protects human dignity?</p>'\
        '</span>' in text
    # Every language's accepted texts; numbers and true/false stay plain.
    assert [a[1] for a in answers(question(both, "sf-01-q5"))] == [
        "Мандела", "Нельсон Мандела", "Mandela", "Nelson Mandela"]
    assert [a[1] for a in answers(question(both, "sf-01-q3"))] == ["true", "false"]
    assert answers(question(both, "sf-test-q3")) == [("100", "122", "")]
    name = question(both, "sf-01-q1").findtext("name/text")
    assert name.startswith('<span lang="kk" class="multilang">sf-01-q1 Қай ереже') and len(
        name) <= 255
    (path,) = both.xpath("question[@type='category']/category/text/text()")
    assert path.count('<//span><span lang="ru"') == 2  # '/' inside a name is written '//'


BAD = [
    (b"<quiz><question type='category'><category><text>$course$/top/x</text></category>"
     b"</question></quiz>", "no question (Moodle fails on a bank without one)"),
    (b"<quiz><question type='multichoice'><name><text>n</text></name><questiontext><text>t"
     b"</text></questiontext><idnumber>q</idnumber><single>false</single>"
     b"<answer fraction='33.33'><text>a</text></answer><answer fraction='66.67'><text>b</text>"
     b"</answer></question></quiz>", "question 'q': fraction '33.33' is not a Moodle grade"),
    (b"<quiz><question type='truefalse'><name><text>n</text></name><questiontext><text>t"
     b"</text></questiontext><idnumber>q</idnumber><answer fraction='100'><text>True</text>"
     b"</answer><answer fraction='0'><text>False</text></answer></question></quiz>",
     "question 'q': true/false answers are ['True', 'False'] with ['100', '0']"),
    (b"<quiz><question type='numerical'><name><text>n</text></name><questiontext><text>t"
     b"</text></questiontext><idnumber>q</idnumber><answer fraction='100'><text>3,14</text>"
     b"<tolerance>0</tolerance></answer></question></quiz>",
     "question 'q': numerical answer or tolerance is not a '.' number"),
    (b"<quiz><question type='shortanswer'><name><text>n</text></name><questiontext><text>"
     b"&lt;span lang=\"kk\" class=\"multilang\"&gt;a&lt;/span&gt;&lt;p&gt;x&lt;/p&gt;"
     b"&lt;span lang=\"ru\" class=\"multilang\"&gt;b&lt;/span&gt;</text></questiontext>"
     b"<idnumber>q</idnumber><answer fraction='100'><text>a</text></answer></question></quiz>"
, "multilang spans ['kk'] are not two or more languages side by side"),
    (b"<quiz><question type='shortanswer'><name><text>n</text></name><questiontext><text>"
     b"x @@PLUGINFILE@@/a.png</text></questiontext><idnumber>" + b"q" * 101 +
     b"</idnumber><answer fraction='100'><text>a</text></answer></question></quiz>",
     "idnumber missing, padded or over 100 characters"),
]


@pytest.mark.parametrize(("data", "fault"), BAD)
def test_the_format_checks_catch_what_moodle_rejects(data: bytes, fault: str) -> None:
    found = problems(b"<?xml version='1.0' encoding='UTF-8'?>\n" + data, LANGS)
    assert any(fault in line for line in found), found


QUIZ = """---
id: ba-01
title: {title}
---
# {title}

/// quiz | {prompt}
    id: ba-01-q1
    type: multiple

![{title}](images/scheme.png)

{options}
///
"""


def course_with(root: Path, options: str, prompt: str = "Which ones?") -> Path:
    """The minimal course with one multiple-answer question with an image in every language."""
    for lang, title in (("en", "First"), ("ru", "Первый"), ("kk", "Бірінші")):
        folder = root / "docs" / lang / "01-basics"
        (folder / "images").mkdir(exist_ok=True)
        (folder / "images" / "scheme.png").write_bytes(f"PNG {lang}".encode())
        (folder / "01-first.md").write_text(QUIZ.format(title=title, prompt=prompt,
                                                        options=options), encoding="utf-8")
    return root


def test_images_are_embedded(minimal: Path, tmp_path: Path) -> None:
    course, _ = load_course(course_with(minimal, "- [x] a\n- [ ] b\n"))
    assert course is not None
    written, found = write_question_banks(course, tmp_path)
    assert found == []
    en = etree.fromstring((tmp_path / "minimal_ba_en_questions.xml").read_bytes())
    text = en.find("question[@type='multichoice']/questiontext")
    assert '<img alt="First" src="@@PLUGINFILE@@/scheme.png">' in text.findtext("text")
    assert [(f.get("name"), f.text) for f in text.findall("file")] == [
        ("scheme.png", "UE5HIGVu")]  # base64 of the en picture
    both = etree.fromstring((tmp_path / "minimal_ba_multilang_questions.xml").read_bytes())
    files = both.find("question[@type='multichoice']/questiontext").findall("file")
    assert [f.get("name") for f in files] == ["en-scheme.png", "kk-scheme.png", "ru-scheme.png"]
    for path in written:
        assert problems(path.read_bytes(), course.languages) == [], path.name
    again = tmp_path / "again"
    write_question_banks(course, again)
    assert {p.name: p.read_bytes() for p in again.iterdir()} == {
        p.name: p.read_bytes() for p in written}


def test_a_question_moodle_cannot_hold_is_a_build_error(minimal: Path, tmp_path: Path) -> None:
    options = "".join(f"- [x] right {n}\n" for n in range(11)) + "- [ ] wrong\n"
    course, _ = load_course(course_with(minimal, options))
    assert course is not None
    written, found = write_question_banks(course, tmp_path / "dist")
    assert written == [] and not (tmp_path / "dist").exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "course"]  # no scratch folder is left
    assert [d.format() for d in found] == [
        f"docs/{lang}/01-basics/01-first.md:7: error: question 'ba-01-q1' has 11 correct "
        "options; a Moodle multiple-answer question gives each an equal share of 100 %, which "
        "its grades allow only for 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20 options: use fewer "
        "options or split the question [question-bank]" for lang in course.languages]


def test_spans_in_a_multilingual_text_are_a_build_error(minimal: Path, tmp_path: Path) -> None:
    course, _ = load_course(course_with(minimal, "- [x] a\n- [ ] b\n",
                                        prompt='Which <span class="x">ones</span>?'))
    assert course is not None
    _, found = write_question_banks(course, tmp_path)
    assert [d.format() for d in found] == [
        "docs/kk/01-basics/01-first.md:7: error: question 'ba-01-q1' has HTML <span> elements "
        "in its text; Moodle's multi-language filter cannot hold them inside its language "
        "spans: write the text without <span> [question-bank]"]


def test_a_course_without_questions_has_no_bank(minimal: Path, tmp_path: Path) -> None:
    course, _ = load_course(minimal)
    assert course is not None
    assert write_question_banks(course, tmp_path / "dist") == ([], [])


def test_course_build_stops_on_it(minimal: Path) -> None:
    options = "".join(f"- [x] right {n}\n" for n in range(11)) + "- [ ] wrong\n"
    result = run_cli(course_with(minimal, options), "build")
    assert result.exit_code == 1
    assert ("docs/kk/01-basics/01-first.md:7: error: question 'ba-01-q1' has 11 correct "
            "options;") in result.output
    assert "the outputs have errors; site/ and dist/ were not changed" in result.output
    assert not (minimal / "dist").exists()


def test_a_course_bank_is_its_modules_parts_in_order(sample_course: Path) -> None:
    from build_tools.outputs.question_bank import BANK_END, BANK_START, MULTILANG, bank_name

    course, _ = load_course(sample_course)
    assert course is not None
    dist = sample_course / "dist"
    modules = [m.id for m in course.modules
               if (dist / bank_name(course.id, m.id, "kk")).is_file()]
    assert len(modules) > 2
    empty = 0
    for lang in (*course.languages, MULTILANG):
        parts = [(dist / bank_name(course.id, module, lang)).read_bytes() for module in modules]
        whole = (dist / bank_name(course.id, "course", lang)).read_bytes()
        assert whole == BANK_START + b"".join(
            part.removeprefix(BANK_START).removesuffix(BANK_END) for part in parts) + BANK_END
        assert problems(whole, course.languages) == [], lang
        root = etree.fromstring(whole)
        assert len(root) == sum(len(etree.fromstring(part)) for part in parts)
        assert [q.get("type") for q in root].count("category") == len(modules)
        empty += whole.count(b"<text></text>")
    assert empty > 0  # written as lxml writes an element with empty text, not <text/>
