"""A module opened again: the LMS's record never gets worse, under each rule of course.yml.

The 'quiz' fixture course is built once; its packages are written again here for
each retake and completion rule of ``course.yml`` (the built site does not
depend on them). The test LMS keeps what the SCO stored the way Moodle does (one
value per element, replaced only when written again) and relaunches a SCO in two
ways: resumed (``entry`` "resume" with everything stored, what Moodle does after
our exit "suspend") and Moodle-style without a resume (``entry`` "" or
"ab-initio", status not attempted, no interactions shown, the other stored values
still readable).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from build_tools.course.loader import load_course
from tests.scorm.conftest import write_packages
from tests.scorm.harness import Lms, serve_packages
from tests.scorm.trainee import (
    NAMES,
    SUFFIX,
    click_and_wait,
    interaction_values,
    moodle_relaunch,
    resume_data,
    shown,
    start_again,
    stored,
    take_test,
)

SCOPES = {"module": ("sf_kk", "kk", ""), "course": ("course_ru", "ru", "ru/")}
"""Package scope -> (name part, language, path prefix of the pages in the package)."""
TEST_PAGE = "01-safety/03-test.html"
VARIANTS = {"best": {}, "last": {"retake": "last"}, "none": {"retake": "none"},
            "pages": {"completion": "pages"}}
"""Packages written for each variant of course.yml's rules (course id ``rq-<variant>``)."""
RECORDED = {
    "kk": {True: "Есепке алынған нәтиже: {}%, тесттен өттіңіз.",
           False: "Есепке алынған нәтиже: {}%, тесттен өте алмадыңыз."},
    "ru": {True: "Засчитанный результат: {}\u00a0%, тест сдан.",
           False: "Засчитанный результат: {}\u00a0%, тест не сдан."},
}
KEPT_BEST = {"kk": " Бұл әрекет: {}%. Есепте сіздің ең жақсы нәтижеңіз қалады.",
             "ru": " Эта попытка: {}\u00a0%. Засчитанным остаётся ваш лучший результат."}
LOW = {"kk": "33,33", "ru": "33,33"}
"""One right answer of three, as the learner's language writes it."""


