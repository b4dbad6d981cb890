"""HTML of the handbook (built pages, worksheets, answer keys) written as Typst markup.

Every text is escaped, so nothing an author wrote is read as Typst code:
Typst treats a backslash before any ASCII punctuation as that character. The
look of each element is not decided here but by the functions of
``handbook.typ`` that the markup calls (``#admonition``, ``#question``, ...):
an element whose class is in :data:`CLASS_BLOCKS` or :data:`CLASS_INLINE` is
written as a call of the function of that name.

Headings carry what the PDF's outline makes of them: a chapter root says, in
``data-h1-level``, at which outline level its ``h1`` stands and, in
``data-bookmarks``, how many heading levels appear in the outline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "details", "div", "dl", "dd", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "ul"))
CLASS_BLOCKS = (
    "cover", "cover-academy", "cover-course", "kicker", "cover-trainer", "cover-edition",
    "cover-facts", "cover-name", "module-contents", "front", "toc-note", "lesson", "home",
    "admonition-title", "question", "question-prompt", "key-prompt", "question-intro",
    "answer-numeric", "answer-lines", "key-item", "key-answer", "key-feedback",
    "key-feedback-item", "key-explanation-label", "key-explanation")
"""Classes of block elements written as a call of the ``handbook.typ`` function of that name."""
TOC_ITEMS = ("toc-module", "toc-lesson", "toc-home")
"""Classes of a contents list's items, each written as a call of that name."""
CLASS_INLINE = ("key-choice", "letter", "question-number", "key-label", "accepted", "answer-label")
"""Classes of inline elements written the same way."""
KEPT = ("question", "key-item")
"""Classes of blocks kept on one page when they fit (see :func:`whole`)."""
CHARS_PER_LINE = 70
"""Fewer characters than a line of the handbook's text holds: estimates err long."""
IMAGE_LINES = 20
WHOLE_LINES = 30
"""Lines a block may be estimated at and still be kept whole: about two thirds of a page."""
BLOCK_CALLS = {"summary": "admonition-title", "blockquote": "quote.with(block: true)",
               "figcaption": "caption", "dt": "strong",
               "dd": "pad.with(left: 14pt)"}
"""Block elements written as a call of a Typst function on their content."""
PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
SPACE = re.compile(r"[ \t\n\r\f\v]+")
LABEL = re.compile(r"[A-Za-z0-9_.:-]+")
LANG = re.compile(r"([A-Za-z]{2,3})(?:-([A-Za-z]{2}))?(?:-.*)?")
ADMONITION_KINDS = ("note", "tip", "warning", "danger", "caution", "example", "success",
                    "info", "question", "quote", "abstract", "failure", "bug")


def escape(text: str) -> str:
    """Return ``text`` as Typst markup that shows it as it is, runs of spaces made one."""
    return PUNCTUATION.sub(r"\\\1", SPACE.sub(" ", text))


