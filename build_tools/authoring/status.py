"""Translation status: which translations match the current version of their source.

A translation records the version of the source page it was made from in its
front matter (``source_hash: <12 hex digits>``), written by ``course status
--mark``, never by hand. Marking also keeps a copy of that source text under
``translations/sources/`` (committed with the course), so that ``course status
--diff`` can show what changed in the source since, without git.

A translation without ``source_hash`` is *unconfirmed*: nobody has said which
version of the source it follows (new pages made by ``course new`` start so).
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..course.frontmatter import set_key
from ..course.loader import load_course
from ..course.model import Course, Lesson
from ..diagnostics import BuildFailed, Diagnostic, Severity, error, rel

STORE = Path("translations") / "sources"
"""Confirmed source texts, relative to the project root: ``<src_uri>@<hash>.md``."""
STATUSES = ("up-to-date", "outdated", "unconfirmed", "missing", "orphaned")
"""Every status, best first."""
LABELS = {
    "up-to-date": "up to date",
    "outdated": "outdated",
    "unconfirmed": "unconfirmed",
    "missing": "missing",
    "orphaned": "orphaned",
}


@dataclass(frozen=True)
class Entry:
    """The status of one page in one translation language."""

    src_uri: str
    lang: str
    status: str
    """One of :data:`STATUSES`."""
    title: str
    """The page title in the source language (or the translation's, for orphans)."""
    path: Path | None
    """The translation file, ``None`` when missing."""
    source_path: Path | None
    """The source file, ``None`` when the translation is orphaned."""
    source_hash: str | None
    """The hash of the current source text."""
    marked_hash: str | None
    """The hash the translation records, ``None`` when unconfirmed."""


def read_text(path: Path) -> str:
    """Return the text of ``path`` as the checks see it: no BOM, LF line ends."""
    return path.read_text(encoding="utf-8").removeprefix("\ufeff").replace("\r\n", "\n")


def text_hash(text: str) -> str:
    """Return the 12-hex-digit version hash of a source text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def load(root: Path) -> tuple[Course, int]:
    """Load the course and count its errors; raise :class:`BuildFailed` if it is unreadable.

    Pages with errors are left out of the course, so the caller should say so.
    """
    course, diagnostics = load_course(root)
    if course is None:
        raise BuildFailed(diagnostics, "the course cannot be read")
    return course, sum(d.severity is Severity.ERROR for d in diagnostics)


def translation_status(course: Course) -> list[Entry]:
    """Return the status of every page in every language but the source language."""
    entries = []
    for lesson in course.all_lessons():
        for lang in course.languages:
            if lang != course.source_language:
                entry = _entry(course, lesson, lang)
                if entry is not None:
                    entries.append(entry)
    return entries


def _entry(course: Course, lesson: Lesson, lang: str) -> Entry | None:
    source = lesson.pages.get(course.source_language)
    page = lesson.pages.get(lang)
    if source is None and page is None:
        return None
    if source is None:
        assert page is not None
        return Entry(lesson.src_uri, lang, "orphaned", page.title, page.path, None, None,
                     _marked(page.source_hash))
    current = text_hash(read_text(source.path))
    if page is None:
        return Entry(lesson.src_uri, lang, "missing", source.title, None, source.path,
                     current, None)
    marked = _marked(page.source_hash)
    status = "unconfirmed" if marked is None else "up-to-date" if marked == current \
        else "outdated"
    return Entry(lesson.src_uri, lang, status, source.title, page.path, source.path,
                 current, marked)


def _marked(value: object) -> str | None:
    return str(value) if value not in (None, "") else None



def select(course: Course, entries: list[Entry], targets: Iterable[str],
           cwd: Path) -> tuple[list[Entry], list[Diagnostic]]:
    """Return the entries that ``targets`` name: ``all``, language folders, folders, files.

    A target is a path relative to the project root or, failing that, to ``cwd``.
    Targets that name nothing, or name a source-language page, are reported.
    """
    chosen: dict[tuple[str, str], Entry] = {}
    problems = []
    for target in targets:
        found, problem = _select_one(course, entries, target, cwd)
        chosen.update({(e.src_uri, e.lang): e for e in found})
        problems += [problem] if problem else []
    return [e for e in entries if (e.src_uri, e.lang) in chosen], problems


def _select_one(course: Course, entries: list[Entry], target: str,
                cwd: Path) -> tuple[list[Entry], Diagnostic | None]:
    if target == "all":
        return entries, None
    path = _resolve(course.root, cwd, target)
    where = rel(path, course.root)
    if not path.exists():
        return [], error(target, None, "no such file or folder; give a translated page, a "
                         "language folder such as 'docs/ru', or 'all'", "status")
    found = [e for e in entries if e.path and _inside(e.path, path)]
    source_dir = course.docs_dir / course.source_language
    if not found and _inside(path, source_dir):
        other = next((lang for lang in course.languages if lang != course.source_language),
                     "<lang>")
        return [], error(where, None, f"this is in the source language "
                         f"'{course.source_language}'; give its translations instead, such "
                         f"as '{rel(course.docs_dir / other, course.root)}'", "status")
    if not found:
        return [], error(where, None, "no translated page here; give a translated page, a "
                         "language folder such as 'docs/ru', or 'all'", "status")
    return found, None


def _resolve(root: Path, cwd: Path, target: str) -> Path:
    path = Path(target)
    if path.is_absolute():
        return path.resolve()
    in_project = (root / path).resolve()
    return in_project if in_project.exists() else (cwd / path).resolve()


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def mark(course: Course, entries: list[Entry]) -> tuple[list[Entry], list[Diagnostic]]:
    """Record the current source version in each translation of ``entries``.

    The source text is kept under :data:`STORE`. Missing and orphaned pages cannot
    be marked and are reported.
    """
    done, problems = [], []
    for entry in entries:
        if entry.path is None:
            continue  # missing: nothing to mark yet
        if entry.source_path is None:
            problems.append(error(rel(entry.path, course.root), None, "cannot mark an "
                                  "orphaned translation: its source page "
                                  f"'{course.source_language}/{entry.src_uri}' is gone",
                                  "status"))
            continue
        text = read_text(entry.source_path)
        stored = store_path(course.root, entry.src_uri, text_hash(text))
        if not stored.is_file():
            stored.parent.mkdir(parents=True, exist_ok=True)
            stored.write_text(text, encoding="utf-8")
        original = entry.path.read_text(encoding="utf-8")
        updated = set_key(original, "source_hash", text_hash(text))
        if updated != original:
            entry.path.write_text(updated, encoding="utf-8", newline="")
        done.append(entry)
    return done, problems


def store_path(root: Path, src_uri: str, digest: str) -> Path:
    """Return where the source text of ``src_uri`` at version ``digest`` is kept."""
    return root / STORE / f"{src_uri.removesuffix('.md')}@{digest}.md"


def stored_source(root: Path, src_uri: str, digest: str) -> str | None:
    """Return the kept source text at version ``digest`` (also after a rename), if any."""
    path = store_path(root, src_uri, digest)
    if not path.is_file():
        path = next(iter(sorted((root / STORE).glob(f"**/*@{digest}.md"))), path)
    return path.read_text(encoding="utf-8") if path.is_file() else None


def source_diff(course: Course, entry: Entry) -> str | None:
    """Return a unified diff of the source since the translation was made.

    ``None`` when the old source text was never kept (the hash was typed by hand
    or ``translations/sources`` was not committed).
    """
    if entry.status != "outdated" or entry.source_path is None or entry.marked_hash is None:
        return None
    old = stored_source(course.root, entry.src_uri, entry.marked_hash)
    if old is None:
        return None
    name = rel(entry.source_path, course.root)
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), read_text(entry.source_path).splitlines(keepends=True),
        fromfile=f"{name} @ {entry.marked_hash} (translated)",
        tofile=f"{name} @ {entry.source_hash} (now)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def counts(entries: list[Entry], languages: Iterable[str]) -> dict[str, dict[str, int]]:
    """Return ``{lang: {status: number of pages}}`` with every status present."""
    result = {lang: dict.fromkeys(STATUSES, 0) for lang in languages}
    for entry in entries:
        result[entry.lang][entry.status] += 1
    return result
