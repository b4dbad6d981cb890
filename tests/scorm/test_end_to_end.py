"""A trainee in an LMS, end to end: ``course build``, real packages, real pages, real clicks.

The 'quiz' fixture course (every question type on a lesson page and a module
test, in kk, ru and en) is built once with the CLI. Packages from its ``dist/``
are unzipped and served by the test LMS (scorm-again in ``lms/lms.html``) on
127.0.0.1. The learner only uses what a learner has: the launcher's buttons and
page list, links in the pages, and the questions' inputs and Check buttons.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from lxml import html as lxml_html

from tests.quiz_key import decode_key
from tests.scorm.harness import Lms, serve_packages
from tests.scorm.trainee import (
    NAMES,
    SUFFIX,
    bookmark,
    choose,
    click_and_wait,
    interactions,
    last_values,
    no_stored_answers,
    resume_data,
    set_values,
    shown,
    start_again,
    take_test,
    type_answer,
)

COURSE = "quiz-course"
PAGES = ["01-safety/index.html", "01-safety/01-contact.html", "01-safety/02-extra.html",
         "01-safety/03-test.html"]
LATENCY = {"1.2": re.compile(r"^\d{4}:\d\d:\d\d\.\d\d$"),
           "2004": re.compile(r"^PT(\d+H)?(\d+M)?\d+(\.\d+)?S$")}
WHEN = {"1.2": re.compile(r"^\d\d:\d\d:\d\d$"),
        "2004": re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d\dZ$")}
LONG_TEXT = "ы" * 70
"""A typed answer longer than the 60 characters a text answer may have."""
LONG_NUMBER = "1234567890" * 2
"""A typed number longer than the 16 characters a numeric answer may have."""


@pytest.fixture(scope="module")
def lms_site(quiz_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The module packages (kk) and the course packages (ru) behind the test LMS."""
    zips = [quiz_dist / f"{COURSE}_{scope}_{SUFFIX[v]}.zip"
            for scope in ("sf_kk", "course_ru") for v in SUFFIX]
    with serve_packages(zips, tmp_path_factory.mktemp("e2e-lms")) as base:
        yield base


# ---- lesson questions, navigation, suspend and resume ----


def expected_lesson_records(version: str) -> list[dict[str, Any]]:
    """The interactions of the lesson answers below, in the version's formats."""
    v12 = version == "1.2"
    wrong = NAMES[version]["wrong"]
    texts = ["Мандела", "Нельсон Мандела", "Mandela"]
    return [
        {"id": "sf-01-q1", "type": "choice", "response": "b", "patterns": ["a"],
         "result": wrong},
        {"id": "sf-01-q2", "type": "choice", "response": "a,b" if v12 else "a[,]b",
         "patterns": ["a,b" if v12 else "a[,]b"], "result": "correct"},
        {"id": "sf-01-q3", "type": "true-false", "response": "f" if v12 else "false",
         "patterns": ["f" if v12 else "false"], "result": "correct"},
        # Too long for a 2004 real (10,7): recorded without a learner response.
        {"id": "sf-01-q4", "type": "numeric", "response": LONG_NUMBER[:16] if v12 else None,
         "patterns": ["15" if v12 else "15[:]15"], "result": wrong},
        {"id": "sf-01-q4", "type": "numeric", "response": "15",
         "patterns": ["15" if v12 else "15[:]15"], "result": "correct"},
        {"id": "sf-01-q5", "type": "fill-in", "response": LONG_TEXT[:60],
         "patterns": texts if v12 else ["{case_matters=false}" + t for t in texts],
         "result": wrong},
        {"id": "sf-01-q5", "type": "fill-in", "response": "нельсон мандела",
         "patterns": texts if v12 else ["{case_matters=false}" + t for t in texts],
         "result": "correct"},
    ]


