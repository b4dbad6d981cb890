"""Package pages: the site navigation cut from the text is what parsing and dropping it leaves."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

from build_tools.outputs.package_html import _without_navigation

NAV_SIDEBAR = '//div[@data-course-chrome="sidebar" and contains(@class, "md-sidebar--primary")]'


def _parsed(source: bytes) -> bytes:
    doc = lxml_html.document_fromstring(source)
    for sidebar in doc.xpath(NAV_SIDEBAR):
        sidebar.drop_tree()
    return bytes(lxml_html.tostring(doc, doctype="<!doctype html>", encoding="utf-8"))


def test_the_cut_page_parses_as_the_whole_page_less_its_navigation(minimal_built: Path) -> None:
    pages = sorted((minimal_built / "site").rglob("*.html"))
    cut = 0
    for page in pages:
        source = page.read_bytes()
        shorter = _without_navigation(source)
        cut += len(shorter) < len(source)
        assert b'data-md-type="navigation"' not in shorter
        assert _parsed(shorter) == _parsed(source), page
    assert cut == len(pages) >= 10


def test_navigation_that_is_not_plain_markup_is_left_to_the_parser(minimal_built: Path) -> None:
    source = (minimal_built / "site/01-basics/01-first.html").read_bytes()
    inside = source.index(b'data-md-type="navigation"')
    for odd in (b"<!-- </div> -->", b"<script>'</div>'</script>", b"a < b", b"<STYLE></STYLE>"):
        page = source[:inside] + source[inside:].replace(b"</label>", b"</label>" + odd, 1)
        assert _without_navigation(page) == page
