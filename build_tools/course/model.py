"""The course model: what every stage (site, checks, packages) reads. No I/O here.

Naming follows MkDocs: ``*_uri`` is ``/``-separated and relative to a
language folder (``01-mandela-rules/01-origins.md``), ``*_path`` is a
:class:`pathlib.Path` on disk.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from ..build.kept import KeptFile
    from .config import CourseConfig
    from .glossary import Glossary
    from .markdown_source import MarkdownOptions, PageSource

PageKind = Literal["home", "module", "lesson", "test"]
QuestionType = str
"""The name of a question type of :data:`build_tools.questions.REGISTRY`."""


@dataclass(frozen=True)
class Question:
    """A knowledge-check question in one language: every fact of its ``/// quiz`` block.

    Read once by the loader (:mod:`build_tools.questions.parse`); the site renders it,
    the SCORM packages track it and other outputs print it from here.
    """

    id: str
    """Stable id written by the author, shared by all languages (``mr-01-q1``)."""
    type: QuestionType
    prompt: str
    """The question text (inline Markdown)."""
    line: int
    """1-based line of the ``/// quiz`` header in the source file."""
    options: tuple[str, ...] = ()
    """Option texts (inline Markdown), in order; options are identified by position."""
    correct: tuple[int, ...] = ()
    """0-based positions of the correct options (choice questions)."""
    answer: tuple[str, ...] = ()
    """The correct answer of other types: ``("true",)`` or ``("false",)`` for true/false,
    the number as written (``("122",)``) for numeric, every accepted text for text."""
    tolerance: float = 0.0
    """Allowed distance from the answer for numeric questions."""
    feedback: tuple[str, ...] = ()
    """Per option, the feedback shown when it is chosen (inline Markdown); ``""`` for none.
    As long as ``options`` for choice questions, empty for the other types."""
    intro: str = ""
    """Markdown shown under the prompt, before the options (choice questions only)."""
    explanation: str = ""
    """Markdown shown once the learner has answered (text after the option list; all the
    body text of true/false, numeric and text questions)."""


@dataclass(frozen=True)
class Page:
    """One Markdown source file in one language, with its front matter as typed fields."""

    lang: str
    src_uri: str
    """Path inside the language folder, ``/``-separated."""
    path: Path
    """The file on disk."""
    title: str
    """``title`` of the front matter (the ``src_uri`` when it has none: reported)."""
    kind: PageKind
    """``home`` and ``module`` from the page's place; ``lesson`` or ``test`` from ``kind``."""
    id: str = ""
    """``id`` of the front matter; ``""`` when it has none or a bad one (reported)."""
    pass_mark: int | None = None
    """``pass_mark`` of the front matter, when it has a valid one."""
    description: str | None = None
    """``description`` of the front matter."""
    source_hash: str | None = None
    """``source_hash``: the version of the source page this translation was confirmed
    against (written by ``course status --mark``)."""
    key_lines: Mapping[str, int] = field(default_factory=dict)
    """1-based line in the file of each front matter key."""
    body: str = field(default="", repr=False)
    """The Markdown after the front matter (newlines normalized to ``\\n``). Only the checks
    read it: the language processes get the model without it (:meth:`Course.without_bodies`),
    and it is not in the page's ``repr()``, so that a digest of one (the handbook cache's)
    is the same there (the built page stands for it)."""
    body_line: int = 1
    """1-based line of the file on which ``body`` starts."""
    questions: tuple[Question, ...] = ()
    """Every question the page's quiz blocks declare, in page order."""
    quiz_readable: bool = True
    """False when a quiz block of the page has syntax faults (the loader reported them);
    ``questions`` then lacks the faulty blocks."""

    def line_of(self, key: str) -> int:
        """Return the line of front matter ``key``, or 1 (the page) when it is not there."""
        return self.key_lines.get(key, 1)


@dataclass(frozen=True)
class Lesson:
    """A lesson or module test: one page, translated into some of the languages."""

    id: str
    src_uri: str
    kind: PageKind
    pages: Mapping[str, Page]
    """Translations by language; a missing language falls back on the site."""


@dataclass(frozen=True)
class Module:
    """A numbered folder of lessons, with an overview page ``index.md``."""

    id: str
    dir_uri: str
    """Folder name inside each language folder (``01-mandela-rules``)."""
    pass_mark: int
    """Percent of the module test's points needed to pass."""
    index: Lesson
    """The overview page."""
    lessons: tuple[Lesson, ...]
    """Lessons in order; the module test, when there is one, is last."""

    @property
    def test(self) -> Lesson | None:
        """The module's final test, if it has one."""
        return next((lesson for lesson in self.lessons if lesson.kind == "test"), None)


