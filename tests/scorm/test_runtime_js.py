"""Our runtime against a real LMS-side API (scorm-again) in headless Chromium.

Each package is unzipped and served over HTTP on 127.0.0.1 with an LMS page
that puts the scorm-again API object on its window and opens the SCO's launch
page in an iframe, as an LMS does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from build_tools.course.loader import load_course
from scorm.model import Sco, ScoPage, TrackedQuestion
from scorm.suspend import worst_case
from tests.scorm.conftest import QUESTIONS, with_questions, write_packages
from tests.scorm.harness import Lms, serve_packages
from tests.scorm.trainee import resume_data


@pytest.fixture(scope="module")
def served(small_built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Every package of the fixture course (with questions) unzipped under one server."""
    root = tmp_path_factory.mktemp("lms")
    course, _ = load_course(small_built)
    assert course is not None
    reports, problems = write_packages(with_questions(course, QUESTIONS),
                                       small_built / "site", root / "zips")
    assert problems == []
    with serve_packages([r.path for r in reports], root) as base:
        yield base


V12 = {"location": "cmi.core.lesson_location", "status": "cmi.core.lesson_status",
       "exit": "cmi.core.exit", "entry": "cmi.core.entry", "raw": "cmi.core.score.raw",
       "min": "cmi.core.score.min", "max": "cmi.core.score.max",
       "time": "cmi.core.session_time", "response": "student_response", "wrong": "wrong"}
V2004 = {"location": "cmi.location", "status": "cmi.completion_status", "exit": "cmi.exit",
         "entry": "cmi.entry", "raw": "cmi.score.raw", "min": "cmi.score.min",
         "max": "cmi.score.max", "time": "cmi.session_time", "response": "learner_response",
         "wrong": "incorrect"}
VERSIONS = [("1.2", "scorm12", V12), ("2004", "scorm2004", V2004)]


def set_calls(lms: Lms) -> dict[str, str]:
    name = "LMSSetValue" if lms.version == "1.2" else "SetValue"
    return {c[1]: c[2] for c in lms.calls(name)}


@pytest.mark.parametrize(("version", "suffix", "names"), VERSIONS)
def test_first_launch_quit_and_resume(browser: Any, served: str, version: str, suffix: str,
                                      names: dict[str, str]) -> None:
    lms = Lms(browser, served, f"small_ri_en_{suffix}", version)
    lms.start("ri")
    assert lms.get(names["status"]) == "incomplete"
    assert lms.content().url.endswith("/en/01-rights/index.html")
    lms.go(1)
    assert lms.content().url.endswith("/en/01-rights/01-dignity.html")
    assert lms.answer("ri-01", "ri-01-q1", "single", ["2"], ["1"], "incorrect")
    assert lms.answer("ri-01", "ri-01-q2", "text", ["Nelson"], ["Mandela", "Nelson Mandela"],
                      "incorrect")
    values = set_calls(lms)
    assert values[names["location"]] == "en/01-rights/01-dignity.html"
    assert values["cmi.interactions.0.id"] == "ri-01-q1"
    assert values["cmi.interactions.0.type"] == "choice"
    assert values[f"cmi.interactions.0.{names['response']}"] == "c"
    assert values["cmi.interactions.0.correct_responses.0.pattern"] == "b"
    assert values["cmi.interactions.0.result"] == names["wrong"]
    assert values["cmi.interactions.1.type"] == "fill-in"
    assert values[f"cmi.interactions.1.{names['response']}"] == "Nelson"
    if version == "1.2":
        assert values["cmi.interactions.0.latency"] == "0000:00:12.34"
        assert values["cmi.interactions.1.correct_responses.1.pattern"] == "Nelson Mandela"
    else:
        assert values["cmi.interactions.0.latency"] == "PT12.34S"
        assert values["cmi.interactions.0.timestamp"] == "2026-11-24T10:20:30.12Z"
        assert values["cmi.interactions.1.correct_responses.0.pattern"] == (
            "{case_matters=false}Mandela")
    cmi = lms.quit()
    values = set_calls(lms)
    assert values[names["exit"]] == "suspend"
    assert values["cmi.suspend_data"] == '{"p":1,"v":"3","a":{"0":["2"],"1":["Nelson"]},"n":2}'
    time = values[names["time"]]
    assert (time.count(":") == 2 and len(time.split(":")[0]) == 4) if version == "1.2" else (
        time.startswith("PT") and time.endswith("S"))
    assert len(lms.calls("LMSFinish" if version == "1.2" else "Terminate")) == 1
    assert len(lms.calls("LMSInitialize" if version == "1.2" else "Initialize")) == 1
    lms.check_clean()

    again = Lms(browser, served, f"small_ri_en_{suffix}", version)
    again.start("ri", resume_data(cmi))
    assert again.content().url.endswith("/en/01-rights/01-dignity.html")
    restored = again.content().evaluate("() => parent.CourseHost.loadAnswers('ri-01')")
    assert restored == {"ri-01-q1": ["2"], "ri-01-q2": ["Nelson"]}
    assert again.content().evaluate("() => parent.CourseHost.loadAnswers('ri-02')") is None
    again.check_clean()


