"""Knowledge checks in a real MkDocs build of the ``quiz`` fixture course."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html

from build_tools.questions.limits import NUMBER_MAX_LENGTH, TEXT_MAX_LENGTH
from build_tools.site.quiz import SCRIPT_URI, SCRIPT_URIS, STYLE_URI
from tests.conftest import copy_course, run_cli
from tests.quiz_key import decode_key


@pytest.fixture(scope="module")
def site(quiz_course: Path) -> Path:
    return quiz_course / "site"


def parse(site: Path, uri: str) -> html.HtmlElement:
    return html.fromstring((site / uri).read_text(encoding="utf-8"))


def by_class(doc: html.HtmlElement, name: str, tag: str = "*") -> list[html.HtmlElement]:
    return list(doc.xpath(f"//{tag}[contains(concat(' ', @class, ' '), ' {name} ')]"))


def test_answers_and_feedback_are_not_in_the_page_text(site: Path) -> None:
    doc = parse(site, "en/01-safety/01-contact.html")
    for template in doc.iter("template"):
        template.drop_tree()
    text = doc.xpath("//article")[0].text_content()
    assert "Which rule protects human dignity?" in text
    assert "Right: Rule 1 protects dignity." not in text
    assert "Rule 1 comes first for a reason." not in text
    assert "Nelson Mandela" not in text
    quizzes = by_class(doc, "quiz")
    assert len(quizzes) == 5
    assert by_class(doc, "quiz-page")[0].get("data-search-exclude") is not None
    # search finds the question as the reader sees it, never its feedback or answers
    index = (site / "en/search/index.en.js").read_text(encoding="utf-8")
    assert "Which rule protects human dignity?" in index
    assert "Right: Rule 1 protects dignity." not in index
    assert "Rule 1 comes first for a reason." not in index
    assert "Nelson Mandela" not in index
    key = decode_key("sf-01-q5", quizzes[4].get("data-quiz-key"))
    assert key == {"correct": ["Mandela", "Nelson Mandela"], "tolerance": 0.0}


def test_page_facts_and_strings_follow_the_folder_language(site: Path) -> None:
    page = by_class(parse(site, "ru/01-safety/02-extra.html"), "quiz-page")[0]
    assert dict(page.attrib) == {
        "class": "quiz-page", "data-search-exclude": "", "data-course-id": "quiz-course",
        "data-page-id": "sf-02", "data-module-id": "sf", "data-pass-mark": "60",
        "data-test": "false", "lang": "ru",
    }
    strings = json.loads(by_class(page, "quiz-strings", "script")[0].text)
    assert strings["Check"] == "Проверить"
    assert strings["Your score: {score}% ({n} of {m})"] == \
        "Ваш результат: {score}\u00a0% ({n} из {m})"
    test = by_class(parse(site, "01-safety/03-test.html"), "quiz-page")[0]
    assert (test.get("data-test"), test.get("lang"), test.get("data-page-id")) == (
        "true", "kk", "sf-test")


def test_inputs_are_labelled_and_limited(site: Path) -> None:
    doc = parse(site, "01-safety/01-contact.html")
    for field in doc.xpath("//div[@data-quiz-id]/fieldset"):
        assert field.xpath("legend")[0].text_content().strip()
        for box in field.xpath(".//input"):
            assert doc.xpath(f"//label[@for='{box.get('id')}']"), box.get("id")
    assert doc.get_element_by_id("quiz-sf-01-q5-answer").get("maxlength") == str(TEXT_MAX_LENGTH)
    assert doc.get_element_by_id("quiz-sf-01-q4-answer").get("maxlength") == str(NUMBER_MAX_LENGTH)
    labels = [x.text_content() for x in doc.xpath("//*[@id='quiz-sf-01-q3']//label")]
    assert labels == ["Дұрыс", "Бұрыс"]


def test_script_and_style_are_shipped_once_for_all_languages(site: Path) -> None:
    assert all((site / uri).is_file() for uri in (*SCRIPT_URIS, STYLE_URI))
    doc = parse(site, "ru/01-safety/01-contact.html")
    scripts = [s.get("src") for s in doc.iter("script") if s.get("src")]
    assert all(scripts.count(f"../../{uri}") == 1 for uri in SCRIPT_URIS)
    # In load order: quiz.js uses what the others define.
    assert [scripts.index(f"../../{uri}") for uri in SCRIPT_URIS] == sorted(
        scripts.index(f"../../{uri}") for uri in SCRIPT_URIS)
    assert SCRIPT_URIS[-1] == SCRIPT_URI
    styles = [s.get("href") for s in doc.iter("link")]
    assert styles.count(f"../../{STYLE_URI}") == 1


def test_bad_quiz_fails_the_build_with_its_line(tmp_path: Path) -> None:
    course = copy_course("quiz", tmp_path / "course")
    page = course / "docs/ru/01-safety/03-test.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("- [ ] Правило 82", "- [x] Правило 82"), encoding="utf-8")
    result = run_cli(course, "build")
    assert result.exit_code == 1
    assert "[quiz-parity]" not in result.output
    assert ("docs/ru/01-safety/03-test.md:12: error: question 'sf-test-q1' is single choice but "
            "2 options are marked '[x]' (lines 11, 12); add 'type: multiple' under the "
            "'/// quiz' line, or keep one '[x]' [quiz-single-many]") in result.output.splitlines()
    assert not (course / "site").exists()


def test_plain_mkdocs_build_refuses_a_bad_quiz(tmp_path: Path,
                                               caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    course = copy_course("quiz", tmp_path / "course")
    page = course / "docs/en/01-safety/02-extra.md"
    page.write_text(page.read_text(encoding="utf-8").replace("    answer: true\n", ""),
                    encoding="utf-8")
    with pytest.raises(Abort):
        build(load_config(str(course / "mkdocs.yml"), site_dir=str(tmp_path / "out")))
    assert ("docs/en/01-safety/02-extra.md:7: error: question 'sf-02-q1' is true/false but has "
            "no 'answer'; add 'answer: true' or 'answer: false' [quiz-truefalse-answer]"
            ) in caplog.text
