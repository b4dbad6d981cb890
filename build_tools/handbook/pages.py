"""Built site pages turned into handbook chapters.

A chapter is the content our plugin frames with ``data-course-content`` on a
built page, with ids prefixed by the lesson id (one PDF holds many pages),
links turned into references inside the PDF, images pointed at the built site
and every ``/// quiz`` form replaced by a worksheet question.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from lxml import etree
from lxml import html as lxml_html
from lxml.html import HtmlElement

from ..course.model import Course, Lesson, Page, Question
from ..diagnostics import Diagnostic, error, rel
from ..outputs.package_html import is_external, resolve
from ..site.builder import CONTENT_MARKER
from ..site.urls import page_url

DROPPED = ("script", "template", "button", "input", "noscript", "style")
"""Elements that mean nothing on paper."""
DROPPED_CLASSES = ("headerlink", "quiz-page", "course-term__tip")
"""Heading permalinks, the knowledge checks' score and reset controls, glossary pop-ups."""

Worksheet = Callable[[Question, int], HtmlElement]
"""Builds the worksheet element of a question from the question and its number."""


@dataclass
class Chapter:
    """One lesson (or module overview, or course home) laid out in the handbook."""

    lesson: Lesson
    page: Page
    """The source shown: the lesson's own page in the language, or its fallback."""
    anchor: str
    """The chapter's id in the PDF."""
    element: HtmlElement
    quizzes: list[Question] = field(default_factory=list)
    """The page's questions in order, as parsed from its source."""
    images: list[tuple[Path, Path]] = field(default_factory=list)
    """Each image shown: its file in the built site and its source in the docs folder."""


class ChapterReader:
    """Reads chapters of one language from the built site, collecting problems."""

    def __init__(self, course: Course, site_dir: Path, lang: str) -> None:
        self.course = course
        self.site_dir = site_dir
        self.lang = lang
        self.diagnostics: list[Diagnostic] = []

    def href(self, lesson: Lesson) -> str:
        """Return the lesson's page in the built site, relative to its root."""
        return page_url(self.course, self.lang, lesson.src_uri)

    def read(self, lesson: Lesson, local: Mapping[str, str], worksheet: Worksheet
             ) -> Chapter | None:
        """Return ``lesson`` as a chapter; links to pages in ``local`` (href -> anchor) stay."""
        page = self.course.fallback_for(lesson, self.lang)
        href = self.href(lesson)
        path = self.site_dir / href
        if page is None or not path.is_file():
            return None
        root = lxml_html.fromstring(path.read_bytes()).find(f".//*[@{CONTENT_MARKER}]")
        if root is None:
            self.fail(page, None, f"the built page '{href}' has no element marked "
                      f"'{CONTENT_MARKER}'; the theme must keep the course plugin's content "
                      "frame", "handbook-page")
            return None
        anchor = anchor_of(lesson)
        chapter = Chapter(lesson, page, anchor, root, self.quizzes(page))
        self.clean(root)
        self.questions(chapter, worksheet)
        self.rename_ids(root, anchor)
        self.links(root, href, anchor, local)
        self.images(chapter, href)
        root.tag, root.attrib["class"], root.attrib["id"] = "section", "chapter", anchor
        del root.attrib[CONTENT_MARKER]
        return chapter

    def fail(self, page: Page, line: int | None, message: str, code: str) -> None:
        """Record an error at ``page``'s source, once."""
        diagnostic = error(rel(page.path, self.course.root), line, message, code)
        if diagnostic not in self.diagnostics:
            self.diagnostics.append(diagnostic)

    def quizzes(self, page: Page) -> list[Question]:
        """Return the questions of ``page``, from the course model."""
        return list(page.questions)

    @staticmethod
    def clean(root: HtmlElement) -> None:
        """Drop what means nothing on paper; open collapsed blocks."""
        for element in list(root.iter(*DROPPED)):
            element.drop_tree()
        for name in DROPPED_CLASSES:
            for element in root.find_class(name):
                element.drop_tree()
        for details in root.iter("details"):
            details.set("open", "open")

    def questions(self, chapter: Chapter, worksheet: Worksheet) -> None:
        """Replace every question form with its worksheet, numbered in page order."""
        by_id = {quiz.id: quiz for quiz in chapter.quizzes}
        for number, form in enumerate(chapter.element.xpath(".//*[@data-quiz-id]"), start=1):
            quiz = by_id.get(form.get("data-quiz-id", ""))
            if quiz is None:  # the site and the source disagree: the site is stale
                self.fail(chapter.page, None, f"the built page has question "
                          f"'{form.get('data-quiz-id')}', which its source lacks; build the "
                          "site again", "handbook-page")
                continue
            form.getparent().replace(form, worksheet(quiz, number))

    @staticmethod
    def rename_ids(root: HtmlElement, anchor: str) -> None:
        """Prefix every id with the chapter's anchor: one PDF holds many pages."""
        for element in root.xpath(".//*[@id]"):
            element.set("id", in_chapter(anchor, element.get("id", "")))

    def links(self, root: HtmlElement, href: str, anchor: str, local: Mapping[str, str]
              ) -> None:
        """Point links at chapters in the PDF; keep only the words of links to others."""
        for link in list(root.iter("a")):
            url = link.get("href", "")
            if is_external(url):
                link.set("class", "external")
                continue
            path, _, fragment = url.partition("#")
            fragment = unquote(fragment)
            target = local.get(resolve(href, path) or "") if path else anchor
            if target is None:  # a page this PDF does not hold: keep the words only
                link.drop_tag()
                continue
            link.attrib.clear()
            link.set("href", f"#{in_chapter(target, fragment)}" if fragment else f"#{target}")
            if fragment:
                link.set("data-chapter", target)  # see settle_links
            if target != anchor:
                link.set("class", "page-ref")

    def images(self, chapter: Chapter, href: str) -> None:
        """Point images at the built site's files; report those it lacks."""
        page = chapter.page
        for image in list(chapter.element.iter("img")):
            src = image.get("src", "")
            image.attrib.pop("srcset", None)
            target = None if is_external(src) else resolve(href, src)
            path = self.site_dir / target if target else None
            if path is None or not path.is_file() or not path.resolve().is_relative_to(
                    self.site_dir.resolve()):
                self.fail(page, source_line(page.path, src.rsplit("/", 1)[-1]),
                          f"the handbook cannot show image '{src}': it is not a file of the "
                          "built site; put the image beside the page in the docs folder and "
                          "link it by a relative path", "handbook-image")
                image.drop_tree()
                continue
            problem = unprintable(path)
            if problem is not None:
                self.fail(page, source_line(page.path, src.rsplit("/", 1)[-1]),
                          f"the handbook cannot print image '{src}': {problem}",
                          "handbook-image")
                image.drop_tree()
                continue
            image.set("src", "/" + path.resolve().relative_to(self.site_dir.resolve()).as_posix())
            chapter.images.append((path, (page.path.parent / unquote(src)).resolve()))


