"""The quiz page script in a real browser: Debian's chromium driven by Playwright.

The fixture course ``quiz`` (kk, ru, en) is built once with the real CLI; pages
open from file:// with every other request aborted, as on a USB stick.
The SCORM host contract is tested with the site served from a fake LMS origin
(requests answered from disk by Playwright, no network).
"""

from __future__ import annotations

import json
import mimetypes
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from tests.browser import offline_context, page_without_errors

LMS = "http://lms.test/"


@pytest.fixture(scope="module")
def site(quiz_course: Path) -> Path:
    return quiz_course / "site"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    with offline_context(browser, {"width": 390, "height": 844}) as context:
        yield context


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    with page_without_errors(context) as page:
        yield page


def open_page(page: Page, site: Path, uri: str) -> None:
    page.goto((site / uri).as_uri())
    expect(page.locator("html.quiz-ready")).to_have_count(1)


def choose(page: Page, qid: str, label: str) -> None:
    page.locator(f"#quiz-{qid} label").get_by_text(label, exact=True).click()


def check(page: Page, qid: str) -> None:
    page.locator(f"#quiz-{qid} .quiz-check").click()


def status(page: Page, qid: str) -> str:
    """The verdict the question's live region gives (hints are verdicts too)."""
    return page.locator(f"#quiz-{qid} .quiz-feedback").evaluate(
        "e => (e.querySelector('.quiz-verdict') || e).textContent")


def start_again(page: Page, name: str, confirm: str) -> None:
    """Press "start again", then confirm in the question it asks."""
    page.get_by_role("button", name=name).click()
    expect(page.locator(".quiz-confirm-no")).to_be_focused()
    page.get_by_role("button", name=confirm).click()


def test_kazakh_lesson_wrong_then_right(page: Page, site: Path) -> None:
    open_page(page, site, "01-safety/01-contact.html")
    q1 = page.locator("#quiz-sf-01-q1")
    expect(q1).not_to_contain_text("1-ереже қадір-қасиетті қорғайды")
    check(page, "sf-01-q1")
    assert status(page, "sf-01-q1") == "Алдымен жауапты таңдаңыз."
    choose(page, "sf-01-q1", "43-ереже")
    check(page, "sf-01-q1")
    assert status(page, "sf-01-q1") == "Қайталап көріңіз"
    expect(q1.locator(".quiz-feedback .quiz-option-feedback")).to_have_text(
        ["Жоқ: 43-ереже жазаларды шектейді."])
    expect(q1.locator(".quiz-feedback .quiz-note-option")).to_have_text(["43-ереже"])
    choose(page, "sf-01-q1", "1-ереже")
    check(page, "sf-01-q1")
    assert status(page, "sf-01-q1") == "Дұрыс жауап"
    expect(q1.locator(".quiz-feedback .quiz-option-feedback")).to_have_text(
        ["Дұрыс: 1-ереже қадір-қасиетті қорғайды."])
    expect(q1.locator(".quiz-feedback .quiz-explanation")).to_have_text(
        "1-ереженің бірінші тұруы кездейсоқ емес.")

    choose(page, "sf-01-q2", "Ұжымдық жаза")
    check(page, "sf-01-q2")
    assert status(page, "sf-01-q2") == "Қайталап көріңіз"
    choose(page, "sf-01-q2", "Қараңғы камера")
    check(page, "sf-01-q2")
    assert status(page, "sf-01-q2") == "Дұрыс жауап"
    choose(page, "sf-01-q3", "Бұрыс")
    check(page, "sf-01-q3")
    assert status(page, "sf-01-q3") == "Дұрыс жауап"
    page.fill("#quiz-sf-01-q4-answer", "abc")
    check(page, "sf-01-q4")
    assert status(page, "sf-01-q4") == "Сан енгізіңіз."
    page.fill("#quiz-sf-01-q4-answer", "15,0")
    check(page, "sf-01-q4")
    assert status(page, "sf-01-q4") == "Дұрыс жауап"
    page.fill("#quiz-sf-01-q5-answer", "  мандела ")
    page.press("#quiz-sf-01-q5-answer", "Enter")
    assert status(page, "sf-01-q5") == "Дұрыс жауап"
    page.fill("#quiz-sf-01-q5-answer", "Манделла")
    page.press("#quiz-sf-01-q5-answer", "Enter")
    assert status(page, "sf-01-q5") == "Қайталап көріңіз"
    assert page.get_attribute("#quiz-sf-01-q5-answer", "maxlength") == "60"
    assert page.get_attribute("#quiz-sf-01-q4-answer", "maxlength") == "16"


