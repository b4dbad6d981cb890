"""Packages holding every language: one set of SCOs, every language's pages, shared files."""

from __future__ import annotations

import json
import posixpath
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from lxml import html as lxml_html

from scorm.languages import joined_title, merged_question, multilingual_sco
from scorm.model import Sco, ScoPage, TrackedQuestion
from scorm.suspend import worst_case
from tests.conftest import copy_course, run_cli

LOM12 = "{http://www.imsglobal.org/xsd/imsmd_rootv1p2p1}"
LOM2004 = "{http://ltsc.ieee.org/xsd/LOM}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read(path: Path) -> tuple[etree._Element, dict[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return etree.fromstring(files["imsmanifest.xml"]), files


def config_of(files: dict[str, bytes], launch: str) -> dict[str, Any]:
    config: dict[str, Any] = json.loads(
        lxml_html.document_fromstring(files[launch]).get_element_by_id("sco-config").text)
    return config


def local(manifest: etree._Element, path: str) -> list[Any]:
    found: list[Any] = manifest.xpath(path)
    return found


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
def test_one_module_package_holds_every_language(quiz_dist: Path, version: str) -> None:
    manifest, files = read(quiz_dist / f"quiz-course_sf_multilang_{version}.zip")
    lom = LOM12 if version == "scorm12" else LOM2004
    assert [e.text for e in manifest.iter(f"{lom}language")] == ["kk", "ru", "en"]
    if version == "scorm12":
        titles = {e.get(XML_LANG): e.text for e in manifest.iter(f"{LOM12}langstring")}
    else:
        titles = {e.get("language"): e.text for e in manifest.iter(f"{LOM2004}string")}
    assert titles == {"kk": "Білімді тексеру — Қауіпсіздік", "ru": "Проверка знаний — Безопасность",
                      "en": "Knowledge checks — Safety"}
    # One SCO whatever the language, its id that of the module.
    assert local(manifest, "//*[local-name()='item'][@identifierref]/@identifier") == ["ITEM-sf"]
    assert local(manifest, "//*[local-name()='item']/*[local-name()='title']/text()") == [
        "Қауіпсіздік / Безопасность / Safety"]
    (resource,) = local(manifest, "//*[local-name()='resource'][@identifier='RES-sf']")
    listed = set(local(resource, "*[local-name()='file']/@href"))
    for prefix in ("", "ru/", "en/"):
        assert {prefix + page for page in ("01-safety/index.html", "01-safety/03-test.html")
                } <= listed
    assert listed <= set(files)
    # The same questions, once each, whatever language they are answered in.
    config = config_of(files, "launch_sf.html")
    ids = [q["id"] for q in config["questions"]]
    assert len(ids) == len(set(ids)) > 3
    assert [p["id"] for p in config["pages"]] == ["sf", "sf-01", "sf-02", "sf-test"]


def test_a_text_question_accepts_every_language_s_answers(quiz_dist: Path) -> None:
    _, files = read(quiz_dist / "quiz-course_sf_multilang_scorm2004.zip")
    (text,) = [q for q in config_of(files, "launch_sf.html")["questions"] if q["type"] == "text"]
    # kk and ru accept «Мандела», «Нельсон Мандела», «Mandela»; en «Mandela», «Nelson Mandela».
    assert text["patterns"] == ["{case_matters=false}Мандела", "{case_matters=false}Mandela",
                                "{case_matters=false}Нельсон Мандела",
                                "{case_matters=false}Nelson Mandela"]
    _, one = read(quiz_dist / "quiz-course_sf_en_scorm2004.zip")
    (english,) = [q for q in config_of(one, "launch_sf.html")["questions"] if q["type"] == "text"]
    assert english["id"] == text["id"]
    assert english["patterns"] == ["{case_matters=false}Mandela",
                                   "{case_matters=false}Nelson Mandela"]


def test_the_course_package_lists_each_language_s_glossary(quiz_dist: Path) -> None:
    manifest, _ = read(quiz_dist / "quiz-course_course_multilang_scorm12.zip")
    items = local(manifest, "//*[local-name()='item']/@identifier")
    assert items[0] == "ITEM-sf"
    glossaries = [i for i in items if i.startswith("ITEM-glossary")]
    assert glossaries in ([], ["ITEM-glossary-kk", "ITEM-glossary-ru", "ITEM-glossary-en"])


