"""Handbook problems are ``path:line`` errors; nothing half-written is left in ``dist/``."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from build_tools.course.loader import load_course
from build_tools.handbook.typeset import Typesetter
from build_tools.outputs.handbook import write_handbooks
from tests.conftest import copy_course, run_cli

ONE_EDITION = ("outputs: [site, scorm12, scorm2004, question_bank, handbook]\n"
               "handbook:\n  editions: [trainee]\n")


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """The minimal course with trainee handbooks selected."""
    root = copy_course("minimal", tmp_path / "course")
    with (root / "course.yml").open("a", encoding="utf-8") as handle:
        handle.write(ONE_EDITION)
    return root


def test_a_letter_the_font_lacks_fails_the_build_at_its_line(small: Path) -> None:
    page = small / "docs" / "ru" / "01-basics" / "02-second.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nСнеговик ☃ на плацу.\n",
                    encoding="utf-8")
    line = page.read_text(encoding="utf-8").split("\n").index("Снеговик ☃ на плацу.") + 1
    (small / "dist").mkdir()
    (small / "dist" / "old.txt").write_text("kept", encoding="utf-8")

    result = run_cli(small, "build")

    assert result.exit_code == 1
    assert (f"docs/ru/01-basics/02-second.md:{line}: error: the handbook's font (Noto Sans) "
            "has no letter '☃' (U+2603); write the text with letters of the course's "
            "languages, or add a font that has it to build_tools/theme/assets/fonts "
            "[handbook-font]") in result.output.splitlines()
    assert "site/ and dist/ were not changed" in result.output
    assert [p.name for p in (small / "dist").iterdir()] == ["old.txt"]


def test_letters_the_site_draws_are_printed_too(small: Path) -> None:
    page = small / "docs" / "en" / "01-basics" / "01-first.md"
    visitors = "Ayşe Kılıç, Miloš Šćepanović and Łucja Wąsowska visited the unit."
    page.write_text(page.read_text(encoding="utf-8") + f"\n{visitors}\n", encoding="utf-8")

    result = run_cli(small, "build")

    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(
        small / "dist" / "minimal_ba_en_handbook.pdf"), "-"], check=True, capture_output=True,
        text=True).stdout
    assert visitors in " ".join(text.split())


def test_an_image_missing_from_the_built_site_is_reported_at_its_line(small: Path) -> None:
    page = small / "docs" / "en" / "01-basics" / "01-first.md"
    (page.parent / "images").mkdir()
    (page.parent / "images" / "plan.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" '
        'height="10"/></svg>', encoding="utf-8")
    page.write_text(page.read_text(encoding="utf-8") + "\n![Plan](images/plan.svg)\n",
                    encoding="utf-8")
    assert run_cli(small, "build").exit_code == 0
    assert (small / "dist" / "minimal_course_en_handbook.pdf").is_file()
    (small / "site" / "en" / "01-basics" / "images" / "plan.svg").unlink()
    course, _ = load_course(small)
    assert course is not None

    reports, problems = write_handbooks(course, small / "site", small / "rebuilt", "en")

    line = page.read_text(encoding="utf-8").split("\n").index("![Plan](images/plan.svg)") + 1
    assert reports == []
    assert [d.format() for d in problems] == [
        f"docs/en/01-basics/01-first.md:{line}: error: the handbook cannot show image "
        "'images/plan.svg': it is not a file of the built site; put the image beside the page "
        "in the docs folder and link it by a relative path [handbook-image]"]
    assert not list((small / "rebuilt").glob("*.pdf"))


@pytest.mark.parametrize(("name", "drawing", "problem"), [
    ("plan.bmp", None, "use PNG, JPEG, GIF, WebP or SVG"),
    ("plan.svg", '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/'
     'xlink"><image xlink:href="https://example.org/map.png" width="9" height="9"/></svg>',
     "it shows 'https://example.org/map.png' from the internet, which a printed handbook "
     "cannot; put that image inside the drawing or beside it"),
    ("plan.svg", '<svg xmlns="http://www.w3.org/2000/svg"><image href="map.png"/></svg>',
     "it shows 'map.png', which is not beside it in the built site"),
    ("plan.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n<rect', "line 2 of it is not "
     "well-formed SVG; save it again from the drawing program"),
])
def test_an_image_the_handbook_cannot_print_fails_at_its_line(
        small: Path, name: str, drawing: str | None, problem: str) -> None:
    page = small / "docs" / "ru" / "01-basics" / "01-first.md"
    image = page.parent / name
    if drawing is None:
        image.write_bytes(b"BM" + bytes(60))
    else:
        image.write_text(drawing, encoding="utf-8")
    page.write_text(page.read_text(encoding="utf-8") + f"\n![План]({name})\n", encoding="utf-8")

    result = run_cli(small, "build")

    line = page.read_text(encoding="utf-8").split("\n").index(f"![План]({name})") + 1
    assert result.exit_code == 1
    assert (f"docs/ru/01-basics/01-first.md:{line}: error: the handbook cannot print image "
            f"'{name}': {problem} [handbook-image]") in result.output.splitlines()
    assert not (small / "dist").exists()


@pytest.mark.parametrize(("setting", "message"), [
    ("handbook:\n  editions: [teacher]\n",
     "course.yml:12: error: 'handbook.editions' must list some of 'trainee', 'trainer', "
     "got ['teacher'] [config]"),
    ("academy: [a, b]\n",
     "course.yml:12: error: 'academy' must be the institution's name, or map languages to it "
     "like 'kk: ...', got ['a', 'b'] [config]"),
    ("version: [1]\n",
     "course.yml:12: error: 'version' must be text such as \"2026.1\", got [1] [config]"),
])
def test_handbook_settings_are_checked(tmp_path: Path, setting: str, message: str) -> None:
    root = copy_course("minimal", tmp_path / "course")
    text = (root / "course.yml").read_text(encoding="utf-8")
    assert text.count("\n") == 10
    (root / "course.yml").write_text(text + "\n" + setting, encoding="utf-8")

    result = run_cli(root, "check")

    assert result.exit_code == 1
    assert message in result.output.splitlines()


def test_a_link_to_a_heading_in_cyrillic_gives_its_page(small: Path) -> None:
    docs = small / "docs" / "ru" / "01-basics"
    with (docs / "01-first.md").open("a", encoding="utf-8") as handle:
        handle.write("\n## Правила Манделы и «достоинство»\n\nТекст раздела.\n")
    with (docs / "02-second.md").open("a", encoding="utf-8") as handle:
        handle.write("\nСм. [правила](01-first.md#правила-манделы-и-достоинство).\n")

    result = run_cli(small, "build")

    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(
        small / "dist" / "minimal_ba_ru_handbook.pdf"), "-"], check=True, capture_output=True,
        text=True).stdout
    assert re.search(r"См\. правила \(с\. \d+\)", " ".join(text.split())), text


def test_a_pdf_the_typesetter_cannot_make_is_an_error_and_not_a_file(
        small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_cli(small, "build").exit_code == 0
    course, _ = load_course(small)
    assert course is not None
    monkeypatch.setattr(Typesetter, "compile", lambda self, source: (None, [(True, "no page")]))

    reports, problems = write_handbooks(course, small / "site", small / "rebuilt", "en",
                                        cache_dir=small / "empty-cache")

    assert reports == []
    assert "docs/en/01-basics/index.md: error: the handbook's layout: no page " \
        "[handbook-render]" in [d.format() for d in problems]
    assert not list((small / "rebuilt").glob("*.pdf"))
