"""The launch page: every title and label lands escaped for its place, the configuration intact."""

from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

from scorm.launcher import launch_page, sco_config, script_json
from scorm.model import Organization, Package, Sco, ScoPage

HOSTILE = [
    "{config}",
    "{title} {lang} {previous}",
    '" onload="window.pwned = 1',
    "<!--<script>",
    "</script><script>window.pwned = 2</script>",
    "Права & обязанности <b>сотрудника</b>",
    "\u2028 \u2029 ]]> &amp;",
]


def _package(title: str, label: str) -> tuple[Package, Sco]:
    sco = Sco("m1", title, (ScoPage("p1", "en/m1/index.html", title),
                            ScoPage("p2", "en/m1/01-a.html", "Second </title>")))
    package = Package("PKG", "2004", "en", title, Organization("ORG", title, ()), (), (sco,),
                      labels={"previous": label, "next": label, "pages": label})
    return package, sco


@pytest.mark.parametrize("text", HOSTILE)
def test_every_value_is_escaped_for_its_place(text: str) -> None:
    package, sco = _package(text, text)
    page = launch_page(package, sco)
    doc = lxml_html.document_fromstring(page.decode("utf-8"))
    assert doc.get("lang") == "en"
    assert doc.findtext(".//title") == text
    assert doc.xpath("string(//*[@class='sco-title'])") == text
    assert doc.xpath("string(//*[@class='sco-hidden'])") == text
    assert doc.get_element_by_id("sco-frame").get("title") == text
    prev, nxt = doc.get_element_by_id("sco-prev"), doc.get_element_by_id("sco-next")
    assert (prev.get("aria-label"), prev.text_content()) == (text, f"\u2039 {text}")
    assert (nxt.get("aria-label"), nxt.text_content()) == (text, f"{text} \u203a")
    assert json.loads(doc.get_element_by_id("sco-config").text) == sco_config(package, sco)
    assert [s.get("src") for s in doc.iter("script") if s.get("src")] == [
        "scorm/record.js", "scorm/answers.js", "scorm/state.js", "scorm/tracker.js",
        "scorm/error_codes.js", "scorm/api_finder.js", "scorm/runtime.js",
        "scorm/scorm_tracker.js", "scorm/scorm2004.js", "scorm/host.js"]
    assert len(doc.xpath("//*[@onload]")) == 0


def test_script_json_cannot_end_its_element() -> None:
    text = script_json({"t": "</script><!--<script> & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert text == '{"t": "\\u003c/script\\u003e\\u003c!--\\u003cscript\\u003e \\u0026 \\u2028"}'
    assert json.loads(text) == {"t": "</script><!--<script> & \u2028"}
