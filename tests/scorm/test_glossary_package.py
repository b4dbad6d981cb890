"""The whole-course package holds the glossary page: listed by the LMS, never tracked."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

NS = {"cp12": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
      "cp04": "http://www.imsglobal.org/xsd/imscp_v1p1",
      "ss": "http://www.imsglobal.org/xsd/imsss"}


@pytest.mark.parametrize(("name", "href", "title"), [
    ("mandela-rules_course_kk_scorm12.zip", "glossary.html", "Глоссарий"),
    ("mandela-rules_course_ru_scorm2004.zip", "ru/glossary.html", "Глоссарий"),
    ("mandela-rules_course_en_scorm2004.zip", "en/glossary.html", "Glossary"),
])
def test_course_package_lists_the_glossary_untracked(sample_dist: Path, name: str, href: str,
                                                     title: str) -> None:
    with zipfile.ZipFile(sample_dist / name) as archive:
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
        page = lxml_html.fromstring(archive.read(href))
    item = manifest.xpath("//*[local-name()='item'][@identifier='ITEM-glossary']")[0]
    assert item.xpath("string(*[local-name()='title'])") == title
    resource = manifest.xpath("//*[local-name()='resource'][@identifier='RES-glossary']")[0]
    assert resource.get("href") == href
    assert resource.xpath("string(@*[local-name()='scormtype' or local-name()='scormType'])") \
        == "asset"
    assert page.xpath('//h2[@id="probation-supervision"]')
    if name.endswith("2004.zip"):
        assert item.xpath(".//ss:deliveryControls/@tracked", namespaces=NS) == ["false"]
        assert item.xpath(".//ss:rollupRules/@rollupProgressCompletion", namespaces=NS) == \
            ["false"]


def test_module_packages_have_no_glossary_item(sample_dist: Path) -> None:
    with zipfile.ZipFile(sample_dist / "mandela-rules_mr_kk_scorm12.zip") as archive:
        assert b"ITEM-glossary" not in archive.read("imsmanifest.xml")
        assert "glossary.html" not in archive.namelist()
