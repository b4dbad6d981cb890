"""Rebuild after an edit without rebuilding the world, and time it for the benchmark."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from ..course.loader import load_course
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
        run_mkdocs(SiteRun(course, site))
        marker = f"edit-{time.time_ns()}"
        page.path.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
        started = time.perf_counter()
        edited, _ = load_course(root)  # what course serve does after a save
        assert edited is not None
        run_mkdocs(SiteRun(edited, site, dirty=True))
        took = time.perf_counter() - started
        output = site / page.src_uri.replace(".md", ".html")
        if marker not in output.read_text(encoding="utf-8"):
            raise RuntimeError(f"the edit of '{page.path}' did not reach '{output}'")
        return took
    finally:
        page.path.write_text(original, encoding="utf-8")
        shutil.rmtree(site, ignore_errors=True)
