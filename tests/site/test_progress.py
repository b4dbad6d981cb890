"""Progress on the offline site, in headless Chromium from file://.

The ``quiz`` fixture course (kk at the root, ru and en in folders; one module
``sf`` with pages sf, sf-01, sf-02 and the test sf-test, pass mark 60%) is
built once per session. Each test starts from an empty browser profile.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html as lxml_html
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from tests.browser import axe_violations, offline_context, page_without_errors
from tests.build_tools.test_quiz_browser import check, choose

STATE = "[data-course-module='sf'] [data-course-module-state]"
CONTINUE = "[data-course-progress-continue]"


@pytest.fixture(scope="module")
def site(quiz_course: Path) -> Path:
    return quiz_course / "site"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    with offline_context(browser, {"width": 1280, "height": 900}) as context:
        yield context


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    with page_without_errors(context) as page:
        yield page


def visit(page: Page, site: Path, uri: str) -> None:
    """Open a page and read it to its end."""
    page.goto((site / uri).as_uri())
    expect(page.locator("html.course-progress-ready")).to_have_count(1)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function(READ)


READ = """() => {
    const data = JSON.parse(document.querySelector("script[data-course-progress]").textContent);
    const saved = JSON.parse(localStorage.getItem("course-progress:" + data.course) || "{}");
    const lesson = data.modules.some(m => m.pages.some(p => p.id === data.page));
    return !lesson || saved.read[data.page] === 1;
}"""
"""True once the page shown is marked read (or is no lesson): the observer reports a frame later."""


def stored(page: Page) -> dict[str, object]:
    return json.loads(page.evaluate(
        "localStorage.getItem('course-progress:quiz-course') || '{}'"))


def read_marks(page: Page) -> list[str]:
    """The accessible names of the navigation's links that carry a read mark."""
    return page.locator("[data-course-chrome='navigation'] a:has(.course-read-mark)").evaluate_all(
        "links => links.map(a => a.textContent.replace(/\\s+/g, ' ').trim())")


def take_test(page: Page, site: Path, rule: str, collective: str, count: str) -> None:
    visit(page, site, "01-safety/03-test.html")
    expect(page.locator("html.quiz-ready")).to_have_count(1)
    choose(page, "sf-test-q1", rule)
    check(page, "sf-test-q1")
    choose(page, "sf-test-q2", collective)
    check(page, "sf-test-q2")
    page.fill("#quiz-sf-test-q3-answer", count)
    check(page, "sf-test-q3")


# ---- The data written into every page ----

def progress_data(site: Path, uri: str) -> dict[str, object]:
    root = lxml_html.fromstring((site / uri).read_bytes())
    (script,) = root.xpath("//script[@data-course-progress]")
    assert script.get("data-course-chrome") == "progress"
    assert "\\u04" not in script.text  # Cyrillic stays UTF-8
    data: dict[str, object] = json.loads(script.text)
    return data


def test_pages_carry_the_course_model_ids_and_relative_urls(site: Path) -> None:
    data = progress_data(site, "ru/01-safety/01-contact.html")
    strings = data.pop("strings")
    assert data == {"course": "quiz-course", "page": "sf-01", "modules": [{
        "id": "sf", "url": "index.html", "test": "sf-test", "passMark": 60,
        "pages": [{"id": "sf", "url": "index.html", "title": "Безопасность"},
                  {"id": "sf-01", "url": "01-contact.html", "title": "Контакт"},
                  {"id": "sf-02", "url": "02-extra.html", "title": "Қосымша жаттығу"},
                  {"id": "sf-test", "url": "03-test.html", "title": "Тест модуля"}]}]}
    assert isinstance(strings, dict)
    assert strings["notPassed"] == "Тест не сдан: {score}% (проходной балл {percent}%)"
    home = progress_data(site, "index.html")
    assert home["page"] == ""
    assert [p["url"] for p in home["modules"][0]["pages"]] == [  # type: ignore[index]
        "01-safety/index.html", "01-safety/01-contact.html", "01-safety/02-extra.html",
        "01-safety/03-test.html"]


def test_the_panel_is_on_the_home_and_module_pages_only(site: Path) -> None:
    def panel(uri: str) -> list[lxml_html.HtmlElement]:
        found: list[lxml_html.HtmlElement] = lxml_html.fromstring(
            (site / uri).read_bytes()).xpath("//*[@data-course-progress-panel]")
        return found

    (home,) = panel("en/index.html")
    assert home.get("data-course-chrome") == "progress" and home.get("hidden") is not None
    # Outside the page's content, which is all a handbook takes.
    assert home.xpath("ancestor::*[@data-course-content]") == []
    assert [(a.get("href"), a.text) for a in home.xpath(".//li/a")] == [
        ("01-safety/index.html", "Safety")]
    assert home.xpath(".//h2/text()") == ["Your progress"]
    (module,) = panel("en/01-safety/index.html")
    assert module.xpath(".//h2/text()") == ["Your progress in this module"]
    assert module.xpath(".//a | .//button") == []
    assert panel("en/01-safety/01-contact.html") == []


# ---- In the browser ----

