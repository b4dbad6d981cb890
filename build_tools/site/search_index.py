"""The offline search index: one ``.js`` file per language, loaded with a ``<script>`` tag.

``file://`` pages may not fetch JSON or start web workers in Chromium, so the
index is a script that stores itself in a global. It holds the plain text of
each page split into sections at its ``h2``/``h3`` headings; the browser
(``assets/javascripts/course-search.js``) tokenises and stems it when search
is first opened, so one stemmer serves both the index and the queries. The
index carries the search rules of its languages (``build_tools/languages``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import html as lxml_html

from ..languages.search import rules

SPLIT_TAGS = {"h1", "h2", "h3"}
"""Top-level headings that start a new section of a page."""
SKIPPED = ("//a[contains(concat(' ', @class, ' '), ' headerlink ')] | //script | //style"
           " | //template | //button | //*[@data-search-exclude]")
"""Markup whose text is not searched: permalink signs, scripts, styles, buttons, templates
(where knowledge checks keep feedback and explanations until the learner answers) and
anything marked ``data-search-exclude``. A question and its options are searchable, like
any text the reader sees; which option is correct is never text in the page."""
BLOCKS = {"p", "div", "li", "legend", "label", "fieldset", "dt", "dd", "td", "th", "tr",
          "summary", "details", "br", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "table", "ul", "ol"}
"""Elements after which words do not run on, even when the HTML has no space between."""
_SPACE = re.compile(r"\s+")


@dataclass
class Section:
    """A part of a page that a search result links to."""

    anchor: str
    """The heading's id; empty for the top of the page."""
    title: str
    text: list[str] = field(default_factory=list)

    def as_list(self) -> list[str]:
        """Return ``[anchor, title, text]``, the compact form written to the index."""
        return [self.anchor, self.title, _clean(" ".join(self.text))]


@dataclass
class SearchIndex:
    """The searchable text of one language's pages."""

    lang: str
    pages: list[list[object]] = field(default_factory=list)

    def add_page(self, url: str, title: str, html: str, content_lang: str) -> None:
        """Add a rendered page.

        Args:
            url: The page's URL relative to its language's folder.
            title: The page title.
            html: The rendered content.
            content_lang: The language of the content; not ``lang`` on fallback pages.
        """
        sections = [s.as_list() for s in split_sections(html, title) if s.title or s.text]
        self.pages.append([url, title, "" if content_lang == self.lang else content_lang,
                           sections])

    def merge(self, script: str) -> None:
        """Add the pages of an index ``script`` (as :meth:`script` writes) missing here."""
        try:
            old = json.loads(script[script.index("=", script.index("]")) + 1:].rstrip(";\n"))
        except ValueError:
            return  # unreadable: the pages rendered now are all that can be kept
        urls = {page[0] for page in self.pages}
        self.pages += [page for page in old.get("pages", []) if page[0] not in urls]

    def script(self) -> str:
        """Return the JavaScript file that registers this index under its language."""
        langs = sorted({self.lang} | {str(page[2]) for page in self.pages if page[2]})
        data = json.dumps({"lang": self.lang,
                           "languages": {lang: rules(lang).as_json() for lang in langs},
                           "pages": sorted(self.pages, key=_url)},
                          ensure_ascii=False, separators=(",", ":"))
        return ("(window.courseSearchIndex=window.courseSearchIndex||{})"
                f"[{json.dumps(self.lang)}]={data};\n")

    def write(self, path: Path, *, keep_existing: bool = False) -> int:
        """Write the index script to ``path`` and return its size in bytes.

        With ``keep_existing``, pages of the index already at ``path`` that this
        index does not hold are kept (after a build that rendered a few pages).
        """
        if keep_existing and path.is_file():
            self.merge(path.read_text(encoding="utf-8"))
        data = self.script().encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return len(data)


def split_sections(html: str, page_title: str) -> list[Section]:
    """Split page HTML into sections at its top-level headings."""
    if not html.strip():
        return []
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    for node in root.xpath(SKIPPED):
        node.drop_tree()
    for node in root.iter(*BLOCKS):
        node.tail = " " + (node.tail or "")
    sections = [Section("", page_title)]
    for element in root:
        if not isinstance(element.tag, str):
            continue
        if element.tag in SPLIT_TAGS:
            title = _clean(element.text_content())
            if element.tag == "h1":
                sections[-1].title = title or page_title
            else:
                sections.append(Section(element.get("id", ""), title))
        else:
            sections[-1].text.append(element.text_content())
    return sections


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _url(page: list[object]) -> str:
    return str(page[0])
