from pathlib import Path

import pytest

from tests.conftest import run_cli


def test_build_writes_every_language(minimal: Path) -> None:
    result = run_cli(minimal, "build")
    assert result.exit_code == 0, result.output
    site = minimal / "site"
    assert (site / "index.html").is_file()
    assert (site / "ru" / "index.html").is_file()
    assert (site / "en" / "01-basics" / "01-first.html").is_file()


@pytest.mark.parametrize(
    ("relpath", "text", "expected"),
    [
        (
            "docs/kk/01-basics/01-first.md",
            "---\nid: ba-01\ntitle: [broken\n---\n# x\n",
            "docs/kk/01-basics/01-first.md:3: error: front matter: invalid YAML: "
            "did not find expected ',' or ']' [front-matter]",
        ),
        (
            "docs/en/01-basics/02-second.md",
            "---\nid: ba-02\ntitle: Daily work\n---\n# Daily work\n\nSee [x](03-nothing.md).\n",
            "docs/en/01-basics/02-second.md:7:5: error: link to '03-nothing.md', but no page "
            "'01-basics/03-nothing.md' exists; check the file name [link]",
        ),
        (
            "course.yml",
            "id: minimal\ntitle: {kk: a, ru: b, en: c}\nlanguages: [kz, ru, en]\n",
            "course.yml:3: error: unknown language code 'kz' in 'languages'; use a two-letter "
            "ISO 639-1 code such as 'kk', 'ru' or 'en' [config]",
        ),
    ],
)
def test_bad_input_fails_cleanly_and_keeps_last_site(
    minimal: Path, relpath: str, text: str, expected: str
) -> None:
    assert run_cli(minimal, "build").exit_code == 0
    before = {p: p.read_bytes() for p in (minimal / "site").rglob("*") if p.is_file()}
    (minimal / relpath).write_text(text, encoding="utf-8")
    result = run_cli(minimal, "build")
    assert result.exit_code == 1
    assert expected in result.output.splitlines()
    assert "Traceback" not in result.output
    after = {p: p.read_bytes() for p in (minimal / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not list(minimal.glob(".site-*"))
