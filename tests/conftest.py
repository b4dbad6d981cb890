"""Shared fixtures: fixture courses copied to a temporary folder, and the real CLI."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from build_tools.cli import main
from build_tools.course.config import CourseConfig, load_config
from tests.browser import chromium

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "courses"
THEME = ROOT / "build_tools" / "theme"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite golden files from the current output instead of comparing.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run should rewrite golden files (``pytest --update-golden``)."""
    return bool(request.config.getoption("--update-golden"))


def copy_course(name: str, dest: Path) -> Path:
    """Copy fixture course ``name`` (or the project's own course for 'sample') to ``dest``."""
    if name == "sample":
        for item in ("course.yml", "mkdocs.yml", "glossary.yml", "docs"):
            src = ROOT / item
            if not src.exists():
                continue
            if src.is_dir():
                shutil.copytree(src, dest / item, symlinks=True)
            else:
                shutil.copy2(src, dest / item)
    else:
        shutil.copytree(FIXTURES / name, dest, symlinks=True, dirs_exist_ok=True)
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("custom_dir: ../../../../build_tools/theme", f"custom_dir: {THEME}")
    config.write_text(text.replace("custom_dir: build_tools/theme", f"custom_dir: {THEME}"),
                      encoding="utf-8")
    return dest


def course_config(name: str) -> CourseConfig:
    """The course.yml of fixture course ``name`` ('sample': the project's own), validated."""
    config, problems = load_config(ROOT if name == "sample" else FIXTURES / name)
    assert config is not None, [p.format() for p in problems]
    return config


def translations(name: str) -> tuple[str, ...]:
    """The languages of fixture course ``name`` other than its source language."""
    config = course_config(name)
    return tuple(lang for lang in config.languages if lang != config.source_language)


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A writable copy of the minimal three-language course."""
    return copy_course("minimal", tmp_path / "course")


def run_cli(project: Path, *args: str) -> Result:
    """Run ``course --project PROJECT ARGS`` in-process and return the result."""
    return CliRunner().invoke(main, ["--project", str(project), *args])


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium per test module.

    Per module, not per session: Playwright's sync API runs one instance at a
    time, and test modules that need none should not hold one open.
    """
    with chromium() as instance:
        yield instance


@pytest.fixture(scope="session")
def quiz_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 'quiz' fixture course (every question type) after one ``course build``.

    Shared by the whole session: tests read its ``site/`` and ``dist/``, never change them.
    """
    root = copy_course("quiz", tmp_path_factory.mktemp("quiz") / "course")
    result = run_cli(root, "build")
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="session")
def minimal_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal course with ``site/`` and ``dist/`` built once; never changed."""
    root = copy_course("minimal", tmp_path_factory.mktemp("minimal-built") / "course")
    result = run_cli(root, "build")
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def built_course(minimal_built: Path, tmp_path: Path) -> Path:
    """A fresh, writable copy of the built minimal course, outputs included."""
    return Path(shutil.copytree(minimal_built, tmp_path / "course", symlinks=True))


SAMPLE_EPOCH = "1763596800"
"""``SOURCE_DATE_EPOCH`` of the shared sample build: 20 November 2025."""


@pytest.fixture(scope="session")
def sample_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own course after one ``course build`` (site, packages, handbooks).

    Built once per session with ``SOURCE_DATE_EPOCH`` set; tests read it, never change it.
    """
    root = copy_course("sample", tmp_path_factory.mktemp("sample"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", SAMPLE_EPOCH)
        result = run_cli(root, "build")
    assert result.exit_code == 0, result.output
    assert "Wrote 30 handbook(s) to dist/" in result.output
    return root
