"""The parts of one language's handbooks, laid out once and put together per PDF.

Each module is one *section* (the module's opener with its contents, the
overview, every lesson and the test), laid out once and shown unchanged in
the module's handbooks and in the course's, in both editions: a module keeps
its page numbers everywhere ("Module 2 · page 5"), so a class holding module
handouts and one holding the course handbook find the same page. Covers, the
course contents and the answer keys are small documents of their own. What
the others print of a section (its page count, the page of each lesson) comes
from the cache when the section is unchanged since the last build.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import html as lxml_html
from lxml.html import HtmlElement

from ..course.model import Course, Module
from ..languages.i18n import format_day, language_name
from ..site.frame import build_day
from .cache import BookCache
from .pages import Chapter, ChapterReader, anchor_of, settle_links
from .questions import QuestionWriter, t
from .render import Part, css_string
from .text import tie_tree


@dataclass
class Section:
    """A module, laid out once: its pages and where each chapter starts."""

    module: Module
    number: int
    part: Part
    chapters: list[Chapter]
    page_count: int = 0
    pages: dict[str, int] = field(default_factory=dict)
    """Page number (in the module's numbering) of each anchor."""

    @property
    def anchor(self) -> str:
        """The id of the module's opener."""
        return f"module-{self.module.id}"


class BookWriter:
    """Writes the HTML of one language's handbook parts and lays them out."""

    def __init__(self, course: Course, lang: str, cache: BookCache,
                 reader: ChapterReader) -> None:
        self.course = course
        self.lang = lang
        self.cache = cache
        self.reader = reader
        self.questions = QuestionWriter(lang)
        self.title = course.titles.get(lang, course.id)

    def t(self, msgid: str, **values: object) -> str:
        """Translate a ``handbook`` string into the book's language."""
        return t(self.lang, msgid, **values)

    def section(self, module: Module, number: int) -> Section:
        """Return a module with its page facts: opener with contents, overview, lessons, test."""
        lessons = [lesson for lesson in module.lessons
                   if self.course.fallback_for(lesson, self.lang) is not None]
        local = {self.reader.href(lesson): anchor_of(lesson)
                 for lesson in (module.index, *lessons)}
        read = [self.reader.read(lesson, local, self.questions.worksheet)
                for lesson in (module.index, *lessons)]
        chapters = [chapter for chapter in read if chapter is not None]
        body = lxml_html.Element("div")
        opener = _element("div", "module-opener", id=f"module-{module.id}")
        opener.append(_element("p", "kicker", self.t("Module %(number)s", number=number)))
        body.append(opener)
        for chapter in chapters:
            is_overview = chapter.lesson is module.index
            chapter.element.set("class", "chapter " + ("overview" if is_overview else "lesson"))
            (opener if is_overview else body).append(chapter.element)
        contents = self.module_contents([c for c in chapters if c.lesson is not module.index])
        heading = opener.find(".//h1")
        if heading is None:
            heading = _element("h1", "", self.course.title_of(module.index, self.lang))
            opener.append(heading)
        heading.addnext(contents)
        title = self.course.title_of(module.index, self.lang)
        css = self.running_css(title, number)
        part = self.layout(body, css, self.metadata(title))
        facts = self.cache.facts(part)
        return Section(module, number, part, chapters, facts.pages, facts.anchors)

    def module_contents(self, chapters: list[Chapter]) -> HtmlElement:
        """Return the module opener's contents: each lesson with the page it starts on."""
        nav = _element("nav", "contents")
        nav.append(_element("h2", "", self.t("Contents")))
        items = _element("ol", "")
        for chapter in chapters:
            item = _element("li", "toc-lesson")
            item.append(_element("a", "toc-target", chapter.page.title,
                                 href=f"#{chapter.anchor}"))
            items.append(item)
        nav.append(items)
        return nav

    def key(self, section: Section) -> Part | None:
        """Return the answer key of a module, numbered on from its last page."""
        chapters = [chapter for chapter in section.chapters if chapter.quizzes]
        if not chapters:
            return None
        title = self.course.title_of(section.module.index, self.lang)
        body = _element("div", "")
        key = _element("div", "key", id=f"key-{section.module.id}")
        body.append(key)
        key.append(_element("p", "kicker", self.t("Module %(number)s",
                                                    number=section.number)))
        key.append(_element("h1", "", self.t("Answer key")))
        key.append(_element("p", "key-module", title))
        for chapter in chapters:
            key.append(self.questions.key(chapter))
        label = f"{self.t('Answer key')}: {title}"
        css = (self.running_css(f"{self.t('Answer key')} · {title}", section.number)
               + f"@page :first {{ counter-reset: page {section.page_count + 1}; }}"
               + f".key h1 {{ bookmark-label: {css_string(label)}; }}")
        return self.layout(body, css, self.metadata(title))

    def running_css(self, header: str, module_number: int | None) -> str:
        """Return the page rules that print ``header`` and the page number in the language."""
        if module_number is None:
            label = self.t("Page %(page)s", page="\0")
            counter = "counter(page, lower-roman)"
        else:
            label = self.t("Module %(number)s · page %(page)s", number=module_number,
                           page="\0")
            counter = "counter(page)"
        before, _, after = label.partition("\0")
        ref_before, _, ref_after = self.t("p. %(page)s", page="\0").partition("\0")
        return (f"@page {{ @top-left {{ content: {css_string(header)}; }}"
                f" @top-right {{ content: {css_string(before)} {counter} {css_string(after)}; }}"
                f" @bottom-left {{ content: {css_string(self.title)}; }} }}"
                f"a.page-ref::after {{ content: ' (' {css_string(ref_before)} "
                f"target-counter(attr(href), page) {css_string(ref_after)} ')'; }}")

    def metadata(self, subject: str | None = None) -> dict[str, str]:
        """Return the PDF's title, author and (with ``SOURCE_DATE_EPOCH``) its dates."""
        title = f"{self.title} — {subject}" if subject else self.title
        meta = {"title": title, "author": self.course.config.academy.get(self.lang, "")}
        day = build_day()
        if day is not None:
            stamp = f"{day.isoformat()}T00:00:00+00:00"
            meta.update({"dcterms.created": stamp, "dcterms.modified": stamp})
        return {name: value for name, value in meta.items() if value}

    def layout(self, body: HtmlElement, css: str, meta: dict[str, str]) -> Part:
        """Apply the language's typography to ``body``; return it as a part to lay out."""
        tie_tree(body, self.lang)
        settle_links(body)
        html = "".join(lxml_html.tostring(child, encoding="unicode") for child in body)
        return self.cache.typesetter.part(html, css, self.lang, meta)

    def module_front(self, section: Section, trainer: bool, key: Part | None) -> Part:
        """Return a module handbook's cover."""
        key_page = section.page_count + 1 if trainer and key is not None else None
        body = _element("div", "")
        body.append(self.cover(section.module, section.number, trainer, key_page))
        title = self.course.title_of(section.module.index, self.lang)
        return self.layout(body, self.running_css(title, None),
                           self.metadata(self.edition_title(title, trainer)))

    def course_front(self, sections: list[Section], keys: list[Part | None],
                     home: Chapter | None, trainer: bool) -> Part:
        """Return the course handbook's cover, contents and introduction (the home page)."""
        body = _element("div", "")
        body.append(self.cover(None, None, trainer))
        contents = _element("section", "front contents")
        contents.append(_element("h1", "", self.t("Contents")))
        contents.append(_element("p", "toc-note", self.t(
            "Page numbers start again in each module.")))
        items = _element("ol", "")
        if home is not None:
            items.append(_toc_item("toc-home", home.page.title, f"#{home.anchor}", None))
        for section in sections:
            items.append(_toc_item("toc-module", self.module_heading(section),
                                   f"#{section.anchor}", 1))
            for chapter in section.chapters[1:]:
                items.append(_toc_item("toc-lesson", chapter.page.title, f"#{chapter.anchor}",
                                       section.pages.get(chapter.anchor)))
        if trainer:
            for section, key in zip(sections, keys, strict=True):
                if key is not None:
                    items.append(_toc_item(
                        "toc-module", f"{self.t('Answer key')} · {self.module_heading(section)}",
                        f"#key-{section.module.id}", section.page_count + 1))
        contents.append(items)
        body.append(contents)
        if home is not None:
            home.element.set("class", "chapter home")
            body.append(home.element)
        return self.layout(body, self.running_css(self.title, None),
                           self.metadata(self.edition_title(None, trainer)))

    def module_heading(self, section: Section) -> str:
        """Return ``Module 2. Title`` in the book's language."""
        number = self.t("Module %(number)s", number=section.number)
        return f"{number}. {self.course.title_of(section.module.index, self.lang)}"

    def edition_title(self, subject: str | None, trainer: bool) -> str:
        """Return the PDF title's edition part: ``Title (Trainer's edition)``."""
        edition = self.t("Trainer's edition" if trainer else "Trainee's edition")
        return f"{subject} ({edition})" if subject else edition

    def cover(self, subject: Module | None, number: int | None, trainer: bool,
              key_page: int | None = None) -> HtmlElement:
        """Return the cover: academy, course, module, edition, language and version."""
        cover = _element("section", "cover")
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
        if key_page is not None:
            facts.append(_element("p", "", self.t("Answer key: page %(page)s", page=key_page)))
        facts.append(_element("p", "", language_name(self.lang)))
        lines = [self.t("Version %(version)s", version=self.course.config.version)
                 if self.course.config.version else ""]
        day = build_day()
        lines.append(format_day(day, self.lang) if day else "")
        facts.append(_element("p", "", " · ".join(line for line in lines if line)))
        cover.append(facts)
        return cover


def _toc_item(css: str, text: str, href: str, page: int | None) -> HtmlElement:
    item = _element("li", css)
    link = _element("a", "toc-roman" if page is None else "", text, href=href)
    if page is not None:
        link.set("data-page", str(page))
    item.append(link)
    return item


def _element(tag: str, css: str, text: str | None = None, **attrs: str) -> HtmlElement:
    element = lxml_html.Element(tag, {"class": css, **attrs} if css else attrs)
    element.text = text
    return element
