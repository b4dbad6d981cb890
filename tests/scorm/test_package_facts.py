"""Pages, launcher configuration and manifest agree, in every package of two real builds.

quiz.js reads the page id, question ids and pass mark from the page; the
launcher reads its configuration; the LMS reads the mastery score from the
manifest. Each must say the same, or answers are restored on the wrong page,
recorded under the wrong id, or judged against another pass mark.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

QUIZ_PAGES = ["01-safety/index.html", "01-safety/01-contact.html", "01-safety/02-extra.html",
              "01-safety/03-test.html"]


def mastery_by_launch(manifest: etree._Element) -> dict[str, float | None]:
    """Each SCO's mastery score in percent, by launch page, as the manifest gives it."""
    hrefs = {r.get("identifier"): r.get("href")
             for r in manifest.xpath("//*[local-name()='resource'][@href]")
             if r.xpath("string(@*[local-name()='scormtype' or local-name()='scormType'])")
             == "sco"}
    found: dict[str, float | None] = {}
    for item in manifest.xpath("//*[local-name()='item'][@identifierref]"):
        if item.get("identifierref") not in hrefs:
            continue  # an untracked page, such as the glossary, has no launcher
        score = item.xpath(".//*[local-name()='masteryscore']/text()")
        measure = item.xpath(".//*[local-name()='minNormalizedMeasure']/text()")
        percent = float(score[0]) if score else float(measure[0]) * 100 if measure else None
        found[hrefs[item.get("identifierref")]] = percent
    return found


def page_facts_problems(path: Path) -> list[str]:
    """Where a package's pages, launcher configuration and manifest disagree."""
    problems = []
    with zipfile.ZipFile(path) as archive:
        mastery = mastery_by_launch(etree.fromstring(archive.read("imsmanifest.xml")))
        for launch, percent in mastery.items():
            config = json.loads(lxml_html.document_fromstring(
                archive.read(launch)).get_element_by_id("sco-config").text)
            if config["mastery"] != percent:
                problems.append(f"{launch}: mastery {config['mastery']} != manifest {percent}")
            questions = []
            for page in config["pages"]:
                doc = lxml_html.document_fromstring(archive.read(page["href"]))
                facts = doc.find_class("quiz-page")
                if not facts:
                    continue
                page_id = facts[0].get("data-page-id")
                if page_id != page["id"]:
                    problems.append(f"{page['href']}: page id {page_id} != {page['id']}")
                test = facts[0].get("data-test") == "true"
                if test and float(facts[0].get("data-pass-mark")) != percent:
                    problems.append(f"{page['href']}: pass mark "
                                    f"{facts[0].get('data-pass-mark')} != manifest {percent}")
                questions += [(q.get("data-quiz-id"), page_id) for q in doc.find_class("quiz")]
            if questions != [(q["id"], q["page"]) for q in config["questions"]]:
                problems.append(f"{launch}: questions {questions} != {config['questions']}")
    return problems


def test_pages_launcher_and_manifest_agree(quiz_dist: Path, sample_dist: Path) -> None:
    zips = sorted(quiz_dist.glob("*.zip")) + sorted(sample_dist.glob("*.zip"))
    assert len(zips) > 12  # 12 of the fixture course, and the sample course's
    assert {str(z.name): page_facts_problems(z) for z in zips} == {
        str(z.name): [] for z in zips}
    with zipfile.ZipFile(quiz_dist / "quiz-course_course_ru_scorm12.zip") as archive:
        assert mastery_by_launch(etree.fromstring(archive.read("imsmanifest.xml"))) == {
            "launch_sf.html": 60.0}
        assert b'data-page-id="sf-02"' in archive.read("ru/" + QUIZ_PAGES[2])  # a fallback page