@dataclass(frozen=True)
class Course:
    """The whole course, in every language."""

    home: Lesson
    modules: tuple[Module, ...]
    config: CourseConfig
    """The validated ``course.yml`` the course was read with: the course-level settings."""
    markdown: MarkdownOptions
    """The Markdown extensions and options the site is rendered with (``mkdocs.yml``)."""
    files: Mapping[Path, Path | None] = field(default_factory=dict)
    """Every file under the docs folder (links not followed), in a stable order: for a
    symbolic link the file it resolves to, else ``None``."""
    folders: tuple[str, ...] = ()
    """The names of the folders at the top of the docs folder (language folders)."""
    glossary: Glossary | None = None
    """The course's ``glossary.yml``, when it has one that could be read."""

    # ---- Course-level settings: read from ``config``, never copied ----

    @property
    def id(self) -> str:
        """The course id (``course.yml`` ``id``), which names the packages."""
        return self.config.id

    @property
    def titles(self) -> Mapping[str, str]:
        """The course title by language."""
        return self.config.titles

    @property
    def languages(self) -> tuple[str, ...]:
        """Language codes in display order; the first is not special, see ``default_language``."""
        return self.config.languages

    @property
    def default_language(self) -> str:
        """Built at the site root; the others go to ``<lang>/``."""
        return self.config.default_language

    @property
    def source_language(self) -> str:
        """The language translators translate from."""
        return self.config.source_language

    @property
    def fallback(self) -> tuple[str, ...]:
        """Order in which a missing page is taken from other languages."""
        return self.config.fallback

    @property
    def root(self) -> Path:
        """The project folder (holds ``course.yml``)."""
        return self.config.root

    @property
    def docs_dir(self) -> Path:
        """The folder of the language folders."""
        return self.config.root / self.config.docs_dir

    # ---- Pages: one iterator, one fallback policy ----

    def lessons(self) -> Iterator[Lesson]:
        """Yield every lesson and test of every module, in course order."""
        for module in self.modules:
            yield from module.lessons

    def all_lessons(self) -> Iterator[Lesson]:
        """Yield every page-sized unit: home, then each module's overview and lessons."""
        yield self.home
        for module in self.modules:
            yield module.index
            yield from module.lessons

    def all_pages(self) -> Iterator[Page]:
        """Yield every source page in every language, in course order."""
        for lesson in self.all_lessons():
            yield from lesson.pages.values()

    def __post_init__(self) -> None:
        # Work done on first use (rendered pages, the path index). Present from the start
        # so the object never grows while a language process is being sent a copy of it.
        object.__setattr__(self, "_cache", {})

    def __getstate__(self) -> dict[str, object]:
        """Pickle without the cache: a language process builds its own."""
        return {key: value for key, value in self.__dict__.items() if key != "_cache"}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        object.__setattr__(self, "_cache", {})

    def without_bodies(self) -> Course:
        """Return this model without the pages' Markdown text (``Page.body``: ``""``).

        What a language process is sent: MkDocs reads the pages from their files and
        the outputs read the built site, and the text is most of the model's memory.
        """
        def lesson(found: Lesson) -> Lesson:
            return replace(found, pages={lang: replace(page, body="")
                                         for lang, page in found.pages.items()})

        return replace(self, home=lesson(self.home), modules=tuple(
            replace(module, index=lesson(module.index),
                    lessons=tuple(lesson(one) for one in module.lessons))
            for module in self.modules))

    def source(self, page: Page) -> PageSource:
        """Return the links, images and anchors Python-Markdown finds in ``page``.

        Converted on first use and kept for the life of this model.
        """
        from .markdown_source import KeptReader

        cache: dict[str, Any] = self.__dict__["_cache"]
        reader = cache.get("reader") or cache.setdefault(
            "reader", KeptReader(self.markdown, self.kept("page-sources")))
        done: dict[Path, PageSource] = cache.setdefault("sources", {})
        if page.path not in done:
            done[page.path] = reader.read(page.body, page.body_line, page.questions)
        return done[page.path]

    def kept(self, name: str) -> KeptFile:
        """Return the results of earlier runs kept in ``.cache/<name>.json``.

        See :mod:`build_tools.build.kept`.
        """
        from ..build.kept import CACHE_DIR, KeptFile

        files: dict[str, KeptFile] = self.__dict__["_cache"].setdefault("kept", {})
        if name not in files:
            files[name] = KeptFile(self.root / CACHE_DIR / f"{name}.json")
        return files[name]

    def save_kept(self) -> None:
        """Write the results kept by :meth:`kept` for the next run."""
        for kept in self.__dict__["_cache"].get("kept", {}).values():
            kept.save()

    def page_at(self, path: Path) -> Page | None:
        """Return the page read from the file ``path``, if it is one of the course."""
        cache: dict[str, Any] = self.__dict__["_cache"]
        if "pages" not in cache:
            cache["pages"] = {page.path: page for page in self.all_pages()}
        found: Page | None = cache["pages"].get(path)
        return found

    def fallback_for(self, lesson: Lesson, lang: str) -> Page | None:
        """Return the page shown for ``lang``: its own, or the first one in fallback order.

        The one fallback policy: the site, the packages and every other output
        show a missing translation this way. ``None`` when no language of the
        fallback order has the page.
        """
        if lang in lesson.pages:
            return lesson.pages[lang]
        for other in self.fallback:
            if other in lesson.pages:
                return lesson.pages[other]
        return None

    def title_of(self, lesson: Lesson, lang: str) -> str:
        """Return the title ``lesson`` has in ``lang`` (the page :meth:`fallback_for` shows).

        With no page to show, the name of its file, or of its folder for an
        overview page.
        """
        page = self.fallback_for(lesson, lang)
        if page is not None:
            return page.title
        path = PurePosixPath(lesson.src_uri)
        return (path.parent.name if path.name == "index.md" else path.stem) or self.id
