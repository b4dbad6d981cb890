"""The Typst documents of one language's handbooks, from its built pages and questions.

Each module is one *section* (the module's opener with its contents, the
overview, every lesson and the test), written once and shown unchanged in
the module's handbooks and in the course's, in both editions: a module keeps
its page numbers everywhere ("Module 2 · page 5"), so a class holding module
handouts and one holding the course handbook find the same page. Covers,
contents and answer keys are written as HTML like the pages, and all of it
becomes Typst markup (:mod:`.markup`); page numbers are Typst's to find.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import html as lxml_html
from lxml.html import HtmlElement

from ..course.model import Course, Module
from ..languages.i18n import format_day, language_name
from ..site.frame import build_day
from .markup import Markup, escape, label, string
from .pages import Chapter, ChapterReader, anchor_of, settle_links
from .questions import QuestionWriter, t
from .text import tie_tree

TEMPLATE = Path(__file__).resolve().parent / "handbook.typ"


@cache
def template() -> str:
    """Return the handbook's Typst functions (``handbook.typ``)."""
    return TEMPLATE.read_text(encoding="utf-8")


@dataclass
class Section:
    """A module, written once: its chapters and its markup."""

    module: Module
    number: int
    chapters: list[Chapter]
    markup: str

    @property
    def anchor(self) -> str:
        """The id of the module's opener."""
        return f"module-{self.module.id}"


