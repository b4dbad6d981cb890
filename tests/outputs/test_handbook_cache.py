"""Handbooks kept in ``.cache/handbook``: reused if nothing changed, made again if anything did."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from build_tools.course.loader import load_course
from build_tools.outputs.handbook import write_handbooks
from tests.conftest import SAMPLE_EPOCH, copy_course, course_config, run_cli, translations

PLAN = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        '<rect width="10" height="10" fill="{}"/></svg>')


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal course with both editions and an image."""
    root = copy_course("minimal", tmp_path_factory.mktemp("cached") / "course")
    with (root / "course.yml").open("a", encoding="utf-8") as handle:
        handle.write("outputs: [site, scorm12, scorm2004, question_bank, handbook]\n")
    lesson = root / "docs" / "en" / "01-basics" / "01-first.md"
    (lesson.parent / "images").mkdir()
    (lesson.parent / "images" / "plan.svg").write_text(PLAN.format("#1f4e8c"), encoding="utf-8")
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n![Plan](images/plan.svg)\n",
                      encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", SAMPLE_EPOCH)
        result = run_cli(root, "build")
    assert result.exit_code == 0, result.output
    assert "handbook-render" not in result.output
    return root


@pytest.fixture
def course(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the built course, its cache included."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SAMPLE_EPOCH)
    return Path(shutil.copytree(built, tmp_path / "course", symlinks=True))


def handbooks(root: Path, out: Path, lang: str | None = None, cache: Path | None = None
              ) -> tuple[dict[str, bytes], list[str]]:
    """Write the handbooks of the course at ``root`` into ``out``; return them and the problems."""
    course, _ = load_course(root)
    assert course is not None
    reports, problems = write_handbooks(course, root / "site", out, lang, cache_dir=cache)
    return {r.path.name: r.path.read_bytes() for r in reports}, [d.format() for d in problems]


def entries(root: Path, lang: str) -> dict[str, int]:
    """The cache's entries of ``lang``, with the time each was last written."""
    return {p.name: p.stat().st_mtime_ns for p in (root / ".cache/handbook" / lang).iterdir()}


def test_an_unchanged_build_copies_every_pdf_without_starting_typst(course: Path) -> None:
    script = ("import json, sys; from pathlib import Path; "
              "from build_tools.course.loader import load_course; "
              "from build_tools.outputs.handbook import write_handbooks; "
              "course, _ = load_course(Path(sys.argv[1])); "
              "reports, problems = write_handbooks(course, course.root / 'site', "
              "Path(sys.argv[2])); "
              "print(json.dumps(['typst' in sys.modules, len(reports), "
              "[d.format() for d in problems]]))")
    out = subprocess.run([sys.executable, "-c", script, str(course), str(course / "again")],
                         check=True, capture_output=True, text=True,
                         env={"SOURCE_DATE_EPOCH": SAMPLE_EPOCH, "PATH": "/usr/bin:/bin"})

    started, written, problems = json.loads(out.stdout)
    assert not started
    assert written == 12
    assert problems == []
    for path in (course / "again").glob("*.pdf"):
        assert path.read_bytes() == (course / "dist" / path.name).read_bytes(), path.name


def test_a_changed_page_makes_its_languages_pdfs_again(course: Path) -> None:
    page = course / "site" / "en" / "01-basics" / "01-first.html"
    page.write_text(page.read_text(encoding="utf-8").replace("zebrafish", "seahorse"),
                    encoding="utf-8")
    before = {lang: entries(course, lang) for lang in course_config("minimal").languages}

    again, problems = handbooks(course, course / "again")

    assert problems == []
    for lang in translations("minimal"):  # untouched: copied, not written again
        assert entries(course, lang) == before[lang]
        for name, data in again.items():
            if f"_{lang}_" in name:
                assert data == (course / "dist" / name).read_bytes(), name
    assert not set(entries(course, "en")) & set(before["en"])  # each en PDF holds the page
    for name in [name for name in again if "_en_" in name]:
        assert "seahorse" in "".join(p.extract_text() for p in PdfReader(course / "again" / name)
                                     .pages), name
    clean, _ = handbooks(course, course / "clean", "en", course / "empty-cache")
    assert clean == {name: data for name, data in again.items() if "_en_" in name}


def test_a_changed_image_makes_the_pdfs_that_show_it_again(course: Path) -> None:
    image = course / "site" / "en" / "01-basics" / "images" / "plan.svg"
    image.write_text(PLAN.format("#b3261e"), encoding="utf-8")  # same page, other picture

    again, _ = handbooks(course, course / "again", "en")

    assert len(again) == 4
    for name, data in again.items():
        assert data != (course / "dist" / name).read_bytes(), name
    clean, _ = handbooks(course, course / "clean", "en", course / "empty-cache")
    assert clean == again


@pytest.mark.parametrize(("kept", "altered"), [
    ("*.pdf", b"%PDF-1.7\n%%EOF\n"),
    ("*.json", b'{"files": {}, "problems": 1, "pdf": "0"}'),
    ("*.json", b'{"files'),
])
def test_an_altered_kept_file_is_not_used(course: Path, kept: str, altered: bytes) -> None:
    for path in (course / ".cache/handbook/en").glob(kept):
        path.write_bytes(altered)

    again, _ = handbooks(course, course / "again", "en")

    assert len(again) == 4
    for name, data in again.items():
        assert data == (course / "dist" / name).read_bytes(), name


def test_entries_a_build_no_longer_uses_are_removed(course: Path) -> None:
    stale = course / ".cache/handbook/en" / "pdf-0000.pdf"
    stale.write_bytes(b"old")
    kept = entries(course, "en")

    handbooks(course, course / "again", "en")

    assert entries(course, "en") == {name: time for name, time in kept.items()
                                     if name != stale.name}


def test_a_changed_setting_makes_every_pdf_again(course: Path) -> None:
    config = course / "course.yml"
    config.write_text(config.read_text(encoding="utf-8")
                      + "academy: {en: Kostanay Academy, kk: Қостанай академиясы}\n",
                      encoding="utf-8")

    again, _ = handbooks(course, course / "again", "en")

    assert len(again) == 4
    for name in again:
        assert "Kostanay Academy" in PdfReader(course / "again" / name).pages[0].extract_text()
