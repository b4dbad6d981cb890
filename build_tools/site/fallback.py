"""Pages missing in a language, built from the first translation in ``fallback`` order.

mkdocs-static-i18n only falls back to the default language; course.yml's
``fallback`` list may name another order, so the plugin replaces i18n's
choice with :meth:`Course.fallback_for`'s.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from ..model import Course
from .urls import lessons, page_url

FALLBACK_ATTR = "course_content_lang"
"""Attribute set on a built :class:`File` whose content is in another language."""


def content_language(file: File, lang: str) -> str:
    """Return the language of a page's content: ``lang`` unless the page is a fallback."""
    return str(getattr(file, FALLBACK_ATTR, lang))


def add_fallback_pages(files: Files, config: Any, course: Course, lang: str) -> Files:
    """Return ``files`` with one page for every lesson that ``lang`` lacks.

    Pages mkdocs-static-i18n took from another language are dropped first, so
    that every page of another language comes from the course's fallback order.
    """
    for file in list(files.documentation_pages()):
        if getattr(file, "locale", lang) != lang:
            files.remove(file)
    for lesson in lessons(course):
        if lang in lesson.pages:
            continue
        page = course.fallback_for(lesson, lang)
        if page is not None:
            files.append(_fallback_file(config, course, lang, lesson.src_uri, page.lang,
                                        str(page.path)))
    return files


def _fallback_file(config: Any, course: Course, lang: str, src_uri: str, source_lang: str,
                   abs_src_path: str) -> File:
    """A page of ``lang`` at ``src_uri`` whose Markdown is read from another language's file."""
    file = File(f"{lang}/{src_uri}", src_dir=None, dest_dir=config.site_dir,
                use_directory_urls=False, dest_uri=page_url(course, lang, src_uri))
    file.abs_src_path = abs_src_path
    # The attributes mkdocs-static-i18n reads from the files it made itself.
    file.alternates = {lang: file}  # type: ignore[attr-defined]
    file.locale = lang  # type: ignore[attr-defined]
    file.locale_alternate_of = lang  # type: ignore[attr-defined]
    file.localization = lang  # type: ignore[attr-defined]
    file.norm_src_uri = src_uri  # type: ignore[attr-defined]
    setattr(file, FALLBACK_ATTR, source_lang)
    return file
