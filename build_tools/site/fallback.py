"""Pages missing in a language, built from the first translation in ``fallback`` order.

mkdocs-static-i18n can only fall back to the default language, and course.yml's
``fallback`` list may name another order: the runner turns the plugin's
``fallback_to_default`` off (:mod:`build_tools.site.runner`), so that each
language's build holds that language's own pages only, and the pages it lacks
are added here from :meth:`Course.fallback_for`.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.structure.files import File, Files

from ..course.model import Course
from .urls import page_url, prefix

FALLBACK_ATTR = "course_content_lang"
"""Attribute set on a built :class:`File` whose content is in another language."""


def content_language(file: File, lang: str) -> str:
    """Return the language of a page's content: ``lang`` unless the page is a fallback."""
    return str(getattr(file, FALLBACK_ATTR, lang))


def add_fallback_pages(files: Files, config: Any, course: Course, lang: str) -> Files:
    """Return ``files`` with one page for every lesson that ``lang`` lacks."""
    for lesson in course.all_lessons():
        if lang in lesson.pages:
            continue
        page = course.fallback_for(lesson, lang)
        if page is not None:
            files.append(_fallback_file(config, course, lang, lesson.src_uri, page.lang,
                                        str(page.path)))
            _add_assets(files, config, course, lang, page.path.parent,
                        PurePosixPath(lesson.src_uri).parent)
    return files


def _add_assets(files: Files, config: Any, course: Course, lang: str, folder: Path,
                folder_uri: PurePosixPath) -> None:
    """Add the files beside a fallback page (its images) that ``lang`` has no copy of.

    Images are kept per language (their labels are translated), so a page
    taken from another language needs that language's images where ``lang``
    has none.
    """
    taken = {file.dest_uri for file in files}
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix == ".md":
            continue
        rel = (folder_uri / path.relative_to(folder).as_posix()).as_posix()
        dest_uri = prefix(course, lang) + rel
        if dest_uri not in taken:
            asset = File(f"{lang}/{rel}", src_dir=None, dest_dir=config.site_dir,
                         use_directory_urls=False, dest_uri=dest_uri)
            asset.abs_src_path = str(path)
            files.append(asset)


def _fallback_file(config: Any, course: Course, lang: str, src_uri: str, source_lang: str,
                   abs_src_path: str) -> File:
    """A page of ``lang`` at ``src_uri`` whose Markdown is read from another language's file."""
    file = File(f"{lang}/{src_uri}", src_dir=None, dest_dir=config.site_dir,
                use_directory_urls=False, dest_uri=page_url(course, lang, src_uri))
    file.abs_src_path = abs_src_path
    setattr(file, FALLBACK_ATTR, source_lang)
    return file