class BookWriter:
    """Writes the Typst documents of one language's handbooks."""

    def __init__(self, course: Course, lang: str, reader: ChapterReader) -> None:
        self.course = course
        self.lang = lang
        self.reader = reader
        self.questions = QuestionWriter(lang)
        self.title = course.titles.get(lang, course.id)

    def t(self, msgid: str, **values: object) -> str:
        """Translate a ``handbook`` string into the book's language."""
        return t(self.lang, msgid, **values)

    def section(self, module: Module, number: int) -> Section:
        """Return a module: opener with contents, overview, lessons, test."""
        lessons = [lesson for lesson in module.lessons
                   if self.course.fallback_for(lesson, self.lang) is not None]
        local = {self.reader.href(lesson): anchor_of(lesson)
                 for lesson in (module.index, *lessons)}
        read = [self.reader.read(lesson, local, self.questions.worksheet)
                for lesson in (module.index, *lessons)]
        chapters = [chapter for chapter in read if chapter is not None]
        body = lxml_html.Element("div")
        opener = _element("section", "module-opener", id=f"module-{module.id}")
        opener.set("data-h1-level", "1")
        opener.set("data-bookmarks", "1")
        opener.append(_element("p", "kicker", self.t("Module %(number)s", number=number)))
        body.append(opener)
        for chapter in chapters:
            is_overview = chapter.lesson is module.index
            chapter.element.set("class", "chapter " + ("overview" if is_overview else "lesson"))
            if not is_overview:
                chapter.element.set("data-h1-level", "2")
                chapter.element.set("data-bookmarks", "2")
            (opener if is_overview else body).append(chapter.element)
        contents = self.module_contents([c for c in chapters if c.lesson is not module.index])
        heading = opener.find(".//h1")
        if heading is None:
            heading = _element("h1", "", self.course.title_of(module.index, self.lang))
            opener.insert(1, heading)
        heading.addnext(contents)
        markup = self.markup(body) + f"#metadata(none){label('end-' + module.id)}\n"
        return Section(module, number, chapters, markup)

    def module_contents(self, chapters: list[Chapter]) -> HtmlElement:
        """Return the module opener's contents: each lesson with the page it starts on."""
        nav = _element("nav", "contents module-contents", **{"data-bookmarks": "0"})
        nav.append(_element("h2", "", self.t("Contents")))
        items = _element("ol", "toc")
        for chapter in chapters:
            item = _element("li", "toc-lesson")
            item.append(_element("a", "toc-target", chapter.page.title,
                                 href=f"#{chapter.anchor}"))
            items.append(item)
        nav.append(items)
        return nav

    def key(self, section: Section) -> str | None:
        """Return the answer key of a module, numbered on from its last page."""
        chapters = [chapter for chapter in section.chapters if chapter.quizzes]
        if not chapters:
            return None
        title = self.course.title_of(section.module.index, self.lang)
        body = _element("div", "")
        key = _element("section", "key", id=f"key-{section.module.id}",
                       **{"data-h1-level": "1", "data-bookmarks": "2"})
        body.append(key)
        key.append(_element("p", "kicker", self.t("Module %(number)s",
                                                    number=section.number)))
        key.append(_element("h1", "", f"{self.t('Answer key')}: {title}"))
        for chapter in chapters:
            key.append(self.questions.key(chapter))
        end = label(f"end-{section.module.id}")
        running = self.running(f"{self.t('Answer key')} · {title}", section.number,
                               f"counter(page).at({end}).first()")
        return running + self.markup(body)

    def running(self, header: str, module_number: int | None, start: str = "0") -> str:
        """Return the page set-up of a part: its header, page numbers in the language.

        The page counter is set before the break that starts the part's first
        page, so that this page's header shows the new number; ``start`` is
        the number of the page before it.
        """
        if module_number is None:
            label_text, style = self.t("Page %(page)s", page="\0"), "i"
        else:
            label_text = self.t("Module %(number)s · page %(page)s", number=module_number,
                                page="\0")
            style = "1"
        before, _, after = label_text.partition("\0")
        return (f"#context counter(page).update({start})\n"
                f"#set page(..running([{escape(header)}], {string(before)}, {string(after)}, "
                f"{string(style)}, [{escape(self.title)}]))\n"
                "#metadata(none)<part-start>\n")

    def document(self, subject: str | None, trainer: bool, cover: HtmlElement,
                 parts: list[str]) -> str:
        """Return one PDF's Typst document: set-up, cover and ``parts``."""
        title = f"{self.title} — {self.edition_title(subject, trainer)}"
        author = self.course.config.academy.get(self.lang, "")
        day = build_day()
        date = (f"datetime(year: {day.year}, month: {day.month}, day: {day.day})"
                if day is not None else "none")
        before, _, after = self.t("p. %(page)s", page="\0").partition("\0")
        body = lxml_html.Element("div")
        body.append(cover)
        return (f"{template()}\n"
                f"#show: setup.with({string(self.lang)}, title: {string(title)}, "
                f"author: ({string(author)},), date: {date})\n"
                f"#let page-ref(target) = [ (#{string(before)}"
                f"#context counter(page).at(target).first()#{string(after)})]\n"
                "#set page(..cover-page)\n"
                + self.markup(body) + "".join(parts))

    def markup(self, body: HtmlElement) -> str:
        """Apply the language's typography to ``body``; return its children as Typst markup."""
        tie_tree(body, self.lang)
        settle_links(body)
        return Markup().blocks(body)

    def module_pdf(self, section: Section, trainer: bool, key: str | None) -> str:
        """Return the Typst document of a module's handbook."""
        title = self.course.title_of(section.module.index, self.lang)
        cover = self.cover(section.module, section.number, trainer,
                           section.module.id if trainer and key is not None else None)
        parts = [self.running(title, section.number), section.markup]
        if trainer and key is not None:
            parts.append(key)
        return self.document(title, trainer, cover, parts)

    def course_pdf(self, sections: list[Section], keys: list[str | None],
                   home: Chapter | None, trainer: bool) -> str:
        """Return the Typst document of the course handbook."""
        front = _element("div", "", **{"data-h1-level": "1", "data-bookmarks": "1"})
        contents = _element("section", "front contents")
        contents.append(_element("h1", "", self.t("Contents")))
        contents.append(_element("p", "toc-note", self.t(
            "Page numbers start again in each module.")))
        items = _element("ol", "toc")
        if home is not None:
            items.append(_toc_item("toc-home", home.page.title, f"#{home.anchor}", "toc-roman"))
        for section in sections:
            items.append(_toc_item("toc-module", self.module_heading(section),
                                   f"#{section.anchor}", "toc-target"))
            for chapter in section.chapters[1:]:
                items.append(_toc_item("toc-lesson", chapter.page.title,
                                       f"#{chapter.anchor}", "toc-target"))
        if trainer:
            for section, key in zip(sections, keys, strict=True):
                if key is not None:
                    items.append(_toc_item(
                        "toc-module", f"{self.t('Answer key')} · {self.module_heading(section)}",
                        f"#key-{section.module.id}", "toc-target"))
        contents.append(items)
        front.append(contents)
        if home is not None:
            home.element.set("class", "chapter home")
            front.append(home.element)
        parts = [self.running(self.title, None), self.markup(front)]
        for section in sections:
            title = self.course.title_of(section.module.index, self.lang)
            parts += [self.running(title, section.number), section.markup]
        if trainer:
            parts += [key for key in keys if key is not None]
        return self.document(None, trainer, self.cover(None, None, trainer), parts)

    def module_heading(self, section: Section) -> str:
        """Return ``Module 2. Title`` in the book's language."""
        number = self.t("Module %(number)s", number=section.number)
        return f"{number}. {self.course.title_of(section.module.index, self.lang)}"

    def edition_title(self, subject: str | None, trainer: bool) -> str:
        """Return the PDF title's edition part: ``Title (Trainer's edition)``."""
        edition = self.t("Trainer's edition" if trainer else "Trainee's edition")
        return f"{subject} ({edition})" if subject else edition

    def cover(self, subject: Module | None, number: int | None, trainer: bool,
              key_of: str | None = None) -> HtmlElement:
        """Return the cover: academy, course, module, edition, language and version."""
        cover = _element("section", "cover", **{"data-bookmarks": "0"})
        academy = self.course.config.academy.get(self.lang)
        if academy:
            cover.append(_element("p", "cover-academy", academy))
        if subject is not None:
            cover.append(_element("p", "cover-course", self.title))
            cover.append(_element("p", "kicker", self.t("Module %(number)s", number=number)))
        title = self.course.title_of(subject.index, self.lang) if subject else self.title
        cover.append(_element("h1", "cover-title", title))
        edition = self.t("Trainer's edition" if trainer else "Trainee's edition")
        cover.append(_element("p", "cover-edition" + (" cover-trainer" if trainer else ""),
                              f"{self.t('Handbook')} · {edition}"))
        facts = _element("div", "cover-facts")
        if not trainer:
            names = _element("div", "cover-name")
            for msgid in ("Trainee's name", "Group", "Date"):
                names.append(_element("p", "", self.t(msgid)))
            facts.append(names)
        if key_of is not None:
            before, _, after = self.t("Answer key: page %(page)s", page="\0").partition("\0")
            line = _element("p", "", before)
            line.append(_element("a", "key-page", after, href=f"#key-{key_of}"))
            facts.append(line)
        facts.append(_element("p", "", language_name(self.lang)))
        lines = [self.t("Version %(version)s", version=self.course.config.version)
                 if self.course.config.version else ""]
        day = build_day()
        lines.append(format_day(day, self.lang) if day else "")
        facts.append(_element("p", "", " · ".join(line for line in lines if line)))
        cover.append(facts)
        return cover


def _toc_item(css: str, text: str, href: str, link_css: str) -> HtmlElement:
    item = _element("li", css)
    item.append(_element("a", link_css, text, href=href))
    return item


def _element(tag: str, css: str, text: str | None = None, **attrs: str) -> HtmlElement:
    element = lxml_html.Element(tag, {"class": css, **attrs} if css else attrs)
    element.text = text
    return element
