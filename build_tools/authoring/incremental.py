"""Rebuild after an edit without rebuilding the world, and time it for the benchmark."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from ..course.loader import load_course
from ..course.model import Course
from ..site.runner import SiteRun, run_mkdocs


def time_one_page_edit(root: Path) -> float:
    """Build ``root`` once, edit one lesson, and return the seconds until its page is rewritten.

    The rebuild is the one ``course serve`` runs after a save: a dirty MkDocs
    build that renders only the pages whose sources changed.
    """
    course, _ = load_course(root)
    if course is None or not course.modules:
        raise ValueError(f"no course to edit in '{root}'")
    lesson = course.modules[0].lessons[0]
    page = lesson.pages[course.default_language]
    original = page.path.read_text(encoding="utf-8")
    site = Path(tempfile.mkdtemp(prefix="course-edit-"))
    try:
        built = time.time_ns()
        run_mkdocs(SiteRun(course, site))
        marker = f"edit-{time.time_ns()}"
        page.path.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
        started = time.perf_counter()
        edited, _ = load_course(root)  # what course serve does after a save
        assert edited is not None
        run_mkdocs(SiteRun(edited, site, lang=language_to_rebuild(edited, built), dirty=True))
        took = time.perf_counter() - started
        output = site / page.src_uri.replace(".md", ".html")
        if marker not in output.read_text(encoding="utf-8"):
            raise RuntimeError(f"the edit of '{page.path}' did not reach '{output}'")
        return took
    finally:
        page.path.write_text(original, encoding="utf-8")
        shutil.rmtree(site, ignore_errors=True)


def language_to_rebuild(course: Course, since_ns: int) -> str | None:
    """Return the one language a dirty rebuild must build for the files changed since ``since_ns``.

    ``None``: every language. A changed page shows in its own language and in
    each language that falls back to it; another changed file of a language
    folder (an image) in that language only; the glossary, or a file outside
    the language folders, in every language.
    """
    if course.glossary is not None and _changed(course.glossary.path, since_ns):
        return None  # its page in every language
    langs: set[str] = set()
    lessons = {page.path: lesson for lesson in course.all_lessons()
               for page in lesson.pages.values()}
    for path in course.files:
        if not _changed(path, since_ns):
            continue
        lang = path.relative_to(course.docs_dir).parts[0]
        if lang not in course.languages:
            return None
        langs.add(lang)
        if path in lessons:
            langs.update(other for other in course.languages
                         if course.fallback_for(lessons[path], other) is course.page_at(path))
    if not langs:
        return course.default_language
    return langs.pop() if len(langs) == 1 else None


def _changed(path: Path, since_ns: int) -> bool:
    try:
        return path.stat().st_mtime_ns > since_ns
    except OSError:
        return False
