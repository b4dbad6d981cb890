"""Building one language of the site in a process of its own.

The pipeline builds each language in a separate process, in parallel. Each
process runs the whole MkDocs configuration but renders one language: the
other languages are switched off in mkdocs-static-i18n, and the default
language's pass (which the plugin cannot skip) renders no pages when another
language is wanted. The pipeline then puts the languages' folders together.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import Files

_only: str | None = None


def restrict_to(lang: str | None) -> None:
    """Build only ``lang`` in this process (``None``: every language)."""
    global _only
    _only = lang


def restricted() -> str | None:
    """The one language this process builds, or ``None``."""
    return _only


def switch_off_other_languages(config: Any) -> None:
    """Tell mkdocs-static-i18n to build the wanted language only (and its required default)."""
    if _only is None or "i18n" not in config.plugins:
        return
    for lang in config.plugins["i18n"].config.languages:
        lang.build = lang.locale == _only or lang.default


def skips(lang: str) -> bool:
    """True when the build of ``lang`` in this process only exists because i18n requires it."""
    return _only is not None and lang != _only


def no_files() -> Files:
    """The files of a skipped pass: none."""
    return Files([])
