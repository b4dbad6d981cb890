"""Whatever a learner types, or an LMS hands back, reaches the LMS and never blocks a save."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.scorm.harness import Lms, serve_packages
from tests.scorm.trainee import (
    NAMES,
    SUFFIX,
    choose,
    interactions,
    last_values,
    resume_data,
    shown,
    type_answer,
)

PACKAGE = "quiz-course_sf_kk_{}"
QUOTED = 'Нельсон "Мандела" \\ </script>'
LIMIT = {"1.2": 4096, "2004": 64000}


@pytest.fixture(scope="module")
def lms_site(quiz_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    zips = [quiz_dist / f"{PACKAGE.format(SUFFIX[v])}.zip" for v in SUFFIX]
    with serve_packages(zips, tmp_path_factory.mktemp("text-lms")) as base:
        yield base


def _open_lesson(lms: Lms) -> Any:
    lms.launcher.select_option("#sco-pages", "1")
    lms.wait_for_page(1)
    return lms.content()


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_double_quote_in_a_typed_answer(browser: Any, lms_site: str, version: str) -> None:
    lms = Lms(browser, lms_site, PACKAGE.format(SUFFIX[version]), version)
    lms.start("sf")
    page = _open_lesson(lms)
    type_answer(page, "sf-01-q5", QUOTED)
    assert shown(page, "sf-01-q5")["state"] == "incorrect"
    (record,) = interactions(lms).values()
    assert (record["id"], record[NAMES[version]["response"]], record["result"]) == (
        "sf-01-q5", QUOTED, NAMES[version]["wrong"])
    assert json.loads(last_values(lms)["cmi.suspend_data"])["a"] == {"4": [QUOTED]}
    cmi = lms.quit()
    lms.check_clean()

    again = Lms(browser, lms_site, PACKAGE.format(SUFFIX[version]), version)
    again.start("sf", resume_data(cmi))
    page = _open_lesson(again)
    assert (shown(page, "sf-01-q5")["typed"], shown(page, "sf-01-q5")["state"]) == (
        QUOTED, "incorrect")
    again.check_clean()


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_oversized_restored_answer_is_cut_and_saving_goes_on(browser: Any, lms_site: str,
                                                              version: str) -> None:
    saved: dict[str, Any] = {"p": 1, "v": "3", "a": {
        "0": ["9"], "1": ["0", "0", "1"], "zz": ["1"], "2": "true", "4": [""]}}
    # As long as the LMS keeps: any answer added to it no longer fits.
    free = LIMIT[version] - len(json.dumps(saved, separators=(",", ":")))
    saved["a"]["4"] = ["ы" * (free - 2)]
    data = json.dumps(saved, ensure_ascii=False, separators=(",", ":"))
    where = "01-safety/01-contact.html"
    cmi: dict[str, Any] = {"core": {"entry": "resume", "lesson_location": where},
                           "suspend_data": data} if version == "1.2" else {
        "entry": "resume", "location": where, "suspend_data": data}
    lms = Lms(browser, lms_site, PACKAGE.format(SUFFIX[version]), version)
    lms.start("sf", cmi)
    page = lms.content()
    assert shown(page, "sf-01-q5")["typed"] == "ы" * 60
    assert shown(page, "sf-01-q1")["checked"] == []
    assert shown(page, "sf-01-q2")["checked"] == ["0", "1"]
    assert shown(page, "sf-01-q3")["checked"] == []
    choose(page, "sf-01-q3", "false")
    data = last_values(lms)["cmi.suspend_data"]
    assert len(data) <= LIMIT[version]
    assert json.loads(data)["a"] == {"1": ["0", "1"], "2": ["false"], "4": ["ы" * 60]}
    lms.quit()
    lms.check_clean()