def test_russian_test_page_scores_and_retries(page: Page, site: Path) -> None:
    open_page(page, site, "ru/01-safety/03-test.html")
    summary = page.locator(".quiz-summary")
    choose(page, "sf-test-q1", "Правило 1")
    check(page, "sf-test-q1")
    assert status(page, "sf-test-q1") == "Правильно"
    expect(page.locator("#quiz-sf-test-q1 input").first).to_be_disabled()
    expect(page.locator("#quiz-sf-test-q1 .quiz-check")).to_have_attribute("aria-disabled", "true")
    expect(summary).to_have_text("Отвечено вопросов: 1 из 3")
    choose(page, "sf-test-q2", "Неверно")
    check(page, "sf-test-q2")
    page.fill("#quiz-sf-test-q3-answer", "100")
    check(page, "sf-test-q3")
    assert status(page, "sf-test-q3") == "Неправильно"
    expect(summary).to_have_text(
        "Ваш результат: 66\u00a0% (2 из 3) · Проходной балл: 60\u00a0% · Тест сдан")

    page.get_by_role("button", name="Начать заново").click()
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Начать заново")).to_be_focused()
    expect(page.locator(".quiz-confirm")).to_be_hidden()
    expect(page.locator("#quiz-sf-test-q1 input").first).to_be_disabled()
    start_again(page, "Начать заново", "Да, удалить ответы")
    expect(summary).to_have_text("Ваши ответы на этой странице сброшены.")
    expect(page.locator("#quiz-sf-test-q1 input").first).to_be_enabled()
    choose(page, "sf-test-q1", "Правило 43")
    check(page, "sf-test-q1")
    choose(page, "sf-test-q2", "Верно")
    check(page, "sf-test-q2")
    page.fill("#quiz-sf-test-q3-answer", "122")
    check(page, "sf-test-q3")
    expect(summary).to_have_text(
        "Ваш результат: 33\u00a0% (1 из 3) · Проходной балл: 60\u00a0% · Тест не сдан")


def test_keyboard_alone(page: Page, site: Path) -> None:
    open_page(page, site, "01-safety/01-contact.html")
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "quiz-sf-01-q2-0":
            break
    else:
        pytest.fail("Tab never reached the first option of sf-01-q2")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('quiz-check')")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    assert status(page, "sf-01-q2") == "Дұрыс жауап"


def test_answers_are_restored_after_reload_and_reset(page: Page, site: Path) -> None:
    open_page(page, site, "01-safety/01-contact.html")
    choose(page, "sf-01-q1", "43-ереже")
    check(page, "sf-01-q1")
    page.fill("#quiz-sf-01-q5-answer", "Мандела")
    check(page, "sf-01-q5")
    stored = page.evaluate("localStorage.getItem('course-quiz:quiz-course:sf-01')")
    assert json.loads(stored) == {"sf-01-q1": ["1"], "sf-01-q5": ["Мандела"]}

    page.reload()
    expect(page.locator("html.quiz-ready")).to_have_count(1)
    expect(page.locator("#quiz-sf-01-q1-1")).to_be_checked()
    assert status(page, "sf-01-q1") == "Қайталап көріңіз"
    expect(page.locator("#quiz-sf-01-q5-answer")).to_have_value("Мандела")
    assert status(page, "sf-01-q5") == "Дұрыс жауап"

    start_again(page, "Қайта бастау", "Иә, жауаптарымды өшіру")
    expect(page.locator("#quiz-sf-01-q1-1")).not_to_be_checked()
    assert status(page, "sf-01-q1") == ""
    page.reload()
    expect(page.locator("html.quiz-ready")).to_have_count(1)
    expect(page.locator("#quiz-sf-01-q5-answer")).to_have_value("")
    assert page.evaluate("localStorage.getItem('course-quiz:quiz-course:sf-01')") is None


def test_fallback_page_uses_the_strings_of_its_folder(page: Page, site: Path) -> None:
    open_page(page, site, "ru/01-safety/02-extra.html")
    expect(page.locator("#quiz-sf-02-q1 legend")).to_have_text(
        "Динамикалық қауіпсіздік жақсы қарым-қатынасқа сүйенеді.")
    choose(page, "sf-02-q1", "Верно")
    check(page, "sf-02-q1")
    assert status(page, "sf-02-q1") == "Правильно"
    assert page.locator("#quiz-sf-02-q1").evaluate("e => e.closest('[lang]').lang") == "kk"
    for ui in (".quiz-verdict", ".quiz-check", "label"):
        assert page.locator(f"#quiz-sf-02-q1 {ui}").first.get_attribute("lang") == "ru", ui
    expect(page.get_by_role("button", name="Начать заново")).to_be_visible()


HOST = """<!doctype html><meta charset="utf-8"><title>LMS</title>
<script>
window.calls = [];
window.CourseHost = {
  loadAnswers: function (pageId) { calls.push(["loadAnswers", pageId]);
    return {"sf-test-q1": ["1"]}; },
  answer: function (detail) { calls.push(["answer", detail]); if (window.broken) throw 1; },
  testResult: function (detail) { calls.push(["testResult", detail]); }
};
</script>
<iframe src="site/ru/01-safety/03-test.html" width="800" height="900"></iframe>
"""


def serve_lms(context: BrowserContext, site: Path) -> None:
    def answer(route: Route) -> None:
        path = route.request.url.removeprefix(LMS).split("?")[0]
        if path == "launcher.html":
            route.fulfill(body=HOST, content_type="text/html")
            return
        file = site / path.removeprefix("site/")
        if not file.is_file():
            route.fulfill(status=404)
            return
        route.fulfill(body=file.read_bytes(),
                      content_type=mimetypes.guess_type(file.name)[0] or "text/plain")

    context.route(f"{LMS}**", answer)


