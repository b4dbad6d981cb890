"""A package in every language: the language it opens in, the menu, and what a switch keeps.

The 'quiz' fixture course is built once (``quiz_dist``) with its multilingual
packages (Kazakh, the default, then Russian and English); scorm-again is the
LMS in headless Chromium, for both SCORM versions.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from scorm.suspend import encode_state
from tests.browser import axe_violations, offline_context, page_without_errors
from tests.scorm.harness import Lms, serve_packages
from tests.scorm.test_launcher_ui import BAR
from tests.scorm.trainee import (
    NAMES,
    SUFFIX,
    choose,
    interactions,
    resume_data,
    shown,
    stored,
    type_answer,
)

PACKAGE = "quiz-course_sf_multilang_{}"
PREFERENCE = {"1.2": "cmi.student_preference.language",
              "2004": "cmi.learner_preference.language"}
TEST_PAGE = "01-safety/03-test.html"
PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
"""Where each language's pages are in the package."""
BAR_TEXTS = {
    "kk": ["\u2039 Алдыңғы", "Беттер", "Келесі \u203a", "Тіл"],
    "ru": ["\u2039 Назад", "Страницы", "Вперёд \u203a", "Язык"],
}
LAUNCH_TEXTS = """() => [...document.querySelectorAll(
  '#sco-prev, #sco-next, .sco-list .sco-hidden, .sco-langs .sco-hidden')].map(e => e.textContent)"""


