"""A course in the hub's six languages, declared in course.yml only, built and searched."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_tools.course.config import load_config
from build_tools.languages.letters import endonym
from build_tools.build.pipeline import BuildResult, build_site
from tests.conftest import FIXTURES, copy_course, course_config, run_cli


@pytest.fixture(scope="module")
def regional(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The ``regional`` fixture course, built once; only 'en' has 02-visits."""
    return build_site(copy_course("regional", tmp_path_factory.mktemp("regional") / "course"))


def languages(result: BuildResult) -> tuple[str, ...]:
    config, _ = load_config(result.course.root)
    assert config is not None
    return config.languages


def page(result: BuildResult, lang: str, uri: str) -> Path:
    folder = "" if lang == result.course.default_language else f"{lang}/"
    return result.site_dir / folder / uri


SEARCHES = {
    "kk": ("ережелерін ", "құқықтарына "), "ru": ("правилами ", "правам "),
    "en": ("ruled ", "right "), "ky": ("эрежеге ", "укуктары "),
    "uz": ("qoidalarini ", "ko'rsatmani "), "tg": ("қоидаҳоро ", "ҳуқуқи "),
}
"""Per language, inflected forms of words of its lesson that the lesson does not contain."""


def test_languages_come_from_course_yml_alone(regional: BuildResult) -> None:
    mkdocs = yaml.safe_load((regional.course.root / "mkdocs.yml").read_text("utf-8")
                            .replace("!!python/object/apply:pymdownx.slugs.slugify", ""))
    assert "language" not in mkdocs["theme"]
    assert "languages" not in mkdocs["plugins"][1]["i18n"]
    assert set(languages(regional)) == set(SEARCHES)
    assert regional.diagnostics == []
    for lang in languages(regional):
        for uri in ("index.html", "01-basics/01-rules.html", "01-basics/02-visits.html"):
            assert f'<html lang="{lang}"' in page(regional, lang, uri).read_text("utf-8")
        assert page(regional, lang, f"search/index.{lang}.js").is_file()
    assert sorted(p.name for p in (regional.course.root / "dist").glob("*.zip")) == sorted(
        f"regional_{scope}_{lang}_{v}.zip" for lang in languages(regional)
        for scope in ("course", "rb") for v in ("scorm12", "scorm2004"))


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://")
               else r.abort())
    yield page
    context.close()


@pytest.mark.parametrize("lang", sorted(SEARCHES))
def test_search_finds_inflected_forms(regional: BuildResult, tab: Any, lang: str) -> None:
    tab.goto(page(regional, lang, "index.html").as_uri())
    for query in SEARCHES[lang]:
        tab.keyboard.press("Escape")
        tab.keyboard.press("/")
        tab.locator("[data-course-search-input]").fill(query)
        tab.wait_for_selector("[data-course-search-ready]", state="attached")
        links = tab.eval_on_selector_all("[data-course-search-list] a",
                                         "links => links.map(a => a.href.split('#')[0])")
        assert page(regional, lang, "01-basics/01-rules.html").as_uri() in links, (query, links)
        assert tab.locator("[data-course-search-list] mark").count() >= 1


def test_language_menu_names_each_language_in_itself(regional: BuildResult, tab: Any) -> None:
    tab.goto(page(regional, "tg", "01-basics/01-rules.html").as_uri())
    names = [n.strip() for n in tab.locator(".md-select__link").all_inner_texts()]
    assert names == [endonym(lang) for lang in languages(regional)]
    assert names == ["Қазақша", "Русский", "English", "Кыргызча", "Oʻzbekcha", "Тоҷикӣ"]
    for attr in ("hreflang", "lang"):
        assert tab.locator(".md-select__link").evaluate_all(
            f"ls => ls.map(l => l.getAttribute('{attr}'))") == list(languages(regional))


LANG_OF_TEXT = """() => {
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  const found = [];
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    if (text) found.push([text, walker.currentNode.parentElement.closest('[lang]').lang]);
  }
  for (const el of document.querySelectorAll('article [title]'))
    found.push([el.title, el.closest('[lang]').lang]);
  return found;
}"""


