import time
from pathlib import Path

from build_tools.authoring.incremental import time_one_page_edit
from build_tools.course.loader import load_course
from build_tools.site.runner import SiteRun, run_mkdocs


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
