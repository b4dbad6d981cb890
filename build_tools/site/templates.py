"""Compiled theme templates, kept in the project's ``.cache/templates`` between builds.

Jinja compiles each template of the theme (Material's hundred and ours) to
Python before its first use; that is a quarter of the time a language's site
takes at 60 pages, and every language process of every build did it again.
Jinja's own file cache keeps the compiled code under a name made of the
template's name and file, with a digest of its source: a changed template is
compiled again, and the cache never changes what a page renders. Each file is
written whole (to a temporary name, then renamed), so language processes
compiling at once cannot read a part of one. Deleting the folder is safe.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache

CACHE_DIR = ".cache/templates"


def template_cache(root: Path) -> BytecodeCache | None:
    """Return the compiled templates' cache of the project at ``root``; ``None`` if unwritable."""
    folder = root / CACHE_DIR
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))
