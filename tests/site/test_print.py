"""A lesson printed from the browser is a clean worksheet: Chromium's own PDF printing."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from build_tools.languages.i18n import gettext


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def only_files(route: Route) -> None:
        (route.continue_ if route.request.url.startswith("file:") else route.abort)()

    context.route("**/*", only_files)
    yield context.new_page()
    context.close()


def printed_pages(page: Page, tmp_path: Path) -> list[str]:
    """The page printed to A4 by Chromium, as the text of each sheet (poppler's pdftotext)."""
    target = tmp_path / "printed.pdf"
    target.write_bytes(page.pdf(format="A4"))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(target), "-"], check=True,
                          capture_output=True, text=True).stdout
    return [" ".join(sheet.split()) for sheet in text.split("\f") if sheet.strip()]


def test_a_lesson_with_stored_answers_prints_as_a_blank_worksheet(
        page: Page, quiz_course: Path, tmp_path: Path) -> None:
    page.goto((quiz_course / "site" / "01-safety" / "01-contact.html").as_uri())
    expect(page.locator("html.quiz-ready")).to_have_count(1)
    page.locator("#quiz-sf-01-q1 label").get_by_text("43-ереже", exact=True).click()
    page.locator("#quiz-sf-01-q1 .quiz-check").click()
    page.fill("#quiz-sf-01-q5-answer", "Нельсон Мандела")
    page.locator("#quiz-sf-01-q5 .quiz-check").click()
    expect(page.locator("#quiz-sf-01-q1 .quiz-option-feedback")).to_have_count(1)

    page.emulate_media(media="print")
    for hidden in (".quiz-check", ".quiz-feedback", ".quiz-page", "[data-quiz-shown]",
                   ".md-header", ".md-sidebar", ".md-footer"):
        expect(page.locator(hidden).first).to_be_hidden()
    assert page.eval_on_selector("#quiz-sf-01-q1-1", "e => [e.checked, getComputedStyle(e)"
                                 ".appearance]") == [True, "none"]
    sheets = printed_pages(page, tmp_path)

    everything = " ".join(sheets)
    assert "Байланыс" in everything and "Қай ереже адамның қадір-қасиетін қорғайды?" in everything
    controls = [gettext("kk", "quiz", msgid) for msgid in
                ("Check", "Try again", "Correct", "Reset answers")]
    for absent in (*controls, "Нельсон Мандела", "Жоқ: 43-ереже жазаларды шектейді.",
                   "Русский"):
        assert absent not in everything, absent
    for prompt, last_option in (("Қай ереже адамның", "82-ереже"),
                                ("43-ереже қандай жазаларға", "Ескерту"),
                                ("Ережелер кімнің құрметіне",
                                 gettext("kk", "quiz", "Your answer"))):
        assert any(prompt in sheet and last_option in sheet.split(prompt, 1)[1]
                   for sheet in sheets), prompt
