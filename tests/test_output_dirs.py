"""Output folders are checked before anything is written: no setting can cost a source file."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from build_tools.build.swap import staged_dirs
from tests.conftest import run_cli

LINE = 11
"""The line the settings below get in the minimal course's course.yml."""
LOST = "a build replaces its output folder as a whole, and the sources in it would be lost"
OWN_SITE = "use a folder of its own such as 'site'"
OWN_DIST = "use a folder of its own such as 'dist'"
EACH = "give each its own folder, such as 'site' and 'dist'"


def _nothing(root: Path) -> None:
    pass


def _translations(root: Path) -> None:
    (root / "translations" / "sources").mkdir(parents=True)
    (root / "translations" / "sources" / "en.json").write_text("{}\n", encoding="utf-8")


def _tools(root: Path) -> None:
    (root / "tools").mkdir()
    (root / "tools" / "convert.py").write_text("print('hi')\n", encoding="utf-8")


def _notes(root: Path) -> None:
    (root / "out").mkdir()
    (root / "out" / "notes.md").write_text("# Notes\n", encoding="utf-8")


def _link(name: str, target: str) -> Callable[[Path], None]:
    return lambda root: (root / name).symlink_to(target)


# (settings added to course.yml, what else the user did, exact diagnostic)
PLACEMENTS = [
    ("site_dir: docs", _nothing,
     f"'site_dir' is the docs folder 'docs'; {LOST}; {OWN_SITE}"),
    ("dist_dir: docs", _nothing,
     f"'dist_dir' is the docs folder 'docs'; {LOST}; {OWN_DIST}"),
    ("site_dir: ./docs/", _nothing,
     f"'site_dir' is the docs folder 'docs'; {LOST}; {OWN_SITE}"),
    ("site_dir: '.'", _nothing,
     f"'site_dir' is the project folder itself; {LOST}; {OWN_SITE}"),
    ("dist_dir: out/..", _nothing,
     f"'dist_dir' is the project folder itself; {LOST}; {OWN_DIST}"),
    ("site_dir: docs/en/site", _nothing,
     f"'site_dir' 'docs/en/site' is inside the docs folder 'docs', where the output would be "
     f"read as sources; {OWN_SITE}"),
    ("dist_dir: translations", _translations,
     f"'dist_dir' is the translations folder 'translations'; {LOST}; {OWN_DIST}"),
    ("dist_dir: site", _nothing,
     f"'dist_dir' 'site' is the same folder as 'site_dir'; {EACH}"),
    ("site_dir: out\ndist_dir: out/dist", _nothing,
     f"'dist_dir' 'out/dist' is inside 'site_dir' 'out'; {EACH}"),
    ("site_dir: /tmp/site", _nothing,
     "'site_dir' must be a folder inside the project, such as 'site', got '/tmp/site'"),
    ("dist_dir: ../dist", _nothing,
     "'dist_dir' must be a folder inside the project, such as 'dist', got '../dist'"),
    ("site_dir: ''", _nothing,
     "'site_dir' must be a folder inside the project, such as 'site', got ''"),
    ("site_dir: course.yml", _nothing,
     f"'site_dir' 'course.yml' is a file, not a folder; {OWN_SITE}"),
    ("site_dir: pages", _link("pages", "docs"),
     f"'site_dir' 'pages' is a link to the docs folder 'docs'; {LOST}; {OWN_SITE}"),
    ("dist_dir: here", _link("here", "."),
     "'dist_dir' 'here' is a link to '{root}', which holds the project; "
     f"{LOST}; {OWN_DIST}"),
    ("site_dir: loop", _link("loop", "loop"),
     "'site_dir' 'loop' is a link that leads back to itself; remove the link"),
    ("dist_dir: tools", _tools,
     "'dist_dir' 'tools' holds 'convert.py', which no build writes, so it is not an output "
     f"folder; {LOST}; use a new or empty folder such as 'dist'"),
    ("validation: {output: ignore}", _nothing,
     "'validation.output' cannot be set: problems with code 'output' always stop the build; "
     "remove the line"),
    ("site_dir: out", _notes,
     "'site_dir' 'out' holds 'notes.md', which no build writes, so it is not an output "
     f"folder; {LOST}; use a new or empty folder such as 'site'"),
]