@pytest.fixture(scope="module")
def shared_image(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small SCORM course whose two languages show the same image file."""
    root = copy_course("scorm-small", tmp_path_factory.mktemp("shared") / "course")
    images = "01-rights/images/scale.svg"
    shutil.copyfile(root / "docs/en" / images, root / "docs/kk" / images)
    config = root / "course.yml"
    config.write_text(config.read_text() + "outputs: [site, scorm12, scorm12_multilang]\n")
    result = run_cli(root, "build")
    assert result.exit_code == 0, result.output
    return root


def test_a_file_every_language_shares_is_shipped_once(shared_image: Path) -> None:
    _, files = read(shared_image / "dist/small_ri_multilang_scorm12.zip")
    assert "01-rights/images/scale.svg" in files
    assert "en/01-rights/images/scale.svg" not in files
    page = "en/01-rights/index.html"
    sources = lxml_html.document_fromstring(files[page]).xpath("//img/@src")
    targets = [posixpath.normpath(posixpath.join(posixpath.dirname(page), s)) for s in sources]
    assert "01-rights/images/scale.svg" in targets
    assert all(target in files for target in targets)
    # A one-language package keeps its own copy where the site has it.
    _, english = read(shared_image / "dist/small_ri_en_scorm12.zip")
    assert "en/01-rights/images/scale.svg" in english


def test_multilingual_packages_are_reproducible(shared_image: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    shutil.copytree(shared_image, again, ignore=shutil.ignore_patterns("site", "dist"))
    assert run_cli(again, "build").exit_code == 0
    built = sorted((shared_image / "dist").glob("*_multilang_*.zip"))
    assert len(built) == 3
    for path in built:
        assert (again / "dist" / path.name).read_bytes() == path.read_bytes(), path.name


def sco(lang: str, pages: list[str], questions: tuple[TrackedQuestion, ...] = ()) -> Sco:
    prefix = "" if lang == "kk" else f"{lang}/"
    return Sco("m", f"M {lang}", tuple(ScoPage(p, f"{prefix}{p}.html", f"{p} {lang}")
                                       for p in pages), questions, 70)


def test_a_page_missing_in_one_language_is_shown_from_the_fallback() -> None:
    merged = multilingual_sco({"kk": sco("kk", ["m", "m-1", "m-test"]),
                               "ru": sco("ru", ["m", "m-test"]), "en": None},
                              ("kk", "ru", "en"), ("kk", "ru", "en"))
    assert merged is not None
    assert [one.lang for one in merged.languages] == ["kk", "ru", "en"]
    assert [p.href for p in merged.languages[1].pages] == ["ru/m.html", "m-1.html",
                                                           "ru/m-test.html"]
    assert [p.href for p in merged.languages[2].pages] == ["m.html", "m-1.html", "m-test.html"]
    assert merged.pages == merged.languages[0].pages
    assert merged.title == "M kk"


def test_translations_merge_into_one_question() -> None:
    kk = TrackedQuestion("q", "p", "text", 0, "fill-in", {"1.2": ("Мандела", "Mandela")},
                         ('"' * 5,), 5)
    en = TrackedQuestion("q", "p", "text", 0, "fill-in", {"1.2": ("Mandela", "Nelson Mandela",
                                                                  "N. Mandela")}, ('"' * 9,), 5)
    merged = merged_question([kk, en])
    assert merged.patterns == {"1.2": ("Мандела", "Mandela", "Nelson Mandela", "N. Mandela")}
    assert merged.worst == ('"' * 9,)
    choice = TrackedQuestion("c", "p", "single", 3, "choice", {"1.2": ("b",)}, ("2",))
    assert merged_question([choice, choice]) == choice


def test_the_size_proof_counts_the_language_kept() -> None:
    one = sco("kk", ["m", "m-test"])
    merged = multilingual_sco({"kk": one, "ru": sco("ru", ["m", "m-test"])}, ("kk", "ru"),
                              ("kk", "ru"))
    assert merged is not None
    assert worst_case(merged) == worst_case(one) + len(',"l":"kk"')


def test_titles_join_while_they_fit() -> None:
    assert joined_title(["Қауіпсіздік", "Безопасность", "Safety"]) == (
        "Қауіпсіздік / Безопасность / Safety")
    assert joined_title(["Құқық", "Құқық", "Rights"]) == "Құқық / Rights"
    assert joined_title(["a" * 150, "b" * 150]) == "a" * 150
