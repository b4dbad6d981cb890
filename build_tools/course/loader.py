"""Read ``course.yml`` and ``docs/<lang>/`` into the course model, collecting problems.

Modules are numbered folders (``01-mandela-rules``), lessons numbered Markdown
files inside them (``01-origins.md``); the numbers give the order, and the
names are the same in every language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..build.kept import CACHE_DIR, KeptFile
from ..build.output_dirs import real_path
from ..diagnostics import Diagnostic, error, rel
from ..questions.parse import read_page
from .config import ID_RE, CourseConfig, load_config
from .frontmatter import FrontMatterError, SourceText, source_text, split
from .glossary import Glossary, load_glossary
from .markdown_source import MarkdownOptions
from .model import Course, Lesson, Module, Page, PageKind, Question
from .yamlfile import YamlDoc

HASH_RE = re.compile(r"[0-9a-f]{12}")
"""A ``source_hash`` as ``course status --mark`` writes it (matched whole)."""
MKDOCS_CONFIG = "mkdocs.yml"
NUMBERED = re.compile(r"([0-9]{2,3})-[a-z0-9][a-z0-9-]*")
"""A numbered name, matched whole, with ASCII digits only (``\\d`` takes any script's)."""
PAGE_KEYS = ("id", "title", "kind", "pass_mark", "description", "source_hash")
KINDS = ("lesson", "test")


def load_course(root: Path) -> tuple[Course | None, list[Diagnostic]]:
    """Read the whole course under ``root``; ``None`` when it cannot be built at all."""
    config, diagnostics = load_config(root)
    if config is None:
        return None, diagnostics
    docs_dir = root / config.docs_dir
    if not docs_dir.is_dir():
        return None, [error(config.docs_dir, None, f"the docs folder '{config.docs_dir}' does "
                            "not exist; create it with one folder per language", "layout")]
    reader = _Reader(config, docs_dir)
    course = reader.course()
    reader.kept.save()
    # Found while reading, before MkDocs walks the folder: it would follow a loop.
    return course, diagnostics + reader.diagnostics + symlink_problems(root, docs_dir)


class _Reader:
    """Walks the language folders and reads every page once."""

    def __init__(self, config: CourseConfig, docs_dir: Path) -> None:
        self.config = config
        self.docs_dir = docs_dir
        self.diagnostics: list[Diagnostic] = []
        self.kept = KeptFile(config.root / CACHE_DIR / "quiz-blocks.json")
        """The quiz blocks read by the last run (:mod:`.kept`)."""

    def report(self, path: Path, line: int | None, message: str, code: str) -> None:
        self.diagnostics.append(error(rel(path, self.config.root), line, message, code))

    def course(self) -> Course | None:
        langs = self.config.languages
        for lang in langs:
            if not (self.docs_dir / lang).is_dir():
                self.report(self.docs_dir, None, f"no folder for language '{lang}'; create "
                            f"'{self.config.docs_dir}/{lang}/' or remove '{lang}' from "
                            "'languages' in course.yml", "layout")
        home = self.lesson("index.md", "home")
        modules = [self.module(name) for name in self.entries("", is_dir=True)]
        if home is None:
            self.report(self.docs_dir / self.config.source_language / "index.md", None,
                        "the course has no home page 'index.md' in any language; add it with "
                        "a 'title'", "layout")
            return None
        course = Course(
            home=home,
            modules=tuple(m for m in modules if m is not None),
            config=self.config,
            markdown=MarkdownOptions.from_mkdocs_yml(self.config.root / MKDOCS_CONFIG),
            files={path: _link_target(path) for path in iter_docs_files(self.docs_dir)},
            folders=tuple(entry.name for entry in self.listdir(self.docs_dir) if entry.is_dir()),
            glossary=self.glossary(),
        )
        self.check_ids(course)
        return course

    def glossary(self) -> Glossary | None:
        """Read ``glossary.yml``, reporting its problems."""
        glossary, problems = load_glossary(self.config.root, self.config.languages)
        self.diagnostics += problems
        return glossary

    def entries(self, dir_uri: str, *, is_dir: bool) -> list[str]:
        """Return numbered names under ``dir_uri`` found in any language, sorted."""
        names: set[str] = set()
        for lang in self.config.languages:
            folder = self.docs_dir / lang / dir_uri
            if not folder.is_dir():
                continue
            for entry in self.listdir(folder):
                stem = entry.name if is_dir else entry.name.removesuffix(".md")
                if entry.is_dir() == is_dir and (is_dir or entry.suffix == ".md"):
                    if NUMBERED.fullmatch(stem):
                        names.add(entry.name)
                    elif is_dir and entry.name not in ("images", "assets"):
                        self.report(entry, None, f"folder '{entry.name}' is not a module: "
                                    "module folders are named like '01-topic'", "layout")
                    elif not is_dir and entry.name != "index.md":
                        self.report(entry, None, f"file '{entry.name}' is not a lesson: lesson "
                                    "files are named like '01-topic.md'", "layout")
        return sorted(names, key=lambda n: (int(n.split("-", 1)[0]), n))

    def listdir(self, folder: Path) -> list[Path]:
        """Return the entries of ``folder``; an unreadable folder is reported, not raised."""
        try:
            return sorted(folder.iterdir())
        except OSError as exc:
            self.report(folder, None, f"cannot read the folder: {exc.strerror}; check that "
                        "it exists and that you may read it", "io")
            return []

    def module(self, dir_name: str) -> Module | None:
        index = self.lesson(f"{dir_name}/index.md", "module")
        lessons = [self.lesson(f"{dir_name}/{name}", "lesson")
                   for name in self.entries(dir_name, is_dir=False)]
        if index is None:
            self.report(self.docs_dir / self.config.source_language / dir_name, None,
                        f"module folder '{dir_name}' has no 'index.md' in any language; add "
                        "the module overview page with its 'id' and 'title'", "layout")
            return None
        kept = tuple(lesson for lesson in lessons if lesson is not None)
        for lesson in kept[:-1]:
            if lesson.kind == "test":
                page = next(iter(lesson.pages.values()))
                self.report(page.path, None, "a module test must be the last page of its "
                            "module; rename it so its number comes last", "layout")
        pass_mark = self.pass_mark(index)
        return Module(index.id, dir_name, pass_mark, index, kept)

    def pass_mark(self, index: Lesson) -> int:
        """The module's pass mark: the source language's, else course.yml's default.

        Translations that set another one are reported by the checks.
        """
        page = index.pages.get(self.config.source_language) or next(iter(index.pages.values()))
        return page.pass_mark if page.pass_mark is not None else self.config.pass_mark

    def lesson(self, src_uri: str, kind: PageKind) -> Lesson | None:
        pages = {}
        for lang in self.config.languages:
            path = self.docs_dir / lang / src_uri
            if _is_file(path):
                page = self.page(lang, src_uri, path, kind)
                if page is not None:
                    pages[lang] = page
        if not pages:
            return None
        # Translations follow the source page's id and kind; the checks report the
        # translations that differ.
        source = pages.get(self.config.source_language) or next(iter(pages.values()))
        for page in pages.values():
            if page.id != source.id:
                self.report(page.path, page.line_of("id"), f"id {page.id!r} differs from "
                            f"{source.id!r} in {rel(source.path, self.config.root)}; a page "
                            "keeps the same id in every language", "id-mismatch")
        return Lesson(source.id, src_uri, source.kind, pages)

    def page(self, lang: str, src_uri: str, path: Path, kind: PageKind) -> Page | None:
        source = self.read(path)
        if source is None:
            return None
        meta = source.meta
        for key in meta.data:
            if key not in PAGE_KEYS:
                self.report(path, meta.line(key), f"unknown front matter key '{key}'; "
                            f"expected one of {', '.join(map(repr, PAGE_KEYS))}",
                            "front-matter")
        if kind != "module" and "pass_mark" in meta.data:
            self.report(path, meta.line("pass_mark"), "'pass_mark' only counts in a module's "
                        "'index.md', where it sets the pass mark of the module test; move it "
                        "there", "front-matter")
        page_kind = meta.data.get("kind", "lesson")
        if kind == "lesson":
            if page_kind not in KINDS:
                self.report(path, meta.line("kind"), f"'kind' must be 'lesson' or 'test', got "
                            f"{page_kind!r}", "front-matter")
            elif page_kind == "test":
                kind = "test"
        questions, readable = self.questions(path, source)
        return Page(
            lang, src_uri, path, self.title(path, meta, src_uri), kind,
            id=self.page_id(path, meta) if kind != "home" else _text(meta.data.get("id")),
            pass_mark=self.page_pass_mark(path, meta) if kind == "module" else None,
            description=self.description(path, meta),
            source_hash=self.source_hash(path, meta), key_lines=meta.key_lines,
            body=source.body, body_line=source.body_line, questions=questions,
            quiz_readable=readable)

    def title(self, path: Path, meta: YamlDoc, src_uri: str) -> str:
        title = meta.data.get("title")
        if title is not None and not isinstance(title, str):
            self.report(path, meta.line("title"), f"'title' must be text, got {title!r}; put "
                        f"it in quotes: title: \"{title}\"", "front-matter")
            return str(title)
        if not isinstance(title, str) or not title.strip():
            self.report(path, 1, "front matter has no 'title'; add 'title: ...' between the "
                        "'---' lines", "front-matter")
            return src_uri
        return title

    def page_id(self, path: Path, meta: YamlDoc) -> str:
        page_id = meta.data.get("id")
        if page_id is None:
            self.report(path, 1, "front matter has no 'id'; add one such as 'id: mr-01', the "
                        "same in every language", "front-matter")
        elif not isinstance(page_id, str) or not ID_RE.fullmatch(page_id):
            self.report(path, meta.line("id", 1), f"'id' must be lowercase letters, digits "
                        f"and '-', such as 'mr-01', got {page_id!r}", "front-matter")
        return _text(page_id)

    def page_pass_mark(self, path: Path, meta: YamlDoc) -> int | None:
        mark = meta.data.get("pass_mark")
        if mark is None:
            return None
        if not isinstance(mark, int) or isinstance(mark, bool) or not 0 <= mark <= 100:
            self.report(path, meta.line("pass_mark", 1), f"'pass_mark' must be a whole "
                        f"percent from 0 to 100, got {mark!r}", "front-matter")
            return None
        return mark

    def description(self, path: Path, meta: YamlDoc) -> str | None:
        value = meta.data.get("description")
        if value is not None and not isinstance(value, str):
            self.report(path, meta.line("description", 1), f"'description' must be text, got "
                        f"{value!r}; put it in quotes", "front-matter")
            return str(value)
        return value

    def source_hash(self, path: Path, meta: YamlDoc) -> str | None:
        if "source_hash" not in meta.data:
            return None
        value = meta.data["source_hash"]
        if not isinstance(value, str) or not HASH_RE.fullmatch(value):
            where = rel(path, self.config.root)
            self.report(path, meta.line("source_hash", 1), f"'source_hash' must be 12 "
                        f"hexadecimal characters, got {value!r}; do not type it: run 'course "
                        f"status --mark {where}'", "source-hash")
            return None
        return value

    def questions(self, path: Path, source: SourceText) -> tuple[tuple[Question, ...], bool]:
        """Read the page's ``/// quiz`` blocks, reporting syntax faults at their lines.

        Returns the questions and whether every block could be read.
        """
        questions, problems = read_page(source.body, source.body_line, self.kept)
        for problem in problems:
            self.report(path, problem.line, problem.message, problem.code)
        return tuple(questions), not problems

    def read(self, path: Path) -> SourceText | None:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            self.report(path, None, f"cannot read the file: {exc.strerror}; check that you "
                        "may read it", "io")
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            self.report(path, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the "
                        "file as UTF-8", "encoding")
            return None
        if not text.strip():
            self.report(path, 1, "the file is empty; write front matter with a 'title' and "
                        "the page text, or delete the file", "empty-file")
            return None
        try:
            return split(source_text(text))
        except FrontMatterError as exc:
            self.report(path, exc.line, str(exc), "front-matter")
            return None

    def check_ids(self, course: Course) -> None:
        seen: dict[str, Page] = {}
        items = [*(m.index for m in course.modules), *course.lessons()]
        for lesson in items:
            page = next(iter(lesson.pages.values()))
            if not lesson.id:
                continue
            if lesson.id in seen:
                other = rel(seen[lesson.id].path, self.config.root)
                self.report(page.path, page.line_of("id"), f"id {lesson.id!r} is "
                            f"already used by {other}; every module and lesson needs its own "
                            "id", "duplicate-id")
            else:
                seen[lesson.id] = page


def _link_target(path: Path) -> Path | None:
    """The file a symbolic link resolves to; ``None`` for a plain file or a loop (reported)."""
    if not path.is_symlink():
        return None
    try:
        return real_path(path)
    except OSError:
        return None


def _text(value: object) -> str:
    """A front matter value that must be a string (reported elsewhere when it is not)."""
    return value if isinstance(value, str) else ""


def _is_file(path: Path) -> bool:
    """Like ``Path.is_file``, but False in a folder we may not read (``listdir`` says so)."""
    try:
        return path.is_file()
    except OSError:
        return False


def iter_docs_files(docs_dir: Path) -> Iterator[Path]:
    """Yield every file under ``docs_dir`` in a stable order, without following links."""
    for path in sorted(docs_dir.rglob("*")):
        if path.is_file() or path.is_symlink():
            yield path


def symlink_problems(root: Path, docs_dir: Path) -> list[Diagnostic]:
    """Report links under ``docs_dir`` that point outside it or loop.

    Nothing outside may be published, and MkDocs would follow a loop.
    """
    problems = []
    inside = docs_dir.resolve()
    for path in iter_docs_files(docs_dir):
        if not path.is_symlink():
            continue
        # A link has no lines; line 1 keeps the GCC form that editors and CI jump to.
        where = rel(path.parent, root) + "/" + path.name
        try:
            target = real_path(path)
        except OSError:
            problems.append(error(where, 1, "symbolic link leads back to itself (a loop); "
                                  "remove it or copy the file in instead", "symlink"))
            continue
        if not target.is_relative_to(inside):
            problems.append(error(where, 1, f"symbolic link points outside the docs folder, "
                                  f"to '{target}'; copy the file into the docs folder "
                                  "instead", "symlink"))
        elif target.is_dir() and path.parent.resolve().is_relative_to(target):
            problems.append(error(where, 1, f"symbolic link points to "
                                  f"'{rel(target, root)}', a folder that holds the link "
                                  "itself (a loop); remove it", "symlink"))
    return problems
