"""``course check`` on the languages of course.yml: UI catalogs, fonts, search rules."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_tools.diagnostics import Diagnostic, Severity, apply_severities
from tests.conftest import copy_course, run_cli


def add_language(root: Path, code: str, title: str) -> int:
    """Add ``code`` to the course's languages with a copy of the English pages; return the
    line of ``languages:`` in course.yml."""
    config = root / "course.yml"
    text = config.read_text("utf-8").replace("languages: [kk, ru, en, ky, uz, tg]",
                                             f"languages: [kk, ru, en, ky, uz, tg, {code}]")
    text = text.replace("  tg: Курси минтақавӣ\n", f"  tg: Курси минтақавӣ\n  {code}: {title}\n")
    config.write_text(text, "utf-8")
    shutil.copytree(root / "docs" / "en", root / "docs" / code)
    return next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("languages:"))


def test_the_six_languages_need_no_note(tmp_path: Path) -> None:
    result = run_cli(copy_course("regional", tmp_path / "course"), "check")
    assert result.exit_code == 0
    assert "[ui-untranslated]" not in result.output
    assert "[font-coverage]" not in result.output
    assert "[search-no-stemmer]" not in result.output


def test_fonts_lacking_a_language_letters_are_an_error(tmp_path: Path) -> None:
    root = copy_course("regional", tmp_path / "course")
    line = add_language(root, "ka", "რეგიონული კურსი")
    result = run_cli(root, "check")
    assert result.exit_code == 1
    fonts = [x for x in result.output.splitlines() if "[font-coverage]" in x]
    assert len(fonts) == 1
    path = Path(__file__).resolve().parents[2] / "build_tools/theme/assets/stylesheets"
    assert fonts[0].startswith(f"{path}/course-fonts.css: error: the fonts lack letters of "
                               "language 'ka' (Georgian): Ⴀ Ⴁ Ⴂ ")
    assert fonts[0].endswith(" and 138 more (italic 400, normal 400, normal 700); add a font "
                             "subset that has them [font-coverage]")
    assert (f"course.yml:{line}: note: search has no stemmer for language 'ka' (Georgian): it "
            "finds whole words and words that begin with the query; add "
            f"'{Path(__file__).resolve().parents[2]}/build_tools/languages/tables/ka.json' for "
            "inflected forms [search-no-stemmer]") in result.output.splitlines()


def test_a_note_stays_a_note_under_strict() -> None:
    note = Diagnostic("course.yml", 3, Severity.NOTE, "m", "search-no-stemmer")
    assert apply_severities([note], {}, strict=True) == [note]


def test_status_lists_untranslated_ui_catalogs(tmp_path: Path) -> None:
    root = copy_course("regional", tmp_path / "course")
    add_language(root, "tk", "Sebitleýin kurs")
    result = run_cli(root, "status")
    assert result.exit_code == 0
    assert result.output.splitlines()[-5:] == [
        "Untranslated UI catalogs",
        "tk    build_tools/locales/tk/LC_MESSAGES/site.po (site frame strings, shown in 'kk')",
        "tk    build_tools/locales/tk/LC_MESSAGES/quiz.po (knowledge-check strings, shown in "
        "'kk')",
        "tk    build_tools/locales/tk/LC_MESSAGES/scorm.po (SCORM launcher strings, shown in "
        "'kk')",
        "tk    build_tools/theme/partials/languages/tk.html (theme strings, shown in 'kk')",
    ]
    report = tmp_path / "status.md"
    assert run_cli(root, "status", "--report", str(report)).exit_code == 0
    assert ("- `tk`: `build_tools/theme/partials/languages/tk.html` (theme strings; shown in "
            "`kk`)") in report.read_text("utf-8").splitlines()


def test_status_of_the_six_languages_lists_no_ui_catalog(tmp_path: Path) -> None:
    result = run_cli(copy_course("regional", tmp_path / "course"), "status")
    assert "Untranslated UI catalogs" not in result.output


def test_the_sample_course_takes_a_new_language_from_course_yml_and_content(
        tmp_path: Path) -> None:
    root = copy_course("sample", tmp_path)
    config = root / "course.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("languages: [kk, ru, en]", "languages: [kk, ru, en, ky]")
                      .replace("\nlanguages:", "\n  ky: Нельсон Манделанын эрежелери\nlanguages:"),
                      "utf-8")
    shutil.copytree(root / "docs" / "ru", root / "docs" / "ky")
    result = run_cli(root, "check")
    assert result.exit_code == 0, result.output
    assert ("glossary.yml: warning: the glossary has no terms in 'ky' yet; its glossary page "
            "stays empty and its pages link no terms until they are added "
            "[glossary-untranslated]") in result.output.splitlines()