PRINTABLE = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
"""The image formats the typesetter reads."""
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def unprintable(path: Path) -> str | None:
    """Return why the typesetter could not print the image at ``path``, or ``None``.

    An SVG may link other images: on paper, each must be a file beside it
    (or inside it as a ``data:`` address); an address on the internet cannot
    be printed, since the handbook is made offline.
    """
    if path.suffix.lower() not in PRINTABLE:
        return "use PNG, JPEG, GIF, WebP or SVG"
    if path.suffix.lower() != ".svg":
        return None
    try:
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True,
                                                      huge_tree=False)).getroot()
    except etree.XMLSyntaxError as failure:
        return (f"line {failure.lineno} of it is not well-formed SVG; save it again from the "
                "drawing program")
    for linked in root.iter("{http://www.w3.org/2000/svg}image"):
        address = linked.get("href") or linked.get(XLINK_HREF) or ""
        if address.startswith("data:"):
            continue
        if is_external(address):
            return (f"it shows '{address}' from the internet, which a printed handbook "
                    "cannot; put that image inside the drawing or beside it")
        if not (path.parent / unquote(address)).is_file():
            return f"it shows '{address}', which is not beside it in the built site"
    return None


def anchor_of(lesson: Lesson) -> str:
    """Return a lesson's id in the handbook (the course home may have none)."""
    return lesson.id or "home"


SAFE_ID = re.compile(r"[A-Za-z0-9_:-]*")


def settle_links(body: HtmlElement) -> None:
    """Point each link to a heading that ``body`` lacks at the heading's lesson.

    A page shown from the fallback language may link to a heading that the
    translation of its target does not have yet; the site then opens the top
    of that page, and so does the handbook.
    """
    ids = set(body.xpath(".//@id"))
    for link in body.xpath(".//a[@data-chapter]"):
        chapter = link.attrib.pop("data-chapter")
        if link.get("href", "")[1:] in ids:
            continue
        if chapter in ids:
            link.set("href", f"#{chapter}")
        else:
            link.drop_tag()


def in_chapter(anchor: str, element_id: str) -> str:
    """Return the handbook's id of ``element_id`` in the chapter ``anchor``, in ASCII.

    A heading's id is in the page's language (``қазақ-тілі``); a Typst label
    takes ASCII letters, digits and ``_.:-`` only.
    """
    if SAFE_ID.fullmatch(element_id):
        return f"{anchor}--{element_id}"
    return f"{anchor}.{element_id.encode('utf-8').hex()}"  # '.' keeps it apart from ASCII ids


def source_line(path: Path, needle: str) -> int | None:
    """Return the first line of the file at ``path`` holding ``needle``, if any."""
    if not needle:
        return None
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if needle in line:
            return number
    return None
