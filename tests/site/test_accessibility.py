"""WCAG 2.1 A and AA with axe-core: every page of the sample course, and its states.

The project's own course is built once for the session (``sample_course``); the
pages open from file:// in one Chromium tab, with every other request aborted.
A state is a page after the learner did something: answered a test, opened
search. axe reports nothing for each, at desktop and at phone width.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.browser import axe_violations, offline_context, page_without_errors
from tests.quiz_key import decode_key

from .conftest import BuiltSite

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
PHONE_PAGES = ("index.html", "01-mandela-rules/index.html",
               "01-mandela-rules/02-basic-principles.html",
               "01-mandela-rules/03-discipline-and-restrictions.html",
               "02-dynamic-security/01-three-dimensions.html",
               "03-risk-and-needs/02-risk-factors-and-tools.html",
               "01-mandela-rules/05-test.html", "404.html")
"""Phone-width sample, in each language: every page type, the wide tables and a diagram."""
TEST_PAGE = "01-mandela-rules/05-test.html"
LESSON = "01-mandela-rules/01-origins.html"
PREFIXES = ("", "ru/", "en/")


@pytest.fixture(scope="module")
def sample_site(sample_course: Path) -> Path:
    return sample_course / "site"


@pytest.fixture(scope="module")
def tab(browser: Browser) -> Iterator[Page]:
    """One tab for every page of the module; requests other than file:// fail the test."""
    with offline_context(browser, DESKTOP) as context, page_without_errors(context) as page:
        yield page


def open_page(tab: Page, path: Path, size: dict[str, int] = DESKTOP) -> None:
    tab.set_viewport_size(size)
    tab.goto(path.as_uri())
    tab.wait_for_load_state("load")
    if tab.locator(".quiz-page").count():
        expect(tab.locator("html.quiz-ready")).to_have_count(1)


def wait_for_search(tab: Page) -> None:
    """Wait until the search box has faded in: axe measures colours as painted."""
    tab.wait_for_function("""() => ['.md-search__inner', '.md-search__output'].every(
        s => getComputedStyle(document.querySelector(s)).opacity === '1')""")


def answer_all(tab: Page, right: bool, limit: int = 1000) -> None:
    """Answer the first ``limit`` questions of the page, all right or all wrong."""
    for question in tab.locator(".quiz[data-quiz-id]").all()[:limit]:
        qid = question.get_attribute("data-quiz-id") or ""
        key = decode_key(qid, question.get_attribute("data-quiz-key") or "")
        correct = [str(value) for value in key["correct"]]
        kind = question.get_attribute("data-quiz-type")
        if kind in ("numeric", "text"):
            wrong = str(float(correct[0]) + key["tolerance"] + 1000) if kind == "numeric" else "x"
            question.locator("input").fill(correct[0] if right else wrong)
        else:
            values = [i.get_attribute("value") for i in question.locator("input").all()]
            chosen = correct if right else [next(v for v in values if v not in correct)]
            for value in chosen:
                question.locator(f"input[value='{value}']").check()
        question.locator(".quiz-check").click()
        expect(question.locator(".quiz-feedback")).not_to_be_empty()


def test_every_page_at_desktop_width(tab: Page, sample_site: Path) -> None:
    problems = {}
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 60
    for path in pages:
        open_page(tab, path)
        if found := axe_violations(tab):
            problems[path.relative_to(sample_site).as_posix()] = found
    assert problems == {}


