"""The glossary on the site: a page per language, first uses of terms linked and explained."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from build_tools.build.pipeline import build_site
from tests.build_tools.test_glossary import GLOSSARY
from tests.conftest import copy_course

PAGE = ("---\nid: ba-01\ntitle: {title}\n---\n# {title}\n\n{body}\n\n## Rules\n\n{more}\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal course with a glossary, built once."""
    root = copy_course("minimal", tmp_path_factory.mktemp("glossary") / "course")
    (root / "glossary.yml").write_text(GLOSSARY.replace("conditioning:\n", "conditioning:\n"
                                                        "  readers: false\n"), encoding="utf-8")
    pages = {
        "en": ("Human dignity", "Probation supervision keeps dignity in view; conditioning "
               "does not.",
               "Again, probation supervision. `probation supervision` in code."),
        "ru": ("Достоинство", "Пробационный контроль учитывает достоинство.",
               "Снова о пробационном контроле."),
        "kk": ("Қадір-қасиет", "Пробациялық бақылау қадір-қасиетті ескереді.",
               "Тағы да пробациялық бақылау туралы."),
    }
    for lang, (title, body, more) in pages.items():
        (root / "docs" / lang / "01-basics" / "01-first.md").write_text(
            PAGE.format(title=title, body=body, more=more), encoding="utf-8")
    build_site(root)
    return root / "site"


def _doc(path: Path) -> Any:
    return lxml_html.fromstring(path.read_text(encoding="utf-8"))


SOURCE = "Penal Enforcement Code of the Republic of Kazakhstan"


@pytest.mark.parametrize(("folder", "title", "term", "meta"), [
    ("", "Глоссарий", "пробациялық бақылау", "Орыс тілі: пробационный контроль · Ағылшын "
     f"тілі: probation supervisionДереккөзі: {SOURCE}"),
    ("ru/", "Глоссарий", "пробационный контроль", "Казахский: пробациялық бақылау · "
     f"Английский: probation supervisionИсточник: {SOURCE}"),
    ("en/", "Glossary", "probation supervision", "Kazakh: пробациялық бақылау · Russian: "
     f"пробационный контрольSource: {SOURCE}"),
])
def test_every_language_has_a_glossary_page(site: Path, folder: str, title: str, term: str,
                                             meta: str) -> None:
    doc = _doc(site / folder / "glossary.html")
    assert doc.xpath("//article//h1")[0].text == title
    entry = doc.xpath('//h2[@id="probation-supervision"]')[0]
    assert entry.text == term
    assert entry.getnext().getnext().text_content() == meta
    assert [h.get("id") for h in doc.xpath("//article//h2")] == ["probation-supervision"], \
        "entries with 'readers: false' are not on the page"
    nav = doc.xpath('//nav[contains(@class, "md-nav--primary")]//a[contains(@href, '
                    '"glossary.html")]')
    assert nav, "the glossary page is in the navigation"


def test_first_use_links_to_the_glossary_with_a_tooltip(site: Path) -> None:
    doc = _doc(site / "ru" / "01-basics" / "01-first.html")
    links = doc.xpath('//a[contains(@class, "course-term__link")]')
    assert [(a.text, a.get("href")) for a in links] == [
        ("Пробационный контроль", "../glossary.html#probation-supervision")]
    tip = doc.xpath(f'//*[@id="{links[0].get("aria-describedby")}"]')[0]
    assert tip.get("role") == "tooltip"
    assert tip.text_content() == "пробационный контроль: Контроль службы пробации."


def test_terms_in_code_are_not_linked_and_tooltips_are_not_searched(site: Path) -> None:
    doc = _doc(site / "en" / "01-basics" / "01-first.html")
    assert len(doc.xpath('//a[contains(@class, "course-term__link")]')) == 1, \
        "terms in code and entries with 'readers: false' are not linked"
    assert doc.xpath('//code[not(.//a)][text()="probation supervision"]')
    script = (site / "en" / "search" / "index.en.js").read_text(encoding="utf-8")
    data = json.loads(script[script.index("=", script.index("]")) + 1:].rstrip(";\n"))
    page = next(p for p in data["pages"] if p[0] == "01-basics/01-first.html")
    assert "Supervision by the probation service" not in json.dumps(page)


def test_tooltip_shows_on_focus_hover_and_tap_and_hides_with_escape(site: Path,
                                                                      browser: Any) -> None:
    context = browser.new_context(has_touch=True)
    page = context.new_page()
    page.goto((site / "ru" / "01-basics" / "01-first.html").as_uri())
    tip = page.locator(".course-term__tip").first
    link = page.locator(".course-term__link").first
    assert not tip.is_visible()
    link.focus()
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    link.blur()
    assert not tip.is_visible()
    link.hover()
    assert tip.is_visible()
    page.mouse.move(0, 0)
    link.tap()
    assert tip.is_visible()
    assert page.url.endswith("01-first.html"), "the first tap shows the definition"
    link.tap()
    page.wait_for_url("**/glossary.html#probation-supervision")
    context.close()