def test_a_page_is_read_once_its_end_was_on_screen(context: BrowserContext, site: Path) -> None:
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 500})
    page.goto((site / "01-safety/03-test.html").as_uri())
    expect(page.locator("html.course-progress-ready")).to_have_count(1)
    assert stored(page) == {"read": {}, "last": "sf-test"}
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function(
        "JSON.parse(localStorage.getItem('course-progress:quiz-course')).read['sf-test'] === 1")


def test_read_pages_are_marked_in_the_navigation(page: Page, site: Path) -> None:
    visit(page, site, "01-safety/01-contact.html")
    visit(page, site, "01-safety/index.html")
    assert read_marks(page) == ["Қауіпсіздік ✓ (оқылды)", "Байланыс ✓ (оқылды)"]
    link = page.get_by_role("link", name="Байланыс (оқылды)")
    expect(link).to_have_count(1)
    expect(page.locator(STATE)).to_have_text("◐Жалғасуда · Оқылған беттер: 2, барлығы 4")
    assert axe_violations(page) == []


def test_module_state_after_failing_then_passing_the_test(page: Page, site: Path) -> None:
    visit(page, site, "index.html")
    expect(page.locator(STATE)).to_have_text("○Басталмаған")
    expect(page.locator("[data-course-module='sf']")).to_have_attribute("data-state",
                                                                         "not-started")
    take_test(page, site, "43-ереже", "Дұрыс", "122")
    visit(page, site, "index.html")
    expect(page.locator(STATE)).to_have_text(
        "✗Тесттен өте алмадыңыз: 33% (өту шегі 60%) · Оқылған беттер: 1, барлығы 4")
    visit(page, site, "01-safety/03-test.html")
    page.get_by_role("button", name="Қайта бастау").click()
    page.get_by_role("button", name="Иә, жауаптарымды өшіру").click()
    visit(page, site, "01-safety/index.html")
    expect(page.locator(STATE)).to_have_text("◐Жалғасуда · Оқылған беттер: 2, барлығы 4")
    take_test(page, site, "1-ереже", "Бұрыс", "122")
    visit(page, site, "01-safety/index.html")
    expect(page.locator(STATE)).to_have_text(
        "✓Тесттен өттіңіз: 100% · Оқылған беттер: 2, барлығы 4")


def test_continue_where_you_left_off_in_another_language(page: Page, site: Path) -> None:
    visit(page, site, "index.html")
    expect(page.locator(CONTINUE)).to_be_hidden()
    visit(page, site, "01-safety/01-contact.html")
    take_test(page, site, "1-ереже", "Бұрыс", "100")
    visit(page, site, "01-safety/02-extra.html")
    visit(page, site, "index.html")
    expect(page.locator(CONTINUE)).to_have_text("Тоқтаған жерден жалғастыру: Қосымша жаттығу")
    # The language menu leads to the same page in Russian: progress follows.
    href = page.locator("[data-course-chrome='languages'] a[hreflang='ru']").get_attribute("href")
    page.goto(page.url.rsplit("/", 1)[0] + "/" + str(href))
    expect(page.locator("html.course-progress-ready")).to_have_count(1)
    expect(page.locator("h2#course-progress-title")).to_have_text("Ход обучения")
    expect(page.locator(STATE)).to_have_text(
        "✓Тест сдан: 66% · Прочитано страниц: 3 из 4")
    expect(page.locator(CONTINUE)).to_have_text(
        "Продолжить с того места, где вы остановились: Қосымша жаттығу")
    page.locator(CONTINUE).click()
    assert page.url.endswith("/ru/01-safety/02-extra.html")
    expect(page.locator("html.course-progress-ready")).to_have_count(1)
    assert read_marks(page) == ["Контакт ✓ (прочитано)", "Қосымша жаттығу ✓ (прочитано)",
                                "Тест модуля ✓ (прочитано)"]


def test_clearing_asks_first_then_forgets_everything(page: Page, site: Path) -> None:
    take_test(page, site, "1-ереже", "Бұрыс", "122")
    visit(page, site, "en/index.html")
    clear = page.get_by_role("button", name="Clear my progress", exact=True)
    clear.click()
    expect(page.get_by_role("button", name="Cancel")).to_be_focused()
    expect(clear).to_have_attribute("aria-expanded", "true")
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    expect(clear).to_be_focused()
    expect(page.locator(STATE)).to_have_text("✓Test passed: 100% · Pages read: 1 of 4")
    clear.click()
    page.get_by_role("button", name="Yes, clear my progress").click()
    expect(page.get_by_role("status")).to_have_text("Your progress on this device was cleared.")
    expect(clear).to_be_focused()
    expect(page.locator(STATE)).to_have_text("○Not started")
    expect(page.locator(CONTINUE)).to_be_hidden()
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes('quiz-course'))") == []
    visit(page, site, "en/01-safety/03-test.html")
    expect(page.locator("#quiz-sf-test-q1 input").first).to_be_enabled()


def test_printing_shows_no_progress(page: Page, site: Path) -> None:
    visit(page, site, "01-safety/index.html")
    expect(page.locator("[data-course-progress-panel]")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator("[data-course-progress-panel]")).to_be_hidden()