def _project(root: Path) -> dict[str, bytes | str]:
    """Every entry under ``root``: file bytes, link targets, folders.

    ``.cache/`` is left out: what the checks learnt of the pages is kept there
    whether or not the build goes on, and deleting it is always safe.
    """
    found: dict[str, bytes | str] = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        if key.split("/")[0] == ".cache":
            continue
        if path.is_symlink():
            found[key] = "-> " + os.readlink(path)
        elif path.is_file():
            found[key] = path.read_bytes()
        else:
            found[key] = "dir"
    return found


@pytest.mark.parametrize(("settings", "setup", "message"), PLACEMENTS,
                         ids=[p[0] for p in PLACEMENTS])
def test_misplaced_output_folder(minimal: Path, settings: str,
                                 setup: Callable[[Path], None], message: str) -> None:
    config = minimal / "course.yml"
    config.write_text(config.read_text(encoding="utf-8") + settings + "\n", encoding="utf-8")
    setup(minimal)
    line = LINE + settings.count("\n")
    expected = f"course.yml:{line}: error: {message.format(root=minimal)} [config]"
    before = _project(minimal)
    for command in ("check", "build"):
        result = run_cli(minimal, command)
        assert result.exit_code == 1, result.output
        assert expected in result.output.splitlines(), result.output
        assert "Traceback" not in result.output
        assert _project(minimal) == before


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[None]:
    """Set the immutable flag (``chattr +i``) on ``path`` for the block."""
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i needs root on a file system with inode flags")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def _replace(where: str) -> str:
    folder = where.split("/")[0]
    it = "it" if where == folder else f"'{where}'"
    return (f"{folder}: error: '{folder}' cannot be replaced: {it} is read-only or immutable; "
            "make it writable (chmod u+w, chattr -i) or choose another folder [output]")


@pytest.mark.parametrize("locked", ["site", "site/assets", "site/404.html", "dist",
                                    "dist/minimal_course_en_scorm12.zip"])
def test_locked_output_fails_before_anything_is_written(built_course: Path, locked: str) -> None:
    (built_course / "docs/en/index.md").write_text((built_course / "docs/en/index.md").read_text(
        encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    before = _project(built_course)
    with immutable(built_course / locked):
        for command in ("check", "build"):
            result = run_cli(built_course, command)
            assert result.exit_code == 1, result.output
            assert _replace(locked) in result.output.splitlines(), result.output
            assert "Traceback" not in result.output
    assert _project(built_course) == before  # neither output touched, nothing left beside them


def test_output_link_is_written_through(built_course: Path, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    (stick / "course").mkdir(parents=True)
    (stick / "course" / "old.html").write_text("old\n", encoding="utf-8")
    shutil.rmtree(built_course / "site")
    (built_course / "site").symlink_to(stick / "course")
    for _ in range(2):
        result = run_cli(built_course, "build")
        assert result.exit_code == 0, result.output
        assert os.readlink(built_course / "site") == str(stick / "course")
        assert (stick / "course" / "index.html").is_file()
        assert not (stick / "course" / "old.html").exists()
        assert sorted(p.name for p in stick.iterdir()) == ["course"]
        assert sorted(p.name for p in built_course.iterdir()) == [
            ".cache", "course.yml", "dist", "docs", "mkdocs.yml", "site"]


def test_output_link_to_a_missing_drive(built_course: Path, tmp_path: Path) -> None:
    shutil.rmtree(built_course / "dist")
    (built_course / "dist").symlink_to(tmp_path / "unplugged" / "dist")
    before = _project(built_course)
    expected = (f"dist: error: 'dist' is a link to '{tmp_path}/unplugged/dist', but "
                f"'{tmp_path}/unplugged' does not exist; connect the drive it is on or remove "
                "the link [output]")
    for command in ("check", "build"):
        result = run_cli(built_course, command)
        assert result.exit_code == 1
        assert expected in result.output.splitlines(), result.output
    assert _project(built_course) == before
    assert not (tmp_path / "unplugged").exists()


def test_outputs_are_swapped_together_or_not_at_all(tmp_path: Path) -> None:
    site, dist = tmp_path / "a" / "site", tmp_path / "b" / "dist"
    for folder in (site, dist):
        folder.mkdir(parents=True)
        (folder / "old.txt").write_text("old\n", encoding="utf-8")
    with immutable(dist), pytest.raises(PermissionError):
        with staged_dirs(site, dist) as (new_site, new_dist):
            (new_site / "new.txt").write_text("new\n", encoding="utf-8")
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]
    assert sorted(p.name for p in site.iterdir()) == ["old.txt"]
    assert sorted(p.name for p in dist.iterdir()) == ["old.txt"]