def take_test(lms: Lms, raw: int, passed: bool) -> None:
    for qid, qtype, response, correct in (
        ("ri-test-q1", "truefalse", ["true"], ["true"]),
        ("ri-test-q2", "numeric", ["122"] if raw > 1 else ["7"], ["122"]),
        ("ri-test-q3", "single", ["0"] if raw > 2 else ["1"], ["0"]),
    ):
        lms.answer("ri-test", qid, qtype, response, correct,
                   "correct" if response == correct else "incorrect")
    result = {"pageId": "ri-test", "moduleId": "ri", "raw": raw, "min": 0, "max": 3,
              "passMark": 60, "passed": passed}
    assert lms.content().evaluate("r => parent.CourseHost.testResult(r)", result) is passed


@pytest.mark.parametrize(("version", "suffix", "names"), VERSIONS)
def test_all_pages_then_fail_then_pass(browser: Any, served: str, version: str, suffix: str,
                                       names: dict[str, str]) -> None:
    lms = Lms(browser, served, f"small_ri_kk_{suffix}", version)
    lms.start("ri")
    for index in range(1, 4):
        lms.go(index)
    assert lms.content().url.endswith("/01-rights/03-test.html")
    take_test(lms, 1, False)
    values = set_calls(lms)
    assert (values[names["raw"]], values[names["min"]], values[names["max"]]) == (
        "33.33", "0", "100")
    if version == "1.2":
        assert lms.get("cmi.core.lesson_status") == "failed"
        assert values["cmi.interactions.0.type"] == "true-false"
        assert values["cmi.interactions.0.student_response"] == "t"
        assert values["cmi.interactions.1.correct_responses.0.pattern"] == "122"
    else:
        assert lms.get("cmi.completion_status") == "completed"
        assert lms.get("cmi.success_status") == "failed"
        assert values["cmi.score.scaled"] == "0.3333"
        assert values["cmi.interactions.0.learner_response"] == "true"
        assert values["cmi.interactions.1.correct_responses.0.pattern"] == "122[:]122"
    assert values[names["exit"]] == "suspend"  # failed: the learner comes back to retry
    take_test(lms, 3, True)
    values = set_calls(lms)
    assert values[names["raw"]] == "100"
    if version == "1.2":
        assert lms.get("cmi.core.lesson_status") == "passed"
    else:
        assert lms.get("cmi.success_status") == "passed"
        assert values["cmi.score.scaled"] == "1"
    # The retake's answers are appended after the first try's, in both versions.
    assert values["cmi.interactions.3.id"] == "ri-test-q1"
    assert lms.page.evaluate("() => lmsApi.cmi.interactions.childArray.length") == 6
    lms.quit()
    assert set_calls(lms)[names["exit"]] == "suspend"  # passed: the LMS resumes it too
    lms.check_clean()


@pytest.mark.parametrize(("version", "suffix", "names"), VERSIONS)
def test_course_package_sco_without_test_completes(browser: Any, served: str, version: str,
                                                   suffix: str, names: dict[str, str]) -> None:
    lms = Lms(browser, served, f"small_course_en_{suffix}", version)
    lms.start("co")
    assert lms.get(names["status"]) == "incomplete"
    # A link inside the page, not our navigation.
    lms.content().evaluate("() => document.querySelector('article a[href=\"01-talking.html\"]')"
                           ".click()")
    lms.page.wait_for_function(
        "() => document.getElementById('sco').contentWindow.ScoLauncher.state.page === 1")
    assert lms.get(names["status"]) == "completed"
    if version == "2004":
        assert lms.get("cmi.success_status") == "unknown"
    assert lms.launcher.evaluate("() => document.getElementById('sco-position').textContent"
                                 ) == "2 / 2"
    lms.quit()
    assert set_calls(lms)[names["exit"]] == "suspend"
    lms.check_clean()


@pytest.mark.parametrize(("version", "suffix"), [("1.2", "scorm12"), ("2004", "scorm2004")])
def test_worst_case_suspend_data_fits(browser: Any, served: str, version: str,
                                      suffix: str) -> None:
    lms = Lms(browser, served, f"small_course_kk_{suffix}", version)
    lms.start("ri")
    worst = {"text": ['"' * 80], "multiple": ["0", "1", "2", "3"],
             "truefalse": ["false"], "numeric": ["\\" * 30]}
    for page_id, questions in QUESTIONS.items():
        for q in questions:
            response = [str(len(q.options) - 1)] if q.type == "single" else worst[q.type]
            lms.answer(page_id, q.id, q.type, response, [], "incorrect")
    # The longest result (99.99 %) and the most interactions the suspend data counts.
    result = {"pageId": "ri-test", "raw": 9999, "max": 10000}
    assert lms.content().evaluate("r => parent.CourseHost.testResult(r)", result) is True
    lms.launcher.evaluate("() => { ScoLauncher.state.interactions = 99999; }")
    for index in range(4):
        lms.go(index)
    stored = set_calls(lms)["cmi.suspend_data"]
    config = lms.launcher.evaluate("() => ScoLauncher.config")
    sco = Sco("ri", "", tuple(ScoPage(p["id"], p["href"], p["title"]) for p in config["pages"]),
              tuple(TrackedQuestion(q["id"], q["page"], q["type"], q["options"])
                    for q in config["questions"]), config["mastery"])
    assert len(stored) == worst_case(sco)
    assert json.loads(stored)["r"] == [99.99, 1]
    answers = json.loads(stored)["a"]
    assert answers["1"] == ['"' * 60] and answers["4"] == ["\\" * 16]  # cut to maxlength
    lms.quit()
    lms.check_clean()


