"""Keyboard, phone and screen-reader behaviour of the sample course in Chromium.

Pages open from file:// in one tab. Transitions are switched off, so that what
has focus is checked where it ends up, not half-way through a fade.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser import page_without_errors

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; }"
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  const shown = e.checkVisibility({visibilityProperty: true, opacityProperty: true})
    && r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
    && r.left < innerWidth && r.top < innerHeight;
  const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2)
    || s.boxShadow !== "none";
  const name = e.tagName.toLowerCase() + "." + [...e.classList].join(".")
    + (e.getAttribute("href") ? "[" + e.getAttribute("href") + "]" : "")
    + (e.id ? "#" + e.id : "");
  return {name, shown, ring};
}"""


@pytest.fixture(scope="module")
def sample_site(sample_course: Path) -> Path:
    return sample_course / "site"


@pytest.fixture(scope="module")
def tab(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)
    try:
        with page_without_errors(context) as page:
            yield page
    finally:
        context.close()


def open_page(tab: Page, path: Path, size: dict[str, int] = DESKTOP) -> None:
    tab.set_viewport_size(size)
    tab.goto(path.as_uri())
    tab.wait_for_load_state("load")
    tab.add_style_tag(content=NO_TRANSITIONS)
    tab.evaluate("localStorage.clear()")


def tab_through(tab: Page, limit: int = 400) -> list[dict[str, Any]]:
    """Press Tab until focus leaves the page; return what had focus at each stop."""
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        stop = tab.evaluate(FOCUSED)
        if stop is None or (stops and stop["name"] == stops[0]["name"]):
            return stops
        stops.append(stop)
    pytest.fail(f"Tab did not leave the page after {limit} stops")


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("page", ["index.html", "ru/02-dynamic-security/01-three-dimensions.html",
                                  "en/01-mandela-rules/05-test.html"])
def test_every_focus_stop_is_visible_and_ringed(tab: Page, sample_site: Path, page: str,
                                                size: dict[str, int]) -> None:
    open_page(tab, sample_site / page, size)
    stops = tab_through(tab)
    assert len(stops) > 5
    assert [s["name"] for s in stops if not s["shown"]] == []
    assert [s["name"] for s in stops if not s["ring"]] == []


def test_phone_menu_and_search_buttons_work_from_the_keyboard(tab: Page,
                                                              sample_site: Path) -> None:
    open_page(tab, sample_site / "01-mandela-rules/01-origins.html", PHONE)
    menu = tab.locator("label.md-header__button[for='__drawer']")
    tab.keyboard.press("Tab")  # the skip link
    tab.keyboard.press("Tab")
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    assert menu.get_attribute("aria-label") == "Навигация"
    tab.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(tab.locator(".md-sidebar--primary a[href]").first).to_be_focused()
    tab.keyboard.press("Escape")
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(tab.locator(".md-sidebar--primary")).to_be_hidden()

    button = tab.locator("label.md-header__button[for='__search']")
    button.focus()
    tab.keyboard.press("Enter")
    expect(tab.locator("[data-course-search-input]")).to_be_focused()
    tab.keyboard.type("Мандела")
    expect(tab.locator(".md-search-result__item").first).to_be_visible()
    tab.keyboard.press("ArrowDown")
    expect(tab.locator(".md-search-result__link").first).to_be_focused()
    tab.keyboard.press("Escape")
    assert not tab.is_checked("#__search")
    expect(button).to_be_focused()


@pytest.mark.parametrize("start", ["link", "nothing"])
def test_escape_from_search_results_returns_focus(tab: Page, sample_site: Path,
                                                  start: str) -> None:
    open_page(tab, sample_site / "ru/index.html")
    link = tab.locator(".md-content a[href]").first
    if start == "link":
        link.focus()
    tab.keyboard.press("/")
    tab.keyboard.type("правила")
    expect(tab.locator(".md-search-result__item").first).to_be_visible()
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("ArrowDown")
    expect(tab.locator(".md-search-result__link").nth(1)).to_be_focused()
    tab.keyboard.press("Escape")
    assert not tab.is_checked("#__search")
    expected = link if start == "link" else tab.locator("[data-course-search-input]")
    expect(expected).to_be_focused()
    assert not tab.is_checked("#__search")


SCROLL_SETTLED = """e => new Promise(done => {
  let last = -1;
  (function tick() {
    if (e.scrollLeft === last) done();
    else { last = e.scrollLeft; setTimeout(tick, 200); }
  })();
})"""
"""Wait until an element's scroll position has not moved for 200 ms."""


