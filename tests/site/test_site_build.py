"""The built site's HTML: languages, language menu, fallback pages, Kazakh UI, search index."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pytest
from lxml import html

from build_tools.languages.letters import endonym
from tests.conftest import copy_course, run_cli

from .conftest import LANGS, PAGES, PREFIX, BuiltSite, build_fixture
from .ui_strings import foreign_ui_strings

UI_PARTS = ("//header", "//footer", "//nav", "//div[@data-md-component='skip']",
            "//div[contains(@class, 'md-search')]")
"""The frame around the content: header, footer, navigation, table of contents, search."""

NOTICE = {
    ("kk", "01-basics/02-second.html"):
        "Бұл бет әлі қазақ тіліне аударылмаған, сондықтан орыс тілінде берілген.",
    ("en", "01-basics/03-third.html"):
        "This page has not been translated into English yet, so it is shown in Kazakh.",
}


def parse(path: Path) -> html.HtmlElement:
    return html.fromstring(path.read_bytes())


def frame_texts(doc: html.HtmlElement) -> set[str]:
    """Visible text pieces and labels of the page frame (not the page content)."""
    texts: set[str] = set()
    page_lang = doc.get("lang")
    for part in UI_PARTS:
        for element in doc.xpath(part):
            for node in element.iter():
                if node.tag in ("script", "style") or not isinstance(node.tag, str):
                    continue
                if node.xpath("string(ancestor-or-self::*[@lang][1]/@lang)") == page_lang:
                    texts.update(t for t in [_norm(node.text)] if t)  # others say their lang
                texts.update(t for t in [_norm(node.tail)] if t)
    for attr in ("title", "aria-label", "placeholder"):
        texts.update(_norm(v) for v in doc.xpath(f"//@{attr}"))
    return texts


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def all_pages(built: BuiltSite) -> list[tuple[str, str]]:
    return [(lang, page) for lang in LANGS for page in PAGES]


def test_every_page_is_built_in_every_language(built: BuiltSite) -> None:
    missing = [str(built.page(lang, page)) for lang, page in all_pages(built)
               if not built.page(lang, page).is_file()]
    assert missing == []


@pytest.mark.parametrize("lang", LANGS)
def test_html_lang_is_the_page_language(built: BuiltSite, lang: str) -> None:
    for page in PAGES:
        assert parse(built.page(lang, page)).get("lang") == lang, page


@pytest.mark.parametrize(("lang", "page"), list(NOTICE))
def test_fallback_page_has_notice_in_reader_language(built: BuiltSite, lang: str,
                                                     page: str) -> None:
    doc = parse(built.page(lang, page))
    notice = doc.xpath("//div[contains(@class, 'course-fallback')]")
    assert [n.text_content().strip() for n in notice] == [NOTICE[lang, page]]
    assert notice[0].get("lang") == lang
    content = notice[0].getnext()
    assert content.get("lang") == {"kk": "ru", "en": "kk"}[lang]
    assert doc.get("lang") == lang


def test_translated_pages_have_no_notice(built: BuiltSite) -> None:
    with_notice = [(lang, page) for lang, page in all_pages(built)
                   if (lang, page) not in NOTICE
                   and "course-fallback" in built.page(lang, page).read_text("utf-8")]
    assert with_notice == []


def test_language_menu_links_the_same_page_in_each_language(built: BuiltSite) -> None:
    for lang, page in all_pages(built):
        source = built.page(lang, page)
        links = parse(source).xpath("//a[contains(@class, 'md-select__link')]")
        found = {}
        for link in links:
            href = link.get("href")
            assert not urlsplit(href).scheme and not href.startswith("/"), href
            assert href.endswith(".html"), href
            target = (source.parent / href).resolve()
            found[link.get("hreflang")] = target.relative_to(built.site.resolve()).as_posix()
            assert link.text_content().strip() == endonym(link.get("hreflang"))
        assert found == {other: PREFIX[other] + page for other in LANGS}, (lang, page)


def test_links_and_sources_stay_in_the_site(built: BuiltSite) -> None:
    outside = []
    for path in built.site.rglob("*.html"):
        doc = parse(path)
        for value in doc.xpath("//@href | //@src"):
            if value.startswith("#"):
                continue
            if urlsplit(value).scheme or value.startswith("/"):
                outside.append((path.name, value))
                continue
            target = (path.parent / urlsplit(value).path).resolve()
            if not target.is_relative_to(built.site.resolve()) or not target.exists():
                outside.append((path.name, value))
    assert outside == []


@pytest.mark.parametrize("page", [*PAGES, "404.html"])
def test_kazakh_frame_has_no_english_or_russian_ui_strings(built: BuiltSite,
                                                           page: str) -> None:
    doc = parse(built.page("kk", page))
    texts = frame_texts(doc)
    strings = doc.xpath("//script[@data-course-search-strings]/text()")
    values = json.loads(strings[0])
    texts.update(v for v in values.values() if isinstance(v, str))
    texts.update(values["in"].values())
    assert {"Іздеу", "Тілді таңдаңыз", "Шағын курс"} <= texts
    assert sorted(texts & foreign_ui_strings()) == []
    assert "Made with" not in built.page("kk", page).read_text("utf-8")


def test_foreign_ui_check_finds_russian_frame(built: BuiltSite) -> None:
    texts = frame_texts(parse(built.page("ru", "01-basics/01-first.html")))
    assert {"Поиск", "Выберите язык", "Назад"} <= texts & foreign_ui_strings()


def test_kazakh_404_page(built: BuiltSite) -> None:
    doc = parse(built.site / "404.html")
    assert doc.get("lang") == "kk"
    article = doc.xpath("//article")[0]
    assert _norm(article.text_content()) == ("Бет табылмады Бұл мекенжайда бет жоқ. "
                                             "Курстың басына өту")
    assert [a.get("href") for a in article.xpath(".//a")] == ["./index.html"]
    assert parse(built.site / "ru/404.html").xpath("//h1/text()") == ["Страница не найдена"]


def test_no_generator_notice_and_no_sitemap(built: BuiltSite) -> None:
    pages = [p for p in built.site.rglob("*.html") if "Made with" in p.read_text("utf-8")]
    assert pages == []
    assert not (built.site / "sitemap.xml").exists()


def test_module_sections_are_titled_in_each_language(built: BuiltSite) -> None:
    titles = {}
    for lang in LANGS:
        sections = parse(built.page(lang, "index.html")).xpath(
            "//nav[contains(@class, 'md-nav--primary')]"
            "//li[contains(@class, 'md-nav__item--section')]")
        titles[lang] = [_norm(s.xpath(".//*[contains(@class, 'md-nav__link')]")[0]
                              .text_content()) for s in sections]
    assert titles == {"kk": ["Негіздер"], "ru": ["Основы"], "en": ["The basics"]}


def test_search_index_per_language(built: BuiltSite) -> None:
    indexes = {}
    for lang in LANGS:
        path = built.site / PREFIX[lang] / "search" / f"index.{lang}.js"
        text = path.read_text("utf-8")
        prefix = f'(window.courseSearchIndex=window.courseSearchIndex||{{}})["{lang}"]='
        assert text.startswith(prefix)
        indexes[lang] = json.loads(text[len(prefix):].rstrip(";\n"))
    for lang, index in indexes.items():
        urls = [page[0] for page in index["pages"]]
        assert urls == sorted(PAGES)
        marked = {page[0]: page[2] for page in index["pages"] if page[2]}
        assert marked == {key[1]: {"kk": "ru", "en": "kk"}[key[0]]
                          for key in NOTICE if key[0] == lang}, lang
    sections = {s[0]: s[1] for s in indexes["kk"]["pages"][0][3]}
    assert sections == {"": "Адамның қадір-қасиеті", "ережелер": "Ережелер"}


def test_fallback_pages_are_in_the_reader_language_index(built: BuiltSite) -> None:
    index = (built.site / "en/search/index.en.js").read_text("utf-8")
    assert '["01-basics/03-third.html","Ережелерді қолдану","kk"' in index


def test_progress_shows_pages_of_every_language_and_packages(built: BuiltSite) -> None:
    final = [line.rsplit("\r\x1b[K", 1)[-1] for line in built.progress.split("\n") if line]
    # 15 pages (5 in each language) and 12 packages (a module and the course, in two
    # SCORM versions, in each language)
    assert final == ["pages and outputs kk ru en [########################] 27/27"]


def test_build_date_only_from_source_date_epoch(built: BuiltSite, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    assert "md-copyright__updated" not in built.page("kk", "index.html").read_text("utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    dated = build_fixture(copy_course("site", tmp_path / "course"))
    updated = {lang: parse(dated.page(lang, "index.html")).xpath(
        "//div[@class='md-copyright__updated']/text()") for lang in LANGS}
    assert {lang: [v.strip() for v in values] for lang, values in updated.items()} == {
        "kk": ["Соңғы жаңартылған күні: 2025\u202fж. 24 қараша"],
        "ru": ["Последнее обновление: 24 ноября 2025\u202fг."],
        "en": ["Last updated: November 24, 2025"],
    }


def test_two_builds_are_identical(built: BuiltSite, tmp_path: Path) -> None:
    again = build_fixture(copy_course("site", tmp_path / "course"))
    assert _digest(again.site) == _digest(built.site)


def _digest(site: Path) -> dict[str, str]:
    return {PurePosixPath(p.relative_to(site)).as_posix(): hashlib.sha256(p.read_bytes())
            .hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def test_fallback_follows_course_order_not_the_default_language(tmp_path: Path) -> None:
    root = copy_course("site", tmp_path / "course")
    config = root / "course.yml"
    config.write_text(config.read_text("utf-8").replace("fallback: [kk, ru, en]",
                                                        "fallback: [ru, kk, en]"), "utf-8")
    site = build_fixture(root)
    doc = parse(site.page("en", "01-basics/03-third.html"))
    notice = doc.xpath("//div[contains(@class, 'course-fallback')]")[0]
    assert notice.text_content().strip() == (
        "This page has not been translated into English yet, so it is shown in Russian.")
    assert notice.getnext().get("lang") == "ru"
    assert doc.xpath("//h1/text()") == ["Применение правил"]


def test_progress_is_quiet_when_not_a_terminal(tmp_path: Path) -> None:
    result = run_cli(copy_course("site", tmp_path / "course"), "build")
    assert result.exit_code == 0, result.output
    assert "pages kk" not in result.output
    assert result.output.startswith("Built site/ in ")


@pytest.mark.parametrize(("lang", "title"), [("kk", "Шағын курс"), ("ru", "Небольшой курс"),
                                             ("en", "A small course")])
def test_site_title_in_each_language(built: BuiltSite, lang: str, title: str) -> None:
    doc = parse(built.page(lang, "01-basics/index.html"))
    assert doc.xpath("//title/text()")[0].endswith(f" - {title}")
    assert _norm(doc.xpath("//div[@class='md-header__topic']")[0].text_content()) == title


def test_fallback_page_brings_its_images_without_replacing_the_reader_ones(
        built: BuiltSite) -> None:
    docs = built.root / "docs"
    assert (built.site / "01-basics/images/contact.svg").read_bytes() == \
        (docs / "ru/01-basics/images/contact.svg").read_bytes()
    assert (built.site / "01-basics/images/diagram.svg").read_bytes() == \
        (docs / "kk/01-basics/images/diagram.svg").read_bytes()
    assert not (built.site / "en/01-basics/images/contact.svg").exists()
