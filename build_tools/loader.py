"""Read ``course.yml`` and ``docs/<lang>/`` into the course model, collecting problems.

Modules are numbered folders (``01-mandela-rules``), lessons numbered Markdown
files inside them (``01-origins.md``); the numbers give the order, and the
names are the same in every language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .config import ID_RE, CourseConfig, load_config
from .diagnostics import Diagnostic, error, rel
from .frontmatter import FrontMatterError, SourceText, source_text, split
from .model import Course, Lesson, Module, Page, PageKind, Question
from .output_dirs import real_path
from .quiz.parse import parse_page
from .yamlfile import YamlDoc

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
    # Found while reading, before MkDocs walks the folder: it would follow a loop.
    return course, diagnostics + reader.diagnostics + symlink_problems(root, docs_dir)


class _Reader:
    """Walks the language folders and reads every page once."""

    def __init__(self, config: CourseConfig, docs_dir: Path) -> None:
        self.config = config
        self.docs_dir = docs_dir
        self.diagnostics: list[Diagnostic] = []

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
            id=self.config.id,
            titles=self.config.titles,
            languages=langs,
            default_language=self.config.default_language,
            source_language=self.config.source_language,
            fallback=self.config.fallback,
            root=self.config.root,
            docs_dir=self.docs_dir,
            home=home,
            modules=tuple(m for m in modules if m is not None),
            config=self.config,
        )
        self.check_ids(course)
        return course

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
        marks = [p.meta.get("pass_mark", self.config.pass_mark) for p in index.pages.values()]
        for page, mark in zip(index.pages.values(), marks, strict=True):
            line = page.meta_lines.get("pass_mark", 1)
            if not isinstance(mark, int) or isinstance(mark, bool) or not 0 <= mark <= 100:
                self.report(page.path, line, f"'pass_mark' must be a whole percent from 0 to "
                            f"100, got {mark!r}", "front-matter")
                return self.config.pass_mark
        pages = list(index.pages.values())
        ref = next((i for i, p in enumerate(pages)
                    if p.lang == self.config.source_language), 0)
        for page, mark in zip(pages, marks, strict=True):
            if mark != marks[ref]:
                self.report(page.path, page.meta_lines.get("pass_mark", 1), f"'pass_mark' is "
                            f"{mark} here but {marks[ref]} in "
                            f"{rel(pages[ref].path, self.config.root)}; use the same value in "
                            "every language", "id-mismatch")
        chosen = marks[ref]
        return chosen if isinstance(chosen, int) else self.config.pass_mark

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
        ids = {lang: str(page.meta.get("id", "")) for lang, page in pages.items()}
        source = self.config.source_language  # translations follow the source's id
        first_lang = source if source in ids else next(iter(ids))
        first_id = ids[first_lang]
        for lang, page_id in ids.items():
            if page_id != first_id:
                line = pages[lang].meta_lines.get("id", 1)
                self.report(pages[lang].path, line, f"id {page_id!r} differs from {first_id!r} in "
                            f"{rel(pages[first_lang].path, self.config.root)}; a page keeps "
                            "the same id in every language", "id-mismatch")
        kinds = {page.kind for page in pages.values()}
        return Lesson(first_id, src_uri, kinds.pop() if len(kinds) == 1 else kind, pages)

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
        title = self.title(path, meta, src_uri)
        if kind != "home":
            self.page_id(path, meta)
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
        return Page(lang, src_uri, path, title, kind, meta.data, meta.key_lines,
                    self.questions(path, source))

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

    def page_id(self, path: Path, meta: YamlDoc) -> None:
        page_id = meta.data.get("id")
        if page_id is None:
            self.report(path, 1, "front matter has no 'id'; add one such as 'id: mr-01', the "
                        "same in every language", "front-matter")
        elif not isinstance(page_id, str) or not ID_RE.fullmatch(page_id):
            self.report(path, meta.line("id", 1), f"'id' must be lowercase letters, digits "
                        f"and '-', such as 'mr-01', got {page_id!r}", "front-matter")

    def questions(self, path: Path, source: SourceText) -> tuple[Question, ...]:
        """Read the page's ``/// quiz`` blocks, reporting syntax faults at their lines."""
        quizzes, problems = parse_page(source.body, source.body_line)
        for problem in problems:
            self.report(path, problem.line, problem.message, problem.code)
        return tuple(quiz.question for quiz in quizzes)

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
                self.report(page.path, page.meta_lines.get("id", 1), f"id {lesson.id!r} is "
                            f"already used by {other}; every module and lesson needs its own "
                            "id", "duplicate-id")
            else:
                seen[lesson.id] = page


_cache: dict[Path, tuple[tuple[object, ...], tuple[Course | None, list[Diagnostic]]]] = {}


def load_course_cached(root: Path) -> tuple[Course | None, list[Diagnostic]]:
    """Like :func:`load_course`, but reuse the last result while no source file changed.

    mkdocs-static-i18n runs the plugins' ``on_config`` once per language; this
    keeps the sources from being read three times in one build.
    """
    key = root.resolve()
    signature = _signature(key)
    cached = _cache.get(key)
    if cached is None or cached[0] != signature:
        cached = (signature, load_course(key))
        _cache[key] = cached
    return cached[1]


def remember_course(course: Course) -> None:
    """Let :func:`load_course_cached` return ``course`` until a source file changes.

    A language process gets the course the pipeline already read and checked.
    """
    key = course.root.resolve()
    _cache[key] = (_signature(key), (course, []))


def _signature(root: Path) -> tuple[object, ...]:
    stats = []
    for path in (root / "course.yml", *sorted(root.glob("docs/**/*.md"))):
        try:
            stat = path.stat()
        except OSError:
            continue
        stats.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(stats)


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
