"""Manifests: golden files for the fixture course, and the official schemas."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from build_tools.course.config import load_config
from scorm.validate import validate_manifest

EXPECTED = Path(__file__).resolve().parents[1] / "fixtures" / "courses" / "scorm-small" / "expected"
HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.")


def manifest(dist: Path, name: str) -> bytes:
    with zipfile.ZipFile(dist / name) as archive:
        return archive.read("imsmanifest.xml")


@pytest.mark.parametrize("name", [
    "small_course_kk_scorm12.zip", "small_course_kk_scorm2004.zip",
    "small_ri_en_scorm12.zip", "small_ri_en_scorm2004.zip",
])
def test_manifest_matches_golden(small_built: Path, name: str, update_golden: bool) -> None:
    # Theme assets carry a content hash that changes with mkdocs-material releases.
    text = HASHED.sub(".HASH.min.", manifest(small_built / "dist", name).decode("utf-8"))
    golden = EXPECTED / name.replace(".zip", ".imsmanifest.xml")
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_every_manifest_is_valid(small_built: Path) -> None:
    zips = sorted((small_built / "dist").glob("*.zip"))
    config, _ = load_config(small_built)
    assert config is not None
    assert [z.name for z in zips] == sorted(
        f"small_{scope}_{lang}_{version}.zip" for scope in ("ri", "co", "course")
        for lang in config.languages for version in ("scorm12", "scorm2004"))
    for path in zips:
        version = "1.2" if path.name.endswith("scorm12.zip") else "2004"
        assert validate_manifest(manifest(small_built / "dist", path.name), version) == []


@pytest.mark.parametrize(("version", "old", "new", "expected"), [
    ("1.2", 'adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"',
     "line 25: Element '{http://www.imsproject.org/xsd/imscp_rootv1p1p2}resource', attribute "
     "'{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype': [facet 'enumeration'] The value "
     "'lesson' is not an element of the set {'asset', 'sco'}."),
    ("1.2", "<language>en</language>", "<langage>en</langage>",
     "Element '{http://www.imsglobal.org/xsd/imsmd_rootv1p2p1}langage': This element is not "
     "expected."),
    ("2004", "<imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure>",
     "<imsss:minNormalizedMeasure>1.6</imsss:minNormalizedMeasure>",
     "Element '{http://www.imsglobal.org/xsd/imsss}minNormalizedMeasure': [facet "
     "'maxInclusive'] The value '1.6' is greater than the maximum value allowed ('1')."),
])
def test_schema_errors_are_reported(small_built: Path, version: str, old: str, new: str,
                                    expected: str) -> None:
    suffix = "scorm12" if version == "1.2" else "scorm2004"
    text = manifest(small_built / "dist", f"small_ri_en_{suffix}.zip").decode("utf-8")
    assert old in text
    errors = validate_manifest(text.replace(old, new).encode("utf-8"), version)
    assert errors and expected in errors[0], errors
