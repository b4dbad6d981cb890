"""Failures a user can cause end in ``path:line:`` lines and exit 1, never a traceback."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from build_tools.diagnostics import io_diagnostic
from tests.conftest import run_cli

COURSE = Path(sys.executable).parent / "course"


def _snapshot(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _mkdocs_plugin_missing(root: Path) -> None:
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - course\n",
                      "  - course\n  - nothere\n"), encoding="utf-8")


def _mkdocs_bad_yaml(root: Path) -> None:
    (root / "mkdocs.yml").write_text("site_name: x\ntheme:\n  name: material\n   font: no\n",
                                     encoding="utf-8")


# (what the user breaks, exact diagnostic line)
FAILURES = [
    (_mkdocs_plugin_missing,
     "mkdocs.yml:{plugins_line}: error: Config value 'plugins': The \"nothere\" plugin is not "
     "installed [mkdocs]"),
    (_mkdocs_bad_yaml,
     "mkdocs.yml:4: error: invalid YAML: mapping values are not allowed here [config]"),
    (lambda root: shutil.rmtree(root / "docs"),
     "docs: error: the docs folder 'docs' does not exist; create it with one folder per "
     "language [layout]"),
    (lambda root: (root / "course.yml").unlink(),
     "course.yml: error: no 'course.yml' in '{root}'; run the command from the course folder "
     "or pass --project [config]"),
    (lambda root: (root / "course.yml").write_text("id: [x\n", encoding="utf-8"),
     "course.yml:1: error: invalid YAML: did not find expected ',' or ']' [config]"),
    (lambda root: (root / "course.yml").write_bytes(b"id: caf\xe9\n"),
     "course.yml: error: not valid UTF-8 (invalid continuation byte); save the file as UTF-8 "
     "[encoding]"),
]


@pytest.mark.parametrize(("breakage", "expected"), FAILURES)
def test_build_fails_cleanly(built_course: Path, breakage, expected: str) -> None:
    site = _snapshot(built_course / "site")
    lines = (built_course / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    expected = expected.replace("{plugins_line}", str(lines.index("plugins:") + 1))
    breakage(built_course)
    result = run_cli(built_course, "build")
    assert result.exit_code == 1
    assert expected.format(root=built_course) in result.output.splitlines(), result.output
    assert "Traceback" not in result.output
    assert _snapshot(built_course / "site") == site
    assert not list(built_course.glob(".site-*"))


@pytest.mark.parametrize(("breakage", "expected"), FAILURES[1:])
def test_check_fails_cleanly_in_a_real_process(built_course: Path, breakage, expected: str) -> None:
    breakage(built_course)
    proc = subprocess.run([str(COURSE), "check"], cwd=built_course, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 1
    assert expected.format(root=built_course) in proc.stderr.splitlines(), proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_debug_shows_the_traceback(built_course: Path) -> None:
    _mkdocs_plugin_missing(built_course)
    proc = subprocess.run([str(COURSE), "--debug", "build"], cwd=built_course, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 1
    assert "Traceback (most recent call last)" in proc.stderr


@pytest.fixture
def shared_course(minimal_built: Path) -> Iterator[Path]:
    """A copy outside pytest's private temp folder, readable by another user."""
    base = Path(tempfile.mkdtemp(prefix="course-perm-"))
    root = Path(shutil.copytree(minimal_built, base / "course", symlinks=True))
    for path in [base, *base.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    yield root
    shutil.rmtree(base)


def _as_other_user(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``course`` so that file permissions apply (root ignores them)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    return subprocess.run([*prefix, str(COURSE), *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_unreadable_page(shared_course: Path) -> None:
    (shared_course / "docs/en/01-basics/02-second.md").chmod(0o000)
    proc = _as_other_user(["check"], shared_course)
    assert proc.returncode == 1
    assert ("docs/en/01-basics/02-second.md: error: cannot read the file: Permission denied; "
            "check that you may read it [io]") in proc.stderr.splitlines()
    assert "Traceback" not in proc.stderr


def test_site_folder_not_writable(shared_course: Path) -> None:
    site = _snapshot(shared_course / "site")
    proc = _as_other_user(["build"], shared_course)
    assert proc.returncode == 1
    assert ("site: error: 'site' cannot be replaced: the project folder is read-only or "
            "immutable; make it writable (chmod u+w, chattr -i) or choose another folder "
            "[output]") in proc.stderr.splitlines()
    assert "Traceback" not in proc.stderr
    assert _snapshot(shared_course / "site") == site


def test_unreadable_folder(shared_course: Path) -> None:
    (shared_course / "docs/ru/01-basics").chmod(0o000)
    (shared_course / "docs/en/01-basics/02-second.md").write_text("", encoding="utf-8")
    proc = _as_other_user(["check"], shared_course)
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert ("docs/ru/01-basics: error: cannot read the folder: Permission denied; check that "
            "it exists and that you may read it [io]") in lines
    assert ("docs/en/01-basics/02-second.md:1: error: the file is empty; write front matter "
            "with a 'title' and the page text, or delete the file [empty-file]") in lines
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(("number", "filename", "expected"), [
    (errno.ENOSPC, ".site-new-ab12cd/en/index.html",
     "site/en/index.html: error: cannot write 'site/en/index.html': the disk is full; free some "
     "space and build again (site/ and dist/ were not changed) [io]"),
    (errno.ENOSPC, ".site-kk-x9_z/kk/01-a/index.html",
     "site/kk/01-a/index.html: error: cannot write 'site/kk/01-a/index.html': the disk is full; "
     "free some space and build again (site/ and dist/ were not changed) [io]"),
    (errno.EACCES, "out/.dist-new-q1/c_course_en_scorm12.zip",
     "out/dist/c_course_en_scorm12.zip: error: cannot read or write "
     "'out/dist/c_course_en_scorm12.zip': Permission denied; check that the file exists and "
     "that you may use it [io]"),
])
def test_io_problems_name_the_output_not_its_temporary_folder(
        tmp_path: Path, number: int, filename: str, expected: str) -> None:
    exc = OSError(number, os.strerror(number), str(tmp_path / filename))
    assert io_diagnostic(exc, tmp_path).format() == expected
