"""The glossary on the site: one glossary page per language, and terms explained in pages.

The page (``glossary.md`` beside each language's home page) is generated from
``glossary.yml``: every term of the language, alphabetically, with its
definition, its source and the same concept in the course's other languages.
In every other page the first use of each term links to its entry and carries
the definition as a tooltip (``role="tooltip"``, named by ``aria-describedby``)
that shows on hover, on keyboard focus and on a first tap
(``assets/javascripts/course-glossary.js``), and hides again with Escape.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from lxml import html as lxml_html
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.structure.files import File, Files

from ..course.glossary import PAGE_SRC_URI as SRC_URI
from ..course.glossary import Glossary, Hit, TermFinder
from ..languages.i18n import language_name
from ..course.model import Course
from .urls import page_url

SCRIPT_URI = "assets/javascripts/course-glossary.js"
"""The tooltip script, a file of our theme."""
SKIPPED = {"a", "code", "pre", "kbd", "script", "style", "template", "button", "label",
           "legend", "summary", "h1", "h2", "h3", "h4", "h5", "h6", "svg", "textarea",
           "select", "option", "input"}
"""Elements whose text never becomes a term link: links, code, headings, controls."""


def glossary_markdown(glossary: Glossary, course: Course, lang: str,
                      t: Callable[..., str]) -> str:
    """Return the Markdown of the glossary page of ``lang``."""
    title = t("Glossary")
    intro = t("The terms of this course, with short definitions and where they come from.")
    parts = [f"---\ntitle: {_yaml_text(title)}\n---\n", f"# {_md(title)}\n", f"{_md(intro)}\n"]
    for entry, forms in glossary.in_language(lang):
        others = " · ".join(
            f'{escape(language_name(other, lang))}: <span lang="{other}">'
            f'{escape(entry.forms[other].term)}</span>'
            for other in course.languages if other != lang and other in entry.forms)
        source = t("Source: %(source)s", source=entry.source)
        parts.append(f"## {_md(forms.term)} {{#{entry.id}}}\n\n{_md(forms.definition)}\n\n"
                     f'<p class="course-glossary__meta">{others}<br>{escape(source)}</p>\n')
    return "\n".join(parts)


def add_glossary_page(files: Files, config: Any, course: Course, lang: str,
                      markdown: str) -> Files:
    """Add the generated glossary page of ``lang`` to ``files``."""
    file = File.generated(config, f"{lang}/{SRC_URI}", content=markdown)
    file.dest_uri = page_url(course, lang, SRC_URI)
    file.url = file.dest_uri
    file.abs_dest_path = str(Path(config.site_dir) / file.dest_uri)
    files.append(file)
    return files


def add_script(config: Any) -> None:
    """List the tooltip script in ``extra_javascript`` once."""
    if all(str(script) != SCRIPT_URI for script in config.extra_javascript):
        config.extra_javascript.append(ExtraScriptValue(SCRIPT_URI))


class TermLinker:
    """Links the first use of each glossary term in a page of one language."""

    def __init__(self, glossary: Glossary, course: Course, lang: str) -> None:
        self.finder = TermFinder(glossary, lang)
        self.lang = lang
        self.glossary_url = page_url(course, lang, SRC_URI)

    def link(self, html: str, page_url_: str) -> str:
        """Return ``html`` (a page's content at ``page_url_``) with its first term uses linked."""
        if page_url_ == self.glossary_url or not html.strip():
            return html
        root = lxml_html.fragment_fromstring(html, create_parent="div")
        href = posixpath.relpath(self.glossary_url, posixpath.dirname(page_url_) or ".")
        seen: set[str] = set()
        self._walk(root, href, seen)
        if not seen:
            return html
        return "".join(lxml_html.tostring(child, encoding="unicode") for child in
                       root.iterchildren()) if len(root) else html

    def _walk(self, element: Any, href: str, seen: set[str]) -> None:
        if not isinstance(element.tag, str) or element.tag in SKIPPED or _excluded(element):
            return
        if element.text:
            element.text, made = self._split(element.text, href, seen)
            for index, node in enumerate(made):
                element.insert(index, node)
        for child in list(element):
            self._walk(child, href, seen)
            if child.tail:
                child.tail, made = self._split(child.tail, href, seen)
                anchor = child
                for node in made:
                    anchor.addnext(node)
                    anchor = node

    def _split(self, text: str, href: str, seen: set[str]) -> tuple[str, list[Any]]:
        """Cut ``text`` at first uses of terms; return the text before them and the new nodes."""
        hits = [h for h in self.finder.find(self.finder.tokens(text))
                if h.approved and h.entry.readers]
        made: list[Any] = []
        head, cursor = text, 0
        for hit in hits:
            if hit.entry.id in seen:
                continue
            seen.add(hit.entry.id)
            start, end = _span(hit)
            node = self._term(text[start:end], hit, href)
            if made:
                made[-1].tail = text[cursor:start]
            else:
                head = text[:start]
            made.append(node)
            cursor = end
        if made:
            made[-1].tail = text[cursor:]
        return head, made

    def _term(self, text: str, hit: Hit, href: str) -> Any:
        forms = hit.entry.forms[self.lang]
        tip_id = f"course-term-{hit.entry.id}"
        return lxml_html.fragment_fromstring(
            f'<span class="course-term"><a class="course-term__link" '
            f'href="{escape(href)}#{hit.entry.id}" aria-describedby="{tip_id}" tabindex="0">'
            f'{escape(text)}</a><span class="course-term__tip" id="{tip_id}" role="tooltip" '
            f'data-search-exclude=""><strong>{escape(forms.term)}</strong>: '
            f'{escape(forms.definition)}</span></span>')


def _span(hit: Hit) -> tuple[int, int]:
    first, last = hit.tokens[0], hit.tokens[-1]
    return first.col - 1, last.col - 1 + len(last.text)


def _excluded(element: Any) -> bool:
    # Knowledge checks too: a definition at hand would give answers away.
    classes = element.get("class", "").split()
    return (bool({"course-term", "headerlink", "quiz"} & set(classes))
            or element.get("data-search-exclude") is not None)


def _md(text: str) -> str:
    """Escape text for Markdown: the characters that would start markup."""
    return escape(text).replace("*", r"\*").replace("_", r"\_").replace("[", r"\[")


def _yaml_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
