import json
from pathlib import Path

import pytest

from build_tools.build.parallel import available_jobs
from tests.conftest import run_cli


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_languages_built_in_parallel_equal_a_serial_build(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert available_jobs() > 1, "this machine should build languages in parallel"
    timings = minimal.parent / "timings.json"
    assert run_cli(minimal, "build", "--timings", str(timings)).exit_code == 0
    parallel_site, parallel_dist = tree(minimal / "site"), tree(minimal / "dist")
    languages = ("search index", "site", "scorm12", "scorm2004")
    assert stages(timings) == {
        ("read", None), ("check", None), ("publish", None), ("question_bank", None),
        *((name, lang) for lang in ("kk", "ru", "en")
          for name in ("process start", "pages", *languages))}
    monkeypatch.setenv("COURSE_JOBS", "1")
    assert available_jobs() == 1
    result = run_cli(minimal, "build", "--timings", str(timings))
    assert result.exit_code == 0, result.output
    assert tree(minimal / "site") == parallel_site
    assert tree(minimal / "dist") == parallel_dist
    assert {"index.html", "ru/index.html", "en/01-basics/01-first.html"} <= parallel_site.keys()
    assert not [p for p in minimal.iterdir() if p.name.startswith(".site-")]
    assert stages(timings) == {
        ("read", None), ("check", None), ("pages", None), ("publish", None),
        ("question_bank", None), *((name, lang) for lang in ("kk", "ru", "en")
                                   for name in languages)}


def stages(path: Path) -> set[tuple[str, str | None]]:
    """Return the stages ``course build --timings`` wrote, each with a time that adds up."""
    found = json.loads(path.read_text(encoding="utf-8"))
    for stage in found:
        assert 0 <= stage["start"] <= stage["end"], stage
        assert 0 <= stage["seconds"] <= stage["end"] - stage["start"] + 0.002, stage
    return {(stage["name"], stage["lang"]) for stage in found}


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