def check_records(lms: Lms, expected: list[dict[str, Any]]) -> None:
    """Compare the interaction records with ``expected`` answers, in answer order.

    Both versions keep a journal: one record per answer, a later answer to the
    same question appended, never written over an earlier one.
    """
    records = interactions(lms)
    assert len(records) == len(expected), records
    names = NAMES[lms.version]
    for index, want in enumerate(expected):
        record = records[index]
        patterns = [record[f"correct_responses.{i}.pattern"]
                    for i in range(len(want["patterns"]))]
        assert (record["id"], record["type"], record.get(names["response"]), patterns,
                record["result"]) == (want["id"], want["type"], want["response"],
                                      want["patterns"], want["result"])
        assert LATENCY[lms.version].match(record["latency"]), record
        assert WHEN[lms.version].match(record[names["when"]]), record


def answer_lesson(frame: Any) -> None:
    """Answer every lesson question on the contact page by clicking and typing."""
    choose(frame, "sf-01-q1", "1")
    choose(frame, "sf-01-q2", "0", "1")
    choose(frame, "sf-01-q3", "false")
    type_answer(frame, "sf-01-q4", LONG_NUMBER)
    type_answer(frame, "sf-01-q4", "15")
    type_answer(frame, "sf-01-q5", LONG_TEXT)
    type_answer(frame, "sf-01-q5", "нельсон мандела")


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_lessons_tracked_suspended_and_resumed(browser: Any, lms_site: str,
                                               version: str) -> None:
    names = NAMES[version]
    lms = Lms(browser, lms_site, f"{COURSE}_sf_kk_{SUFFIX[version]}", version)
    lms.start("sf")
    assert lms.get(names["status"]) == "incomplete"
    assert bookmark(lms) == PAGES[0]
    # A link in the text of the module page.
    click_and_wait(lms, lms.content(), 'article a[href="01-contact.html"]', 1)
    assert bookmark(lms) == PAGES[1]
    answer_lesson(lms.content())
    check_records(lms, expected_lesson_records(version))
    assert shown(lms.content(), "sf-01-q1")["state"] == "incorrect"
    assert shown(lms.content(), "sf-01-q5")["state"] == "correct"
    no_stored_answers(lms.content())
    # The launcher's bar is the only navigation: the page has no header, sidebars
    # nor previous/next links of its own.
    assert lms.content().locator("header").is_hidden()
    assert lms.content().locator("nav:visible").count() == 0
    # The launcher's buttons and the browser's back.
    click_and_wait(lms, lms.launcher, "#sco-next", 2)
    lms.content().evaluate("() => history.back()")
    lms.wait_for_page(1)
    assert bookmark(lms) == PAGES[1]
    for selector, index in (("#sco-next", 2), ("#sco-prev", 1), ("#sco-next", 2),
                            ("#sco-next", 3), ("#sco-prev", 2)):
        click_and_wait(lms, lms.launcher, selector, index)
        assert bookmark(lms) == PAGES[index]
    cmi = lms.quit()
    values = last_values(lms)
    assert values[names["exit"]] == "suspend"
    assert json.loads(values["cmi.suspend_data"]) == {
        "p": 2, "v": "f", "a": {"0": ["1"], "1": ["0", "1"], "2": ["false"], "3": ["15"],
                                "4": ["нельсон мандела"]}, "n": 7}
    lms.check_clean()

    again = Lms(browser, lms_site, f"{COURSE}_sf_kk_{SUFFIX[version]}", version)
    again.start("sf", resume_data(cmi))
    assert again.get(names["entry"]) == "resume"
    assert again.content().url.endswith("/" + PAGES[2])
    again.launcher.select_option("#sco-pages", "1")
    again.wait_for_page(1)
    page = again.content()
    assert shown(page, "sf-01-q1") | {"feedback": ""} == {
        "checked": ["1"], "typed": None, "kind": "incorrect", "feedback": "",
        "state": "incorrect"}
    assert shown(page, "sf-01-q1")["feedback"] != ""
    assert shown(page, "sf-01-q2")["checked"] == ["0", "1"]
    assert shown(page, "sf-01-q3")["checked"] == ["false"]
    assert (shown(page, "sf-01-q4")["typed"], shown(page, "sf-01-q4")["state"]) == (
        "15", "correct")
    assert (shown(page, "sf-01-q5")["typed"], shown(page, "sf-01-q5")["kind"]) == (
        "нельсон мандела", "correct")
    # option notes and explanations, shown in the question's live region
    assert page.locator(".quiz-feedback .quiz-note, .quiz-feedback .quiz-explanation").count() > 0
    assert interactions(again) == {}  # restoring answers records nothing new
    assert bookmark(again) == PAGES[1]
    # A second try after the resume is appended to the journal of the first session.
    choose(page, "sf-01-q1", "0")
    (index, record), = interactions(again).items()
    assert index == 7
    assert (record["id"], record["result"]) == ("sf-01-q1", "correct")
    assert json.loads(last_values(again)["cmi.suspend_data"])["a"]["0"] == ["0"]
    again.check_clean()


