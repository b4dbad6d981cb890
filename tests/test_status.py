"""``course status``: up to date, outdated with the right diff, marking, reports."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from build_tools.authoring.status import load, translation_status
from build_tools.authoring.status_report import html_report
from build_tools.course.frontmatter import set_key
from build_tools.languages.i18n import MSGID_LANGUAGE
from tests.conftest import run_cli

FIRST_EN = "docs/en/01-basics/01-first.md"
FIRST_RU = "docs/ru/01-basics/01-first.md"


def _status(root: Path, *args: str) -> dict[tuple[str, str], str]:
    result = run_cli(root, "status", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return {(p["lang"], p["src_uri"]): p["status"] for p in json.loads(result.stdout)["pages"]}


def test_fresh_translations_are_unconfirmed(minimal: Path) -> None:
    result = run_cli(minimal, "status", "--format", "json")
    payload = json.loads(result.stdout)
    assert payload["counts"]["kk"] == {"up-to-date": 0, "outdated": 0, "unconfirmed": 3,
                                       "missing": 1, "orphaned": 0}
    assert payload["counts"]["ru"]["unconfirmed"] == 4
    assert payload["languages"] == ["kk", "ru"]


def test_edit_source_then_mark(minimal: Path) -> None:
    result = run_cli(minimal, "status", "--mark", "docs/ru", "docs/kk")
    assert result.exit_code == 0, result.output
    assert "docs/ru/01-basics/01-first.md: up to date with source version " in result.output
    assert set(_status(minimal, "docs/ru").values()) == {"up-to-date"}
    assert _status(minimal)[("kk", "01-basics/02-second.md")] == "missing"
    assert "source_hash: " in (minimal / FIRST_RU).read_text(encoding="utf-8")
    before = (minimal / FIRST_EN).read_text(encoding="utf-8")

    (minimal / FIRST_EN).write_text(
        before.replace("protect prisoners", "protect every prisoner") + "\nNew line.\n",
        encoding="utf-8")
    statuses = _status(minimal)
    assert statuses[("ru", "01-basics/01-first.md")] == "outdated"
    assert statuses[("ru", "01-basics/02-second.md")] == "up-to-date"
    assert statuses[("kk", "01-basics/01-first.md")] == "outdated"
    assert statuses[("kk", "index.md")] == "up-to-date"

    diff = run_cli(minimal, "status", "--diff", FIRST_RU)
    assert diff.exit_code == 0
    lines = diff.stdout.splitlines()
    assert lines[0] == "docs/ru/01-basics/01-first.md: outdated"
    assert lines[1].startswith("--- docs/en/01-basics/01-first.md @ ")
    assert lines[1].endswith(" (translated)")
    assert lines[3:] == [
        "@@ -8,4 +8,6 @@",
        " ",
        " ## Rules",
        " ",
        "-The rules protect prisoners, staff and visitors.",
        "+The rules protect every prisoner, staff and visitors.",
        "+",
        "+New line.",
    ]

    assert run_cli(minimal, "status", "--mark", FIRST_RU).exit_code == 0
    assert _status(minimal)[("ru", "01-basics/01-first.md")] == "up-to-date"
    assert _status(minimal)[("kk", "01-basics/01-first.md")] == "outdated"
    assert run_cli(minimal, "status", "--mark", "docs/kk/01-basics").exit_code == 0
    assert run_cli(minimal, "status", "--diff").stdout == "No outdated translations.\n"


def test_mark_all_and_orphans(minimal: Path) -> None:
    extra = minimal / "docs/ru/01-basics/03-extra.md"
    extra.write_text("---\nid: ba-03\ntitle: Лишний\n---\n# Лишний\n", encoding="utf-8")
    result = run_cli(minimal, "status", "--mark", "all")
    assert result.exit_code == 1
    assert ("docs/ru/01-basics/03-extra.md: error: cannot mark an orphaned translation: its "
            "source page 'en/01-basics/03-extra.md' is gone [status]"
            ) in result.output.splitlines()
    statuses = _status(minimal)
    assert statuses[("ru", "01-basics/03-extra.md")] == "orphaned"
    assert statuses[("kk", "01-basics/02-second.md")] == "missing"
    assert statuses[("kk", "index.md")] == "up-to-date"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--mark", FIRST_EN],
         "docs/en/01-basics/01-first.md: error: this is in the source language 'en'; give its "
         "translations instead, such as 'docs/kk' [status]"),
        (["--mark", "docs/ru/99.md"],
         "docs/ru/99.md: error: no such file or folder; give a translated page, a language "
         "folder such as 'docs/ru', or 'all' [status]"),
    ],
)
def test_bad_targets(minimal: Path, args: list[str], expected: str) -> None:
    result = run_cli(minimal, "status", *args)
    assert result.exit_code == 1
    assert expected in result.output.splitlines()


def test_mark_needs_a_target(minimal: Path) -> None:
    result = run_cli(minimal, "status", "--mark")
    assert result.exit_code == 2
    assert "say which translations to mark" in result.output


def test_diff_without_kept_source(minimal: Path) -> None:
    page = minimal / FIRST_RU
    page.write_text(set_key(page.read_text(encoding="utf-8"), "source_hash", "0123456789ab"),
                    encoding="utf-8")
    result = run_cli(minimal, "status", "--diff")
    assert result.stdout == (
        "docs/ru/01-basics/01-first.md: outdated\nThe source text of version 0123456789ab "
        "was not kept in translations/sources, so the changes cannot be shown; compare the "
        "whole page.\n")


def test_reports(minimal: Path, tmp_path: Path) -> None:
    run_cli(minimal, "status", "--mark", "docs/ru")
    source = minimal / FIRST_EN
    source.write_text(source.read_text(encoding="utf-8") + "\nA <b> tag.\n", encoding="utf-8")
    result = run_cli(minimal, "status", "--report", str(tmp_path / "r.md"))
    assert result.exit_code == 0
    md = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "| `kk` | 0 | 0 | 3 | 1 | 0 |" in md
    assert "| `ru` | 3 | 1 | 0 | 0 | 0 |" in md
    assert "## `ru`: 1 page(s) to work on" in md
    assert "```diff\n--- docs/en/01-basics/01-first.md @ " in md
    assert "+A <b> tag.\n```" in md
    run_cli(minimal, "status", "--report", str(tmp_path / "r.html"))
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<span class="add">+A &lt;b&gt; tag.</span>' in page
    course, _ = load(minimal)
    assert f'<html lang="{MSGID_LANGUAGE}">' in page
    assert f'<h1>Translation status: <span lang="{course.source_language}">' in page
    assert html_report(course, translation_status(course), datetime.date(2026, 1, 2)) \
        .count("2026-01-02") == 1


def test_text_table(minimal: Path) -> None:
    result = run_cli(minimal, "status")
    assert result.stdout.splitlines()[:4] == [
        "Translations of 'en' pages",
        "",
        "page                    kk           ru",
        "index.md                unconfirmed  unconfirmed",
    ]
    assert result.stdout.splitlines()[-2].split() == ["kk", "0", "0", "3", "1", "0"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: A\n---\nbody", "---\ntitle: A\nsource_hash: abc\n---\nbody"),
        ("---\nsource_hash: old\ntitle: A\n---\n", "---\nsource_hash: abc\ntitle: A\n---\n"),
        ("---\r\ntitle: A\r\n---\r\nb\r\n", "---\r\ntitle: A\r\nsource_hash: abc\r\n---\r\nb\r\n"),
        ("\ufeff---\ntitle: A\n---\n", "\ufeff---\ntitle: A\nsource_hash: abc\n---\n"),
        ("body\n", "---\nsource_hash: abc\n---\nbody\n"),
    ],
)
def test_set_key(text: str, expected: str) -> None:
    assert set_key(text, "source_hash", "abc") == expected