def test_pages_at_phone_width(tab: Page, sample_site: Path) -> None:
    problems = {}
    for page in (prefix + page for prefix in PREFIXES for page in PHONE_PAGES):
        open_page(tab, sample_site / page, PHONE)
        if found := axe_violations(tab):
            problems[page] = found
    assert problems == {}


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("state", ["answered", "passed", "failed", "start-again"])
def test_module_test_states(tab: Page, sample_site: Path, state: str,
                            size: dict[str, int]) -> None:
    prefix = PREFIXES[["answered", "passed", "failed", "start-again"].index(state) % 3]
    open_page(tab, sample_site / (prefix + TEST_PAGE), size)
    tab.evaluate("localStorage.clear()")
    tab.reload()
    expect(tab.locator("html.quiz-ready")).to_have_count(1)
    answer_all(tab, right=state != "failed", limit=2 if state == "answered" else 1000)
    summary = tab.locator(".quiz-summary")
    if state == "passed":
        expect(summary).to_have_attribute("data-kind", "passed")
    elif state == "failed":
        expect(summary).to_have_attribute("data-kind", "failed")
    elif state == "start-again":
        tab.locator(".quiz-restart").click()
        expect(tab.locator(".quiz-confirm")).to_be_visible()
    assert axe_violations(tab) == []
    tab.evaluate("localStorage.clear()")


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_lesson_with_feedback_shown(tab: Page, sample_site: Path, size: dict[str, int]) -> None:
    open_page(tab, sample_site / ("ru/" + LESSON), size)
    answer_all(tab, right=False)
    expect(tab.locator(".quiz-explanation").first).to_be_visible()
    assert axe_violations(tab) == []
    tab.evaluate("localStorage.clear()")


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize(("prefix", "query"), [("", "Мандела"), ("ru/", "правила"),
                                               ("en/", "rules")])
def test_search_with_results(tab: Page, sample_site: Path, prefix: str, query: str,
                             size: dict[str, int]) -> None:
    open_page(tab, sample_site / (prefix + LESSON), size)
    tab.keyboard.press("/")
    tab.locator("[data-course-search-input]").fill(query)
    expect(tab.locator(".md-search-result__item mark").first).to_be_visible()
    wait_for_search(tab)
    assert axe_violations(tab) == []


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_with_results_in_another_language(tab: Page, built: BuiltSite,
                                                 size: dict[str, int]) -> None:
    open_page(tab, built.page("en", "index.html"), size)
    tab.keyboard.press("/")
    tab.locator("[data-course-search-input]").fill("ережелерді")
    expect(tab.locator(".course-search__lang")).to_be_visible()
    wait_for_search(tab)
    assert axe_violations(tab) == []


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize(("lang", "page"), [("kk", "01-basics/02-second.html"),
                                            ("en", "01-basics/03-third.html")])
def test_fallback_page(tab: Page, built: BuiltSite, lang: str, page: str,
                       size: dict[str, int]) -> None:
    open_page(tab, built.page(lang, page), size)
    expect(tab.locator(".course-fallback")).to_be_visible()
    assert axe_violations(tab) == []


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("package", ["mandela-rules_mr_kk_scorm2004",
                                     "mandela-rules_course_ru_scorm12"])
def test_scorm_launcher(tab: Page, sample_course: Path, tmp_path: Path, package: str,
                        size: dict[str, int]) -> None:
    with zipfile.ZipFile(sample_course / "dist" / f"{package}.zip") as archive:
        archive.extractall(tmp_path)
    launcher = next(tmp_path.glob("launch_*.html"))
    open_page(tab, launcher, size)
    content = tab.frame_locator("#sco-frame")
    expect(content.locator("h1").first).to_be_visible()
    assert axe_violations(tab) == []
    frame = next(f for f in tab.frames if f.parent_frame is not None)
    assert axe_violations(frame) == []
    # The frame is named after the page it shows, in the package's language.
    titles = tab.evaluate("ScoLauncher.config.pages.map(p => p.title)")
    lang = package.split("_")[2]
    assert tab.evaluate("document.documentElement.lang") == lang
    expect(tab.locator("#sco-frame")).to_have_attribute("title", titles[0])
    tab.evaluate("ScoLauncher.show(1)")
    expect(tab.locator("#sco-frame")).to_have_attribute("title", titles[1])
    expect(content.locator("html")).to_have_attribute("lang", lang)