def test_launcher_works_without_an_lms(browser: Any, served: str) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{served}/pkg/small_ri_en_scorm2004/launch_ri.html")
    page.wait_for_function("() => window.ScoLauncher && frames[0].document.readyState"
                           " === 'complete'")
    page.click("#sco-next")
    page.wait_for_function("() => frames[0].location.href.endsWith('01-dignity.html')")
    assert page.evaluate("() => CourseHost.answer({id: 'ri-01-q1', type: 'single',"
                         " response: ['1'], correct: ['1'], result: 'correct'})") is True
    assert page.evaluate("() => CourseHost.loadAnswers('ri-01')") == {"ri-01-q1": ["1"]}
    assert page.evaluate("() => ScoLauncher.session.isOpen()") is False
    assert errors == []
    page.close()


NUMBERS = [("15", "15"), ("15,0", "15"), (" 1 000 ", "1000"), ("+3.5", "3.5"), ("-0", "0"),
           (".5", "0.5"), ("5.", "5"), ("007", "7"), ("-12.5000", "-12.5"),
           ("3.141592653", "3.1415926"), ("1234567890", "1234567890"),
           ("12345678901", None), ("-", None), ("abc", None), ("", None), ("1e5", None)]


def test_numbers_as_scorm_2004_reals(browser: Any, served: str) -> None:
    page = browser.new_page()
    page.goto(f"{served}/pkg/small_ri_en_scorm2004/launch_ri.html")
    real = page.evaluate("t => t.map(x => ScormRuntime.real(x))", [t for t, _ in NUMBERS])
    assert real == [r for _, r in NUMBERS]
    page.close()


def test_a_failing_lms_is_logged_not_thrown(browser: Any, served: str) -> None:
    page = browser.new_page()
    errors: list[str] = []
    logged: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: logged.append(m.text))
    page.goto(f"{served}/lms.html")
    page.evaluate("""() => {
        let last = "0";
        window.API_1484_11 = {
            Initialize: () => { last = "0"; return "true"; },
            GetValue: () => { throw new Error("LMS broke"); },
            SetValue: () => { last = "351"; return "false"; },
            Commit: () => { last = "0"; return "true"; },
            Terminate: () => "true",
            GetLastError: () => last,
            GetErrorString: () => "General Set Failure",
            GetDiagnostic: () => "",
        };
        document.getElementById("sco").src = "pkg/small_ri_en_scorm2004/launch_ri.html";
    }""")
    page.wait_for_function("() => { const f = document.getElementById('sco').contentWindow;"
                           " return f.ScoLauncher && f.frames[0] &&"
                           " f.frames[0].document.readyState === 'complete'; }")
    launcher = next(f for f in page.frames if "/launch_" in f.url)
    assert launcher.evaluate("() => CourseHost.answer({id: 'ri-01-q1', type: 'single',"
                             " response: ['1'], correct: ['1'], result: 'correct'})") is True
    assert errors == []
    assert any(t.startswith("[scorm] SCORM GetValue threw: Error: LMS broke")
               for t in logged), logged
    assert any("SCORM error 351 GENERAL_SET_FAILURE (General Set Failure) on SetValue(" in t
               for t in logged), logged
    page.close()


def test_api_found_through_the_opener(browser: Any, served: str) -> None:
    # LMSs that open the SCO in a new window leave the API on the opener (RTE 3.3.6.1).
    lms = Lms(browser, served, "small_co_kk_scorm12", "1.2")
    lms.page.evaluate("() => { startLms('1.2', 'about:blank', null); }")
    with lms.page.expect_popup() as popup_info:
        lms.page.evaluate("() => window.open('pkg/small_co_kk_scorm12/launch_co.html')")
    popup = popup_info.value
    popup.wait_for_function("() => window.ScoLauncher && frames[0].document.readyState"
                            " === 'complete'")
    assert popup.evaluate("() => ScoLauncher.session.isOpen()") is True
    assert lms.get("cmi.core.lesson_status") == "incomplete"
    popup.close()
    lms.page.wait_for_function("() => window.apiCalls.some(c => c[0] === 'LMSFinish')")
    lms.check_clean()