def test_wide_table_on_a_phone_scrolls_from_the_keyboard(tab: Page, sample_site: Path) -> None:
    open_page(tab, sample_site / "ru/01-mandela-rules/02-basic-principles.html", PHONE)
    box = tab.locator(".md-typeset__scrollwrap").first
    expect(box).to_have_attribute("tabindex", "0")
    expect(box).to_have_attribute("role", "region")
    expect(box).to_have_accessible_name("Таблица")
    expect(box).to_have_attribute("data-course-scroll", "right")
    hint = tab.locator(".course-scroll-hint").first
    expect(hint).to_have_text("Прокрутите таблицу по горизонтали, чтобы увидеть её целиком")
    assert "inset" in box.evaluate("e => getComputedStyle(e).boxShadow")
    box.focus()
    tab.keyboard.press("ArrowRight")
    # Chromium scrolls smoothly: wait for the scroll to happen.
    tab.wait_for_function("() => document.querySelector('.md-typeset__scrollwrap').scrollLeft > 0")
    # ... to its end: a scroll set while the smooth one still runs would be overtaken by it.
    box.evaluate(SCROLL_SETTLED)
    expect(box).to_have_attribute("data-course-scroll", re.compile(r"^left"))
    box.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    expect(box).to_have_attribute("data-course-scroll", "left")
    box.evaluate("e => { e.scrollLeft = 0; }")
    expect(box).to_have_attribute("data-course-scroll", "right")

    tab.set_viewport_size(DESKTOP)
    expect(tab.locator(".course-scroll-hint")).to_have_count(0)
    assert box.get_attribute("tabindex") is None


@pytest.mark.parametrize(("page", "label"), [
    ("02-dynamic-security/01-three-dimensions.html", "Суретті толық өлшемде ашу"),
    ("en/03-risk-and-needs/04-sentence-planning-and-review.html", "Open the full-size image"),
])
def test_diagrams_on_a_phone_open_full_size(tab: Page, sample_site: Path, page: str,
                                            label: str) -> None:
    open_page(tab, sample_site / page, PHONE)
    image = tab.locator(".md-typeset img").first
    link = tab.locator(".md-typeset a.course-zoom").first
    expect(link).to_have_text(label)
    assert link.get_attribute("href") == image.get_attribute("src")
    box = link.bounding_box()
    assert box is not None and box["height"] >= 44
    with tab.expect_navigation():
        link.click()
    assert tab.url.endswith(".svg")
    tab.set_viewport_size(PHONE)
    sizes = tab.evaluate("[...document.querySelectorAll('text')].map("
                         "t => t.getBoundingClientRect().height)")
    assert sizes and min(sizes) >= 11


@pytest.mark.parametrize(("page", "title"), [
    ("index.html", "Нельсон Мандела ережелері түзеу мекемесі мен пробация қызметінің "
                   "күнделікті жұмысында"),
    ("en/index.html", "The Nelson Mandela Rules in daily prison and probation work"),
    ("en/01-mandela-rules/01-origins.html",
     "Where the Rules come from - The Nelson Mandela Rules in daily prison and probation work"),
])
def test_tab_title_names_the_course_once(tab: Page, sample_site: Path, page: str,
                                         title: str) -> None:
    open_page(tab, sample_site / page)
    assert tab.title() == title


def test_long_course_title_leaves_room_for_the_navigation(tab: Page, sample_site: Path) -> None:
    open_page(tab, sample_site / "ru/01-mandela-rules/01-origins.html")
    title = tab.locator(".md-nav--primary > .md-nav__title")
    box = title.bounding_box()
    line = title.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
    assert box is not None and box["height"] <= 3 * line + 2 * 8 + 1


def test_checking_an_answer_keeps_focus_and_speaks_once(tab: Page, sample_site: Path) -> None:
    open_page(tab, sample_site / "ru/01-mandela-rules/05-test.html")
    first = tab.locator("#quiz-mr-test-q1-0")
    first.focus()
    tab.keyboard.press("Space")
    tab.keyboard.press("Tab")
    check = tab.locator("#quiz-mr-test-q1 .quiz-check")
    expect(check).to_be_focused()
    tab.keyboard.press("Enter")
    expect(check).to_be_focused()
    stop = tab.evaluate(FOCUSED)
    assert stop["shown"] and stop["ring"]
    expect(check).to_have_attribute("aria-disabled", "true")
    feedback = tab.locator("#quiz-mr-test-q1 .quiz-feedback")
    assert (feedback.get_attribute("role"), feedback.get_attribute("aria-live"),
            feedback.get_attribute("aria-atomic")) == ("status", "polite", "true")
    assert feedback.evaluate("e => e.closest('[lang]').lang") == "ru"
    expect(feedback.locator(".quiz-verdict")).to_have_text("Неправильно")
    expect(feedback.locator(".quiz-note-option")).to_have_text(["Экономический и Социальный Совет"])
    expect(feedback.locator(".quiz-explanation")).to_be_visible()
    # Everything said is in the one live region: nothing else was added to the question.
    assert tab.locator("#quiz-mr-test-q1 .quiz-explanation").count() == 1
    said = feedback.inner_text()
    tab.keyboard.press("Enter")
    assert feedback.inner_text() == said
    expect(check).to_be_focused()


