import time
from pathlib import Path

from build_tools.authoring.incremental import time_one_page_edit
from build_tools.course.loader import load_course
from build_tools.site.runner import SiteRun, run_mkdocs
from tests.build_tools.test_glossary import GLOSSARY


def _run(root: Path, site: Path, *, dirty: bool = False) -> None:
    course, _ = load_course(root)
    assert course is not None
    run_mkdocs(SiteRun(course, site, dirty=dirty))


def test_one_page_edit_reaches_its_page(minimal: Path) -> None:
    assert time_one_page_edit(minimal) > 0
    text = (minimal / "docs/kk/01-basics/01-first.md").read_text(encoding="utf-8")
    assert "edit-" not in text  # the source is restored


def test_dirty_build_renders_only_the_changed_page_in_every_language(minimal: Path) -> None:
    site = minimal / "out"
    _run(minimal, site)
    index = site / "ru/search/index.ru.js"
    pages_before = index.read_text(encoding="utf-8").count('["')
    untouched = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
    time.sleep(0.05)
    source = minimal / "docs/ru/01-basics/02-second.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nНовая строка.\n", encoding="utf-8")
    _run(minimal, site, dirty=True)
    changed = {p for p, mtime in untouched.items()
               if p.stat().st_mtime_ns != mtime and p.name != "404.html"}  # a template, not a page
    # kk has no such page: its fallback copy is built from the ru source, so it follows
    assert changed == {site / "ru/01-basics/02-second.html", site / "01-basics/02-second.html"}
    assert "Новая строка." in (site / "ru/01-basics/02-second.html").read_text(encoding="utf-8")
    # the search index keeps the pages the dirty build did not render, and has the new text
    text = index.read_text(encoding="utf-8")
    assert "Новая строка." in text
    assert text.count('["') == pages_before
    assert "облепиха" in text  # from a page that was not rendered again


def test_a_build_leaves_nothing_for_the_next_one(minimal: Path) -> None:
    from mkdocs.config import load_config

    _run(minimal, minimal / "out")
    config = load_config(str(minimal / "mkdocs.yml"), site_dir=str(minimal / "other"))
    assert config.plugins["course"].run is None  # a new plugin, no inputs of the last build


def _touch(path: Path, text: str = "\nMore.\n") -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_the_languages_a_change_shows_in(minimal: Path) -> None:
    from build_tools.authoring.incremental import language_to_rebuild

    def after(*changed: str) -> str | None:
        since = time.time_ns()
        time.sleep(0.01)
        for name in changed:
            _touch(minimal / name, "\n# More.\n" if name.endswith(".yml") else "\nMore.\n")
        course, _ = load_course(minimal)
        assert course is not None
        return language_to_rebuild(course, since)

    assert after() == "kk"  # nothing changed: the default language MkDocs builds anyway
    assert after("docs/kk/01-basics/01-first.md") == "kk"
    assert after("docs/en/01-basics/01-first.md") == "en"
    assert after("docs/ru/01-basics/02-second.md") is None  # kk falls back to it
    assert after("docs/en/01-basics/02-second.md") == "en"  # kk falls back to ru, not en
    assert after("docs/en/index.md", "docs/ru/index.md") is None
    (minimal / "docs/ru/01-basics/plan.svg").write_text("<svg/>", encoding="utf-8")
    assert after("docs/ru/01-basics/plan.svg") == "ru"
    (minimal / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    assert after("glossary.yml") is None  # its page, in every language


def test_a_rebuild_of_one_language_renders_what_a_rebuild_of_all_renders(minimal: Path) -> None:
    from build_tools.authoring.incremental import language_to_rebuild

    site, every = minimal / "out", minimal / "every"
    since = time.time_ns()
    _run(minimal, site)
    _run(minimal, every)
    time.sleep(0.05)
    _touch(minimal / "docs/en/01-basics/02-second.md", "\nA new line.\n")
    course, _ = load_course(minimal)
    assert course is not None and language_to_rebuild(course, since) == "en"
    run_mkdocs(SiteRun(course, site, lang="en", dirty=True))
    _run(minimal, every, dirty=True)
    files = sorted(p.relative_to(every) for p in every.rglob("*") if p.is_file())
    assert sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file()) == files
    assert "A new line." in (site / "en/01-basics/02-second.html").read_text(encoding="utf-8")
    # Only the default language's error page differs: the pass that language runs only
    # because mkdocs-static-i18n requires it renders that template without navigation.
    differ = [p for p in files if (site / p).read_bytes() != (every / p).read_bytes()]
    assert [str(p) for p in differ] == ["404.html"]


def _navigation(page: Path) -> list[str]:
    from lxml import html

    tree = html.parse(str(page)).getroot()
    return [" ".join(t.split()) for t in tree.xpath(
        '//*[@data-course-chrome="navigation" or @data-course-chrome="page-links"]//text()')
        if t.strip()]


def test_a_dirty_build_keeps_the_titles_of_the_pages_it_does_not_read(minimal: Path) -> None:
    site, fresh = minimal / "out", minimal / "fresh"
    _run(minimal, site)
    time.sleep(0.05)
    _touch(minimal / "docs/ru/01-basics/02-second.md", "\nНовая строка.\n")
    _run(minimal, site, dirty=True)
    _run(minimal, fresh)
    page = "ru/01-basics/02-second.html"
    assert "Новая строка." in (site / page).read_text(encoding="utf-8")
    assert "None" not in _navigation(site / page)
    assert _navigation(site / page) == _navigation(fresh / page)
