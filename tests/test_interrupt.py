"""Ctrl-C ends a build at once with one line: outputs as they were, no temporary folders."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

COURSE = Path(sys.executable).parent / "course"


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for folder in ("site", "dist") for p in (root / folder).rglob("*") if p.is_file()}


@pytest.mark.parametrize("when", ["starting", "building"])
def test_ctrl_c(built_course: Path, when: str) -> None:
    before = _snapshot(built_course)
    (built_course / "docs/en/index.md").write_text(
        (built_course / "docs/en/index.md").read_text(encoding="utf-8") + "\nMore.\n",
        encoding="utf-8")
    # The terminal sends Ctrl-C to every process of the command: its process group.
    proc = subprocess.Popen([str(COURSE), "build"], cwd=built_course, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    # Once the outputs are staged, or once the language processes write pages.
    pattern = ".site-new-*" if when == "starting" else ".site-*/**/*.html"
    deadline = time.monotonic() + 60
    while not list(built_course.glob(pattern)) and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGINT)
    sent = time.monotonic()
    out, err = proc.communicate(timeout=60)
    assert time.monotonic() - sent < 10
    assert (proc.returncode, out, err) == (
        130, "", "course: interrupted; site/ and dist/ are as they were\n")
    assert _snapshot(built_course) == before
    assert sorted(p.name for p in built_course.iterdir()) == [
        ".cache", "course.yml", "dist", "docs", "mkdocs.yml", "site"]  # .cache: templates
