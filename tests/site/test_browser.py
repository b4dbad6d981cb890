"""The built site in Chromium from file://, with every non-file request blocked."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect, sync_playwright

from .conftest import LANGS, PAGES, PREFIX, BuiltSite

KAZAKH_LETTERS = "әғқңөұүһі ӘҒҚҢӨҰҮҺІ"


@dataclass
class Visit:
    """An open page and every request it made."""

    page: Page
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def search(self, query: str) -> list[str]:
        """Open search with "/", type ``query`` and return the result links' paths."""
        self.page.keyboard.press("/")
        self.page.locator("[data-course-search-input]").fill(query)
        self.page.wait_for_selector("[data-course-search-ready]", state="attached")
        return self.result_paths()

    def result_paths(self) -> list[str]:
        return self.page.eval_on_selector_all(
            "[data-course-search-list] a", "links => links.map(a => a.href)")

    def meta(self) -> str:
        return self.page.inner_text("[data-course-search-meta]").strip()


@pytest.fixture
def visit(browser: Browser, built: BuiltSite) -> Iterator[callable]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    visits: list[Visit] = []

    def open_page(lang: str, page: str, site: BuiltSite = built) -> Visit:
        tab = context.new_page()
        record = Visit(tab)
        visits.append(record)

        def route(route: Route) -> None:
            url = route.request.url
            record.requests.append(url)
            if url.startswith("file://"):
                route.continue_()
            else:
                record.blocked.append(url)
                route.abort()

        tab.route("**/*", route)
        tab.on("requestfailed", lambda r: record.failed.append(r.url))
        tab.on("pageerror", lambda e: record.errors.append(str(e)))
        tab.on("console", lambda m: record.errors.append(m.text) if m.type == "error" else None)
        tab.goto(site.page(lang, page).as_uri())
        tab.wait_for_load_state("load")
        tab.evaluate("document.fonts.ready")
        return record

    yield open_page
    context.close()


def site_path(built: BuiltSite, url: str) -> str:
    """Return a file:// URL as a path relative to the site folder (without the fragment)."""
    assert url.startswith("file://"), url
    path = Path(url[len("file://"):].split("#")[0])
    return path.resolve().relative_to(built.site.resolve()).as_posix()


@pytest.mark.parametrize("lang", LANGS)
def test_pages_load_everything_from_the_site_folder(built: BuiltSite, visit, lang: str) -> None:
    for page in (*PAGES, "404.html"):
        seen = visit(lang, page)
        assert not any("/search/index." in u for u in seen.requests), "index loaded early"
        seen.search("ереже")  # loads the search index too
        assert seen.blocked == [], page
        assert seen.failed == [], page
        assert seen.errors == [], page
        outside = [u for u in seen.requests if not site_path(built, u)]
        assert outside == []
        assert seen.page.evaluate("document.documentElement.lang") == lang
        assert any(u.endswith(f"search/index.{lang}.js") for u in seen.requests)


def test_images_fonts_and_scripts_load(built: BuiltSite, visit) -> None:
    seen = visit("kk", "01-basics/01-first.html")
    images = seen.page.eval_on_selector_all(
        "img", "imgs => imgs.map(i => [i.getAttribute('src'), i.complete && i.naturalWidth > 0])")
    assert images == [["images/diagram.svg", True]]
    assert seen.page.evaluate(f"document.fonts.check('16px \"Noto Sans\"', '{KAZAKH_LETTERS}')")
    loaded = seen.page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded')"
        ".map(f => f.family.replace(/\"/g, '') + ' ' + f.weight + ' ' + f.style)")
    assert "Noto Sans 400 normal" in loaded and "Noto Sans 700 normal" in loaded
    fonts = [u.rsplit("/", 1)[-1] for u in seen.requests if u.endswith(".woff2")]
    assert "noto-sans-cyrillic-ext-400-normal.woff2" in fonts
    family = seen.page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Noto Sans"')
    scripts = [site_path(built, u) for u in seen.requests if u.endswith(".js")]
    assert "assets/javascripts/course-search.js" in scripts
    assert seen.failed == [] and seen.blocked == []


@pytest.mark.parametrize(("lang", "page"), [("kk", "01-basics/01-first.html"),
                                            ("ru", "01-basics/02-second.html"),
                                            ("en", "01-basics/03-third.html"),
                                            ("kk", "01-basics/02-second.html")])