# ---- the module test ----


def score_then_status(lms: Lms, status: str) -> dict[str, str]:
    """Check the score is set before the status it decides; return the last values."""
    names = NAMES[lms.version]
    calls = set_values(lms)
    element = names["status"] if lms.version == "1.2" else "cmi.success_status"
    decided = calls.index((element, status))
    for key in ("raw", "min", "max"):
        assert max(i for i, (e, _) in enumerate(calls) if e == names[key]) < decided
    if lms.version == "2004":
        assert max(i for i, (e, _) in enumerate(calls) if e == "cmi.score.scaled") < decided
    return last_values(lms)


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_module_test_passed(browser: Any, lms_site: str, version: str) -> None:
    names = NAMES[version]
    lms = Lms(browser, lms_site, f"{COURSE}_course_ru_{SUFFIX[version]}", version)
    lms.start("sf")
    for index in (1, 2, 3):
        click_and_wait(lms, lms.launcher, "#sco-next", index)
    take_test(lms.content(), right=True)
    no_stored_answers(lms.content())
    summary = lms.content().locator(".quiz-summary")
    assert summary.get_attribute("data-kind") == "passed"
    assert "60\u00a0%" in summary.text_content()  # the Russian catalog: a no-break space
    values = score_then_status(lms, "passed")
    assert (values[names["raw"]], values[names["min"]], values[names["max"]]) == (
        "100", "0", "100")
    if version == "1.2":
        assert lms.get("cmi.core.lesson_status") == "passed"
    else:
        assert values["cmi.score.scaled"] == "1"
        assert (lms.get("cmi.completion_status"), lms.get("cmi.success_status")) == (
            "completed", "passed")
    records = interactions(lms)
    assert [r["id"] for r in records.values()] == ["sf-test-q1", "sf-test-q2", "sf-test-q3"]
    assert (records[2][names["response"]], records[2]["correct_responses.0.pattern"],
            records[2]["result"]) == ("122.4", "122" if version == "1.2" else "121.5[:]122.5",
                                      "correct")
    lms.quit()
    assert last_values(lms)[names["exit"]] == "suspend"
    lms.check_clean()


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_module_test_failed_then_retried(browser: Any, lms_site: str, version: str) -> None:
    names = NAMES[version]
    lms = Lms(browser, lms_site, f"{COURSE}_course_ru_{SUFFIX[version]}", version)
    lms.start("sf")
    lms.launcher.select_option("#sco-pages", "3")
    lms.wait_for_page(3)
    take_test(lms.content(), right=False)
    assert lms.content().locator(".quiz-summary").get_attribute("data-kind") == "failed"
    values = score_then_status(lms, "failed")
    assert (values[names["raw"]], values[names["min"]], values[names["max"]]) == (
        "33.33", "0", "100")
    if version == "1.2":
        assert lms.get("cmi.core.lesson_status") == "failed"
    else:
        assert values["cmi.score.scaled"] == "0.3333"
        assert (lms.get("cmi.completion_status"), lms.get("cmi.success_status")) == (
            "incomplete", "failed")
    # Retry: the answers are cleared in the page and in the LMS's suspend data.
    start_again(lms.content())
    assert shown(lms.content(), "sf-test-q1")["checked"] == []
    choose(lms.content(), "sf-test-q1", "1")
    cmi = lms.quit()
    values = last_values(lms)
    assert values[names["exit"]] == "suspend"
    assert json.loads(values["cmi.suspend_data"])["a"] == {"6": ["1"]}
    lms.check_clean()

    again = Lms(browser, lms_site, f"{COURSE}_course_ru_{SUFFIX[version]}", version)
    again.start("sf", resume_data(cmi))
    assert again.content().url.endswith("/ru/" + PAGES[3])
    page = again.content()
    assert [shown(page, f"sf-test-q{n}")["checked"] for n in (1, 2)] == [["1"], []]
    assert shown(page, "sf-test-q3")["typed"] == ""
    assert page.locator(".quiz-summary").text_content() != ""
    again.check_clean()


