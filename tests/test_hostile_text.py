"""Titles and descriptions are text wherever they land: site head and menus, launcher, manifest."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from lxml import html as lxml_html

from scorm.validate import validate_manifest
from tests.conftest import copy_course, run_cli

COURSE = 'Course {config} {title} " onload="window.pwned=1'
MODULE = "Module <!--<script> </title><script>window.pwned=2</script>"
LESSON = 'Lesson <img src=x onerror="window.pwned=3"> & {lang}'
DESCRIPTION = '"><script>window.pwned=4</script><meta name="x'
PWNED = "() => [window.pwned === undefined, document.querySelectorAll('[onerror],[onload]').length]"


def _front_matter(path: Path, **values: str) -> None:
    text = path.read_text(encoding="utf-8")
    for key, value in values.items():
        line = f"{key}: {json.dumps(value)}"  # a JSON string is a YAML double-quoted scalar
        lines = text.split("\n")
        found = [i for i, old in enumerate(lines) if old.startswith(f"{key}: ")]
        if found:
            lines[found[0]] = line
            text = "\n".join(lines)
        else:
            text = text.replace("\n---\n", f"\n{line}\n---\n", 1)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal course with hostile English titles and a description, built."""
    root = copy_course("minimal", tmp_path_factory.mktemp("hostile") / "course")
    config = root / "course.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  en: A small course", f"  en: {json.dumps(COURSE)}"), encoding="utf-8")
    _front_matter(root / "docs/en/01-basics/index.md", title=MODULE, description=DESCRIPTION)
    _front_matter(root / "docs/en/01-basics/01-first.md", title=LESSON)
    result = run_cli(root, "build")
    assert result.exit_code == 0, result.output
    return root


def test_site_head_and_menus(hostile: Path) -> None:
    doc = lxml_html.parse(str(hostile / "site/en/01-basics/index.html")).getroot()
    assert doc.findtext(".//title") == f"{MODULE} - {COURSE}"
    assert doc.xpath("//meta[@name='description']/@content") == [DESCRIPTION]
    assert len(doc.xpath("//meta")) == len(doc.xpath("//meta[@name or @charset or @content]"))
    topics = [" ".join(t.text_content().split()) for t in doc.find_class("md-header__topic")]
    assert topics == [COURSE, MODULE]
    nav = [" ".join(a.text_content().split()) for a in doc.xpath("//nav//a | //nav//label")]
    assert MODULE in nav and LESSON in nav
    assert doc.xpath("//*[@onerror or @onload]") == []
    for script in doc.iter("script"):
        if script.get("type") == "application/json":  # data, never run: cannot end early
            assert "<" not in script.text and json.loads(script.text)
        else:
            assert "pwned" not in (script.text or "")


def test_nothing_runs_in_the_site_or_the_launcher(hostile: Path, tmp_path: Path,
                                                   browser: Any) -> None:
    with zipfile.ZipFile(hostile / "dist/minimal_ba_en_scorm2004.zip") as archive:
        archive.extractall(tmp_path)
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: errors.append(dialog.message))
    page.goto((hostile / "site/en/01-basics/01-first.html").as_uri())
    assert page.evaluate(PWNED) == [True, 0]
    assert page.title() == f"{LESSON} - {COURSE}"
    page.goto((tmp_path / "launch_ba.html").as_uri())
    page.wait_for_function("() => window.ScoLauncher !== undefined")
    assert page.evaluate(PWNED) == [True, 0]
    assert page.title() == MODULE
    assert page.locator("#sco-pages option").all_inner_texts() == [
        f"1. {MODULE}", f"2. {LESSON}", "3. Daily work"]
    assert errors == []
    page.close()


def test_manifest_titles(hostile: Path) -> None:
    with zipfile.ZipFile(hostile / "dist/minimal_course_en_scorm12.zip") as archive:
        manifest = archive.read("imsmanifest.xml")
    assert validate_manifest(manifest, "1.2") == []
    titles = etree.fromstring(manifest).xpath("//*[local-name()='title']/text()")
    assert COURSE in titles and MODULE in titles
