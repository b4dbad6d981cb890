"""Building one language of the site in a process of its own.

The pipeline builds each language in a separate process, in parallel. Each
process runs the whole MkDocs configuration but renders one language: the
runner gives mkdocs-static-i18n ``build: false`` for the other languages
(:mod:`build_tools.mkdocs_run`), and the default language's pass (which the
plugin requires) renders no pages when another language is wanted. The pipeline then puts the languages' folders together.
"""

from __future__ import annotations

import sys

from mkdocs.structure.files import Files

_only: str | None = None


def restrict_to(lang: str | None) -> None:
    """Build only ``lang`` in this process (``None``: every language)."""
    global _only
    _only = lang


def restricted() -> str | None:
    """The one language this process builds, or ``None``."""
    return _only


def builds(lang: str, default: bool) -> bool:
    """True when this process builds ``lang`` (the default language is always built)."""
    return _only is None or lang == _only or default


def skips(lang: str) -> bool:
    """True when the build of ``lang`` in this process only exists because i18n requires it."""
    return _only is not None and lang != _only


def no_files() -> Files:
    """The files of a skipped pass: none."""
    return Files([])


def is_dirty() -> bool:
    """True in a dirty build, which renders only the pages whose sources changed.

    The flag is the one mkdocs-static-i18n reads (see ``pipeline.dirty_flag``).
    """
    return "--dirty" in sys.argv or "--dirtyreload" in sys.argv