REGIONAL = course_config("regional")
FALLBACK_LANGS = [lang for lang in REGIONAL.languages
                  if not (FIXTURES / "regional/docs" / lang / "01-basics/02-visits.md").exists()]
"""The languages that show 02-visits taken from another language."""


@pytest.mark.parametrize("lang", FALLBACK_LANGS)
def test_fallback_page_marks_the_language_of_every_text(regional: BuildResult, tab: Any,
                                                         lang: str) -> None:
    # A phone's width: the page's script adds its wide-table hint inside the content.
    tab.set_viewport_size({"width": 390, "height": 844})
    tab.goto(page(regional, lang, "01-basics/02-visits.html").as_uri())
    tab.wait_for_selector(".md-code__button[lang]", state="attached")
    tab.wait_for_selector(".course-scroll-hint[lang]", state="attached")
    found = dict(tab.evaluate(LANG_OF_TEXT))
    assert found.pop(tab.locator(".md-code__button").first.get_attribute("title")) == lang
    assert found.pop(tab.locator(".course-scroll-hint").inner_text().strip()) == lang
    # The wide table's name, read out by screen readers.
    assert found.pop(tab.locator(".course-table-label").text_content()) == lang
    notice = tab.locator(".course-fallback").inner_text().strip()
    assert found.pop(notice) == lang
    assert found.pop(tab.locator(".headerlink").first.get_attribute("title")) == lang
    assert found.pop("¶") == lang
    assert {"Family visits", "Visits keep prisoners in contact with their families.",
            "Planning visits", "Officers plan visits with the families."} <= set(found)
    assert "Visit request: name, relation, date" in " ".join(found)
    assert {"Saturday", "Registered in advance"} <= set(found)
    assert set(found.values()) == {"en"}, found


def test_a_language_without_ui_catalogs_builds_with_fallback_strings(tmp_path: Path) -> None:
    root = copy_course("regional", tmp_path / "course")
    config = root / "course.yml"
    text = config.read_text("utf-8").replace("languages: [kk, ru, en, ky, uz, tg]",
                                             "languages: [kk, ru, en, ky, uz, tg, tk]")
    config.write_text(text.replace("  tg: Курси минтақавӣ\n",
                                   "  tg: Курси минтақавӣ\n  tk: Sebitleýin kurs\n"), "utf-8")
    shutil.copytree(root / "docs" / "en", root / "docs" / "tk")
    result = run_cli(root, "build")
    assert result.exit_code == 0, result.output
    line = next(i for i, t in enumerate(config.read_text("utf-8").splitlines(), 1)
                if t.startswith("languages:"))
    missing = [("build_tools/locales/tk/LC_MESSAGES/site.po", "site frame strings"),
               ("build_tools/locales/tk/LC_MESSAGES/quiz.po", "knowledge-check strings"),
               ("build_tools/locales/tk/LC_MESSAGES/scorm.po", "SCORM launcher strings"),
               ("build_tools/theme/partials/languages/tk.html", "theme strings")]
    expected = [f"course.yml:{line}: warning: language 'tk' (Turkmen) has no UI catalog "
                f"'{catalog}'; its {what} are shown in 'kk' until one is added "
                "[ui-untranslated]" for catalog, what in missing]
    lines = result.output.splitlines()
    assert sorted(x for x in lines if "[ui-untranslated]" in x) == sorted(expected)
    assert (f"course.yml:{line}: note: search has no stemmer for language 'tk' (Turkmen): it "
            "finds whole words and words that begin with the query; add "
            "'") in "\n".join(lines)
    html = (root / "site" / "tk" / "01-basics" / "01-rules.html").read_text("utf-8")
    assert '<html lang="tk"' in html
    assert 'placeholder="Іздеу"' in html  # the theme's strings in 'kk', first in fallback
    assert len(list((root / "dist").glob("*_tk_*.zip"))) == 4