def test_course_host_replaces_local_storage(context: BrowserContext, site: Path) -> None:
    serve_lms(context, site)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{LMS}launcher.html")
    frame = page.frame_locator("iframe")
    expect(frame.locator("html.quiz-ready")).to_have_count(1)
    expect(frame.locator("#quiz-sf-test-q1-1")).to_be_checked()
    expect(frame.locator("#quiz-sf-test-q1 .quiz-feedback")).to_have_text("Правильно")
    page.evaluate("window.broken = true")
    frame.locator("#quiz-sf-test-q2 label").get_by_text("Неверно", exact=True).click()
    frame.locator("#quiz-sf-test-q2 .quiz-check").click()
    expect(frame.locator("#quiz-sf-test-q2 .quiz-feedback")).to_have_text("Правильно")
    page.evaluate("window.broken = false")
    frame.locator("#quiz-sf-test-q3-answer").fill("12")
    frame.locator("#quiz-sf-test-q3 .quiz-check").click()
    expect(frame.locator(".quiz-summary")).to_contain_text("Ваш результат: 66\u00a0% (2 из 3)")

    calls = page.evaluate("window.calls")
    assert calls[0] == ["loadAnswers", "sf-test"]
    answers = [detail for name, detail in calls if name == "answer"]
    assert [(a["id"], a["response"], a["result"]) for a in answers] == [
        ("sf-test-q2", ["false"], "correct"),
        ("sf-test-q3", ["12"], "incorrect"),
    ]
    for detail in answers:  # the page reports what was answered, never the correct answer
        assert "correct" not in detail and "tolerance" not in detail
        assert detail["pageId"] == "sf-test" and detail["isTest"] is True
        assert detail["timestamp"].endswith("Z") and detail["latencyMs"] >= 0
    assert [d for n, d in calls if n == "testResult"] == [
        {"pageId": "sf-test", "moduleId": "sf", "raw": 2, "min": 0, "max": 3, "passMark": 60,
         "passed": True},
    ]
    assert frame.locator("html").evaluate("() => localStorage.length") == 0
    assert errors == []


# ---- learner text and saved state never break the page ----

QUOTED = 'Нельсон "Мандела" \\ </script><b>'


def test_typed_quotes_and_markup_are_saved_and_restored(page: Page, site: Path) -> None:
    open_page(page, site, "01-safety/01-contact.html")
    page.fill("#quiz-sf-01-q5-answer", QUOTED)
    check(page, "sf-01-q5")
    assert status(page, "sf-01-q5") == "Қайталап көріңіз"
    stored = page.evaluate("localStorage.getItem('course-quiz:quiz-course:sf-01')")
    assert json.loads(stored) == {"sf-01-q5": [QUOTED]}
    page.reload()
    expect(page.locator("html.quiz-ready")).to_have_count(1)
    expect(page.locator("#quiz-sf-01-q5-answer")).to_have_value(QUOTED)
    assert status(page, "sf-01-q5") == "Қайталап көріңіз"
    assert page.locator("#quiz-sf-01-q5 b").count() == 0


SAVED = {
    "sf-01-q5": ["ы" * 5000 + "\u0000"],  # longer than any input: cut to its 60
    "sf-01-q1": ["7", "1", "0"],          # option 7 does not exist; a single choice keeps one
    "sf-01-q2": ["1", '"]', "x"],         # values that are not options are dropped
    "sf-01-q4": [{"x": 1}],               # not text: nothing restored
    "sf-01-q3": "true",                   # not a list
    "unknown": ["1"],
}


def test_saved_answers_are_cleaned_when_restored(page: Page, site: Path) -> None:
    open_page(page, site, "01-safety/01-contact.html")
    page.evaluate("s => localStorage.setItem('course-quiz:quiz-course:sf-01', s)",
                  json.dumps(SAVED))
    page.reload()
    expect(page.locator("html.quiz-ready")).to_have_count(1)
    expect(page.locator("#quiz-sf-01-q5-answer")).to_have_value("ы" * 60)
    expect(page.locator("#quiz-sf-01-q1 input:checked")).to_have_count(1)
    expect(page.locator("#quiz-sf-01-q1-1")).to_be_checked()
    expect(page.locator("#quiz-sf-01-q2 input:checked")).to_have_count(1)
    expect(page.locator("#quiz-sf-01-q2-1")).to_be_checked()
    expect(page.locator("#quiz-sf-01-q4-answer")).to_have_value("")
    expect(page.locator("#quiz-sf-01-q3 input:checked")).to_have_count(0)
    assert status(page, "sf-01-q4") == ""
    page.fill("#quiz-sf-01-q4-answer", "15")
    check(page, "sf-01-q4")
    stored = json.loads(page.evaluate(
        "localStorage.getItem('course-quiz:quiz-course:sf-01')"))
    assert stored == {"sf-01-q5": ["ы" * 60], "sf-01-q1": ["1"], "sf-01-q2": ["1"],
                      "sf-01-q4": ["15"]}
