"""Where each language's pages live in the built site, as site-root-relative URLs.

The default language is built at the site root, the others under ``<lang>/``.
Pages use ``.html`` URLs (``use_directory_urls: false``) so that they open from
a folder on disk.
"""

from __future__ import annotations

from collections.abc import Iterator
from posixpath import splitext
from typing import Any

from ..course.model import Course, Lesson


def current_language(config: Any) -> str:
    """Return the language being built: mkdocs-static-i18n sets the theme language per build."""
    return str(config.theme["language"])


def prefix(course: Course, lang: str) -> str:
    """Return the folder of ``lang`` in the site: ``""`` for the default language, else ``ru/``."""
    return "" if lang == course.default_language else f"{lang}/"


def page_url(course: Course, lang: str, src_uri: str) -> str:
    """Return the site-root-relative URL of page ``src_uri`` (``01-a/01-b.md``) in ``lang``."""
    return prefix(course, lang) + splitext(src_uri)[0] + ".html"


def norm_src_uri(course: Course, src_uri: str) -> str:
    """Strip the language folder from a docs-relative ``src_uri`` (``ru/a.md`` -> ``a.md``)."""
    head, _, rest = src_uri.partition("/")
    return rest if rest and head in course.languages else src_uri



def module_titles(course: Course, lang: str) -> dict[str, str]:
    """Return each module's title in ``lang`` (or its fallback's) by folder name."""
    return {module.dir_uri: course.title_of(module.index, lang) for module in course.modules}