@pytest.fixture(scope="module")
def site(quiz_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The multilingual module packages and one one-language package, behind the test LMS."""
    names = [PACKAGE.format(s) for s in SUFFIX.values()] + ["quiz-course_sf_kk_scorm2004"]
    with serve_packages([quiz_dist / f"{name}.zip" for name in names],
                        tmp_path_factory.mktemp("languages")) as base:
        yield base


def preference(version: str, lang: str) -> dict[str, Any]:
    """The LMS data of a learner whose preferred language is ``lang``."""
    key = "student_preference" if version == "1.2" else "learner_preference"
    return {key: {"language": lang}}


def open_lms(browser: Any, site: str, version: str, cmi: dict[str, Any] | None = None) -> Lms:
    lms = Lms(browser, site, PACKAGE.format(SUFFIX[version]), version)
    lms.start("sf", cmi)
    return lms


def language_shown(lms: Lms) -> dict[str, Any]:
    """The launcher's language, its menu's choice and the page in the frame."""
    return {"lang": lms.launcher.evaluate("() => document.documentElement.lang"),
            "menu": lms.launcher.locator("#sco-lang").input_value(),
            "page": lms.content().url.split("/pkg/", 1)[1].split("/", 1)[1]}


@pytest.mark.parametrize("version", ["1.2", "2004"])
@pytest.mark.parametrize(("preferred", "lang"), [("ru", "ru"), ("ru-RU", "ru"), ("", "kk"),
                                                 ("de", "kk")])
def test_opens_in_the_learner_preference_or_the_default(browser: Any, site: str, version: str,
                                                        preferred: str, lang: str) -> None:
    lms = open_lms(browser, site, version, preference(version, preferred) if preferred else None)
    assert language_shown(lms) == {"lang": lang, "menu": lang,
                                   "page": PREFIX[lang] + "01-safety/index.html"}
    assert lms.launcher.evaluate(LAUNCH_TEXTS) == BAR_TEXTS[lang]
    # Opening is not choosing: the preference is left as the LMS had it.
    assert PREFERENCE[version] not in stored(lms)
    lms.quit()
    assert "l" not in json.loads(stored(lms)["cmi.suspend_data"])
    lms.check_clean()


def answer_half_switch_and_finish(lms: Lms) -> None:
    """Read every page in Kazakh, answer the first test question, finish the test in Russian."""
    for index in (1, 2, 3):
        lms.launcher.click("#sco-next")
        lms.wait_for_page(index)
    choose(lms.content(), "sf-test-q1", "1")
    lms.launcher.select_option("#sco-lang", "ru")
    lms.wait_for_page(3)
    assert language_shown(lms) == {"lang": "ru", "menu": "ru", "page": "ru/" + TEST_PAGE}
    assert lms.launcher.evaluate(LAUNCH_TEXTS) == BAR_TEXTS["ru"]
    assert lms.launcher.evaluate("() => document.title") == "Безопасность"
    page = lms.content()
    assert (shown(page, "sf-test-q1")["checked"], shown(page, "sf-test-q1")["state"]) == (
        ["1"], "correct")
    choose(page, "sf-test-q2", "false")
    type_answer(page, "sf-test-q3", "122,4")
    expect(page.locator(".quiz-summary")).to_have_attribute("data-kind", "passed")


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_a_switch_keeps_the_page_the_answers_and_the_result(browser: Any, site: str,
                                                            version: str) -> None:
    names = NAMES[version]
    lms = open_lms(browser, site, version)
    answer_half_switch_and_finish(lms)
    values = stored(lms)
    assert values[PREFERENCE[version]] == "ru"
    # One interaction per question, its id the question's whatever the language.
    records = interactions(lms)
    assert [records[i]["id"] for i in sorted(records)] == ["sf-test-q1", "sf-test-q2",
                                                           "sf-test-q3"]
    assert records[0]["type"] == "choice"
    # Score, pass and completion as a one-language package reports them.
    if version == "1.2":
        assert (values[names["status"]], values[names["raw"]]) == ("passed", "100")
    else:
        assert (values["cmi.success_status"], values["cmi.completion_status"],
                values[names["raw"]], values["cmi.score.scaled"]) == (
            "passed", "completed", "100", "1")
    assert lms.launcher.locator("#sco-result").inner_text() == (
        "Засчитанный результат: 100\u00a0%, тест сдан.")
    cmi = lms.quit()
    text = stored(lms)["cmi.suspend_data"]
    state = json.loads(text)
    assert (state["p"], state["l"], state["n"]) == (3, "ru", 3)
    # Written as scorm/suspend.py writes it, whose worst case the build proves to fit.
    answers = {int(key, 36): value for key, value in state["a"].items()}
    assert text == encode_state(3, [True] * 4, answers, 3, (100, True), "ru")
    assert stored(lms)[names["location"]] == "ru/" + TEST_PAGE
    lms.check_clean()

    # The next launch: the last language chosen, over the LMS's preference if it differs.
    data = resume_data(cmi)
    data.update(preference(version, "en"))
    again = open_lms(browser, site, version, data)
    assert language_shown(again) == {"lang": "ru", "menu": "ru", "page": "ru/" + TEST_PAGE}
    page = again.content()
    assert [shown(page, q)["state"] for q in ("sf-test-q1", "sf-test-q2", "sf-test-q3")] == [
        "correct"] * 3
    expect(page.locator(".quiz-summary")).to_have_attribute("data-kind", "passed")
    assert again.launcher.locator("#sco-result").inner_text() == (
        "Засчитанный результат: 100\u00a0%, тест сдан.")
    # Back to Kazakh: the same page, the same answers, nothing recorded again.
    again.launcher.select_option("#sco-lang", "kk")
    again.wait_for_page(3)
    assert language_shown(again) == {"lang": "kk", "menu": "kk", "page": TEST_PAGE}
    assert shown(again.content(), "sf-test-q2")["checked"] == ["false"]
    again.quit()
    assert interactions(again) == {}
    assert stored(again)[PREFERENCE[version]] == "kk"
    again.check_clean()


def test_a_one_language_package_has_no_menu_and_asks_no_preference(browser: Any,
                                                                   site: str) -> None:
    lms = Lms(browser, site, "quiz-course_sf_kk_scorm2004", "2004")
    lms.start("sf", preference("2004", "ru"))
    assert lms.launcher.locator("#sco-lang, .sco-langs").count() == 0
    assert lms.launcher.evaluate("() => document.documentElement.lang") == "kk"
    assert [c for c in lms.calls("GetValue") if "preference" in c[1]] == []
    lms.quit()
    assert "l" not in json.loads(stored(lms)["cmi.suspend_data"])
    lms.check_clean()


@pytest.mark.parametrize("size", [{"width": 320, "height": 640}, {"width": 1280, "height": 800}],
                         ids=["phone", "desktop"])
def test_the_bar_with_its_menu_fits_and_passes_axe(quiz_dist: Path, browser: Any,
                                                   tmp_path: Path, size: dict[str, int]) -> None:
    with zipfile.ZipFile(quiz_dist / f"{PACKAGE.format('scorm2004')}.zip") as archive:
        archive.extractall(tmp_path)
    with offline_context(browser, size) as context, page_without_errors(context) as page:
        page.goto((tmp_path / "launch_sf.html").as_uri())
        page.wait_for_function("() => window.ScoLauncher !== undefined")
        page.select_option("#sco-lang", "ru")
        frame = next(f for f in page.frames if f.parent_frame is not None)
        frame.wait_for_url("**/ru/01-safety/index.html")
        expect(frame.locator("h1").first).to_be_visible()
        bar = page.evaluate(BAR)
        assert (bar["rows"], bar["overflow"], bar["right"] <= size["width"]) == (1, False, True)
        assert page.locator("#sco-lang option").evaluate_all(
            "os => os.map(o => [o.value, o.lang, o.textContent])") == [
            ["kk", "kk", "Қазақша"], ["ru", "ru", "Русский"], ["en", "en", "English"]]
        assert axe_violations(page) == []
        assert axe_violations(frame) == []
