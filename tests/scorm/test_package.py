"""Package zips: reproducible bytes, only what the pages use, nothing from outside."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from scorm.package import zip_timestamp
from tests.conftest import run_cli

MODULE_LIMIT = 500 * 1024


def entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_two_builds_give_identical_zips(small_built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    shutil.copytree(small_built, again, ignore=shutil.ignore_patterns("site", "dist"))
    assert run_cli(again, "build").exit_code == 0
    first = sorted((small_built / "dist").glob("*.zip"))
    assert len(first) == 12
    for path in first:
        assert (again / "dist" / path.name).read_bytes() == path.read_bytes(), path.name


def test_zip_entries_are_fixed(small_built: Path) -> None:
    path = small_built / "dist" / "small_course_en_scorm2004.zip"
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "imsmanifest.xml"
    assert {i.date_time for i in infos} == {(2020, 1, 1, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}
    assert {i.extra for i in infos} == {b""}


def test_source_date_epoch_sets_the_timestamp(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert zip_timestamp() == (2023, 11, 14, 22, 13, 20)
    assert zip_timestamp({"SOURCE_DATE_EPOCH": "0"}) == (1980, 1, 1, 0, 0, 0)


def test_packages_hold_no_build_paths_or_outside_links(small_built: Path) -> None:
    for path in (small_built / "dist").glob("*.zip"):
        for name, data in entries(path).items():
            assert str(small_built).encode() not in data, (path.name, name)
            if name.endswith(".html"):
                text = data.decode("utf-8")
                assert not re.search(r'(href|src)="(https?:)?//', text), (path.name, name)
                assert "hreflang" not in text and "md-select" not in text
                assert '"search":' not in text  # no search worker in Material's config
                # The site's own progress (course-progress.js): the LMS keeps it here.
                assert "course-progress" not in text
            assert "course-progress.js" not in name


def test_module_package_holds_only_its_pages_and_used_assets(small_built: Path) -> None:
    files = entries(small_built / "dist" / "small_ri_en_scorm12.zip")
    pages = sorted(n for n in files if n.endswith(".html"))
    assert pages == ["en/01-rights/01-dignity.html", "en/01-rights/02-daily.html",
                     "en/01-rights/03-test.html", "en/01-rights/index.html", "launch_ri.html"]
    assert "en/01-rights/images/scale.svg" in files
    assert not any("lunr" in n or "workers/search" in n or n.endswith(".map") for n in files)
    dignity = files["en/01-rights/01-dignity.html"].decode("utf-8")
    # Links out of the package become plain text; links inside stay.
    assert "<span>Contact</span>" in dignity and "<span>Home</span>" in dignity
    assert "<span>the UN</span>" in dignity
    assert 'href="01-dignity.html"' in files["en/01-rights/index.html"].decode("utf-8")
    assert "02-contact" not in dignity
    # No navigation of the site's own (the launcher's bar is the package's): no link to
    # the next page, none to the other pages' sections.
    assert 'href="02-daily.html"' not in dignity and 'href="index.html' not in dignity


def test_module_packages_stay_small(small_built: Path) -> None:
    for path in (small_built / "dist").glob("small_[rc][io]_*.zip"):
        assert path.stat().st_size < MODULE_LIMIT, path.name


def test_outputs_narrow_the_packages(tmp_path: Path) -> None:
    from tests.conftest import copy_course

    root = copy_course("scorm-small", tmp_path / "course")
    config = root / "course.yml"
    config.write_text(config.read_text(encoding="utf-8") + "outputs: [site, scorm2004]\n",
                      encoding="utf-8")
    result = run_cli(root, "build")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (root / "dist").iterdir()) == [
        "small_co_en_scorm2004.zip", "small_co_kk_scorm2004.zip",
        "small_course_en_scorm2004.zip", "small_course_kk_scorm2004.zip",
        "small_ri_en_scorm2004.zip", "small_ri_kk_scorm2004.zip"]
    assert "Wrote 6 SCORM package(s) to dist/" in result.output


def test_a_site_file_leaving_the_site_is_refused(small_built: Path, tmp_path: Path) -> None:
    from build_tools.course.loader import load_course
    from tests.scorm.conftest import write_packages

    site = tmp_path / "site"
    shutil.copytree(small_built / "site", site)
    secret = tmp_path / "secret.svg"
    secret.write_text("<svg/>", encoding="utf-8")
    image = site / "en" / "01-rights" / "images" / "scale.svg"
    image.unlink()
    image.symlink_to(secret)
    course, _ = load_course(small_built)
    assert course is not None
    reports, problems = write_packages(course, site, tmp_path / "dist")
    assert [d.format() for d in problems] == [
        "site/en/01-rights/images/scale.svg: error: the file resolves outside the site, to "
        f"'{secret}'; packages only take files from the docs folder and the built site "
        "[symlink]"]
    for report in reports:
        if "_en_" in report.path.name and "_co_" not in report.path.name:
            assert "en/01-rights/images/scale.svg" not in entries(report.path)


def test_symlink_out_of_docs_fails_and_keeps_last_dist(tmp_path: Path) -> None:
    from tests.conftest import copy_course

    root = copy_course("scorm-small", tmp_path / "course")
    assert run_cli(root, "build").exit_code == 0
    before = {p.name: p.read_bytes() for p in (root / "dist").iterdir()}
    outside = tmp_path / "outside.svg"
    outside.write_text("<svg/>", encoding="utf-8")
    (root / "docs" / "en" / "01-rights" / "images" / "leak.svg").symlink_to(outside)
    result = run_cli(root, "build")
    assert result.exit_code == 1
    assert (f"docs/en/01-rights/images/leak.svg:1: error: symbolic link points outside the docs "
            f"folder, to '{outside}'; copy the file into the docs folder instead [symlink]"
            in result.output.splitlines())
    assert {p.name: p.read_bytes() for p in (root / "dist").iterdir()} == before


def test_course_package_pages_link_only_within_their_module(small_built: Path) -> None:
    files = entries(small_built / "dist" / "small_course_en_scorm12.zip")
    dignity = files["en/01-rights/01-dignity.html"].decode("utf-8")
    assert "<span>Contact</span>" in dignity and "02-contact" not in dignity
    assert "en/02-contact/01-talking.html" in files


def test_a_title_xml_cannot_hold_is_a_diagnostic(small_built: Path, tmp_path: Path) -> None:
    import dataclasses

    from build_tools.course.loader import load_course
    from tests.scorm.conftest import write_packages

    course, _ = load_course(small_built)
    assert course is not None
    config = dataclasses.replace(course.config, titles={**course.titles, "en": "Bad\x0btitle"})
    course = dataclasses.replace(course, config=config)
    _, problems = write_packages(course, small_built / "site", tmp_path)
    message = ("error: imsmanifest.xml cannot be written: All strings must be XML compatible: "
               "Unicode or ASCII, no NULL bytes or control characters; remove control "
               "characters from the course, module and page titles [scorm-manifest]")
    assert [d.format() for d in problems] == [
        f"dist/small_{scope}_en_{version}.zip: {message}"
        for version in ("scorm12", "scorm2004") for scope in ("ri", "co", "course")]