def test_language_menu_opens_the_same_page(built: BuiltSite, visit, lang: str,
                                           page: str) -> None:
    for other in LANGS:
        seen = visit(lang, page)
        # Leaving a page cancels what it still loads; only a settled page can tell
        # a cancelled request from a failed one.
        seen.page.wait_for_load_state("networkidle")
        link = seen.page.locator(f"a.md-select__link[hreflang='{other}']")
        with seen.page.expect_navigation():
            link.dispatch_event("click")
        seen.page.wait_for_load_state("networkidle")
        assert site_path(built, seen.page.url) == PREFIX[other] + page
        assert seen.page.evaluate("document.documentElement.lang") == other
        assert (seen.failed, seen.blocked) == ([], [])


def test_kazakh_search_box_and_results_are_kazakh(visit) -> None:
    seen = visit("kk", "index.html")
    box = seen.page.locator("[data-course-search-input]")
    assert box.get_attribute("placeholder") == "Іздеу"
    seen.search("жиделер")
    assert seen.meta() == "1 сәйкестік табылды"
    seen.page.locator("[data-course-search-input]").fill("ережелер")
    assert seen.meta() == "Табылған сәйкестіктер: 2"
    seen.page.locator("[data-course-search-input]").fill("зззззз")
    assert seen.meta() == "Ештеңе табылмады"
    seen.page.locator("[data-course-search-input]").fill("контакт")
    assert seen.page.inner_text(".course-search__lang") == "Орыс тілінде"


@pytest.mark.parametrize(("lang", "word", "page"), [
    ("kk", "Жиделер", "01-basics/01-first.html"),
    ("ru", "облепиха", "ru/01-basics/01-first.html"),
    ("en", "zebrafish", "en/01-basics/01-first.html"),
])
def test_search_finds_a_word_on_one_page_of_the_language(built: BuiltSite, visit, lang: str,
                                                         word: str, page: str) -> None:
    for start in ("index.html", "01-basics/02-second.html"):
        seen = visit(lang, start)
        found = {site_path(built, u) for u in seen.search(word)}
        assert found == {page}
        for other, other_word in (("kk", "жиделер"), ("ru", "облепиха"), ("en", "zebrafish")):
            if other != lang:
                assert seen.search(other_word) == [], other_word


@pytest.mark.parametrize("lang", LANGS)
def test_search_returns_only_pages_of_the_language(built: BuiltSite, visit, lang: str) -> None:
    seen = visit(lang, "index.html")
    for query in ("ереже", "правил", "rules", "контакт", "contact"):
        for url in seen.search(query):
            path = site_path(built, url)
            assert path.startswith(PREFIX[lang]) and path.split("/")[0] not in (
                {"ru", "en"} - {lang}), (query, path)


@pytest.mark.parametrize("query", ["ережелер", "ережелерді", "ережелерінің", "Ережелердің",
                                   "ЕРЕЖЕЛЕР", "жиделерді"])
def test_kazakh_suffixes(built: BuiltSite, visit, query: str) -> None:
    seen = visit("kk", "index.html")
    found = {site_path(built, u) for u in seen.search(query)}
    assert "01-basics/01-first.html" in found
    if query.lower().startswith("ереже"):
        assert "01-basics/03-third.html" in found  # "Ережелерді", "ережелерінің"
        marks = seen.page.eval_on_selector_all("mark", "ms => ms.map(m => m.textContent)")
        assert {"Ережелер", "Ережелердің"} <= set(marks)


@pytest.mark.parametrize(("query", "page"), [
    ("елка", "ru/index.html"),
    ("ЁЛКА", "ru/index.html"),
    ("осужденный", "ru/01-basics/01-first.html"),
    ("осуждённые", "ru/01-basics/01-first.html"),
    ("правилами", "ru/01-basics/01-first.html"),
])
def test_russian_yo_and_endings(built: BuiltSite, visit, query: str, page: str) -> None:
    seen = visit("ru", "index.html")
    assert page in {site_path(built, u) for u in seen.search(query)}


@pytest.mark.parametrize(("query", "page"), [
    ("protecting", "en/01-basics/01-first.html"),
    ("rule", "en/01-basics/01-first.html"),
    ("prisoner", "en/01-basics/02-second.html"),
])
def test_english_endings(built: BuiltSite, visit, query: str, page: str) -> None:
    seen = visit("en", "index.html")
    assert page in {site_path(built, u) for u in seen.search(query)}


def test_search_result_shows_title_section_snippet_and_links_the_section(
        built: BuiltSite, visit) -> None:
    seen = visit("kk", "index.html")
    seen.search("мақсаты")
    item = seen.page.locator(".md-search-result__item")
    assert item.count() == 1
    assert item.locator("h1").inner_text() == "Адамның қадір-қасиеті"
    assert item.locator("h2").inner_text() == "Ережелер"
    assert item.locator("mark").all_inner_texts() == ["мақсаты"]
    assert "Ережелердің мақсаты айқын." in item.locator("p").inner_text()
    href = item.locator("a").first.get_attribute("href")
    assert href == "./01-basics/01-first.html#ережелер"


