"""What makes builds faster changes no byte: the navigation and progress facts kept per
folder, compiled templates kept in ``.cache/``, jobs forked from a primed fork server."""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

import pytest

from build_tools.build.parallel import prime, run_jobs
from build_tools.site import plugin, progress
from build_tools.site.nav import NavCache
from tests.build_tools.test_parallel import tree
from tests.conftest import run_cli


def build(root: Path) -> dict[str, bytes]:
    result = run_cli(root, "build")
    assert result.exit_code == 0, result.output
    return {**tree(root / "site"), **{f"dist/{k}": v for k, v in tree(root / "dist").items()}}


def test_kept_navigation_progress_and_templates_give_the_bytes_of_rendering_each_time(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COURSE_JOBS", "1")  # in this process, where the patches apply
    with monkeypatch.context() as plain:
        plain.setattr(NavCache, "__call__", lambda self, *args, caller: caller())
        plain.setattr(progress, "_relative", lambda src_uri, here: posixpath.relpath(
            posixpath.splitext(src_uri)[0] + ".html", here or "."))
        plain.setattr(plugin, "template_cache", lambda root: None)
        rendered_each_time = build(minimal)
    assert not (minimal / ".cache/templates").exists()
    assert build(minimal) == rendered_each_time  # templates compiled, then kept
    compiled = sorted((minimal / ".cache/templates").iterdir())
    assert len(compiled) > 20
    assert build(minimal) == rendered_each_time  # templates loaded compiled
    assert sorted((minimal / ".cache/templates").iterdir()) == compiled
    page = rendered_each_time["en/01-basics/01-first.html"].decode()
    assert page.count('<a href="01-first.html" class="md-nav__link md-nav__link--active"') == 1
    assert page.count('class="md-nav__link md-nav__link--active"') == 2  # with its contents


def test_jobs_run_in_the_callers_environment_and_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prime()  # the fork server starts with the environment as it is now
    monkeypatch.setenv("COURSE_TEST_VALUE", "set after the server started")
    monkeypatch.chdir(tmp_path)
    assert run_jobs(os.getenv, [("COURSE_TEST_VALUE",), ("COURSE_TEST_VALUE",)]) == [
        "set after the server started"] * 2
    assert run_jobs(os.getcwd, [(), ()]) == [str(tmp_path)] * 2
