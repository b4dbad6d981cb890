"""The outputs registry: ``course.yml`` selects outputs; a new output needs only the interface."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools import outputs
from build_tools.codes import CODES, Code, Severity
from build_tools.course.config import load_config
from build_tools.course.model import Course
from build_tools.diagnostics import warning
from build_tools.outputs import OutputJob, OutputResult, WrittenFile
from tests.conftest import copy_course, run_cli


def _config_line(root: Path, text: str) -> None:
    config = root / "course.yml"
    config.write_text(config.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_registry_names_every_output_once() -> None:
    assert list(outputs.REGISTRY) == ["site", "scorm12", "scorm2004", "scorm12_multilang",
                                      "scorm2004_multilang", "question_bank", "handbook"]
    assert all(outputs.REGISTRY[name].name == name for name in outputs.REGISTRY)


def test_without_site_the_site_folder_is_left_alone(tmp_path: Path) -> None:
    root = copy_course("scorm-small", tmp_path / "course")
    _config_line(root, "outputs: [scorm12]\n")
    result = run_cli(root, "build")
    assert result.exit_code == 0, result.output
    assert not (root / "site").exists()
    assert not [p for p in root.iterdir() if p.name.startswith(".site")]
    assert sorted(p.name for p in (root / "dist").iterdir()) == [
        "small_co_en_scorm12.zip", "small_co_kk_scorm12.zip", "small_course_en_scorm12.zip",
        "small_course_kk_scorm12.zip", "small_ri_en_scorm12.zip", "small_ri_kk_scorm12.zip"]


@pytest.mark.parametrize(("text", "expected"), [
    ("outputs: [site, pdf]\n",
     "course.yml:{line}: error: 'outputs' must list some of 'site', 'scorm12', 'scorm2004', "
     "'scorm12_multilang', 'scorm2004_multilang', 'question_bank', 'handbook', "
     "got ['site', 'pdf'] [config]"),
    ("outputs: []\n",
     "course.yml:{line}: error: 'outputs' must list some of 'site', 'scorm12', 'scorm2004', "
     "'scorm12_multilang', 'scorm2004_multilang', 'question_bank', 'handbook', got [] [config]"),
    ("validation:\n  image_alt: warning\n",
     "course.yml:{line}: error: 'validation' names 'image_alt', which is not a diagnostic "
     "code; did you mean 'image-alt'? the codes are listed in the author's guide [config]"),
    ('scorm:\n  versions: ["2004"]\n',
     "course.yml:{line}: error: 'scorm' was replaced by 'outputs'; list what to build, such as "
     "'outputs: [site, scorm12, scorm2004]' [config]"),
])
def test_course_yml_settings_are_validated(minimal: Path, text: str, expected: str) -> None:
    line = len((minimal / "course.yml").read_text(encoding="utf-8").splitlines()) + 1
    _config_line(minimal, text)
    config, diagnostics = load_config(minimal)
    assert config is None
    assert [d.format() for d in diagnostics] == [expected.format(line=line)]


class _Contents:
    """A course output written for the test: one text file listing every page title."""

    name = "contents"
    scope = "course"

    def planned(self, course: Course) -> int:
        return 1

    def write(self, job: OutputJob) -> OutputResult:
        assert job.lang is None
        course = job.course
        lines = [f"{lang} {job.page_href(lang, page.src_uri)} {page.title}"
                 for page in course.all_pages() for lang in [page.lang]
                 if (job.site_dir / job.page_href(lang, page.src_uri)).is_file()]
        path = job.dist_dir / f"{course.id}_contents.txt"
        path.write_text("\n".join(sorted(lines)) + "\n", encoding="utf-8")
        problem = warning("course.yml", None, "contents written", "contents")
        return OutputResult([WrittenFile(path, path.stat().st_size, "contents list")], [problem])


def test_a_new_output_joins_through_the_registry(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(outputs.REGISTRY, "contents", _Contents())
    monkeypatch.setitem(CODES, "contents", Code("contents", Severity.WARNING, "A note."))
    root = copy_course("scorm-small", tmp_path / "course")
    _config_line(root, "outputs: [site, contents]\n")
    result = run_cli(root, "build")
    assert result.exit_code == 0, result.output
    assert "course.yml: warning: contents written [contents]" in result.output.splitlines()
    assert "Wrote 1 contents list(s) to dist/, largest small_contents.txt" in result.output
    assert [p.name for p in (root / "dist").iterdir()] == ["small_contents.txt"]
    listed = (root / "dist" / "small_contents.txt").read_text(encoding="utf-8").splitlines()
    assert "en en/01-rights/01-dignity.html Dignity" in listed
    assert all((root / "site" / line.split()[1]).is_file() for line in listed)