def test_search_keyboard(built: BuiltSite, visit) -> None:
    seen = visit("ru", "01-basics/index.html")
    page = seen.page
    assert not page.is_checked("#__search")
    page.keyboard.press("s")
    assert page.is_checked("#__search")
    assert page.evaluate("document.activeElement.hasAttribute('data-course-search-input')")
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    page.keyboard.press("/")
    page.keyboard.type("облепиха")
    page.wait_for_selector(".md-search-result__item")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert site_path(built, page.url) == "ru/01-basics/01-first.html"
    assert seen.failed == [] and seen.blocked == [] and seen.errors == []


@pytest.mark.parametrize(("lang", "page", "notice", "content_lang"), [
    ("kk", "01-basics/02-second.html",
     "Бұл бет әлі қазақ тіліне аударылмаған, сондықтан орыс тілінде берілген.", "ru"),
    ("ru", "01-basics/02-second.html", None, None),
    ("en", "01-basics/03-third.html",
     "This page has not been translated into English yet, so it is shown in Kazakh.", "kk"),
])
def test_fallback_notice_in_reader_language(visit, lang: str, page: str, notice: str | None,
                                            content_lang: str | None) -> None:
    seen = visit(lang, page)
    box = seen.page.locator(".course-fallback")
    if notice is None:
        assert box.count() == 0
        return
    assert box.is_visible()
    assert box.inner_text().strip() == notice
    assert box.evaluate("e => e.lang") == lang
    assert box.evaluate("e => e.nextElementSibling.lang") == content_lang
    assert seen.page.evaluate("document.documentElement.lang") == lang


def test_kazakh_frame_in_the_browser(visit) -> None:
    seen = visit("kk", "01-basics/01-first.html")
    page = seen.page
    assert page.locator(".md-code__button[data-md-type='copy']").get_attribute("title") == "Алмасу буферіне көшіру"
    assert page.locator("a.md-skip").text_content().strip() == "Мазмұнға өту"
    titles = page.locator(".md-nav--secondary > .md-nav__title").all_text_contents()
    assert {t.strip() for t in titles} == {"Мазмұны"}
    directions = page.locator(".md-footer__direction").all_text_contents()
    assert [d.strip() for d in directions] == ["Алдыңғы", "Келесі"]
    assert page.locator(".md-copyright").inner_text().strip() == "Шағын курс"
    assert page.locator(".md-header__topic").first.inner_text().strip() == "Шағын курс"
    assert page.title() == "Адамның қадір-қасиеті - Шағын курс"


def test_search_finds_fallback_pages_in_the_reader_folder(built: BuiltSite, visit) -> None:
    seen = visit("en", "01-basics/01-first.html")
    found = [site_path(built, u) for u in seen.search("ережелерді")]
    assert found == ["en/01-basics/03-third.html"]
    label = seen.page.locator(".course-search__lang")
    assert label.inner_text() == "In Kazakh"
    assert seen.page.locator(".md-search-result__article--document").get_attribute("lang") == "kk"


def test_search_says_so_when_the_index_is_missing(built: BuiltSite, visit,
                                                  tmp_path: Path) -> None:
    copy = BuiltSite(built.root, tmp_path / "site", "")
    shutil.copytree(built.site, copy.site)
    (copy.site / "ru/search/index.ru.js").unlink()
    seen = visit("ru", "index.html", copy)
    seen.page.keyboard.press("/")
    seen.page.keyboard.type("правила")
    expect(seen.page.locator("[data-course-search-meta]")).to_have_text(
        "Не удалось загрузить поисковый индекс.")
    assert seen.errors == ["Failed to load resource: net::ERR_FILE_NOT_FOUND"]


def test_the_word_being_typed_matches_as_a_prefix(built: BuiltSite, visit) -> None:
    seen = visit("en", "index.html")
    assert {site_path(built, u) for u in seen.search("zebra")} == {"en/01-basics/01-first.html"}
    assert seen.search("zebra ") == []
    assert seen.search("dignity zebr") != [] and seen.search("zebr dignity") == []


def test_fallback_page_images_load(visit) -> None:
    seen = visit("kk", "01-basics/02-second.html")
    images = seen.page.eval_on_selector_all(
        "img", "imgs => imgs.map(i => [i.getAttribute('src'), i.complete && i.naturalWidth > 0])")
    assert images == [["images/contact.svg", True]]
    assert seen.failed == [] and seen.blocked == []
