"""The launcher as the learner sees it: one bar at phone width, the page inside without the
site's own navigation, a note when nothing is recorded."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser import offline_context, page_without_errors
from tests.scorm.harness import Lms, serve_packages
from tests.scorm.trainee import SUFFIX

PACKAGE = "quiz-course_sf_{}_scorm12"
NO_LMS = {"kk": "Оқу барысы сақталмайды.", "ru": "Ход обучения не сохраняется.",
          "en": "Your progress is not being recorded."}
BAR = """() => {
  const bar = document.querySelector('.sco-bar');
  const shown = [...bar.querySelectorAll('button, select')];
  const tops = new Set(shown.map(e => { const r = e.getBoundingClientRect();
    return Math.round((r.top + r.bottom) / 2); }));
  return {rows: tops.size, overflow: bar.scrollWidth > bar.clientWidth ||
          document.documentElement.scrollWidth > window.innerWidth,
          right: Math.max(...shown.map(e => e.getBoundingClientRect().right))};
}"""


SITE_CHROME = """() => ({
  shown: [...document.querySelectorAll('header, nav, aside, [data-course-chrome]')]
    .filter(e => e.getClientRects().length).map(e => e.outerHTML.slice(0, 80)),
  overflow: document.querySelector('[data-course-content]').getBoundingClientRect().right >
    document.documentElement.clientWidth
})"""
"""The page's own header, navigation and sidebars still on screen, and whether its text
is wider than the frame."""


@pytest.fixture(scope="module")
def unpacked(quiz_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The module package of each language, unpacked as a trainee does from a USB stick."""
    folders = {}
    for lang in NO_LMS:
        folder = tmp_path_factory.mktemp(f"unpacked-{lang}")
        with zipfile.ZipFile(quiz_dist / f"{PACKAGE.format(lang)}.zip") as archive:
            archive.extractall(folder)
        folders[lang] = folder
    return folders


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", sorted(NO_LMS))
def test_without_an_lms_the_note_says_so_and_pages_work(unpacked: dict[str, Path], phone: Any,
                                                         lang: str) -> None:
    errors: list[str] = []
    phone.on("pageerror", lambda exc: errors.append(str(exc)))
    phone.goto((unpacked[lang] / "launch_sf.html").as_uri())
    phone.wait_for_function("() => window.ScoLauncher !== undefined")
    note = phone.locator("#sco-offline")
    assert (note.is_visible(), note.inner_text(), note.get_attribute("role")) == (
        True, NO_LMS[lang], "status")
    bar = phone.evaluate(BAR)
    assert (bar["rows"], bar["overflow"], bar["right"] <= 320) == (1, False, True)
    phone.click("#sco-next")
    phone.wait_for_function("() => ScoLauncher.state.page === 1")
    assert phone.locator("#sco-position").is_hidden()
    assert phone.locator("#sco-prev").is_enabled()
    assert errors == []


def test_the_icon_and_the_font_licence_ship_in_the_package(unpacked: dict[str, Path]) -> None:
    launch = (unpacked["kk"] / "launch_sf.html").read_text("utf-8")
    assert '<link rel="icon" type="image/svg+xml" href="scorm/favicon.svg">' in launch
    assert (unpacked["kk"] / "scorm/favicon.svg").read_bytes().startswith(b"<svg ")
    licence = (unpacked["kk"] / "assets/fonts/OFL.txt").read_text("utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    manifest = (unpacked["kk"] / "imsmanifest.xml").read_text("utf-8")
    assert '<file href="assets/fonts/OFL.txt"/>' in manifest


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_with_an_lms_no_note(browser: Any, quiz_dist: Path, tmp_path: Path,
                             version: str) -> None:
    name = f"quiz-course_sf_kk_{SUFFIX[version]}"
    with serve_packages([quiz_dist / f"{name}.zip"], tmp_path) as base:
        lms = Lms(browser, base, name, version)
        lms.start("sf")
        assert lms.launcher.locator("#sco-offline").is_hidden()
        lms.quit()
        lms.check_clean()


@pytest.mark.parametrize("width", [320, 1280])
def test_the_page_inside_has_no_navigation_of_its_own(unpacked: dict[str, Path], browser: Any,
                                                       width: int) -> None:
    with offline_context(browser, {"width": width, "height": 640}) as context, \
            page_without_errors(context) as page:
        page.goto((unpacked["ru"] / "launch_sf.html").as_uri())
        page.wait_for_function("() => window.ScoLauncher !== undefined")
        frame = next(f for f in page.frames if f.parent_frame is not None)
        for index in (0, 3):  # the module page, then the test
            href = page.evaluate("i => { ScoLauncher.show(i); return ScoLauncher.config"
                                 ".pages[i].href; }", index)
            frame.wait_for_url(f"**/{href}")
            expect(frame.locator("h1").first).to_be_visible()
            assert frame.evaluate(SITE_CHROME) == {"shown": [], "overflow": False}
            assert frame.locator("header").count() == 1  # kept, hidden: the theme reads it
            bar = page.evaluate(BAR)
            assert (bar["rows"], bar["overflow"], bar["right"] <= width) == (1, False, True)