def string(text: str) -> str:
    """Return ``text`` as a Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def whole(element: HtmlElement) -> str:
    """Return the argument that lets a kept block break if it may be taller than a page.

    Typst never breaks a block it is told to keep whole, even one taller
    than the page, whose end would then be lost; measuring each block in
    Typst costs half as much time again as the whole layout, so its height
    is estimated here, generously, from its text, paragraphs and images.
    """
    text = element.text_content()
    lines = (len(text) / CHARS_PER_LINE + text.count("\n")
             + len(element.xpath(".//p|.//li|.//tr|.//br"))
             + IMAGE_LINES * len(element.xpath(".//img")))
    return "" if lines <= WHOLE_LINES else ", whole: false"


def in_language(element: HtmlElement, markup: str) -> str:
    """Return ``markup`` set in the language of ``element``'s ``lang`` attribute, if any.

    Hyphenation, quotes and the PDF's tags follow it: a page shown from the
    fallback language is read in that language, its notice in the reader's.
    """
    found = LANG.fullmatch(element.get("lang", ""))
    if found is None or not markup.strip():
        return markup
    region = f", region: {string(found.group(2))}" if found.group(2) else ""
    wrapped = f"#text(lang: {string(found.group(1).lower())}{region})[{markup.strip()}]"
    return wrapped + ("\n\n" if markup.endswith("\n\n") else "")


def label(element_id: str) -> str:
    """Return an element id as a Typst label (ids are ASCII, see :func:`.pages.in_chapter`)."""
    if not LABEL.fullmatch(element_id):
        element_id = "u." + element_id.encode("utf-8").hex()
    return f"<{element_id}>"


class Markup:
    """Writes elements as Typst markup; ``labels`` collects the labels written, each once.

    A label written twice would make the document fail (a page number asked
    of a label must name one place), so a repeated id is written once.
    """

    def __init__(self) -> None:
        self.labels: set[str] = set()

    def blocks(self, elements: Iterable[HtmlElement]) -> str:
        """Return block elements as markup, one paragraph after another."""
        return "".join(self.flow(element) for element in elements)

    def flow(self, element: HtmlElement, h1_level: int = 1, bookmarks: int = 0) -> str:
        """Return one element of a block context (block or inline) as markup."""
        if not isinstance(element.tag, str):
            return ""
        h1_level = int(element.get("data-h1-level", h1_level))
        bookmarks = int(element.get("data-bookmarks", bookmarks))
        if element.tag not in BLOCK_TAGS:
            return self.inline(element) + "\n\n"
        return in_language(element, self._block(element, h1_level, bookmarks))

    def children(self, element: HtmlElement, h1_level: int, bookmarks: int) -> str:
        """Return the content of a block element that may hold blocks and loose text."""
        out: list[str] = [self.anchor(element)]
        run: list[str] = [escape(element.text or "")]
        for child in element:
            if not isinstance(child.tag, str):
                run.append(escape(child.tail or ""))
                continue
            if child.tag in BLOCK_TAGS:
                out.append(self._paragraph(run))
                run = []
                out.append(self.flow(child, h1_level, bookmarks))
            else:
                run.append(self.inline(child))
            run.append(escape(child.tail or ""))
        out.append(self._paragraph(run))
        return "".join(out)

    @staticmethod
    def _paragraph(run: list[str]) -> str:
        text = "".join(run).strip()
        return f"{text}\n\n" if text else ""

    def _block(self, element: HtmlElement, h1_level: int, bookmarks: int) -> str:
        tag = element.tag
        css = (element.get("class") or "").split()
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return self._heading(element, int(tag[1]), h1_level, bookmarks)
        if tag in ("ul", "ol"):
            return self._list(element, h1_level, bookmarks)
        if tag == "table":
            return self._table(element)
        if tag == "pre":
            return (f"#codeblock({string(element.text_content())}{whole(element)})"
                    f"{self.anchor(element)}\n\n")
        if tag == "hr":
            return "#rule()\n\n"
        inner = self.children(element, h1_level, bookmarks)
        special = next((name for name in CLASS_BLOCKS if name in css), None)
        if special in KEPT:
            return f"#{special}({whole(element).lstrip(', ')})[{inner}]\n\n"
        if special is not None:
            return f"#{special}[{inner}]\n\n"
        if "admonition" in css or tag == "details":
            kind = "fallback" if "course-fallback" in css else next(
                (name for name in css if name in ADMONITION_KINDS), "note")
            return f"#admonition({string(kind)}{whole(element)})[{inner}]\n\n"
        if tag == "figure":
            return f"#figure-block({whole(element).lstrip(', ')})[{inner.strip()}]\n\n"
        call = BLOCK_CALLS.get(tag)
        return f"#{call}[{inner.strip()}]\n\n" if call else inner

    def _heading(self, element: HtmlElement, html_level: int, h1_level: int,
                bookmarks: int) -> str:
        level = h1_level + html_level - 1
        bookmarked = "true" if html_level <= bookmarks else "false"
        text = self.inline_content(element).strip()
        name = element.get("id")
        mark = ""
        if name and label(name) not in self.labels:
            self.labels.add(label(name))
            mark = f" {label(name)}"
        return f"#hd({html_level}, {level}, {bookmarked})[{text}]{mark}\n\n"

    def _list(self, element: HtmlElement, h1_level: int, bookmarks: int) -> str:
        items = [self.children(item, h1_level, bookmarks).strip()
                 for item in element if isinstance(item.tag, str)]
        css = (element.get("class") or "").split()
        if "choices" in css:
            return "#choices[" + "".join(f"#choice[{item}]" for item in items) + "]\n\n"
        if "toc" in css:
            kinds = [next((name for name in TOC_ITEMS if name in (item.get("class") or "")),
                          "toc-lesson") for item in element if isinstance(item.tag, str)]
            return "".join(f"#{kind}[{item}]\n" for kind, item in zip(kinds, items,
                                                                     strict=True)) + "\n"
        args = "".join(f"[{item}], " for item in items)
        if element.tag == "ol":
            start = element.get("start", "1")
            start_arg = f"start: {int(start)}, " if start.isdigit() else ""
            return f"{self.anchor(element)}#enum({start_arg}{args})\n\n"
        return f"{self.anchor(element)}#list({args})\n\n"

    def _table(self, element: HtmlElement) -> str:
        head_rows = element.xpath("./thead/tr")
        body_rows = [row for row in element.xpath("./tr|./tbody/tr|./tfoot/tr")]
        if not head_rows and body_rows and all(cell.tag == "th" for cell in body_rows[0]):
            head_rows, body_rows = body_rows[:1], body_rows[1:]
        columns = max((sum(int(cell.get("colspan", "1") or 1) for cell in row
                           if isinstance(cell.tag, str))
                       for row in [*head_rows, *body_rows]), default=1)
        head = "".join(self._cell(cell) for row in head_rows for cell in row
                       if isinstance(cell.tag, str))
        body = "".join(self._cell(cell) for row in body_rows for cell in row
                       if isinstance(cell.tag, str))
        header = f"table.header(repeat: true, {head}), " if head else ""
        return f"{self.anchor(element)}#table(columns: {columns}, {header}{body})\n\n"

    def _cell(self, cell: HtmlElement) -> str:
        spans = "".join(f"{name}: {int(cell.get(name, '1'))}, "
                        for name in ("colspan", "rowspan")
                        if (cell.get(name) or "1").isdigit() and cell.get(name, "1") != "1")
        inner = self.children(cell, 9, 0).strip()
        if cell.tag == "th":
            inner = f"#strong[{inner}]"
        return f"table.cell({spans})[{inner}], "

    def inline_content(self, element: HtmlElement) -> str:
        """Return the text and inline children of ``element`` (blocks inside as runs)."""
        parts = [escape(element.text or "")]
        for child in element:
            if isinstance(child.tag, str):
                parts.append(self.inline(child))
            parts.append(escape(child.tail or ""))
        return "".join(parts)

    def inline(self, element: HtmlElement) -> str:
        """Return an inline element (and its content) as markup."""
        tag = element.tag
        if not isinstance(tag, str):
            return ""
        if tag == "br":
            return "#linebreak()"
        if tag == "img":
            return self._image(element)
        if tag in ("code", "kbd", "samp", "tt"):
            return f"#raw({string(element.text_content())})"
        if tag in BLOCK_TAGS:  # a block inside an inline element: its text only
            return escape(element.text_content())
        return in_language(element, self._inline(element))

    def _inline(self, element: HtmlElement) -> str:
        tag = element.tag
        inner = self.anchor(element) + self.inline_content(element)
        css = (element.get("class") or "").split()
        special = next((name for name in CLASS_INLINE if name in css), None)
        if special is not None:
            return f"#{special}[{inner}]"
        if "box" in css:
            return f"#choice-box({string('square' if 'box-square' in css else 'circle')})"
        if "answer-line" in css:
            return "#answer-line()"
        if tag == "a":
            return self._link(element, inner)
        wrap = {"strong": "strong", "b": "strong", "em": "emph", "i": "emph",
                "sup": "super", "sub": "sub", "del": "strike", "s": "strike",
                "ins": "underline", "u": "underline", "mark": "highlight"}.get(tag)
        return f"#{wrap}[{inner}]" if wrap else inner

    def _link(self, element: HtmlElement, inner: str) -> str:
        href = element.get("href", "")
        if href.startswith("#") and len(href) > 1:
            target = label(href[1:])
            css = (element.get("class") or "").split()
            if "toc-target" in css or "toc-roman" in css:
                style = "i" if "toc-roman" in css else "1"
                return f"#toc-link({target}, {string(style)})[{inner}]"
            if "key-page" in css:
                return f"#link({target})[#context counter(page).at({target}).first(){inner}]"
            after = f"#page-ref({target})" if "page-ref" in (element.get("class") or "") else ""
            return f"#link({target})[{inner}]{after}"
        if href.startswith(("http://", "https://")):
            return f"#link({string(href)})[{inner}]#address({string(href)})"
        if href.startswith("mailto:"):
            return f"#link({string(href)})[{inner}]"
        return inner

    def _image(self, element: HtmlElement) -> str:
        src = element.get("src", "")
        alt = element.get("alt") or element.get("title") or ""
        return f"#picture({string(src)}, alt: {string(alt)})"

    def anchor(self, element: HtmlElement) -> str:
        """Return an invisible mark labelled with ``element``'s id, once per document."""
        name = element.get("id")
        if not name or label(name) in self.labels:
            return ""
        self.labels.add(label(name))
        return f"#metadata(none){label(name)}"