# ---- the sample course: every question of a module answered right ----


@pytest.fixture(scope="module")
def sample_lms(sample_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample course's kk course packages behind the test LMS."""
    zips = sorted(sample_dist.glob("*_course_kk_*.zip"))
    with serve_packages(zips, tmp_path_factory.mktemp("sample-lms")) as base:
        yield base


def answer_right(frame: Any) -> list[str]:
    """Answer every question of the shown page right, as a trainee who knows; return the ids."""
    ids = []
    for quiz in frame.locator(".quiz[data-quiz-id]").all():
        qid, qtype = quiz.get_attribute("data-quiz-id"), quiz.get_attribute("data-quiz-type")
        correct = decode_key(qid, quiz.get_attribute("data-quiz-key"))["correct"]
        if qtype in ("numeric", "text"):
            type_answer(frame, qid, correct[0])
        else:
            choose(frame, qid, *correct)
        assert shown(frame, qid)["state"] == "correct", qid
        ids.append(qid)
    return ids


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_sample_module_passed_by_a_trainee(browser: Any, sample_lms: str, sample_dist: Path,
                                           version: str) -> None:
    names = NAMES[version]
    package = next(sample_dist.glob(f"*_course_kk_{SUFFIX[version]}.zip")).stem
    lms = Lms(browser, sample_lms, package, version)
    config = first_sco_config(sample_dist / f"{package}.zip")
    lms.start(config["sco"])
    answered = answer_right(lms.content())
    for index in range(1, len(config["pages"])):
        click_and_wait(lms, lms.launcher, "#sco-next", index)
        assert bookmark(lms) == config["pages"][index]["href"]
        answered += answer_right(lms.content())
    assert answered == [q["id"] for q in config["questions"]]
    assert [r["id"] for r in interactions(lms).values()] == answered
    assert all(r["result"] == "correct" for r in interactions(lms).values())
    values = last_values(lms)
    assert (values[names["raw"]], values[names["min"]], values[names["max"]]) == (
        "100", "0", "100")
    if version == "1.2":
        assert lms.get("cmi.core.lesson_status") == "passed"
    else:
        assert (lms.get("cmi.completion_status"), lms.get("cmi.success_status")) == (
            "completed", "passed")
    no_stored_answers(lms.content())
    lms.quit()
    assert last_values(lms)[names["exit"]] == "suspend"
    lms.check_clean()


def first_sco_config(path: Path) -> dict[str, Any]:
    """The launcher configuration of the package's first SCO (its first module)."""
    with zipfile.ZipFile(path) as archive:
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
        (launch,) = manifest.xpath("(//*[local-name()='resource'][@href])[1]/@href")
        page = lxml_html.document_fromstring(archive.read(launch))
    config: dict[str, Any] = json.loads(page.get_element_by_id("sco-config").text)
    return config
