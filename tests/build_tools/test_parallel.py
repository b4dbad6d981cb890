from pathlib import Path

import pytest

from build_tools.parallel import available_jobs
from tests.conftest import run_cli


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_languages_built_in_parallel_equal_a_serial_build(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert available_jobs() > 1, "this machine should build languages in parallel"
    assert run_cli(minimal, "build").exit_code == 0
    parallel_site, parallel_dist = tree(minimal / "site"), tree(minimal / "dist")
    monkeypatch.setenv("COURSE_JOBS", "1")
    assert available_jobs() == 1
    result = run_cli(minimal, "build")
    assert result.exit_code == 0, result.output
    assert tree(minimal / "site") == parallel_site
    assert tree(minimal / "dist") == parallel_dist
    assert {"index.html", "ru/index.html", "en/01-basics/01-first.html"} <= parallel_site.keys()
    assert not [p for p in minimal.iterdir() if p.name.startswith(".site-")]


def test_a_failing_language_fails_the_build_and_keeps_the_last_site(minimal: Path) -> None:
    assert run_cli(minimal, "build").exit_code == 0
    before = tree(minimal / "site")
    theme = minimal / "mkdocs.yml"
    theme.write_text(theme.read_text(encoding="utf-8").replace(
        "build_tools.markdown.quiz", "build_tools.markdown.no_such_extension"), encoding="utf-8")
    result = run_cli(minimal, "build")
    assert result.exit_code == 1
    assert "no_such_extension" in result.output and "Traceback" not in result.output
    assert tree(minimal / "site") == before
    assert not [p for p in minimal.iterdir() if p.name.startswith(".site-")]
