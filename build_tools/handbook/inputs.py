"""The digest of everything one language's handbooks are made of, taken without making them.

Making a handbook's HTML (reading every built page, writing the worksheets and
answer keys) takes about a second per language at 600 pages, before the
cache (:mod:`.cache`) can tell that each PDF is the one it keeps. This digest
is taken instead of that work: the built page and the source page (with its
questions) of every chapter, the course's settings, the build day, the
pipeline's code and catalogs, the versions of the libraries that write the
HTML, and what :func:`.cache.environment` covers. When it equals the last
build's, the last build's PDFs (whose images the cache checks too) are the
ones this build would write.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..course.model import Course, Lesson
from ..diagnostics import rel
from ..site.frame import build_day
from ..site.urls import page_url
from .cache import environment

PIPELINE_DIR = Path(__file__).resolve().parent.parent
"""The pipeline's code, templates and catalogs (``build_tools``)."""
HTML_LIBRARIES = ("markdown", "lxml", "babel", "pymdown-extensions")
"""Libraries that write or read the handbook's HTML besides those of ``environment``."""


def inputs_digest(course: Course, lang: str, site_dir: Path) -> str:
    """Return the digest of the inputs of ``lang``'s handbooks built from ``site_dir``."""
    config = replace(course.config, root=Path("."))  # wherever the project lies
    digest = hashlib.sha256(f"{pipeline_digest()}\n{lang}\n{build_day()}\n{config!r}\n"
                            .encode())
    lessons = [course.home, *(lesson for module in course.modules
                              for lesson in (module.index, *module.lessons))]
    for module in course.modules:
        digest.update(f"module {module.id} {module.index.src_uri} {len(module.lessons)}\n"
                      .encode())
    for lesson in lessons:
        digest.update(_lesson(course, lesson, lang, site_dir))
    return digest.hexdigest()


def _lesson(course: Course, lesson: Lesson, lang: str, site_dir: Path) -> bytes:
    """Return what one chapter is made of: its source page in ``lang`` and its built page."""
    page = course.fallback_for(lesson, lang)
    if page is not None:
        page = replace(page, path=Path(rel(page.path, course.root)))
    head = f"\0lesson {lesson.id} {lesson.src_uri} {lesson.kind} {page!r}\0".encode()
    try:
        built = (site_dir / page_url(course, lang, lesson.src_uri)).read_bytes()
    except OSError:
        built = b"-"
    return head + hashlib.sha256(built).digest()


@cache
def pipeline_digest() -> str:
    """Return a digest of the pipeline's files, the HTML libraries and the PDF environment."""
    digest = hashlib.sha256(environment().encode())
    for name in HTML_LIBRARIES:
        try:
            digest.update(f"{name} {version(name)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{name} -\n".encode())
    for path in sorted(PIPELINE_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PIPELINE_DIR).as_posix().encode() + b"\0"
                          + path.read_bytes())
    return digest.hexdigest()