def test_start_again_asks_first_from_the_keyboard(tab: Page, sample_site: Path) -> None:
    open_page(tab, sample_site / "en/04-motivational-interviewing/05-test.html")
    restart = tab.locator(".quiz-restart")
    expect(restart).to_be_hidden()
    assert tab.locator(".quiz-page button:visible").count() == 0
    tab.locator(".quiz[data-quiz-type='single'] input").first.check()
    tab.locator(".quiz[data-quiz-type='single'] .quiz-check").first.click()
    expect(restart).to_have_text("Start again")
    restart.focus()
    tab.keyboard.press("Enter")
    confirm = tab.locator(".quiz-confirm")
    expect(confirm).to_be_visible()
    assert confirm.get_attribute("role") == "group"
    expect(confirm.locator("p")).to_have_text(
        "Clear all your answers on this page and start again?")
    expect(tab.locator(".quiz-confirm-no")).to_be_focused()
    expect(restart).to_have_attribute("aria-expanded", "true")
    tab.keyboard.press("Escape")
    expect(confirm).to_be_hidden()
    expect(restart).to_be_focused()
    expect(tab.locator(".quiz-feedback").first).not_to_be_empty()
    tab.keyboard.press("Enter")
    tab.keyboard.press("Shift+Tab")
    expect(tab.locator(".quiz-confirm-yes")).to_be_focused()
    tab.keyboard.press("Enter")
    expect(confirm).to_be_hidden()
    expect(restart).to_be_hidden()
    expect(tab.locator(".quiz-summary")).to_have_text("Your answers on this page were cleared.")
    expect(tab.locator(".quiz input").first).to_be_focused()
    # The answers are gone; the site's progress (pages read) stays.
    assert tab.evaluate("Object.keys(localStorage).filter(k => k.startsWith('course-quiz'))") == []


def test_score_is_a_percentage_next_to_the_pass_mark(tab: Page, sample_site: Path) -> None:
    open_page(tab, sample_site / "01-mandela-rules/05-test.html")
    tab.evaluate("""() => document.querySelectorAll('.quiz').forEach(q => {
        const box = q.querySelector('input[type=radio], input[type=checkbox]');
        if (box) box.checked = true; else q.querySelector('input').value = '1';
        q.querySelector('.quiz-check').click(); })""")
    summary = tab.locator(".quiz-summary")
    expect(summary).to_have_attribute("data-kind", "failed")
    text = summary.inner_text()
    match = re.fullmatch(r"Нәтижеңіз: (\d+)% \((\d+)/10\) · Өту шегі: 70% · "
                         "Тесттен өте алмадыңыз", text)
    assert match and int(match[1]) == int(match[2]) * 10 < 70, text


@pytest.mark.parametrize("page", ["01-mandela-rules/05-test.html",
                                  "ru/04-motivational-interviewing/02-oars.html"])
def test_test_controls_are_44_pixels_to_tap_on_a_phone(tab: Page, sample_site: Path,
                                                       page: str) -> None:
    open_page(tab, sample_site / page, PHONE)
    small = tab.evaluate("""() => [...document.querySelectorAll(
        '.quiz-option label, .quiz button, .quiz-answer input, .quiz-page button')]
      .filter(e => e.getClientRects().length)
      .map(e => [e.className || e.id || e.tagName, e.getBoundingClientRect()])
      .filter(([, r]) => r.height < 44 || r.width < 44)
      .map(([name, r]) => name + " " + Math.round(r.width) + "x" + Math.round(r.height))""")
    assert small == []


@pytest.mark.parametrize("page", ["index.html", "ru/01-mandela-rules/05-test.html",
                                  "en/02-dynamic-security/01-three-dimensions.html", "404.html"])
def test_landmarks_and_headings(tab: Page, sample_site: Path, page: str) -> None:
    open_page(tab, sample_site / page)
    roles = tab.evaluate("""() => ({
        main: document.querySelectorAll('main, [role=main]').length,
        banner: document.querySelectorAll('body > header, [role=banner]').length,
        contentinfo: document.querySelectorAll('body footer:not(article footer)').length,
        nav: document.querySelectorAll('nav[aria-label]').length,
        h1: document.querySelectorAll('main h1, article h1').length})""")
    assert roles["main"] == 1 and roles["banner"] == 1 and roles["h1"] == 1
    assert roles["contentinfo"] >= 1 and roles["nav"] >= 2