@pytest.fixture(scope="module")
def rules_site(quiz_course: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The quiz course's kk and ru packages for each variant, behind the test LMS."""
    root = tmp_path_factory.mktemp("reentry")
    course, _ = load_course(quiz_course)
    assert course is not None
    zips = []
    for variant, rules in VARIANTS.items():
        config = dataclasses.replace(course.config, id=f"rq-{variant}", **rules)
        changed = dataclasses.replace(course, config=config)
        for lang in ("kk", "ru"):
            reports, problems = write_packages(changed, quiz_course / "site", root / "zips",
                                               only=lang)
            assert problems == []
            zips += [r.path for r in reports
                     if "_sf_kk_" in r.path.name or "_course_ru_" in r.path.name]
    with serve_packages(zips, root) as base:
        yield base


def open_lms(browser: Any, site: str, variant: str, scope: str, version: str,
             cmi: dict[str, Any] | None = None) -> Lms:
    lms = Lms(browser, site, f"rq-{variant}_{SCOPES[scope][0]}_{SUFFIX[version]}", version)
    lms.start("sf", cmi)
    return lms


def read_all_and_pass(lms: Lms) -> None:
    for index in (1, 2, 3):
        click_and_wait(lms, lms.launcher, "#sco-next", index)
    take_test(lms.content(), right=True)


def result_line(lms: Lms) -> str | None:
    """The launcher's line about the recorded result, None while it is hidden."""
    return lms.launcher.evaluate(
        "() => { const p = document.getElementById('sco-result');"
        " return p.hidden ? null : p.textContent; }")


def outcome(values: dict[str, str], version: str) -> tuple[str, ...]:
    """The stored result: (status, raw score), and in 2004 the completion status too."""
    names = NAMES[version]
    if version == "1.2":
        return values[names["status"]], values[names["raw"]]
    return (values["cmi.success_status"], values[names["raw"]],
            values["cmi.completion_status"])


def refused(version: str, index: int) -> list[str]:
    """The LMS's answer when the SCO appends interaction ``index`` it does not show."""
    return [NAMES[version]["set"], f"cmi.interactions.{index}.id", "sf-test-q1",
            "201" if version == "1.2" else "351"]


REFUSAL = {"1.2": "201 ARGUMENT_ERROR (Invalid argument error)",
           "2004": "351 GENERAL_SET_FAILURE (General Set Failure)"}


def not_written_over(version: str, index: int) -> list[str]:
    """What the launcher logs when the LMS refuses to let it append interaction ``index``."""
    return [f"console warning: [scorm] SCORM error {REFUSAL[version]} on SetValue("
            f"cmi.interactions.{index}.id, sf-test-q1)",
            f"console warning: [scorm] the LMS shows 0 interactions but {index} were written"
            " in this attempt; not writing over them, answers of this session are not"
            " recorded as interactions"]


# ---- relaunched the way an LMS does without a resume ----


@pytest.mark.parametrize("scope", ["module", "course"])
@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_passed_module_reopened_and_retaken_low(browser: Any, rules_site: str, version: str,
                                                scope: str) -> None:
    lang, prefix = SCOPES[scope][1], SCOPES[scope][2]
    lms = open_lms(browser, rules_site, "best", scope, version)
    read_all_and_pass(lms)
    assert result_line(lms) == RECORDED[lang][True].format(100)
    lms.quit()
    first = stored(lms)
    assert first[NAMES[version]["exit"]] == "suspend"
    passed = ("passed", "100") if version == "1.2" else ("passed", "100", "completed")
    assert outcome(first, version) == passed
    assert len({k.split(".")[2] for k in interaction_values(first)}) == 3
    lms.check_clean()

    again = open_lms(browser, rules_site, "best", scope, version,
                     moodle_relaunch(first, version))
    assert again.get(NAMES[version]["entry"]) == ("" if version == "1.2" else "ab-initio")
    page = again.content()
    assert page.url.endswith("/" + prefix + TEST_PAGE)  # the bookmark survived
    assert shown(page, "sf-test-q1")["checked"] == ["1"]  # and the answers
    assert page.locator(".quiz-summary").get_attribute("data-kind") == "passed"
    assert result_line(again) == RECORDED[lang][True].format(100)
    start_again(page)
    take_test(page, right=False)
    assert page.locator(".quiz-summary").get_attribute("data-kind") == "failed"
    assert result_line(again) == (RECORDED[lang][True].format(100) +
                                  KEPT_BEST[lang].format(LOW[lang]))
    again.quit()
    after = stored(again, first)
    assert outcome(after, version) == passed
    assert interaction_values(after) == interaction_values(first)
    again.check_clean(errors=[refused(version, 3)], logged=not_written_over(version, 3))


@pytest.mark.parametrize(("version", "scope"), [("1.2", "course"), ("2004", "module")])
def test_failed_module_reopened_and_passed(browser: Any, rules_site: str, version: str,
                                           scope: str) -> None:
    lang, prefix = SCOPES[scope][1], SCOPES[scope][2]
    lms = open_lms(browser, rules_site, "best", scope, version)
    lms.launcher.select_option("#sco-pages", "3")
    lms.wait_for_page(3)
    take_test(lms.content(), right=False)
    lms.quit()
    first = stored(lms)
    failed = ("failed", "33.33") if version == "1.2" else ("failed", "33.33", "incomplete")
    assert outcome(first, version) == failed
    lms.check_clean()

    again = open_lms(browser, rules_site, "best", scope, version,
                     moodle_relaunch(first, version))
    page = again.content()
    assert page.url.endswith("/" + prefix + TEST_PAGE)
    assert result_line(again) == RECORDED[lang][False].format(LOW[lang])
    # Nothing was made worse by opening it: the same result is sent again, no more.
    assert outcome(stored(again, first), version)[:2] == failed[:2]
    start_again(page)
    take_test(page, right=True)
    assert result_line(again) == RECORDED[lang][True].format(100)
    again.quit()
    after = stored(again, first)
    assert outcome(after, version)[:2] == ("passed", "100")
    assert interaction_values(after) == interaction_values(first)
    again.check_clean(errors=[refused(version, 3)], logged=not_written_over(version, 3))


# ---- resumed, under each retake rule ----


RULE_CASES = [("best", "1.2", "module"), ("best", "2004", "course"),
              ("last", "1.2", "course"), ("last", "2004", "module"),
              ("none", "1.2", "module"), ("none", "2004", "course")]


@pytest.mark.parametrize(("rule", "version", "scope"), RULE_CASES)
def test_retake_after_a_pass(browser: Any, rules_site: str, rule: str, version: str,
                             scope: str) -> None:
    lang = SCOPES[scope][1]
    names = NAMES[version]
    lms = open_lms(browser, rules_site, rule, scope, version)
    read_all_and_pass(lms)
    retry = lms.content().locator(".quiz-restart")
    assert retry.is_hidden() is (rule == "none")
    cmi = lms.quit()
    first = stored(lms)
    lms.check_clean()

    again = open_lms(browser, rules_site, rule, scope, version, resume_data(cmi))
    page = again.content()
    assert result_line(again) == RECORDED[lang][True].format(100)
    if rule == "none":
        # Only the first result counts: the test cannot be taken again.
        assert page.locator(".quiz-restart").is_hidden()
        assert page.locator("#quiz-sf-test-q1 input").first.is_disabled()
        assert again.launcher.evaluate("() => CourseHost.canRetake('sf-test')") is False
        again.quit()
        assert outcome(stored(again, first), version) == outcome(first, version)
        again.check_clean()
        return
    start_again(page)
    take_test(page, right=False)
    if rule == "best":
        assert result_line(again) == (RECORDED[lang][True].format(100) +
                                      KEPT_BEST[lang].format(LOW[lang]))
    else:
        assert result_line(again) == RECORDED[lang][False].format(LOW[lang])
    again.quit()
    after = stored(again, first)
    assert outcome(after, version)[:2] == (
        ("passed", "100") if rule == "best" else ("failed", "33.33"))
    if version == "2004":
        assert after["cmi.completion_status"] == "completed"  # never taken back
    # The retake's answers are appended after the first try's: 0-2 kept, 3-5 new.
    records = interaction_values(after)
    assert {k: v for k, v in records.items() if int(k.split(".")[2]) < 3} == (
        interaction_values(first))
    assert [records[f"cmi.interactions.{i}.id"] for i in range(6)] == [
        "sf-test-q1", "sf-test-q2", "sf-test-q3"] * 2
    assert records[f"cmi.interactions.3.{names['response']}"] == "a"
    again.check_clean()


# ---- completion ----


@pytest.mark.parametrize("variant", ["best", "pages"])
@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_completion_rules(browser: Any, rules_site: str, variant: str, version: str) -> None:
    names = NAMES[version]
    lms = open_lms(browser, rules_site, variant, "module", version)
    for index in (1, 2, 3):
        click_and_wait(lms, lms.launcher, "#sco-next", index)
    # Every page seen: enough under "pages", not under the default "pages-and-test".
    assert lms.get(names["status"]) == ("completed" if variant == "pages" else "incomplete")
    take_test(lms.content(), right=False)
    if version == "1.2":
        assert lms.get(names["status"]) == "failed"
    else:
        assert (lms.get("cmi.completion_status"), lms.get("cmi.success_status")) == (
            "completed", "failed")
    lms.quit()
    lms.check_clean()


def test_the_same_result_again_says_nothing_new(browser: Any, rules_site: str) -> None:
    lms = open_lms(browser, rules_site, "best", "module", "2004")
    read_all_and_pass(lms)
    before = len(lms.calls("SetValue"))
    result = {"pageId": "sf-test", "moduleId": "sf", "raw": 3, "max": 3}
    assert lms.content().evaluate("r => parent.CourseHost.testResult(r)", result) is True
    assert result_line(lms) == RECORDED["kk"][True].format(100)
    assert [c[1] for c in lms.calls("SetValue")[before:] if c[1].startswith("cmi.score")] == []
    lms.quit()
    lms.check_clean()
